/**
 * Our SCU apps (the CLI, as users run them) against real dcmtk peers on
 * loopback, as /work/shared/checks/scu-interop.sh tries them: `echoscu` and
 * `storescu` → dcmtk `storescp +xa`; `findscu`, `getscu`, `movescu` → dcmtk
 * `dcmqrscp` holding the uncompressed samples (loaded with dcmtk storescu).
 * dcmtk runs with TCP_NODELAY=1, on free ports, in temporary folders.
 */
import { after, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  cliPath, datasetDump, dcmqrscpConfig, freePort, mapLimit, readAttributes, requireTool, run, samplesDir, tempDir, TS, waitForEcho, type RunResult,
} from '../helpers/dcmtk.js';

const TOOLS = ['storescp', 'dcmqrscp', 'storescu', 'findscu', 'echoscu', 'dcmdump', 'dcmconv'];
const UNCOMPRESSED = new Set<string>([TS.ImplicitVRLittleEndian, TS.ExplicitVRLittleEndian, TS.ExplicitVRBigEndian]);
const Tag = { PatientID: '0010,0020', StudyInstanceUID: '0020,000d', SeriesInstanceUID: '0020,000e', SOPInstanceUID: '0008,0018', TransferSyntaxUID: '0002,0010' };
/** A stack-trace line, plain or inside a JSON log line (lib.sh `stack_traces`). */
const STACK_TRACE = /^\s+at .*:\d+:\d+\)?$|\\n\s+at /m;

