/**
 * Many small C-STOREs over one association: senders and receivers compared.
 *
 *   node dist/bench/store-small.js [--runs 5] [--files 1000] [--src FILE] [--no-profile] [--keep]
 *                                  [--compare-cli OTHER/dist/cli/netdicom.cjs]
 *
 * Makes `--files` copies of CT_small.dcm with distinct SOP Instance UIDs
 * (rewritten in place in (0002,0003) and (0008,0018)), then, in interleaved
 * runs, times three pairs, each sender sending every file on one association:
 *   A  netdicom storescu → dcmtk storescp      (sender comparison, with B)
 *   B  dcmtk storescu    → dcmtk storescp      (the reference)
 *   C  dcmtk storescu    → netdicom storescp   (receiver comparison, with B)
 * dcmtk always runs with TCP_NODELAY=1. Times are the sender's wall time
 * (process start included). Each run also sends one other file alone first,
 * so files/s without start-up is (N − 1) / (t_N − t_1); for our storescu its
 * own summary line ("N sent … in X s") is reported as well. Ratios are of
 * medians and, more robust on a busy machine, the median of per-run ratios.
 * Then, unless --no-profile, one run each of A and C under `node --cpu-prof`
 * and the top costs. `--compare-cli` adds A′ and C′: A and C with another
 * build of the CLI (e.g. a branch with a fix), interleaved with the rest, so
 * a change is measured against the current build under the same load.
 * Writes bench/results/store-small-*.json.
 */
import { mkdtemp, mkdir, readdir, rm } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { summarizeProfile, type ProfileSummary } from './lib/cpuprofile.js';
import { dcmdumpCheck, sameDatasetUpToPadding, writeSmallCopies, type SmallCopy } from './lib/part10.js';
import { RECEIVER_NAME, SENDER_NAME, requireTools, runSender, startReceiver, type ReceiverKind, type SenderKind } from './lib/peers.js';
import { onExit, projectRoot, settleDisk } from './lib/process.js';
import { environment, fmt, intArg, median, parseArgs, printTable, warnIfBusy, writeResult } from './lib/report.js';

const RUN_TIMEOUT_MS = 180_000;

type PairId = 'A' | 'B' | 'C' | 'A′' | 'C′';
interface Pair {
  id: PairId;
  sender: SenderKind;
  receiver: ReceiverKind;
  /** Another build of our CLI for the netdicom side (--compare-cli). */
  cli?: string;
}
const PAIRS: Pair[] = [
  { id: 'A', sender: 'netdicom', receiver: 'dcmtk' },
  { id: 'B', sender: 'dcmtk', receiver: 'dcmtk' },
  { id: 'C', sender: 'dcmtk', receiver: 'netdicom' },
];
const label = (p: Pair) => `${p.id.padEnd(2)} ${SENDER_NAME[p.sender]}${p.cli && p.sender === 'netdicom' ? ' (other build)' : ''} → ${RECEIVER_NAME[p.receiver]}${p.cli && p.receiver === 'netdicom' ? ' (other build)' : ''}`;

