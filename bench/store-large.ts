/**
 * Storage SCP memory and throughput with one ~1 GiB object.
 *
 *   node dist/bench/store-large.js [--runs 5] [--size-mib 1024] [--our-sender] [--keep]
 *
 * Synthesizes a Multi-frame Grayscale Word SC object (Explicit VR LE, OW
 * Pixel Data) in a temp dir, checks that dcmdump reads it, then, in
 * interleaved runs, sends it with dcmtk storescu (TCP_NODELAY=1) to:
 * netdicom storescp, dcmtk storescp, dcmtk storescp +B. Per run: sender wall
 * time (→ MB/s, 1 MB = 10^6 bytes), the SCP's VmHWM read from /proc just
 * before it is stopped (VmRSS also sampled every 100 ms), the sender's peak
 * RSS (/usr/bin/time), and whether the stored data set is byte-identical to
 * the one sent. `--our-sender` adds netdicom storescu → dcmtk storescp +B.
 * Prints medians and ratios; writes bench/results/store-large-*.json.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RECEIVER_NAME, SENDER_NAME, requireTools, runSender, startReceiver, type ReceiverKind, type SenderKind } from './lib/peers.js';
import { RssSampler, onExit, settleDisk } from './lib/process.js';
import { dcmdumpCheck, sameDataset, writeLargeObject } from './lib/part10.js';
import { environment, fmt, intArg, median, parseArgs, printTable, warnIfBusy, writeResult } from './lib/report.js';

/** Our SCP's peak RSS must stay under this with a 1 GiB object. */
const TARGET_RSS_MIB = 150;
const RUN_TIMEOUT_MS = 300_000;

interface Config {
  label: string;
  sender: SenderKind;
  receiver: ReceiverKind;
}

interface Run {
  config: string;
  run: number;
  wallMs: number;
  mbps: number;
  receiverHwmMiB: number;
  receiverPeakSampledMiB: number;
  senderMaxRssMiB: number;
  identical: boolean;
  /** VmRSS of the receiver every 100 ms, MiB. */
  receiverRssSamples: number[];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const atStart = environment();
  warnIfBusy();
  const runs = intArg(args, 'runs', 5);
  const sizeMiB = intArg(args, 'size-mib', 1024);
  const keep = args.has('keep');
  requireTools(['storescp', 'storescu', 'dcmdump', 'cmp']);

  const configs: Config[] = [
    { label: 'dcmtk storescu → netdicom storescp', sender: 'dcmtk', receiver: 'netdicom' },
    { label: 'dcmtk storescu → dcmtk storescp', sender: 'dcmtk', receiver: 'dcmtk' },
    { label: 'dcmtk storescu → dcmtk storescp +B', sender: 'dcmtk', receiver: 'dcmtk+B' },
  ];
  if (args.has('our-sender')) configs.push({ label: 'netdicom storescu → dcmtk storescp +B', sender: 'netdicom', receiver: 'dcmtk+B' });

  const tmp = await mkdtemp(path.join(os.tmpdir(), 'netdicom-bench-large-'));
  if (!keep) onExit(() => rmSync(tmp, { recursive: true, force: true }));
  try {
    const t0 = Date.now();
    const obj = await writeLargeObject(path.join(tmp, 'large.dcm'), sizeMiB * 2);
    const dump = await dcmdumpCheck(obj.path, ['0008,0018', '0028,0008']);
    await settleDisk();
    console.log(`object: ${obj.path}, ${(obj.fileBytes / 2 ** 20).toFixed(1)} MiB, ${obj.frames} frames, written in ${((Date.now() - t0) / 1000).toFixed(1)} s; dcmdump OK:\n  ${dump.replace(/\n/g, '\n  ')}`);

    const results: Run[] = [];
    for (let run = 1; run <= runs; run++) {
      // Interleaved, and the order rotates from run to run so no config always goes first.
      for (let k = 0; k < configs.length; k++) {
        const c = configs[(k + run - 1) % configs.length]!;
        const r = await oneRun(c, run, obj.path, obj.datasetBytes, tmp);
        results.push(r);
        console.log(`run ${run} ${c.label}: ${fmt(r.mbps)} MB/s, SCP peak ${fmt(r.receiverHwmMiB)} MiB, SCU peak ${fmt(r.senderMaxRssMiB)} MiB, data set ${r.identical ? 'identical' : 'DIFFERS'}`);
      }
    }
    report(configs, results, obj.datasetBytes, runs, sizeMiB, args.has('our-sender'), atStart);
  } finally {
    if (!keep) await rm(tmp, { recursive: true, force: true });
    else console.log(`kept ${tmp}`);
  }
}

