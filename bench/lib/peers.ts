/**
 * The Storage SCPs and SCUs a benchmark pits against each other: our CLI
 * (`node dist/cli/netdicom.cjs storescp|storescu`, the bin users run) and dcmtk's storescp/storescu,
 * always with TCP_NODELAY=1 for dcmtk. Receivers listen on a free port and
 * are ready when they accept a connection.
 */
import { accessSync, constants as fsConstants } from 'node:fs';
import path from 'node:path';
import { DCMTK_ENV, Proc, cliPath, freePort, waitForPort } from './process.js';

export type ReceiverKind = 'netdicom' | 'dcmtk' | 'dcmtk+B';
export type SenderKind = 'netdicom' | 'dcmtk';

export const RECEIVER_NAME: Record<ReceiverKind, string> = {
  netdicom: 'netdicom storescp',
  dcmtk: 'dcmtk storescp',
  'dcmtk+B': 'dcmtk storescp +B',
};
export const SENDER_NAME: Record<SenderKind, string> = { netdicom: 'netdicom storescu', dcmtk: 'dcmtk storescu' };

const TIME = '/usr/bin/time';

export function onPath(name: string): boolean {
  if (path.isAbsolute(name)) return executable(name);
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir && executable(path.join(dir, name))) return true;
  return false;
}

function executable(file: string): boolean {
  try {
    accessSync(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Throws naming what is missing: dcmtk tools, cmp, the compiled CLI. */
export function requireTools(names: readonly string[]): void {
  const missing = names.filter((n) => !onPath(n));
  if (missing.length) throw new Error(`missing on PATH: ${missing.join(', ')} (apt-get install -y dcmtk diffutils)`);
  try {
    accessSync(cliPath, fsConstants.R_OK);
  } catch {
    throw new Error(`${cliPath} not found: build first (npm run build)`);
  }
}

export interface Receiver {
  kind: ReceiverKind;
  proc: Proc;
  port: number;
}

/** Starts a Storage SCP writing into `dir` and waits until it listens. `nodeArgs` go to node (e.g. --cpu-prof); `cli` replaces the CLI under test. */
export async function startReceiver(kind: ReceiverKind, dir: string, o: { timeoutMs: number; nodeArgs?: string[]; cli?: string }): Promise<Receiver> {
  const port = await freePort();
  const proc =
    kind === 'netdicom'
      ? new Proc(RECEIVER_NAME[kind], process.execPath, [...(o.nodeArgs ?? []), o.cli ?? cliPath, 'storescp', String(port), '-od', dir, '-ba', '127.0.0.1'], { timeoutMs: o.timeoutMs })
      : new Proc(RECEIVER_NAME[kind], 'storescp', [...(kind === 'dcmtk+B' ? ['+B'] : []), '-od', dir, String(port)], { timeoutMs: o.timeoutMs, env: DCMTK_ENV });
  await waitForPort(port, proc);
  return { kind, proc, port };
}

export interface SenderRun {
  proc: Proc;
  /** Resolves with the wall time (spawn to exit), the peak RSS (from /usr/bin/time, exact) and, for ours, its own summary. */
  result: Promise<SenderResult>;
}

export interface SenderResult {
  wallMs: number;
  maxRssMiB: number;
  /** Our storescu's summary line "N sent, F failed in X s": the time it measured itself (after start-up), ms. */
  selfReportedMs?: number;
  sent?: number;
}

/** Runs a Storage SCU sending `files` to 127.0.0.1:port on one association; fails unless it exits 0. */
export function runSender(kind: SenderKind, port: number, files: readonly string[], o: { timeoutMs: number; nodeArgs?: string[]; cli?: string }): SenderRun {
  const [cmd, args, env] =
    kind === 'netdicom'
      ? [process.execPath, [...(o.nodeArgs ?? []), o.cli ?? cliPath, 'storescu', '127.0.0.1', String(port), ...files, '-aec', 'ANY-SCP'], process.env]
      : ['storescu', ['127.0.0.1', String(port), ...files, '-aec', 'ANY-SCP'], DCMTK_ENV];
  const timed = onPath(TIME);
  const proc = timed
    ? new Proc(SENDER_NAME[kind], TIME, ['-f', 'BENCH_MAXRSS_KB=%M', '--', cmd, ...args], { timeoutMs: o.timeoutMs, env })
    : new Proc(SENDER_NAME[kind], cmd, args, { timeoutMs: o.timeoutMs, env });
  const result = proc.success().then((e): SenderResult => {
    const kb = /BENCH_MAXRSS_KB=(\d+)/.exec(proc.stderr)?.[1];
    const summary = /(\d+) sent, (\d+) failed in ([\d.]+) s/.exec(proc.stderr);
    if (summary && summary[2] !== '0') throw new Error(`${proc.label}: ${summary[0]}\n${proc.stderr.slice(-2000)}`);
    return {
      wallMs: e.wallMs,
      maxRssMiB: kb ? Number(kb) / 1024 : NaN,
      ...(summary ? { selfReportedMs: Number(summary[3]) * 1000, sent: Number(summary[1]) } : {}),
    };
  });
  return { proc, result };
}