/** Our CLI (`node dist/cli/netdicom.cjs ...`), to completion. */
const netdicom = (args: readonly string[]): Promise<RunResult> => run(process.execPath, [cliPath, ...args], {}, 90_000);
const show = (r: RunResult) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n${(r.stdout + r.stderr).split('\n').slice(-12).join('\n')}`;

interface Background {
  output(): string;
  alive(): boolean;
  stop(): Promise<void>;
}

/**
 * Starts a dcmtk server in its own process group (dcmqrscp forks a child per
 * association) with TCP_NODELAY=1; `stop` ends the whole group it started.
 */
function startDcmtk(cmd: string, args: readonly string[]): Background {
  const p = spawn(cmd, args, { env: { ...process.env, TCP_NODELAY: '1' }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  let running = true;
  p.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
  p.stderr.setEncoding('utf8').on('data', (d: string) => (out += d));
  const exited = new Promise<void>((r) => p.on('exit', () => ((running = false), r())));
  const signal = (s: NodeJS.Signals) => {
    try {
      process.kill(-p.pid!, s);
    } catch {
      /* already gone */
    }
  };
  return {
    output: () => out,
    alive: () => running,
    async stop() {
      signal('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 3000)))]);
      clearTimeout(timer);
      signal('SIGKILL');
    },
  };
}

/** dcmtk storescp (+xa: every transfer syntax) on a free port, writing to a fresh folder; stopped after the test. */
async function dcmtkStorescp(t: TestContext, aet = 'DCMTK'): Promise<{ port: number; out: string }> {
  const out = path.join(await tempDir(t, 'netdicom-scu-dcmtk-'), 'rx');
  await mkdir(out);
  const port = await freePort();
  const scp = startDcmtk('storescp', ['+xa', '-aet', aet, '-od', out, String(port)]);
  t.after(() => scp.stop());
  await waitForEcho(port, { aec: aet, alive: scp.alive });
  return { port, out };
}

interface Sample {
  file: string;
  attrs: Record<string, string>;
}

const sampleList = async (sub: string) => {
  const dir = path.join(samplesDir(), sub);
  return (await readdir(dir)).filter((n) => n.endsWith('.dcm')).sort().map((n) => path.join(dir, n));
};

let validCache: Promise<Sample[]> | undefined;
/** The valid samples with their UIDs and transfer syntax, read by dcmdump. */
function validSamples(): Promise<Sample[]> {
  validCache ??= (async () => {
    const files = await sampleList('valid');
    const attrs = await readAttributes(files, Object.values(Tag));
    return files.map((file) => ({ file, attrs: attrs.get(file)! }));
  })();
  return validCache;
}

const dumps = new Map<string, Promise<string>>();
/** The sample's data set as dcmdump prints it, computed once. */
function sampleDump(s: Sample): Promise<string> {
  let d = dumps.get(s.file);
  if (!d) dumps.set(s.file, (d = datasetDump(s.file, s.attrs[Tag.TransferSyntaxUID])));
  return d;
}

/** Entries of a folder, hidden ones left out. */
const entries = async (dir: string) => (await readdir(dir)).filter((n) => !n.startsWith('.')).sort().map((n) => path.join(dir, n));

/**
 * Problems with what arrived in `dir` compared with `expected`: missing
 * instances, data sets that differ, and (with `exact`) any other entry.
 */
async function compareArrived(dir: string, expected: readonly Sample[], exact: boolean): Promise<string[]> {
  const files = await entries(dir);
  const problems: string[] = [];
  for (const f of files) if (!(await stat(f)).isFile()) problems.push(`${path.basename(f)} is not a file`);
  const got = await readAttributes(files, [Tag.SOPInstanceUID, Tag.TransferSyntaxUID]);
  const bySop = new Map([...got].map(([f, a]) => [a[Tag.SOPInstanceUID] ?? '', f]));
  if (exact && files.length !== expected.length) problems.push(`${files.length} entries, expected ${expected.length}`);
  const pairs: Array<[Sample, string]> = [];
  for (const s of expected) {
    const r = bySop.get(s.attrs[Tag.SOPInstanceUID] ?? '?');
    if (r) pairs.push([s, r]);
    else problems.push(`${path.basename(s.file)}: did not arrive`);
  }
  const diffs = await mapLimit(pairs, 4, async ([s, r]) => {
    const [a, b] = await Promise.all([sampleDump(s), datasetDump(r, got.get(r)![Tag.TransferSyntaxUID])]);
    if (!a.startsWith('# Dicom-Data-Set')) return `${path.basename(s.file)}: sample unreadable by dcmtk`;
    return a === b ? '' : `${path.basename(s.file)}: data set differs`;
  });
  return [...problems, ...diffs.filter(Boolean)];
}

// ---- echoscu / storescu → dcmtk storescp ----

test('echoscu → dcmtk storescp: C-ECHO success, exit 0', { timeout: 60_000 }, async (t) => {
  if (!requireTool(TOOLS, t)) return;
  const { port } = await dcmtkStorescp(t);
  const r = await netdicom(['echoscu', '127.0.0.1', String(port), '-aec', 'DCMTK']);
  assert.equal(r.code, 0, show(r));
});

test('storescu sends the valid/ folder to dcmtk storescp: all 41 files arrive with their data sets unchanged', { timeout: 180_000 }, async (t) => {
  if (!requireTool(TOOLS, t)) return;
  const samples = await validSamples();
  assert.equal(samples.length, 41);
  const { port, out } = await dcmtkStorescp(t);
  const r = await netdicom(['storescu', '127.0.0.1', String(port), '-aec', 'DCMTK', path.join(samplesDir(), 'valid')]);
  assert.equal(r.code, 0, show(r));
  assert.doesNotMatch(r.stdout + r.stderr, STACK_TRACE);
  assert.deepEqual(await compareArrived(out, samples, true), []);
});

test('storescu reads the headers of its first 64 files before associating: a SOP class first met after them goes on a second association, and every file arrives', { timeout: 180_000 }, async (t) => {
  if (!requireTool(TOOLS, t)) return;
  const samples = (await validSamples()).filter((s) => ['CT_small.dcm', 'MR_small.dcm', 'rtplan.dcm'].includes(path.basename(s.file)));
  const [ct, mr, rt] = ['CT_small.dcm', 'MR_small.dcm', 'rtplan.dcm'].map((n) => samples.find((s) => path.basename(s.file) === n)!);
  const { port, out } = await dcmtkStorescp(t);
  // 70 CTs (the same file: one instance, stored again each time), then an MR and an RT Plan, read only while sending.
  const args = [...Array<string>(70).fill(ct!.file), mr!.file, rt!.file];
  const r = await netdicom(['storescu', '127.0.0.1', String(port), '-aec', 'DCMTK', '-v', ...args]);
  assert.equal(r.code, 0, show(r));
  assert.match(r.stderr, /storescu: 72 sent, 0 failed/);
  assert.equal(r.stderr.match(/association accepted/g)?.length, 2, show(r));
  assert.deepEqual(await compareArrived(out, [ct!, mr!, rt!], true), []);
});

test('storescu with the malformed samples: non-zero exit; each file arrived or is named on an error line; no stack trace; the valid files of the batch arrive', { timeout: 180_000 }, async (t) => {
  if (!requireTool(TOOLS, t)) return;
  const malformed = await sampleList('malformed');
  const valid = (await validSamples()).filter((s) => ['CT_small.dcm', 'MR_small.dcm', 'rtplan.dcm'].includes(path.basename(s.file)));
  const { port, out } = await dcmtkStorescp(t);
  // Valid files before, between and after the malformed ones: the batch must go on past each failure.
  const args = [valid[0]!.file, ...malformed.slice(0, 6), valid[1]!.file, ...malformed.slice(6), valid[2]!.file];
  const r = await netdicom(['storescu', '127.0.0.1', String(port), '-aec', 'DCMTK', ...args]);
  const log = r.stdout + r.stderr;
  assert.notEqual(r.code, 0, show(r));
  assert.doesNotMatch(log, STACK_TRACE, 'a stack trace in the output');

  const arrived = new Set([...(await readAttributes(await entries(out), [Tag.SOPInstanceUID])).values()].map((a) => a[Tag.SOPInstanceUID]));
  const sent = await readAttributes(malformed, [Tag.SOPInstanceUID]);
  const errorLines = r.stderr.split('\n').filter((l) => /error/i.test(l));
  const unaccounted = malformed.filter((f) => {
    const named = errorLines.some((l) => l.includes(path.basename(f)));
    const uid = sent.get(f)![Tag.SOPInstanceUID];
    return !named && !(uid && arrived.has(uid));
  });
  assert.deepEqual(unaccounted.map((f) => path.basename(f)), [], `neither sent nor named on an error line:\n${log}`);
  assert.deepEqual(await compareArrived(out, valid, false), [], 'the valid files of the same run');
});

// ---- findscu / getscu / movescu → dcmtk dcmqrscp ----

interface QrPeer {
  port: number;
  /** The uncompressed valid samples dcmqrscp holds. */
  held: Sample[];
  destPort: number;
  destDir: string;
  root: string;
}

let qrPeer: Promise<QrPeer> | undefined;
const qrStops: Array<() => Promise<void>> = [];
after(async () => {
  for (const stop of qrStops) await stop();
  const q = await qrPeer?.catch(() => undefined);
  if (q) await rm(q.root, { recursive: true, force: true });
});

/** dcmqrscp (AE QRSCP) holding the uncompressed samples, and dcmtk storescp DEST as its move destination; started once. */
function dcmqrscp(): Promise<QrPeer> {
  qrPeer ??= (async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'netdicom-scu-dcmqrscp-'));
    const db = path.join(root, 'db');
    const destDir = path.join(root, 'dest');
    await mkdir(db);
    await mkdir(destDir);
    const port = await freePort();
    const destPort = await freePort();
    const cfg = path.join(root, 'qr.cfg');
    await writeFile(cfg, dcmqrscpConfig({ port, aet: 'QRSCP', db, hosts: { dest: ['DEST', destPort] } }));
    const qr = startDcmtk('dcmqrscp', ['-c', cfg]);
    qrStops.push(() => qr.stop());
    const dest = startDcmtk('storescp', ['-aet', 'DEST', '-od', destDir, String(destPort)]);
    qrStops.push(() => dest.stop());
    await waitForEcho(port, { aec: 'QRSCP', alive: qr.alive });
    await waitForEcho(destPort, { aec: 'DEST', alive: dest.alive });
    const held = (await validSamples()).filter((s) => UNCOMPRESSED.has(s.attrs[Tag.TransferSyntaxUID] ?? ''));
    const load = await run('storescu', ['-aec', 'QRSCP', '127.0.0.1', String(port), ...held.map((s) => s.file)]);
    if (load.code !== 0) throw new Error(`dcmtk storescu could not load dcmqrscp: ${load.stdout}${load.stderr}\n${qr.output()}`);
    return { port, held, destPort, destDir, root };
  })();
  return qrPeer;
}

/** Our findscu's matches (`--json`), as the set of one key's values. */
async function ourFind(q: QrPeer, model: '-S' | '-P', keys: string[], key: string): Promise<Set<string>> {
  const r = await netdicom(['findscu', '127.0.0.1', String(q.port), '-aec', 'QRSCP', model, '--json', ...keys.flatMap((k) => ['-k', k])]);
  assert.equal(r.code, 0, `our findscu ${keys.join(' ')}: ${show(r)}`);
  assert.doesNotMatch(r.stdout + r.stderr, STACK_TRACE);
  const lines = r.stdout.split('\n').filter((l) => l.trim());
  return new Set(lines.map((l) => String((JSON.parse(l) as Record<string, unknown>)[key] ?? '').replace(/[\0 ]+$/, '')));
}

/** dcmtk findscu's matches (`-X -od`: one rsp file per response), as the set of one key's values. */
async function dcmtkFind(t: TestContext, q: QrPeer, model: '-S' | '-P', keys: string[], tag: string): Promise<Set<string>> {
  const od = await tempDir(t, 'netdicom-scu-findscu-');
  const r = await run('findscu', ['-X', '-od', od, '-aec', 'QRSCP', model, ...keys.flatMap((k) => ['-k', k]), '127.0.0.1', String(q.port)]);
  assert.equal(r.code, 0, `dcmtk findscu ${keys.join(' ')}: exit ${r.code}\n${r.stdout}${r.stderr}`);
  const rsp = await entries(od);
  return new Set([...(await readAttributes(rsp, [tag])).values()].map((a) => a[tag] ?? ''));
}

test('findscu → dcmqrscp: the same matches as dcmtk findscu for the same queries', { timeout: 180_000 }, async (t) => {
  if (!requireTool(TOOLS, t)) return;
  const q = await dcmqrscp();
  const mrStudy = q.held.find((s) => path.basename(s.file) === 'MR_small.dcm')!.attrs[Tag.StudyInstanceUID]!;
  const queries: Array<{ model: '-S' | '-P'; keys: string[]; key: keyof typeof Tag; nonEmpty?: boolean }> = [
    { model: '-S', keys: ['QueryRetrieveLevel=STUDY', 'PatientID=4MR1', 'StudyInstanceUID'], key: 'StudyInstanceUID', nonEmpty: true },
    { model: '-S', keys: ['QueryRetrieveLevel=STUDY', 'PatientID=*MR*', 'StudyInstanceUID'], key: 'StudyInstanceUID', nonEmpty: true },
    { model: '-S', keys: ['QueryRetrieveLevel=STUDY', 'StudyInstanceUID'], key: 'StudyInstanceUID', nonEmpty: true },
    { model: '-S', keys: ['QueryRetrieveLevel=STUDY', 'PatientID=id*', 'StudyInstanceUID'], key: 'StudyInstanceUID', nonEmpty: true },
    { model: '-S', keys: ['QueryRetrieveLevel=STUDY', 'PatientID=NO-SUCH-ID', 'StudyInstanceUID'], key: 'StudyInstanceUID' },
    { model: '-S', keys: ['QueryRetrieveLevel=SERIES', `StudyInstanceUID=${mrStudy}`, 'SeriesInstanceUID'], key: 'SeriesInstanceUID', nonEmpty: true },
    { model: '-S', keys: ['QueryRetrieveLevel=IMAGE', `StudyInstanceUID=${mrStudy}`, 'SeriesInstanceUID', 'SOPInstanceUID'], key: 'SOPInstanceUID', nonEmpty: true },
    { model: '-P', keys: ['QueryRetrieveLevel=PATIENT', 'PatientID=4MR1'], key: 'PatientID', nonEmpty: true },
    { model: '-P', keys: ['QueryRetrieveLevel=STUDY', 'PatientID=4MR1', 'StudyInstanceUID'], key: 'StudyInstanceUID', nonEmpty: true },
  ];
  const differ: string[] = [];
  for (const { model, keys, key, nonEmpty } of queries) {
    const [ours, theirs] = await Promise.all([ourFind(q, model, keys, key), dcmtkFind(t, q, model, keys, Tag[key])]);
    const label = `${model} ${keys.join(' ')}`;
    if (nonEmpty && theirs.size === 0) differ.push(`${label}: dcmtk findscu found nothing (bad test query)`);
    if ([...ours].sort().join('|') !== [...theirs].sort().join('|')) differ.push(`${label}: ours ${JSON.stringify([...ours].sort())}, dcmtk ${JSON.stringify([...theirs].sort())}`);
  }
  assert.deepEqual(differ, []);
});

test('getscu → dcmqrscp: the MR study arrives as one file per instance directly in -od, equal to the originals', { timeout: 180_000 }, async (t) => {
  if (!requireTool(TOOLS, t)) return;
  const q = await dcmqrscp();
  const mrStudy = q.held.find((s) => path.basename(s.file) === 'MR_small.dcm')!.attrs[Tag.StudyInstanceUID]!;
  const inMr = q.held.filter((s) => s.attrs[Tag.StudyInstanceUID] === mrStudy);
  assert.ok(inMr.length > 1);
  const od = path.join(await tempDir(t, 'netdicom-scu-getscu-'), 'get');
  const r = await netdicom(['getscu', '127.0.0.1', String(q.port), '-aec', 'QRSCP', '-S', '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${mrStudy}`, '-od', od]);
  assert.equal(r.code, 0, show(r));
  assert.doesNotMatch(r.stdout + r.stderr, STACK_TRACE);
  assert.deepEqual(await compareArrived(od, inMr, true), []);
});