interface Run {
  pair: PairId;
  run: number;
  /** Sender wall time for N files, and for the single file sent first, ms. */
  wallMs: number;
  oneFileWallMs: number;
  /** Our storescu's own figure for N files (after its start-up), ms. */
  selfReportedMs?: number;
  senderMaxRssMiB: number;
  stored: number;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const atStart = environment();
  warnIfBusy();
  const runs = intArg(args, 'runs', 5);
  const n = intArg(args, 'files', 1000);
  const samples = process.env.NETDICOM_SAMPLES ?? path.resolve(projectRoot, '../shared/dicom-samples');
  const src = typeof args.get('src') === 'string' ? String(args.get('src')) : path.join(samples, 'valid/CT_small.dcm');
  requireTools(['storescp', 'storescu', 'dcmdump', 'cmp']);
  const other = args.get('compare-cli');
  if (typeof other === 'string') {
    const cli = path.resolve(other);
    PAIRS.push({ id: 'A′', sender: 'netdicom', receiver: 'dcmtk', cli }, { id: 'C′', sender: 'dcmtk', receiver: 'netdicom', cli });
    console.log(`other build (′): ${cli}`);
  }

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'netdicom-bench-small-'));
  if (!args.has('keep')) onExit(() => rmSync(tmp, { recursive: true, force: true }));
  try {
    const filesDir = path.join(tmp, 'files');
    await mkdir(filesDir);
    const copies = await writeSmallCopies(src, filesDir, n);
    const files = copies.map((c) => c.path);
    const dumps = await Promise.all([copies[0]!, copies[n - 1]!].map((c) => dcmdumpCheck(c.path, ['0002,0003', '0008,0018'])));
    for (const d of dumps) {
      const uids = [...d.matchAll(/\[([0-9.]+)\]/g)].map((m) => m[1]);
      if (uids.length !== 2 || uids[0] !== uids[1] || !copies.some((c) => c.sopInstanceUid === uids[0])) throw new Error(`copy has inconsistent SOP Instance UIDs:\n${d}`);
    }
    console.log(`${n} copies of ${path.basename(src)} in ${filesDir}, distinct SOP Instance UIDs (dcmdump: ${dumps.map((d) => /\[([0-9.]+)\]/.exec(d)?.[1]).join(' … ')})`);

    const results: Run[] = [];
    for (let run = 1; run <= runs; run++) {
      for (let k = 0; k < PAIRS.length; k++) {
        const p = PAIRS[(k + run - 1) % PAIRS.length]!;
        const r = await oneRun(p, run, src, copies, tmp);
        results.push(r);
        console.log(`run ${run} ${label(p)}: ${fmt(r.wallMs / 1000, 2)} s (${fmt((n / r.wallMs) * 1000)} files/s), 1 file ${fmt(r.oneFileWallMs / 1000, 2)} s${r.selfReportedMs ? `, self-reported ${fmt(r.selfReportedMs / 1000, 2)} s` : ''}`);
      }
    }
    const profiles = args.has('no-profile') ? undefined : await profile(files, tmp);
    report(results, n, runs, src, atStart, profiles);
  } finally {
    if (!args.has('keep')) await rm(tmp, { recursive: true, force: true });
    else console.log(`kept ${tmp}`);
  }
}

/** One run of a pair: a fresh SCP and output folder; one other file alone, then the N files. */
async function oneRun(p: Pair, run: number, single: string, copies: SmallCopy[], tmp: string): Promise<Run> {
  const files = copies.map((c) => c.path);
  const out = await mkdtemp(path.join(tmp, 'out-'));
  const cli = p.cli ? { cli: p.cli } : {};
  const rcv = await startReceiver(p.receiver, out, { timeoutMs: RUN_TIMEOUT_MS, ...cli });
  try {
    const one = await runSender(p.sender, rcv.port, [single], { timeoutMs: RUN_TIMEOUT_MS, ...cli }).result;
    const all = await runSender(p.sender, rcv.port, files, { timeoutMs: RUN_TIMEOUT_MS, ...cli }).result;
    const stored = (await readdir(out)).filter((f) => !f.startsWith('.'));
    if (stored.length !== files.length + 1) throw new Error(`${label(p)}: ${stored.length} files stored, ${files.length + 1} expected`);
    if (p.receiver === 'netdicom') {
      // Our SCP names a file by its SOP Instance UID: spot-check the last one, byte for byte.
      const last = copies.at(-1)!;
      if (!(await sameDatasetUpToPadding(last.path, path.join(out, `${last.sopInstanceUid}.dcm`)))) throw new Error(`${label(p)}: stored data set differs from the one sent`);
    }
    return {
      pair: p.id,
      run,
      wallMs: all.wallMs,
      oneFileWallMs: one.wallMs,
      ...(all.selfReportedMs !== undefined ? { selfReportedMs: all.selfReportedMs } : {}),
      senderMaxRssMiB: all.maxRssMiB,
      stored: stored.length,
    };
  } finally {
    await rcv.proc.stop();
    await rm(out, { recursive: true, force: true });
    await settleDisk();
  }
}

