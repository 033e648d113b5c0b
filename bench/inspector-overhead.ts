/**
 * What the live inspector page costs the SCP: 100 concurrent dcmtk storescu
 * associations against our storescp, with the inspector page open in headless
 * chromium versus not open.
 *
 *   node dist/bench/inspector-overhead.js [--runs 7] [--assocs 100] [--files 3] [--src FILE] [--keep]
 *
 * Each batch starts a fresh `netdicom storescp --inspect` and then `--assocs`
 * dcmtk storescu processes at once (TCP_NODELAY=1), each sending `--files`
 * small files (copies of CT_small.dcm with distinct SOP Instance UIDs) on its
 * own association. Throughput is files stored per second of the batch's wall
 * time (first spawn to last exit). Modes, interleaved in rotating order:
 *   off     storescp without --inspect (reference)
 *   closed  storescp --inspect, no page open (the hub keeps its backlog; nothing is serialised)
 *   open    storescp --inspect with the page open in headless chromium, following live
 *           (chromium started directly, no automation attached: see Chromium below)
 * The figure asked for is the drop from `closed` to `open` (target < 10%):
 * ratio of medians, and the median of per-round ratios (more robust when
 * other processes share the machine). Also reported: records the page got
 * and records the server dropped for it. Writes bench/results/inspector-overhead-*.json.
 */
import { mkdtemp, mkdir, readdir, rm } from 'node:fs/promises';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { writeSmallCopies } from './lib/part10.js';
import { requireTools } from './lib/peers.js';
import { DCMTK_ENV, Proc, cliPath, freePort, onExit, projectRoot, settleDisk, sleep, waitForPort } from './lib/process.js';
import { environment, fmt, intArg, median, parseArgs, printTable, writeResult } from './lib/report.js';

const CHROMIUM = '/usr/bin/chromium';
const BATCH_TIMEOUT_MS = 180_000;

type Mode = 'off' | 'closed' | 'open';
const MODES: Mode[] = ['off', 'closed', 'open'];

interface Batch {
  mode: Mode;
  round: number;
  wallMs: number;
  files: number;
  filesPerSec: number;
  stored: number;
  /** open: what the page showed once the batch was over. */
  pageRecords?: number;
  pageDropped?: number;
  pageLive?: number;
  /** CPU seconds (user + system) the storescp used for the batch, and chromium (all its processes) during it. */
  scpCpuS: number;
  chromiumCpuS: number;
  loadavg1: number;
}

const CLK_TCK = 100; // Linux USER_HZ

/** utime + stime of a process, seconds; 0 when it is gone. */
function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / CLK_TCK;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by every process whose command line names `marker` (the chromium profile folder), and their descendants. */
function treeCpuSeconds(marker: string): number {
  const parent = new Map<number, number>();
  const roots: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      if (readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(marker)) roots.push(pid);
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = parent.get(p), hops++) if (roots.includes(p)) return true;
    return false;
  };
  let total = 0;
  for (const pid of parent.keys()) if (inTree(pid)) total += cpuSeconds(pid);
  return total;
}

let profile = '';

/**
 * Headless chromium started directly (no browser automation attached: Playwright would enable
 * CDP domains that report every WebSocket frame, a cost a real open page does not have). Pages
 * are opened and read through the DevTools HTTP endpoint and a bare CDP session that only
 * evaluates expressions.
 */
class Chromium {
  private constructor(readonly proc: Proc, readonly port: number) {}