test('getscu → dcmqrscp: every study it holds can be retrieved (CT, US, MR, SC, RT Dose, RT Plan, SR: every SOP class it holds)', { timeout: 180_000 }, async (t) => {
  if (!requireTool(TOOLS, t)) return;
  const q = await dcmqrscp();
  const root = await tempDir(t, 'netdicom-scu-getscu-all-');
  const problems: string[] = [];
  for (const [i, study] of [...new Set(q.held.map((s) => s.attrs[Tag.StudyInstanceUID]!))].entries()) {
    const od = path.join(root, `study-${i}`);
    const r = await netdicom(['getscu', '127.0.0.1', String(q.port), '-aec', 'QRSCP', '-S', '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${study}`, '-od', od]);
    if (r.code !== 0) problems.push(`study ${study}: ${show(r)}`);
    else problems.push(...(await compareArrived(od, q.held.filter((s) => s.attrs[Tag.StudyInstanceUID] === study), true)));
  }
  assert.deepEqual(problems, []);
});

test('movescu → dcmqrscp → dcmtk storescp DEST: the MR study is delivered, equal to the originals', { timeout: 180_000 }, async (t) => {
  if (!requireTool(TOOLS, t)) return;
  const q = await dcmqrscp();
  const mrStudy = q.held.find((s) => path.basename(s.file) === 'MR_small.dcm')!.attrs[Tag.StudyInstanceUID]!;
  const inMr = q.held.filter((s) => s.attrs[Tag.StudyInstanceUID] === mrStudy);
  const r = await netdicom(['movescu', '127.0.0.1', String(q.port), '-aec', 'QRSCP', '-S', '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${mrStudy}`, '-aem', 'DEST']);
  assert.equal(r.code, 0, show(r));
  assert.doesNotMatch(r.stdout + r.stderr, STACK_TRACE);
  assert.deepEqual(await compareArrived(q.destDir, inMr, true), []);
});