/** One CPU-profiled run of A (our SCU) and of C (our SCP). */
async function profile(files: string[], tmp: string): Promise<{ storescu: ProfileSummary; storescp: ProfileSummary }> {
  const dir = path.join(projectRoot, 'bench', 'results', `profiles-${new Date().toISOString().replace(/[:.]/g, '-')}`);
  const scuDir = path.join(dir, 'storescu');
  const scpDir = path.join(dir, 'storescp');
  {
    const out = await mkdtemp(path.join(tmp, 'out-'));
    const rcv = await startReceiver('dcmtk', out, { timeoutMs: RUN_TIMEOUT_MS });
    try {
      await runSender('netdicom', rcv.port, files, { timeoutMs: RUN_TIMEOUT_MS, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', scuDir] }).result;
    } finally {
      await rcv.proc.stop();
      await rm(out, { recursive: true, force: true });
    }
  }
  {
    const out = await mkdtemp(path.join(tmp, 'out-'));
    const rcv = await startReceiver('netdicom', out, { timeoutMs: RUN_TIMEOUT_MS, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', scpDir] });
    try {
      await runSender('dcmtk', rcv.port, files, { timeoutMs: RUN_TIMEOUT_MS }).result;
    } finally {
      await rcv.proc.stop(10_000); // SIGTERM: the SCP exits and node writes the profile
      await rm(out, { recursive: true, force: true });
    }
  }
  const one = async (d: string) => {
    const names = (await readdir(d)).filter((f) => f.endsWith('.cpuprofile'));
    if (names.length !== 1) throw new Error(`expected one profile in ${d}, found ${names.length}`);
    return summarizeProfile(path.join(d, names[0]!), 12);
  };
  return { storescu: await one(scuDir), storescp: await one(scpDir) };
}

function report(results: Run[], n: number, runs: number, src: string, atStart: Record<string, unknown>, profiles?: { storescu: ProfileSummary; storescp: ProfileSummary }): void {
  const of = (id: PairId) => results.filter((r) => r.pair === id);
  const perSec = (ms: number, files = n) => (files / ms) * 1000;
  const rows = PAIRS.map((p) => {
    const rs = of(p.id);
    const self = rs.filter((r) => r.selfReportedMs !== undefined).map((r) => perSec(r.selfReportedMs!));
    return {
      pair: p.id,
      label: label(p),
      wallMs: median(rs.map((r) => r.wallMs)),
      filesPerSec: median(rs.map((r) => perSec(r.wallMs))),
      oneFileWallMs: median(rs.map((r) => r.oneFileWallMs)),
      filesPerSecExStartup: median(rs.map((r) => perSec(r.wallMs - r.oneFileWallMs, n - 1))),
      filesPerSecSelfReported: self.length ? median(self) : NaN,
      senderMaxRssMiB: median(rs.map((r) => r.senderMaxRssMiB)),
    };
  });
  const row = (id: PairId) => rows.find((r) => r.pair === id)!;
  /** Median over runs of (x in pair a) / (x in pair b), runs paired by number. */
  const pairedRatio = (a: PairId, b: PairId, x: (r: Run) => number) =>
    median(of(a).map((ra) => {
      const rb = of(b).find((r) => r.run === ra.run);
      return rb ? x(ra) / x(rb) : NaN;
    }));
  const speed = (r: Run) => perSec(r.wallMs);
  const speedEx = (r: Run) => perSec(r.wallMs - r.oneFileWallMs, n - 1);
  const ratios = {
    senderOursVsDcmtk: row('A').filesPerSec / row('B').filesPerSec,
    senderOursVsDcmtkPaired: pairedRatio('A', 'B', speed),
    senderOursVsDcmtkExStartup: row('A').filesPerSecExStartup / row('B').filesPerSecExStartup,
    senderOursVsDcmtkExStartupPaired: pairedRatio('A', 'B', speedEx),
    receiverOursVsDcmtk: row('C').filesPerSec / row('B').filesPerSec,
    receiverOursVsDcmtkPaired: pairedRatio('C', 'B', speed),
    receiverOursVsDcmtkExStartup: row('C').filesPerSecExStartup / row('B').filesPerSecExStartup,
    receiverOursVsDcmtkExStartupPaired: pairedRatio('C', 'B', speedEx),
    ...(PAIRS.length > 3
      ? {
          otherBuildSenderVsThis: pairedRatio('A′', 'A', speed),
          otherBuildSenderVsThisExStartup: pairedRatio('A′', 'A', speedEx),
          otherBuildReceiverVsThis: pairedRatio('C′', 'C', speed),
          otherBuildReceiverVsThisExStartup: pairedRatio('C′', 'C', speedEx),
        }
      : {}),
  };
  console.log(`\n${n} × ${path.basename(src)} on one association, median of ${runs} interleaved runs (sender wall time)\n`);
  printTable(
    ['pair', 'wall s', 'files/s', '1 file s', 'files/s ex start-up', 'files/s self-reported', 'SCU peak RSS MiB'],
    rows.map((r) => [r.label, fmt(r.wallMs / 1000, 2), fmt(r.filesPerSec), fmt(r.oneFileWallMs / 1000, 2), fmt(r.filesPerSecExStartup), fmt(r.filesPerSecSelfReported), fmt(r.senderMaxRssMiB)]),
  );
  console.log('');
  printTable(
    ['ratio (files/s)', 'of medians', 'median per run', 'ex start-up', 'ex start-up per run'],
    [
      ['(a) sender   A/B  ours/dcmtk (target ≥ 1.0)', fmt(ratios.senderOursVsDcmtk, 2), fmt(ratios.senderOursVsDcmtkPaired, 2), fmt(ratios.senderOursVsDcmtkExStartup, 2), fmt(ratios.senderOursVsDcmtkExStartupPaired, 2)],
      ['(b) receiver C/B  ours/dcmtk', fmt(ratios.receiverOursVsDcmtk, 2), fmt(ratios.receiverOursVsDcmtkPaired, 2), fmt(ratios.receiverOursVsDcmtkExStartup, 2), fmt(ratios.receiverOursVsDcmtkExStartupPaired, 2)],
    ],
  );
  if (PAIRS.length > 3) {
    console.log('');
    printTable(
      ['other build / this build (files/s)', 'of medians', 'median per run', 'ex start-up', 'ex start-up per run'],
      [
        ['sender   A′/A', fmt(row('A′').filesPerSec / row('A').filesPerSec, 2), fmt(ratios.otherBuildSenderVsThis, 2), fmt(row('A′').filesPerSecExStartup / row('A').filesPerSecExStartup, 2), fmt(ratios.otherBuildSenderVsThisExStartup, 2)],
        ['receiver C′/C', fmt(row('C′').filesPerSec / row('C').filesPerSec, 2), fmt(ratios.otherBuildReceiverVsThis, 2), fmt(row('C′').filesPerSecExStartup / row('C').filesPerSecExStartup, 2), fmt(ratios.otherBuildReceiverVsThisExStartup, 2)],
        ['sender   A′/B  other/dcmtk', fmt(row('A′').filesPerSec / row('B').filesPerSec, 2), fmt(pairedRatio('A′', 'B', speed), 2), fmt(row('A′').filesPerSecExStartup / row('B').filesPerSecExStartup, 2), fmt(pairedRatio('A′', 'B', speedEx), 2)],
        ['receiver C′/B  other/dcmtk', fmt(row('C′').filesPerSec / row('B').filesPerSec, 2), fmt(pairedRatio('C′', 'B', speed), 2), fmt(row('C′').filesPerSecExStartup / row('B').filesPerSecExStartup, 2), fmt(pairedRatio('C′', 'B', speedEx), 2)],
      ],
    );
  }
  const met = ratios.senderOursVsDcmtkPaired >= 1;
  console.log(`\ntarget: our storescu at least as fast as dcmtk's (A/B ≥ 1.0, per-run median): ${met ? 'met' : 'NOT met'}`);
  if (profiles) {
    for (const [name, s] of Object.entries(profiles)) {
      console.log(`\nprofile of netdicom ${name}: ${s.busyMs} ms busy of ${s.totalMs} ms (${s.file})`);
      printTable(['self time, by function', 'ms', '%'], s.selfByFunction.slice(0, 10).map((c) => [c.name, fmt(c.ms, 0), fmt(c.pct)]));
      console.log('');
      printTable(['self time, by package / file', 'ms', '%'], s.selfByModule.slice(0, 8).map((c) => [c.name, fmt(c.ms, 0), fmt(c.pct)]));
      console.log('');
      printTable(['inclusive, our functions', 'ms', '%'], s.inclusiveOurs.slice(0, 10).map((c) => [c.name, fmt(c.ms, 0), fmt(c.pct)]));
    }
  }
  warnIfBusy();
  const file = writeResult('store-small', { benchmark: 'store-small', ...atStart, loadavgAtEnd: environment().loadavg, files: n, src, runs, targetMet: met, summary: rows, ratios, results, profiles });
  console.log(`\nresult: ${file}`);
}

main().catch((err: Error) => {
  console.error(`store-small: ${err.message}`);
  process.exit(1);
});
