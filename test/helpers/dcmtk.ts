/**
 * Helpers for interop tests that drive real dcmtk tools (echoscu, storescu,
 * dcmdump, dcmconv) against our CLI, the way /work/shared/checks/lib.sh does.
 * Every dcmtk process runs with TCP_NODELAY=1 (dcmtk leaves Nagle on
 * otherwise). No fixed ports: `freePort` asks the OS.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants as fsConstants } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestContext } from 'node:test';

/** Project root: this file compiles to dist/test/helpers/dcmtk.js. */
export const projectRoot = fileURLToPath(new URL('../../../', import.meta.url));
/** The CLI users run (package.json bin): the bundle `npm run build` leaves in dist/cli/ (scripts/bundle-cli.mjs). */
export const cliPath = fileURLToPath(new URL('../../cli/netdicom.cjs', import.meta.url));

/** The shared sample files: NETDICOM_SAMPLES, else `../shared/dicom-samples` beside the project. */
export function samplesDir(): string {
  return path.resolve(process.env.NETDICOM_SAMPLES ?? path.join(projectRoot, '../shared/dicom-samples'));
}

export const TS = {
  ImplicitVRLittleEndian: '1.2.840.10008.1.2',
  ExplicitVRLittleEndian: '1.2.840.10008.1.2.1',
  ExplicitVRBigEndian: '1.2.840.10008.1.2.2',
  DeflatedExplicitVRLittleEndian: '1.2.840.10008.1.2.1.99',
} as const;

const UNCOMPRESSED: ReadonlySet<string> = new Set(Object.values(TS));

/** The storescu option that makes it propose a transfer syntax (lib.sh `scu_option`); '' for the uncompressed ones it proposes anyway. */
export const SCU_OPTION: Readonly<Record<string, string>> = {
  '1.2.840.10008.1.2.4.50': '-xy',
  '1.2.840.10008.1.2.4.51': '-xx',
  '1.2.840.10008.1.2.4.70': '-xs',
  '1.2.840.10008.1.2.4.80': '-xt',
  '1.2.840.10008.1.2.4.81': '-xu',
  '1.2.840.10008.1.2.4.90': '-xv',
  '1.2.840.10008.1.2.4.91': '-xw',
  '1.2.840.10008.1.2.5': '-xr',
  '1.2.840.10008.1.2.1.99': '-xd',
};

function onPath(name: string): boolean {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    try {
      accessSync(path.join(dir, name), fsConstants.X_OK);
      return true;
    } catch {
      /* not in this folder */
    }
  }
  return false;
}

/**
 * True when every named tool is on PATH. When one is missing: on CI
 * (CI=true) throws, so the test fails; elsewhere marks the test skipped
 * (`t.skip`, when given) and returns false.
 */
export function requireTool(names: string | readonly string[], t?: TestContext): boolean {
  const missing = (typeof names === 'string' ? [names] : names).filter((n) => !onPath(n));
  if (missing.length === 0) return true;
  const msg = `${missing.join(', ')} not installed (apt-get install -y dcmtk)`;
  if (process.env.CI === 'true') throw new Error(`${msg}: interop tests cannot be skipped on CI`);
  t?.skip(msg);
  return false;
}

/** A TCP port on 127.0.0.1 that nothing listened on a moment ago. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Resolves when a listener can bind 127.0.0.1:port (then closes it); rejects with the bind error. */
export function canBind(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => s.close(() => resolve()));
  });
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command to completion with TCP_NODELAY=1 (plus `env`) in its
 * environment. Never rejects on a non-zero exit; kills it (SIGKILL) after
 * `timeoutMs` (default 60 s).
 */
