/**
 * What the qrscp interop tests share (issue #4; /work/shared/checks/qrscp-interop.sh):
 * `netdicom qrscp` and dcmtk servers on free ports, storing the samples the
 * way the shared check does (one storescu association per transfer syntax),
 * the samples' attributes read with dcmdump (the expected answers come from
 * the files themselves), and dcmtk findscu runs parsed into their responses.
 */
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';
import { chmod, copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  dcmqrscpConfig, freePort, readAttributes, requireTool, run, samplesDir, SCU_OPTION, startCli, waitForEcho, type CliProcess, type RunResult,
} from '../helpers/dcmtk.js';

/** dcmtk options that keep a stuck peer from stalling a test. */
export const SCU = ['-to', '10', '-ta', '10', '-td', '30'];

/** The dcmtk tools every qrscp interop test needs; false (test skipped) when one is missing off CI. */
export function haveDcmtk(extra: readonly string[] = []): boolean {
  return requireTool(['echoscu', 'storescu', 'findscu', 'dcmdump', ...extra]);
}

export const TS_UNCOMPRESSED: ReadonlySet<string> = new Set(['1.2.840.10008.1.2', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2.2']);

/** Every valid sample, sorted. */
export async function validSamples(): Promise<string[]> {
  const dir = path.join(samplesDir(), 'valid');
  return (await readdir(dir)).filter((n) => n.endsWith('.dcm')).sort().map((n) => path.join(dir, n));
}

/** The attributes a sample's expected answers depend on: keyword → value ('' when absent or empty). */
export interface Sample {
  file: string;
  name: string;
  TransferSyntaxUID: string;
  PatientID: string;
  PatientName: string;
  PatientBirthDate: string;
  PatientSex: string;
  StudyInstanceUID: string;
  StudyDate: string;
  StudyID: string;
  AccessionNumber: string;
  SeriesInstanceUID: string;
  SeriesDate: string;
  Modality: string;
  SeriesNumber: string;
  SOPInstanceUID: string;
  SOPClassUID: string;
  InstanceNumber: string;
  ContentDate: string;
}

const SAMPLE_TAGS: Record<Exclude<keyof Sample, 'file' | 'name'>, string> = {
  TransferSyntaxUID: '0002,0010',
  PatientID: '0010,0020',
  PatientName: '0010,0010',
  PatientBirthDate: '0010,0030',
  PatientSex: '0010,0040',
  StudyInstanceUID: '0020,000d',
  StudyDate: '0008,0020',
  StudyID: '0020,0010',
  AccessionNumber: '0008,0050',
  SeriesInstanceUID: '0020,000e',
  SeriesDate: '0008,0021',
  Modality: '0008,0060',
  SeriesNumber: '0020,0011',
  SOPInstanceUID: '0008,0018',
  SOPClassUID: '0008,0016',
  InstanceNumber: '0020,0013',
  ContentDate: '0008,0023',
};

/** Reads the samples' attributes with dcmdump (one run for all files). */
export async function readSamples(files: readonly string[]): Promise<Sample[]> {
  const attrs = await readAttributes(files, Object.values(SAMPLE_TAGS));
  return files.map((file) => {
    const a = attrs.get(file)!;
    const s = { file, name: path.basename(file) } as Sample;
    for (const [k, tag] of Object.entries(SAMPLE_TAGS)) (s as unknown as Record<string, string>)[k] = (a[tag] ?? '').trim();
    return s;
  });
}

/** A running server: its port and how to stop it. */
export interface Server {
  port: number;
  stop(): Promise<unknown>;
  output(): string;
}

/**
 * `netdicom qrscp PORT -aet NETDICOM -od DIR -ba 127.0.0.1 ...extra`, ready
 * once dcmtk echoscu gets a C-ECHO success.
 */
export interface QrServer extends Server {
  cli: CliProcess;
  dir: string;
  /** SIGTERM, then waits for the exit (SIGKILL after 5 s: `forced`). */
  stop: CliProcess['stop'];
}

export async function startQrscp(dir: string, extra: readonly string[] = [], port?: number): Promise<QrServer> {
  const p = port ?? (await freePort());
  const cli = await startCli(['qrscp', String(p), '-aet', 'NETDICOM', '-od', dir, '-ba', '127.0.0.1', ...extra], { echo: { port: p, aec: 'NETDICOM' } });
  return { port: p, dir, cli, stop: () => cli.stop(), output: () => cli.output() };
}

/** A dcmtk server (storescp, dcmqrscp): spawned with TCP_NODELAY=1, ready once echoscu succeeds. */
export async function startDcmtk(cmd: string, args: readonly string[], port: number, aec: string): Promise<Server> {
  const proc = spawn(cmd, args, { env: { ...process.env, TCP_NODELAY: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let running = true;
  proc.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  proc.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<void>((r) => proc.on('exit', () => ((running = false), r())));
  const stop = async () => {
    if (!running) return;
    proc.kill('SIGTERM');
    const t = setTimeout(() => proc.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(t);
  };
  try {
    await waitForEcho(port, { aec, alive: () => running });
  } catch (e) {
    await stop();
    throw new Error(`${cmd}: ${(e as Error).message}\n${out}`);
  }
  return { port, stop, output: () => out };
}

/** dcmtk storescp accepting every transfer syntax (+xa), writing into `dir`. */
export async function startStorescp(dir: string, port: number, aet = 'DEST'): Promise<Server> {
  await mkdir(dir, { recursive: true });
  return startDcmtk('storescp', ['+xa', '-aet', aet, '-od', dir, String(port)], port, aet);
}

/** dcmtk dcmqrscp with one AE (`aet`) whose storage area is `dir`; stores only uncompressed data (its default). */
export async function startDcmqrscp(dir: string, aet = 'DCMQR'): Promise<Server> {
  const port = await freePort();
  const db = path.join(dir, 'db');
  await mkdir(db, { recursive: true });
  const cfg = path.join(dir, 'dcmqrscp.cfg');
  await writeFile(cfg, dcmqrscpConfig({ port, aet, db, maxStudies: 1000 }));
  return startDcmtk('dcmqrscp', ['-c', cfg], port, aet);
}

/**
 * Sends `files` with dcmtk storescu, one association per transfer syntax
 * (dcmtk proposes a compressed syntax only when told which). Returns the
 * failed storescu runs (empty when all went through).
 */
export async function storeWithStorescu(port: number, aec: string, samples: readonly Sample[]): Promise<string[]> {
  const groups = new Map<string, string[]>();
  for (const s of samples) groups.set(s.TransferSyntaxUID, [...(groups.get(s.TransferSyntaxUID) ?? []), s.file]);
  const failures: string[] = [];
  await Promise.all([...groups].map(async ([ts, files]) => {
    const opt = SCU_OPTION[ts];
    const r = await run('storescu', [...SCU, ...(opt ? [opt] : []), '-aec', aec, '127.0.0.1', String(port), ...files]);
    if (r.code !== 0) failures.push(`storescu ${opt ?? ''} (${ts}): ${errorLines(r)}`);
  }));
  return failures;
}

/** The E:/F:/W: lines of a dcmtk run, for assertion messages. */
export function errorLines(r: RunResult): string {
  return (r.stdout + r.stderr).split('\n').filter((l) => /^[EFW]: /.test(l)).slice(0, 4).join(' | ') || `exit ${r.code}`;
}

/** One C-FIND response as findscu -v prints it: tag ("0020,000d") → value ('' for a zero-length one). */
export type Match = Record<string, string>;

export interface FindResult {
  matches: Match[];
  /** The final response's status as findscu names it ("Success", "Cancel", …), '' when none came. */
  final: string;
  log: string;
}

/**
 * dcmtk findscu -v (`model` P or S) with `-k` keys; parses every Pending
 * response's top-level attributes and the final status.
 */
export async function findscu(port: number, aec: string, model: 'P' | 'S', keys: readonly string[], extra: readonly string[] = []): Promise<FindResult> {
  const r = await run('findscu', ['-v', ...SCU, `-${model}`, '-aec', aec, ...extra, ...keys.flatMap((k) => ['-k', k]), '127.0.0.1', String(port)]);
  const log = r.stdout + r.stderr;
  return parseFindLog(log)[0] ?? { matches: [], final: '', log };
}

/** Tag and VR of the keys the tests put in query files. */
const KEY_TAGS: Readonly<Record<string, [number, string]>> = {
  QueryRetrieveLevel: [0x00080052, 'CS'], SOPClassUID: [0x00080016, 'UI'], SOPInstanceUID: [0x00080018, 'UI'], StudyDate: [0x00080020, 'DA'],
  RetrieveAETitle: [0x00080054, 'AE'], Modality: [0x00080060, 'CS'], PatientName: [0x00100010, 'PN'], PatientID: [0x00100020, 'LO'],
  PatientSex: [0x00100040, 'CS'], StudyInstanceUID: [0x0020000d, 'UI'], SeriesInstanceUID: [0x0020000e, 'UI'], StudyID: [0x00200010, 'SH'],
  SeriesNumber: [0x00200011, 'IS'], InstanceNumber: [0x00200013, 'IS'], NumberOfStudyRelatedInstances: [0x00201208, 'IS'],
  SeriesDate: [0x00080021, 'DA'], ContentDate: [0x00080023, 'DA'], ModalitiesInStudy: [0x00080061, 'CS'], NumberOfPatientRelatedStudies: [0x00201200, 'IS'], NumberOfSeriesRelatedInstances: [0x00201209, 'IS'],
};

/**
 * A findscu query file: the keys ("Keyword=value", or "Keyword" for a
 * universal key) as a bare Explicit VR Little Endian data set, which dcmtk
 * reads like a Part 10 file (it detects the encoding).
 */
function queryFile(keys: readonly string[]): Buffer {
  const elements = keys.map((k) => {
    const eq = k.indexOf('=');
    const keyword = eq < 0 ? k : k.slice(0, eq);
    const known = KEY_TAGS[keyword];
    if (!known) throw new Error(`no tag for query key ${keyword} (add it to KEY_TAGS)`);
    const [tag, vr] = known;
    let value = Buffer.from(eq < 0 ? '' : k.slice(eq + 1), 'latin1');
    if (value.length % 2) value = Buffer.concat([value, Buffer.from(vr === 'UI' ? '\0' : ' ')]);
    const head = Buffer.alloc(8);
    head.writeUInt16LE(tag >>> 16, 0);
    head.writeUInt16LE(tag & 0xffff, 2);
    head.write(vr, 4, 'latin1');
    head.writeUInt16LE(value.length, 6);
    return { tag, bytes: Buffer.concat([head, value]) };
  });
  return Buffer.concat(elements.sort((a, b) => a.tag - b.tag).map((e) => e.bytes));
}

/**
 * Several C-FIND requests on one findscu association: each query becomes a
 * query file, and findscu -v sends them in order. One result per query, in
 * the same order. (A key given twice in `-k` is the last one's value to
 * findscu; in a query file, give each key once too.)
 */
export async function findscuBatch(port: number, aec: string, model: 'P' | 'S', queries: ReadonlyArray<readonly string[]>): Promise<FindResult[]> {
  if (queries.length === 0) return [];
  const dir = await mkdtemp(path.join(os.tmpdir(), 'netdicom-queries-'));
  try {
    const files = await Promise.all(queries.map(async (keys, i) => {
      const file = path.join(dir, `q${String(i).padStart(3, '0')}.dcm`);
      await writeFile(file, queryFile(keys));
      return file;
    }));
    const r = await run('findscu', ['-v', ...SCU, `-${model}`, '-aec', aec, '127.0.0.1', String(port), ...files]);
    const results = parseFindLog(r.stdout + r.stderr);
    if (results.length !== queries.length) throw new Error(`findscu answered ${results.length} of ${queries.length} requests: ${errorLines(r)}`);
    return results;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Splits findscu -v output into its requests ("Sending Find Request") and parses each one's responses. */
function parseFindLog(log: string): FindResult[] {
  const results: FindResult[] = [];
  let r: FindResult | undefined;
  let current: Match | undefined;
  for (const line of log.split('\n')) {
    if (/^I: Sending Find Request/.test(line)) {
      results.push((r = { matches: [], final: '', log: '' }));
      current = undefined;
    }
    if (!r) continue;
    r.log += `${line}\n`;
    if (/^I: Find Response: \d+ \(Pending/.test(line)) {
      r.matches.push((current = {}));
      continue;
    }
    const fin = /^I: Received Final Find Response \((.*)\)/.exec(line);
    if (fin) {
      r.final = fin[1]!;
      current = undefined;
      continue;
    }
    if (/^I: (Releasing|Aborting|Request Identifiers)/.test(line)) current = undefined;
    const el = /^I: \(([0-9a-f]{4},[0-9a-f]{4})\) [A-Z]{2} (?:\[(.*)\]|\(no value available\))/.exec(line);
    if (el && current && !(el[1]! in current)) current[el[1]!] = (el[2] ?? '').replace(/[\s\0]+$/, '');
  }
  return results;
}

/** A fresh temporary folder for a whole describe block; removed by the returned function. */
export async function suiteDir(prefix: string): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Sorted copy, for comparing answers as multisets. */
export const sorted = (xs: Iterable<string>): string[] => [...xs].sort();

/** A copy of CT_small.dcm in `dir` without its Study Instance UID (dcmodify): a file the index must refuse. Returns the sample and the copy's path. */
export async function ctWithoutStudyUid(dir: string): Promise<{ ct: Sample; bad: string }> {
  const [ct] = await readSamples([path.join(samplesDir(), 'valid', 'CT_small.dcm')]);
  const bad = path.join(dir, 'no-study-uid.dcm');
  await copyFile(ct!.file, bad);
  await chmod(bad, 0o644);
  const mod = await run('dcmodify', ['-nb', '-ea', '(0020,000d)', bad]);
  assert.equal(mod.code, 0, errorLines(mod));
  return { ct: ct!, bad };
}
