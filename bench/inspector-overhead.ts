/**
 * What the live inspector page costs the SCP: 100 concurrent dcmtk storescu
 * associations against our storescp, with the inspector page open in headless
 * chromium versus not open.
 *
 *   node dist/bench/inspector-overhead.js [--runs 7] [--assocs 100] [--files 3] [--src FILE] [--profile] [--keep]
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
 * and records the server dropped for it; the page's long tasks (over 50 ms,
 * from a PerformanceObserver, wall time: on a busy machine they include time
 * other processes held the CPU) from the first spawn until the page showed
 * every association ended; CPU seconds of storescp and of chromium's
 * processes by type (renderer, gpu-process, browser, network...).
 * --profile: after the measured rounds, one more `open` batch (not counted)
 * with a CDP CPU profile of the page and `node --cpu-prof` of storescp,
 * written to bench/results/profiles-inspector-DATE/ and summarised.
 * Writes bench/results/inspector-overhead-*.json.
 */
import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { summarizeProfile, type ProfileSummary } from './lib/cpuprofile.js';
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
  /** open: the page's long tasks (> 50 ms), wall ms, from the first spawn until the page showed every association ended. */
  pageLongTasksMs?: number[];
  /** CPU seconds (user + system) the storescp used for the batch, and chromium (all its processes) during it. */
  scpCpuS: number;
  chromiumCpuS: number;
  /** chromiumCpuS by process type (--type=…; the browser process is "browser"). */
  chromiumCpuByType: Record<string, number>;
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

/**
 * CPU seconds used so far by every process whose command line names `marker` (the chromium
 * profile folder), and their descendants, by process type (chromium's --type=, with the
 * utility sub-type; "browser" for the main process).
 */
function treeCpuByType(marker: string): Map<string, number> {
  const parent = new Map<number, number>();
  const cmdline = new Map<number, string>();
  const roots: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      parent.set(pid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
      const cmd = readFileSync(`/proc/${pid}/cmdline`, 'latin1');
      cmdline.set(pid, cmd);
      if (cmd.includes(marker)) roots.push(pid);
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p: number | undefined = pid, hops = 0; p && hops < 64; p = parent.get(p), hops++) if (roots.includes(p)) return true;
    return false;
  };
  const byType = new Map<string, number>();
  for (const pid of parent.keys()) {
    if (!inTree(pid)) continue;
    const cmd = cmdline.get(pid) ?? '';
    const type = /--type=([\w-]+)/.exec(cmd)?.[1] ?? 'browser';
    const sub = /--utility-sub-type=[\w]+\.mojom\.(\w+)/.exec(cmd)?.[1];
    const key = sub ? `${type}:${sub}` : type;
    byType.set(key, (byType.get(key) ?? 0) + cpuSeconds(pid));
  }
  return byType;
}

/** The CPU chromium's processes used between two treeCpuByType readings, by type and in all (seconds, 2 decimals). */
function cpuSince(before: Map<string, number>, after: Map<string, number>): { total: number; byType: Record<string, number> } {
  const byType: Record<string, number> = {};
  let total = 0;
  for (const [type, s] of after) {
    const d = Math.max(0, s - (before.get(type) ?? 0));
    total += d;
    if (d >= 0.005) byType[type] = Math.round(d * 100) / 100;
  }
  return { total, byType };
}

const LONG_TASKS = `window.__benchLongTasks = [];
new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__benchLongTasks.push(Math.round(e.duration)); }).observe({ type: 'longtask' });
true`;

let profile = '';

interface Page {
  evaluate(expr: string): Promise<unknown>;
  /** A CDP command to the page's target; resolves with its result. */
  send(method: string, params?: Record<string, unknown>): Promise<unknown>;
  close(): Promise<void>;
}

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

  /** Opens `url` in a new tab; returns a handle that evaluates expressions in it, sends other CDP commands and closes it. */
  async open(url: string): Promise<Page> {
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
      const m = JSON.parse(String(data)) as { id?: number; result?: unknown };
      if (m.id !== undefined) waiting.get(m.id)?.(m.result);
    });
    const send = (method: string, params: Record<string, unknown> = {}): Promise<unknown> =>
      new Promise((resolve) => {
        const id = ++next;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
      });
    return {
      send,
      evaluate: async (expr) => ((await send('Runtime.evaluate', { expression: expr, returnByValue: true })) as { result?: { value?: unknown } } | undefined)?.result?.value,
      close: async () => {
        ws.close();
        await fetch(`http://127.0.0.1:${this.port}/json/close/${target.id}`).catch(() => {});
      },
    };
  }

  /** Polls `expr` in the page until it is truthy; returns its value. */
  static async until(page: Pick<Page, 'evaluate'>, expr: string, what: string, timeoutMs = 60_000): Promise<unknown> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await page.evaluate(expr);
      if (v) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await sleep(100);
    }
  }
}