  static async launch(): Promise<Chromium> {
    profile = mkdtempSync(path.join(os.tmpdir(), 'chr-bench-'));
    onExit(() => rmSync(profile, { recursive: true, force: true }));
    const proc = new Proc('chromium', CHROMIUM, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--window-size=1600,1000', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank',
    ], { timeoutMs: 3_600_000 });
    const file = path.join(profile, 'DevToolsActivePort');
    for (let i = 0; ; i++) {
      try {
        return new Chromium(proc, Number(readFileSync(file, 'utf8').split('\n')[0]));
      } catch {
        if (i > 200 || !proc.running) throw new Error(`chromium did not start:\n${proc.stderr.slice(-2000)}`);
        await sleep(50);
      }
    }
  }

  /** Opens `url` in a new tab; returns a handle that evaluates expressions in it and closes it. */
  async open(url: string): Promise<{ evaluate(expr: string): Promise<unknown>; close(): Promise<void> }> {
    const res = await fetch(`http://127.0.0.1:${this.port}/json/new?${url}`, { method: 'PUT' });
    const target = (await res.json()) as { id: string; webSocketDebuggerUrl: string };
    const ws = new WebSocket(target.webSocketDebuggerUrl);
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    let next = 0;
    const waiting = new Map<number, (v: unknown) => void>();
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as { id?: number; result?: { result?: { value?: unknown } } };
      if (m.id !== undefined) waiting.get(m.id)?.(m.result?.result?.value);
    });
    return {
      evaluate: (expr) =>
        new Promise((resolve) => {
          const id = ++next;
          waiting.set(id, resolve);
          ws.send(JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression: expr, returnByValue: true } }));
        }),
      close: async () => {
        ws.close();
        await fetch(`http://127.0.0.1:${this.port}/json/close/${target.id}`).catch(() => {});
      },
    };
  }

  /** Polls `expr` in the page until it is truthy; returns its value. */
  static async until(page: { evaluate(expr: string): Promise<unknown> }, expr: string, what: string, timeoutMs = 60_000): Promise<unknown> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await page.evaluate(expr);
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }
}