async function oneRun(c: Config, run: number, file: string, datasetBytes: number, tmp: string): Promise<Run> {
  const out = await mkdtemp(path.join(tmp, 'out-'));
  const rcv = await startReceiver(c.receiver, out, { timeoutMs: RUN_TIMEOUT_MS });
  try {
    const sampler = new RssSampler(rcv.proc.pid, 100);
    const snd = runSender(c.sender, rcv.port, [file], { timeoutMs: RUN_TIMEOUT_MS });
    const sent = await snd.result.catch((err: unknown) => {
      sampler.stop();
      throw err;
    });
    const mem = sampler.stop(); // the SCP is still up: VmHWM is its peak over the whole transfer
    const stored = await storedFile(out);
    const identical = await sameDataset(file, stored);
    return {
      config: c.label,
      run,
      wallMs: Math.round(sent.wallMs),
      mbps: datasetBytes / 1e6 / (sent.wallMs / 1000),
      receiverHwmMiB: mem.hwmMiB,
      receiverPeakSampledMiB: mem.peakRssMiB,
      senderMaxRssMiB: sent.maxRssMiB,
      identical,
      receiverRssSamples: sampler.samples,
    };
  } finally {
    await rcv.proc.stop();
    await rm(out, { recursive: true, force: true });
    await settleDisk();
  }
}

/** The one regular file an SCP wrote into `dir` (hidden temp folders aside). */
async function storedFile(dir: string): Promise<string> {
  const names = [];
  for (const n of await readdir(dir)) if (!n.startsWith('.') && (await stat(path.join(dir, n))).isFile()) names.push(n);
  if (names.length !== 1) throw new Error(`expected one stored file in ${dir}, found ${names.length}: ${names.join(', ')}`);
  return path.join(dir, names[0]!);
}

function report(configs: Config[], results: Run[], datasetBytes: number, runs: number, sizeMiB: number, ourSender: boolean, atStart: Record<string, unknown>): void {
  const rows = configs.map((c) => {
    const rs = results.filter((r) => r.config === c.label);
    return {
      config: c.label,
      sender: SENDER_NAME[c.sender],
      receiver: RECEIVER_NAME[c.receiver],
      runs: rs.length,
      mbps: median(rs.map((r) => r.mbps)),
      receiverHwmMiB: median(rs.map((r) => r.receiverHwmMiB)),
      receiverHwmMaxMiB: Math.max(...rs.map((r) => r.receiverHwmMiB)),
      senderMaxRssMiB: median(rs.map((r) => r.senderMaxRssMiB)),
      allIdentical: rs.every((r) => r.identical),
    };
  });
  const ours = rows.find((r) => r.receiver === RECEIVER_NAME.netdicom)!;
  const plusB = rows.find((r) => r.config === 'dcmtk storescu → dcmtk storescp +B')!;
  const plain = rows.find((r) => r.config === 'dcmtk storescu → dcmtk storescp')!;
  console.log(`\n${(datasetBytes / 2 ** 20).toFixed(0)} MiB data set, median of ${runs} interleaved runs (MB/s = 10^6 bytes/s of sender wall time, start-up included)\n`);
  printTable(
    ['sender → receiver', 'MB/s', 'SCP peak RSS MiB (max)', 'SCU peak RSS MiB', 'data set identical'],
    rows.map((r) => [r.config, fmt(r.mbps), `${fmt(r.receiverHwmMiB)} (${fmt(r.receiverHwmMaxMiB)})`, fmt(r.senderMaxRssMiB), r.allIdentical ? 'yes' : 'NO']),
  );
  const ratios = {
    throughputOursVsDcmtk: ours.mbps / plain.mbps,
    throughputOursVsDcmtkBypass: ours.mbps / plusB.mbps,
    peakRssOursVsDcmtk: ours.receiverHwmMiB / plain.receiverHwmMiB,
    peakRssOursVsDcmtkBypass: ours.receiverHwmMiB / plusB.receiverHwmMiB,
  };
  console.log(`\nnetdicom storescp / dcmtk storescp:    MB/s ×${fmt(ratios.throughputOursVsDcmtk, 2)}, peak RSS ×${fmt(ratios.peakRssOursVsDcmtk, 3)}`);
  console.log(`netdicom storescp / dcmtk storescp +B: MB/s ×${fmt(ratios.throughputOursVsDcmtkBypass, 2)}, peak RSS ×${fmt(ratios.peakRssOursVsDcmtkBypass, 2)}`);
  const pass = ours.receiverHwmMaxMiB < TARGET_RSS_MIB;
  console.log(`target: netdicom storescp peak RSS < ${TARGET_RSS_MIB} MiB in every run: ${pass ? 'met' : 'NOT met'} (worst ${fmt(ours.receiverHwmMaxMiB)} MiB)`);
  if (ourSender) {
    const s = rows.find((r) => r.sender === SENDER_NAME.netdicom)!;
    const d = plusB;
    console.log(`netdicom storescu peak RSS ${fmt(s.senderMaxRssMiB)} MiB vs dcmtk storescu ${fmt(d.senderMaxRssMiB)} MiB (×${fmt(s.senderMaxRssMiB / d.senderMaxRssMiB, 1)}); MB/s ×${fmt(s.mbps / d.mbps, 2)} to the same SCP`);
  }
  warnIfBusy();
  const file = writeResult('store-large', { benchmark: 'store-large', ...atStart, loadavgAtEnd: environment().loadavg, sizeMiB, datasetBytes, runs, targetRssMiB: TARGET_RSS_MIB, targetMet: pass, summary: rows, ratios, results });
  console.log(`\nresult: ${file}`);
}

main().catch((err: Error) => {
  console.error(`store-large: ${err.message}`);
  process.exit(1);
});