export function run(cmd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 60_000): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { env: { ...process.env, TCP_NODELAY: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    p.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => p.kill('SIGKILL'), timeoutMs);
    p.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    p.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

export interface EchoOptions {
  /** Our calling AE title (echoscu -aet). */
  aet?: string;
  /** The called AE title (echoscu -aec). */
  aec?: string;
}

/** One dcmtk echoscu C-ECHO to 127.0.0.1:port. */
export function echo(port: number, o: EchoOptions = {}): Promise<RunResult> {
  return run('echoscu', ['-to', '2', ...(o.aet ? ['-aet', o.aet] : []), ...(o.aec ? ['-aec', o.aec] : []), '127.0.0.1', String(port)]);
}

/**
 * Retries dcmtk echoscu until a C-ECHO succeeds (at most `tries`, 100 ms
 * apart). Gives up early when `alive()` turns false. Throws with the last
 * echoscu output.
 */
export async function waitForEcho(port: number, o: EchoOptions & { tries?: number; alive?: () => boolean } = {}): Promise<void> {
  let last: RunResult | undefined;
  for (let i = 0; i < (o.tries ?? 100); i++) {
    if (o.alive && !o.alive()) break;
    last = await echo(port, o);
    if (last.code === 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no C-ECHO success on port ${port}: ${last ? (last.stdout + last.stderr).trim() : 'server exited'}`);
}

export interface CliProcess {
  proc: ChildProcess;
  /** stdout and stderr so far, interleaved. */
  output(): string;
  /** Whether the process is still running. */
  alive(): boolean;
  /** Resolves when the process exits. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /**
   * SIGTERM, then waits for exit; SIGKILL after `graceMs` (default 5 s).
   * `forced` tells whether SIGKILL was needed.
   */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null; forced: boolean }>;
}

/**
 * Spawns `node dist/cli/netdicom.cjs ...args` (in `cwd` if given). With `echo`, resolves only once
 * dcmtk echoscu gets a C-ECHO success on that port (the process is stopped
 * and the error thrown if that never happens).
 */
export async function startCli(args: readonly string[], opts: { echo?: EchoOptions & { port: number }; cwd?: string } = {}): Promise<CliProcess> {
  const proc = spawn(process.execPath, [cliPath, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env }, ...(opts.cwd ? { cwd: opts.cwd } : {}) });
  let out = '';
  proc.stdout!.setEncoding('utf8').on('data', (d: string) => (out += d));
  proc.stderr!.setEncoding('utf8').on('data', (d: string) => (out += d));
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    proc.on('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
  });
  const handle: CliProcess = {
    proc,
    output: () => out,
    alive: () => running,
    exited,
    async stop(graceMs = 5000) {
      if (!running) return { ...(await exited), forced: false };
      proc.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      const forced = await Promise.race([
        exited.then(() => false),
        new Promise<boolean>((r) => (timer = setTimeout(() => r(true), graceMs))),
      ]);
      clearTimeout(timer);
      if (forced) proc.kill('SIGKILL');
      return { ...(await exited), forced };
    },
  };
  if (opts.echo) {
    try {
      await waitForEcho(opts.echo.port, { ...opts.echo, alive: handle.alive });
    } catch (e) {
      await handle.stop();
      throw new Error(`${(e as Error).message}\nserver output:\n${out}`);
    }
  }
  return handle;
}

/** A fresh temporary folder, removed after the test. */
export async function tempDir(t: TestContext, prefix = 'netdicom-interop-'): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Runs `fn` over `items` with at most `limit` at a time; results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

const VALUE = /^\(([0-9a-f]{4},[0-9a-f]{4})\) [A-Z]{2} \[(.*?)\]/i;

/**
 * Top-level attributes of Part 10 files by tag ("0002,0010" → value), the
 * meta header included, read with one dcmdump run for all files. Missing
 * attributes are absent from the record.
 */
export async function readAttributes(files: readonly string[], tags: readonly string[]): Promise<Map<string, Record<string, string>>> {
  const result = new Map<string, Record<string, string>>(files.map((f) => [f, {}]));
  if (files.length === 0) return result;
  const r = await run('dcmdump', ['-q', '-Un', '-M', '+F', ...tags.flatMap((t) => ['+P', t]), ...files]);
  let current: Record<string, string> | undefined = files.length === 1 ? result.get(files[0]!) : undefined;
  for (const line of r.stdout.split('\n')) {
    const head = /^# dcmdump \((\d+)\/\d+\): /.exec(line);
    if (head) {
      current = result.get(files[Number(head[1]) - 1]!);
      continue;
    }
    const m = VALUE.exec(line);
    if (m && current && !(m[1]!.toLowerCase() in current)) current[m[1]!.toLowerCase()] = m[2]!.replace(/[\0 ]+$/, '');
  }
  return result;
}

/** The Transfer Syntax UID in a Part 10 file's meta header (lib.sh `ts_of`); '' when unreadable. */
export async function tsOf(file: string): Promise<string> {
  return (await readAttributes([file], ['0002,0010'])).get(file)!['0002,0010'] ?? '';
}

/** The SOP Instance UID (0008,0018) of a Part 10 file's data set (lib.sh `sop_uid`); '' when unreadable. */
export async function sopUid(file: string): Promise<string> {
  return (await readAttributes([file], ['0008,0018'])).get(file)!['0008,0018'] ?? '';
}

/**
 * The data set as dcmdump prints it, independent of how the sender encoded
 * it (lib.sh `dataset_dump`): uncompressed data rewritten as Explicit VR
 * Little Endian with explicit lengths and no group lengths, encapsulated
 * data kept as is; the meta header, the transfer syntax line and Data Set
 * Trailing Padding left out. "UNREADABLE name" when dcmconv cannot read it.
 */
export async function datasetDump(file: string, ts?: string): Promise<string> {
  const syntax = ts ?? (await tsOf(file));
  const dir = await mkdtemp(path.join(os.tmpdir(), 'netdicom-dump-'));
  try {
    const tmp = path.join(dir, 'x.dcm');
    const conv = await run('dcmconv', ['-q', UNCOMPRESSED.has(syntax) ? '+te' : '+t=', '+e', '-g', file, tmp]);
    if (conv.code !== 0) return `UNREADABLE ${path.basename(file)}`;
    const dump = await run('dcmdump', ['-q', '-Un', '+L', '+U8', tmp]);
    const lines = dump.stdout.split('\n');
    const start = lines.findIndex((l) => l.startsWith('# Dicom-Data-Set'));
    return lines
      .slice(start < 0 ? 0 : start)
      .filter((l) => !l.startsWith('(fffc,fffc)') && !l.startsWith('# Used TransferSyntax'))
      .join('\n');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** The Part 10 preamble check: "DICM" at byte 128. */
export function isPart10(bytes: Buffer): boolean {
  return bytes.length >= 132 && bytes.toString('latin1', 128, 132) === 'DICM';
}

/**
 * Polls `probe` every 25 ms until it returns a value other than undefined or
 * false, and returns that value; throws `what` after `timeoutMs` (default 10 s).
 * A bounded wait, never a timing assertion.
 */
export async function eventually<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * A dcmqrscp configuration: one AE (`aet`) storing into `db` (at most `maxStudies`
 * studies), and `hosts` as its host table (name → [AE title, port on 127.0.0.1]:
 * the C-MOVE destinations it knows).
 */
export function dcmqrscpConfig(o: { port: number; aet: string; db: string; hosts?: Record<string, [aet: string, port: number]>; maxStudies?: number }): string {
  return [
    `NetworkTCPPort = ${o.port}`, 'MaxPDUSize = 16384', 'MaxAssociations = 16',
    'HostTable BEGIN', ...Object.entries(o.hosts ?? {}).map(([name, [aet, port]]) => `${name} = (${aet}, 127.0.0.1, ${port})`), 'HostTable END',
    'VendorTable BEGIN', 'VendorTable END',
    'AETable BEGIN', `${o.aet} ${o.db} RW (${o.maxStudies ?? 200}, 1024mb) ANY`, 'AETable END', '',
  ].join('\n');
}
