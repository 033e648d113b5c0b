/**
 * Child processes for benchmarks: spawned with a hard time limit, their
 * output kept (bounded), their memory sampled from /proc, and every one of
 * them killed when the benchmark ends, however it ends.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

/** Project root: this file compiles to dist/bench/lib/process.js. */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The CLI under test: NETDICOM_CLI (e.g. a build of another checkout), else this build's bundle (package.json bin). */
export const cliPath = process.env.NETDICOM_CLI ?? fileURLToPath(new URL('../../cli/netdicom.cjs', import.meta.url));
/** dcmtk leaves Nagle on unless told otherwise (see /work/shared/reference/performance.md). */
export const DCMTK_ENV = { ...process.env, TCP_NODELAY: '1' };

const KEEP_OUTPUT = 64 << 10;
const live = new Set<Proc>();

/** How a process ended and how long it ran (spawn to exit), ms. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  timedOut: boolean;
}

export interface SpawnOptions {
  env?: NodeJS.ProcessEnv;
  /** Killed with SIGKILL after this many ms. */
  timeoutMs: number;
  cwd?: string;
}

/** One child process: output tails, wall time, exit. */
export class Proc {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly exited: Promise<Exit>;
  stdout = '';
  stderr = '';
  private readonly t0 = process.hrtime.bigint();
  private timedOut = false;

  constructor(readonly label: string, cmd: string, args: readonly string[], o: SpawnOptions) {
    // Its own process group, so a wrapper (/usr/bin/time) and what it runs die together.
    this.child = spawn(cmd, args, { env: o.env ?? process.env, cwd: o.cwd, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    if (this.child.pid === undefined) throw new Error(`${label}: cannot start ${cmd}`);
    this.pid = this.child.pid;
    live.add(this);
    this.child.stdout!.on('data', (b: Buffer) => (this.stdout = tail(this.stdout + b.toString())));
    this.child.stderr!.on('data', (b: Buffer) => (this.stderr = tail(this.stderr + b.toString())));
    const timer = setTimeout(() => {
      this.timedOut = true;
      this.signal('SIGKILL');
    }, o.timeoutMs);
    this.exited = new Promise((resolve, reject) => {
      this.child.once('error', reject);
      this.child.once('close', (code, signal) => {
        clearTimeout(timer);
        live.delete(this);
        resolve({ code, signal, wallMs: Number(process.hrtime.bigint() - this.t0) / 1e6, timedOut: this.timedOut });
      });
    });
  }

  /** Waits for a clean exit (code 0); throws with the output tail otherwise. */
  async success(): Promise<Exit> {
    const e = await this.exited;
    if (e.code !== 0) throw new Error(`${this.label} failed (${e.timedOut ? 'timed out' : `code ${e.code} signal ${e.signal}`}):\n${this.stderr.slice(-2000)}${this.stdout.slice(-1000)}`);
    return e;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Sends a signal to the process group. */
  signal(sig: NodeJS.Signals): void {
    try {
      process.kill(-this.pid, sig);
    } catch {
      // already gone
    }
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when it is gone. */
  async stop(graceMs = 5000): Promise<Exit> {
    if (this.running) {
      this.signal('SIGTERM');
      const t = setTimeout(() => this.signal('SIGKILL'), graceMs);
      const e = await this.exited;
      clearTimeout(t);
      return e;
    }
    return this.exited;
  }
}

function tail(s: string): string {
  return s.length > KEEP_OUTPUT ? s.slice(-KEEP_OUTPUT) : s;
}

const cleanups: (() => void)[] = [];

/** Runs `fn` (synchronous, e.g. rmSync of a temp dir) when the benchmark exits, however it exits. */
export function onExit(fn: () => void): void {
  cleanups.push(fn);
}

/** Kills every process group still running (SIGKILL) and runs the exit hooks. Called on exit and on signals. */
export function killAll(): void {
  for (const p of live) p.signal('SIGKILL');
  for (const fn of cleanups.splice(0)) {
    try {
      fn();
    } catch {
      // best effort
    }
  }
}
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM'] as const) {
  process.once(sig, () => {
    killAll();
    process.exit(130);
  });
}

/** A TCP port on 127.0.0.1 that nothing listened on a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts TCP connections on 127.0.0.1:port; throws after `timeoutMs` or if `proc` exits. */
export async function waitForPort(port: number, proc: Proc, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let gone = false;
  void proc.exited.then(() => (gone = true));
  while (Date.now() < until) {
    if (gone) throw new Error(`${proc.label} exited before listening:\n${proc.stderr.slice(-2000)}`);
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.connect({ host: '127.0.0.1', port });
      s.once('connect', () => {
        s.destroy();
        resolve(true);
      });
      s.once('error', () => resolve(false));
    });
    if (ok) return;
    await sleep(25);
  }
  throw new Error(`${proc.label}: nothing listens on port ${port} after ${timeoutMs} ms`);
}

/** Flushes every dirty page (`sync`), so a run does not pay for the previous run's writeback. */
export async function settleDisk(): Promise<void> {
  await new Proc('sync', 'sync', [], { timeoutMs: 120_000 }).success();
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Memory of a process from /proc/PID/status, MiB; undefined once it is gone. */
export function procMemory(pid: number): { rssMiB: number; hwmMiB: number } | undefined {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'latin1');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+) kB$`, 'm').exec(s)?.[1] ?? NaN);
    return { rssMiB: kb('VmRSS') / 1024, hwmMiB: kb('VmHWM') / 1024 };
  } catch {
    return undefined;
  }
}

/**
 * Samples VmRSS every `intervalMs` until stopped. `stop()` returns the
 * largest sample and VmHWM (the kernel's own peak, exact) read at that moment,
 * so call it before the process exits.
 */
export class RssSampler {
  private peak = 0;
  private lastHwm = 0;
  private readonly timer: NodeJS.Timeout;
  readonly samples: number[] = [];

  constructor(private readonly pid: number, intervalMs = 100) {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
  }

  private sample(): void {
    const m = procMemory(this.pid);
    if (!m) return;
    this.samples.push(Math.round(m.rssMiB * 10) / 10);
    this.peak = Math.max(this.peak, m.rssMiB);
    this.lastHwm = Math.max(this.lastHwm, m.hwmMiB);
  }

  /** Peak sampled VmRSS and VmHWM, MiB. */
  stop(): { peakRssMiB: number; hwmMiB: number } {
    this.sample();
    clearInterval(this.timer);
    return { peakRssMiB: this.peak, hwmMiB: this.lastHwm };
  }
}