/** Where a profiled batch writes its profiles (--profile), else undefined. */
interface ProfileRun {
  dir: string;
  page?: ProfileSummary;
  storescp?: ProfileSummary;
}

async function batch(mode: Mode, round: number, groups: string[][], browser: Chromium, tmp: string, prof?: ProfileRun): Promise<Batch> {
  const out = path.join(tmp, `out-${mode}-${round}`);
  await mkdir(out);
  const port = await freePort();
  const wsPort = await freePort();
  const args = [...(prof ? ['--cpu-prof', '--cpu-prof-dir', prof.dir] : []), cliPath, 'storescp', String(port), '-od', out, '-ba', '127.0.0.1', '--max-associations', String(groups.length * 2), ...(mode === 'off' ? [] : ['--inspect', String(wsPort)])];
  const scp = new Proc('netdicom storescp', process.execPath, args, { timeoutMs: BATCH_TIMEOUT_MS * 2 });
  try {
    await waitForPort(port, scp);
    const page = mode === 'open' ? await browser.open(`http://127.0.0.1:${wsPort}/`) : undefined;
    if (page) await Chromium.until(page, `document.querySelector('[data-testid=connection]')?.dataset.conn === 'live'`, 'the page to connect');
    await settleDisk();
    await sleep(300);
    if (page) await page.evaluate(LONG_TASKS);
    if (page && prof) {
      await page.send('Profiler.enable');
      await page.send('Profiler.start');
    }
    const scpCpu0 = cpuSeconds(scp.pid);
    const chrCpu0 = treeCpuByType(profile);
    const t0 = process.hrtime.bigint();
    const senders = groups.map(
      (files, i) => new Proc(`storescu #${i}`, 'storescu', ['-aet', `MOD${String(i).padStart(3, '0')}`, '-aec', 'STORESCP', '127.0.0.1', String(port), ...files], { timeoutMs: BATCH_TIMEOUT_MS, env: DCMTK_ENV }),
    );
    await Promise.all(senders.map((s) => s.success()));
    const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
    const scpCpuS = cpuSeconds(scp.pid) - scpCpu0;
    const chromium = cpuSince(chrCpu0, treeCpuByType(profile));
    const loadavg1 = os.loadavg()[0]!;
    const files = groups.reduce((n, g) => n + g.length, 0);
    const stored = (await readdir(out)).filter((n) => n.endsWith('.dcm')).length;
    if (stored !== files) throw new Error(`${mode} round ${round}: ${stored} of ${files} files stored`);
    const result: Batch = {
      mode, round, wallMs, files, filesPerSec: files / (wallMs / 1000), stored, scpCpuS, chromiumCpuS: chromium.total, chromiumCpuByType: chromium.byType, loadavg1,
    };
    if (page) {
      // Let the page catch up with the last records, then read its counters.
      await Chromium.until(page, `document.querySelector('#counts')?.dataset.live === '0'`, 'the page to show every association ended').catch(() => {});
      await sleep(400);
      result.pageRecords = Number(await page.evaluate(`document.querySelector('#counts').dataset.records`));
      result.pageDropped = Number(await page.evaluate(`document.querySelector('[data-testid=drops]').dataset.dropped`));
      result.pageLive = Number(await page.evaluate(`document.querySelector('#counts').dataset.live`));
      result.pageLongTasksMs = JSON.parse(String(await page.evaluate('JSON.stringify(window.__benchLongTasks)'))) as number[];
      if (prof) {
        const { profile: cpuProfile } = (await page.send('Profiler.stop')) as { profile: unknown };
        const file = path.join(prof.dir, 'page.cpuprofile');
        await writeFile(file, JSON.stringify(cpuProfile));
        prof.page = summarizeProfile(file);
      }
      await page.close();
    }
    return result;
  } finally {
    await scp.stop(prof ? 30_000 : undefined); // SIGTERM: with --cpu-prof, node writes the profile as it exits
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
  let profiled: { batch: Batch; page?: ProfileSummary; storescp?: ProfileSummary } | undefined;
  try {
    for (let round = 1; round <= runs; round++) {
      for (let k = 0; k < MODES.length; k++) {
        const mode = MODES[(k + round - 1) % MODES.length]!;
        const b = await batch(mode, round, groups, browser, tmp);
        batches.push(b);
        const tasks = b.pageLongTasksMs ?? [];
        const page = b.pageRecords !== undefined ? `  page: ${b.pageRecords} records, ${b.pageDropped} dropped, ${tasks.length} long tasks (max ${Math.max(0, ...tasks)} ms)` : '';
        console.log(`round ${round}  ${mode.padEnd(6)}  ${fmt(b.wallMs, 0).padStart(6)} ms  ${fmt(b.filesPerSec, 1).padStart(6)} files/s  scp ${fmt(b.scpCpuS, 2)} s CPU  chromium ${fmt(b.chromiumCpuS, 2)} s CPU  load ${fmt(b.loadavg1, 1)}${page}`);
      }
    }
    if (args.has('profile')) {
      const dir = path.join(projectRoot, 'bench', 'results', `profiles-inspector-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      await mkdir(dir, { recursive: true });
      const prof: ProfileRun = { dir };
      const b = await batch('open', runs + 1, groups, browser, tmp, prof);
      const scpProfile = (await readdir(dir)).find((f) => f.endsWith('.cpuprofile') && f !== 'page.cpuprofile');
      if (scpProfile) prof.storescp = summarizeProfile(path.join(dir, scpProfile));
      profiled = { batch: b, page: prof.page, storescp: prof.storescp };
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
    pageLongTasks: longTaskSummary(batches.filter((b) => b.mode === 'open')),
    chromiumCpuSByTypeMedian: byTypeMedian(batches.filter((b) => b.mode === 'open')),
    pageRecordsMedian: median(batches.filter((b) => b.mode === 'open').map((b) => b.pageRecords ?? NaN)),
    targetPct: 10,
  };
  console.log('');
  printTable(
    ['mode', 'files/s (median)', 'drop vs closed', 'storescp CPU s', 'chromium CPU s'],
    MODES.map((m) => [m, fmt(med(m), 1), m === 'closed' ? '—' : `${fmt((1 - med(m) / med('closed')) * 100, 1)} %`, fmt(medOf(m, 'scpCpuS'), 2), fmt(medOf(m, 'chromiumCpuS'), 2)]),
  );
  const lt = summary.pageLongTasks;
  console.log(`\npage long tasks (> 50 ms, wall) per open batch: median ${lt.countMedian}, max per batch median ${lt.maxMsMedian} ms, longest ${lt.maxMs} ms; all: ${lt.all.join(', ') || 'none'}`);
  console.log(`chromium CPU s with the page open, median by process: ${Object.entries(summary.chromiumCpuSByTypeMedian).map(([k, v]) => `${k} ${fmt(v, 2)}`).join(', ')}`);
  console.log(`\npage open vs not open: ${fmt(summary.dropOpenVsClosedPct, 1)} % (ratio of medians), ${fmt(summary.dropOpenVsClosedPerRoundPct, 1)} % (median of per-round ratios); target < 10 %`);
  if (profiled) {
    for (const [name, p] of [['page (CDP profiler; "(program)" is the browser\'s own rendering work)', profiled.page], ['storescp', profiled.storescp]] as const) {
      if (!p) continue;
      console.log(`\nprofile of the ${name}: ${p.busyMs} ms busy of ${p.totalMs} ms (${path.relative(projectRoot, p.file)})`);
      printTable(['self time, by function', 'ms', '%'], p.selfByFunction.slice(0, 12).map((c) => [c.name, fmt(c.ms, 0), fmt(c.pct)]));
    }
  }
  const file = writeResult('inspector-overhead', {
    bench: 'inspector-overhead',
    environment: environment(),
    params: { runs, assocs, filesPerAssoc: perAssoc, src, tcpNoDelay: true },
    summary,
    batches,
    ...(profiled ? { profiled } : {}),
  });
  console.log(`wrote ${path.relative(projectRoot, file)}`);
}

/** Long tasks over the open batches: count and longest per batch (medians), the longest of all, and every duration. */
function longTaskSummary(open: Batch[]): { countMedian: number; maxMsMedian: number; maxMs: number; all: number[] } {
  const per = open.map((b) => b.pageLongTasksMs ?? []);
  return {
    countMedian: median(per.map((t) => t.length)),
    maxMsMedian: median(per.map((t) => Math.max(0, ...t))),
    maxMs: Math.max(0, ...per.flat()),
    all: per.flat(),
  };
}

/** Median CPU seconds of each chromium process type over `batches`. */
function byTypeMedian(batches: Batch[]): Record<string, number> {
  const types = new Set(batches.flatMap((b) => Object.keys(b.chromiumCpuByType)));
  return Object.fromEntries([...types].sort().map((t) => [t, median(batches.map((b) => b.chromiumCpuByType[t] ?? 0))]));
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