async function batch(mode: Mode, round: number, groups: string[][], browser: Chromium, tmp: string): Promise<Batch> {
  const out = path.join(tmp, `out-${mode}-${round}`);
  await mkdir(out);
  const port = await freePort();
  const wsPort = await freePort();
  const args = [cliPath, 'storescp', String(port), '-od', out, '-ba', '127.0.0.1', '--max-associations', String(groups.length * 2), ...(mode === 'off' ? [] : ['--inspect', String(wsPort)])];
  const scp = new Proc('netdicom storescp', process.execPath, args, { timeoutMs: BATCH_TIMEOUT_MS * 2 });
  try {
    await waitForPort(port, scp);
    const page = mode === 'open' ? await browser.open(`http://127.0.0.1:${wsPort}/`) : undefined;
    if (page) await Chromium.until(page, `document.querySelector('[data-testid=connection]')?.dataset.conn === 'live'`, 'the page to connect');
    await settleDisk();
    await sleep(300);
    const scpCpu0 = cpuSeconds(scp.pid);
    const chrCpu0 = treeCpuSeconds(profile);
    const t0 = process.hrtime.bigint();
    const senders = groups.map(
      (files, i) => new Proc(`storescu #${i}`, 'storescu', ['-aet', `MOD${String(i).padStart(3, '0')}`, '-aec', 'STORESCP', '127.0.0.1', String(port), ...files], { timeoutMs: BATCH_TIMEOUT_MS, env: DCMTK_ENV }),
    );
    await Promise.all(senders.map((s) => s.success()));
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const scpCpuS = cpuSeconds(scp.pid) - scpCpu0;
    const chromiumCpuS = treeCpuSeconds(profile) - chrCpu0;
    const loadavg1 = os.loadavg()[0]!;
    const files = groups.reduce((n, g) => n + g.length, 0);
    const stored = (await readdir(out)).filter((n) => n.endsWith('.dcm')).length;
    if (stored !== files) throw new Error(`${mode} round ${round}: ${stored} of ${files} files stored`);
    const result: Batch = { mode, round, wallMs, files, filesPerSec: files / (wallMs / 1000), stored, scpCpuS, chromiumCpuS, loadavg1 };
    if (page) {
      // Let the page catch up with the last records, then read its counters.
      await Chromium.until(page, `document.querySelector('#counts')?.dataset.live === '0'`, 'the page to show every association ended').catch(() => {});
      await sleep(400);
      result.pageRecords = Number(await page.evaluate(`document.querySelector('#counts').dataset.records`));
      result.pageDropped = Number(await page.evaluate(`document.querySelector('[data-testid=drops]').dataset.dropped`));
      result.pageLive = Number(await page.evaluate(`document.querySelector('#counts').dataset.live`));
      await page.close();
    }
    return result;
  } finally {
    await scp.stop();
    await rm(out, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const runs = intArg(args, 'runs', 7);
  const assocs = intArg(args, 'assocs', 100);
  const perAssoc = intArg(args, 'files', 3);
  const src = typeof args.get('src') === 'string' ? String(args.get('src')) : path.resolve(projectRoot, '../shared/dicom-samples/valid/CT_small.dcm');
  requireTools(['storescu', CHROMIUM]);

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'netdicom-bench-inspector-'));
  if (!args.has('keep')) onExit(() => rmSync(tmp, { recursive: true, force: true }));
  const filesDir = path.join(tmp, 'files');
  await mkdir(filesDir);
  const copies = await writeSmallCopies(src, filesDir, assocs * perAssoc);
  const groups = Array.from({ length: assocs }, (_, i) => copies.slice(i * perAssoc, (i + 1) * perAssoc).map((c) => c.path));
  console.log(`${assocs} associations × ${perAssoc} copies of ${path.basename(src)}; ${runs} rounds of ${MODES.join(' / ')}, interleaved`);

  const browser = await Chromium.launch();
  // Let chromium finish starting up (first-run work) before anything is measured.
  const warm = await browser.open('about:blank');
  await sleep(3000);
  await warm.close();
  const batches: Batch[] = [];
  try {
    for (let round = 1; round <= runs; round++) {
      for (let k = 0; k < MODES.length; k++) {
        const mode = MODES[(k + round - 1) % MODES.length]!;
        const b = await batch(mode, round, groups, browser, tmp);
        batches.push(b);
        const page = b.pageRecords !== undefined ? `  page: ${b.pageRecords} records, ${b.pageDropped} dropped` : '';
        console.log(`round ${round}  ${mode.padEnd(6)}  ${fmt(b.wallMs, 0).padStart(6)} ms  ${fmt(b.filesPerSec, 1).padStart(6)} files/s  scp ${fmt(b.scpCpuS, 2)} s CPU  chromium ${fmt(b.chromiumCpuS, 2)} s CPU  load ${fmt(b.loadavg1, 1)}${page}`);
      }
    }
  } finally {
    await browser.proc.stop();
  }

  const med = (m: Mode) => median(batches.filter((b) => b.mode === m).map((b) => b.filesPerSec));
  const medOf = (m: Mode, k: 'scpCpuS' | 'chromiumCpuS') => median(batches.filter((b) => b.mode === m).map((b) => b[k]));
  const perRound = (a: Mode, b: Mode) =>
    median(Array.from({ length: runs }, (_, i) => {
      const x = batches.find((q) => q.mode === a && q.round === i + 1)!;
      const y = batches.find((q) => q.mode === b && q.round === i + 1)!;
      return y.filesPerSec / x.filesPerSec;
    }));
  const summary = {
    filesPerSecMedian: { off: med('off'), closed: med('closed'), open: med('open') },
    /** The figure asked for: throughput drop with the page open vs not open (--inspect in both). */
    dropOpenVsClosedPct: (1 - med('open') / med('closed')) * 100,
    dropOpenVsClosedPerRoundPct: (1 - perRound('closed', 'open')) * 100,
    dropClosedVsOffPct: (1 - med('closed') / med('off')) * 100,
    dropOpenVsOffPct: (1 - med('open') / med('off')) * 100,
    scpCpuSMedian: { off: medOf('off', 'scpCpuS'), closed: medOf('closed', 'scpCpuS'), open: medOf('open', 'scpCpuS') },
    chromiumCpuSMedian: { off: medOf('off', 'chromiumCpuS'), closed: medOf('closed', 'chromiumCpuS'), open: medOf('open', 'chromiumCpuS') },
    pageDroppedMedian: median(batches.filter((b) => b.mode === 'open').map((b) => b.pageDropped ?? NaN)),
    pageRecordsMedian: median(batches.filter((b) => b.mode === 'open').map((b) => b.pageRecords ?? NaN)),
    targetPct: 10,
  };
  console.log('');
  printTable(
    ['mode', 'files/s (median)', 'drop vs closed', 'storescp CPU s', 'chromium CPU s'],
    MODES.map((m) => [m, fmt(med(m), 1), m === 'closed' ? '—' : `${fmt((1 - med(m) / med('closed')) * 100, 1)} %`, fmt(medOf(m, 'scpCpuS'), 2), fmt(medOf(m, 'chromiumCpuS'), 2)]),
  );
  console.log(`\npage open vs not open: ${fmt(summary.dropOpenVsClosedPct, 1)} % (ratio of medians), ${fmt(summary.dropOpenVsClosedPerRoundPct, 1)} % (median of per-round ratios); target < 10 %`);
  const file = writeResult('inspector-overhead', {
    bench: 'inspector-overhead',
    environment: environment(),
    params: { runs, assocs, filesPerAssoc: perAssoc, src, tcpNoDelay: true },
    summary,
    batches,
  });
  console.log(`wrote ${path.relative(projectRoot, file)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
