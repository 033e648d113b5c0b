/**
 * Our getscu and movescu (the CLI, as users run them) receiving what they
 * retrieve: getscu gets compressed instances back on its C-GET association
 * (RLE, JPEG 2000, JPEG-LS, JPEG baseline/extended/lossless), each data set
 * byte for byte as our qrscp holds it, in its own transfer syntax; the
 * narrowing options propose less and the peer's failure count shows it.
 * movescu --port receives the C-MOVE itself, from our qrscp (every transfer
 * syntax, bytes unchanged) and from dcmtk dcmqrscp. Free ports, loopback.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { readPart10Info, type Part10Info } from '../../services/storage/part10-reader.js';
import { cliPath, datasetDump, dcmqrscpConfig, freePort, run, samplesDir, tempDir, TS, type RunResult } from '../helpers/dcmtk.js';
import { errorLines, haveDcmtk, startDcmtk, startQrscp, suiteDir, type QrServer } from './qrscp-harness.js';

const MR_STUDY = '1.3.6.1.4.1.5962.1.2.4.20040826185059.5457';
const SC_STUDY = '1.2.826.0.1.3680043.8.498.12406831542731051035295345080039845114';
const UNCOMPRESSED = new Set<string>([TS.ImplicitVRLittleEndian, TS.ExplicitVRLittleEndian, TS.ExplicitVRBigEndian]);
const STACK_TRACE = /^\s+at .*:\d+:\d+\)?$|\\n\s+at /m;

const netdicom = (args: readonly string[]): Promise<RunResult> => run(process.execPath, [cliPath, ...args], {}, 90_000);
const show = (r: RunResult) => `exit ${r.code}${r.signal ? ` (${r.signal})` : ''}\n${(r.stdout + r.stderr).split('\n').slice(-15).join('\n')}`;

interface Original {
  name: string;
  info: Part10Info;
  study: string;
  bytes: Buffer;
}

/** The valid samples of the MR and SC studies: their header facts and data set bytes. */
async function originals(): Promise<Original[]> {
  const dir = path.join(samplesDir(), 'valid');
  const out: Original[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.dcm')).sort()) {
    const info = await readPart10Info(path.join(dir, name));
    const file = await readFile(info.path);
    const bytes = file.subarray(info.datasetOffset, info.datasetOffset + info.datasetLength);
    // The Study Instance UID (0020,000D) as it appears in the data set bytes (even length, UI padded with NUL).
    const study = [MR_STUDY, SC_STUDY].find((s) => bytes.includes(Buffer.from(s, 'latin1')));
    if (study) out.push({ name, info, study, bytes });
  }
  return out;
}

/**
 * Problems with the files received in `dir` against `want`: missing or extra
 * instances; a data set not byte-identical or a meta header naming another
 * transfer syntax. With `transcoded`, an uncompressed original that arrived
 * in another uncompressed syntax (the sender transcoded it to the one syntax
 * accepted on the uncompressed context) only has to be named in its meta
 * header: its content is the sender's transcoding, not what getscu does.
 */
async function receivedProblems(dir: string, want: readonly Original[], o: { transcoded?: boolean } = {}): Promise<string[]> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  const problems: string[] = [];
  const got = new Map<string, Part10Info>();
  for (const n of names) {
    const info = await readPart10Info(path.join(dir, n));
    got.set(info.sopInstanceUid, info);
  }
  if (names.length !== want.length) problems.push(`${names.length} files, expected ${want.length}`);
  for (const w of want) {
    const r = got.get(w.info.sopInstanceUid);
    if (!r) {
      problems.push(`${w.name}: did not arrive`);
      continue;
    }
    const file = await readFile(r.path);
    const data = file.subarray(r.datasetOffset, r.datasetOffset + r.datasetLength);
    if (r.transferSyntaxUid === w.info.transferSyntaxUid) {
      if (!data.equals(w.bytes)) problems.push(`${w.name}: data set not byte-identical`);
    } else if (!(o.transcoded && UNCOMPRESSED.has(w.info.transferSyntaxUid) && UNCOMPRESSED.has(r.transferSyntaxUid))) {
      problems.push(`${w.name}: arrived in ${r.transferSyntaxUid}, sent in ${w.info.transferSyntaxUid}`);
    }
  }
  return problems;
}

const getArgs = (port: number, study: string, od: string, extra: readonly string[] = []) =>
  ['getscu', '127.0.0.1', String(port), '-aec', 'NETDICOM', '-S', '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${study}`, '-od', od, ...extra];

describe('getscu and movescu --port receive what they retrieve, compressed data as sent', { skip: !haveDcmtk(['dcmconv', 'dcmqrscp']) && 'dcmtk not installed', timeout: 120_000 }, () => {
  let all: Original[] = [];
  let qr: QrServer | undefined;
  let movePort = 0;
  let removeDir: (() => Promise<void>) | undefined;

  before(async () => {
    const { dir, remove } = await suiteDir('netdicom-scu-receive-');
    removeDir = remove;
    all = await originals();
    movePort = await freePort();
    qr = await startQrscp(path.join(dir, 'store'), ['--move-dest', `MOVESCU=127.0.0.1:${movePort}`]);
    // Our storescu sends each file's data set as it is on disk (a context per transfer syntax): the qrscp holds the samples' bytes.
    const r = await netdicom(['storescu', '127.0.0.1', String(qr.port), '-aec', 'NETDICOM', ...all.map((o) => o.info.path)]);
    assert.equal(r.code, 0, show(r));
  });
  after(async () => {
    await qr?.stop();
    await removeDir?.();
  });

  test('the studies hold RLE, JPEG 2000 (lossless and lossy), JPEG-LS, JPEG baseline, extended and lossless SV1 samples', () => {
    const syntaxes = new Set(all.map((o) => o.info.transferSyntaxUid));
    for (const ts of ['1.2.840.10008.1.2.5', '1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91', '1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.4.70']) {
      assert.ok(syntaxes.has(ts), `no sample in ${ts}`);
    }
  });

  test('getscu retrieves the MR and SC studies with every compressed instance: each data set byte-identical, in its own transfer syntax', async (t) => {
    const root = await tempDir(t, 'netdicom-getscu-compressed-');
    for (const study of [MR_STUDY, SC_STUDY]) {
      const want = all.filter((o) => o.study === study);
      const od = path.join(root, study);
      const r = await netdicom(getArgs(qr!.port, study, od));
      assert.equal(r.code, 0, show(r));
      assert.match(r.stdout, new RegExp(`: ${want.length} completed, 0 failed`), show(r));
      assert.doesNotMatch(r.stdout + r.stderr, STACK_TRACE);
      // Compressed and Explicit VR LE instances byte for byte in their own syntax; Implicit VR LE and Big Endian ones
      // come over the one uncompressed syntax the peer accepted (Explicit VR LE), transcoded by the peer.
      assert.deepEqual(await receivedProblems(od, want, { transcoded: true }), []);
      assert.ok(want.filter((o) => !UNCOMPRESSED.has(o.info.transferSyntaxUid)).length >= 3, `compressed samples of ${study}`);
    }
  });

  test('getscu --uncompressed-only (+x=) proposes uncompressed syntaxes only: the RLE, JPEG 2000 and JPEG-LS instances of the MR study fail', async (t) => {
    const want = all.filter((o) => o.study === MR_STUDY);
    const compressed = want.filter((o) => !UNCOMPRESSED.has(o.info.transferSyntaxUid));
    assert.equal(compressed.length, 3);
    for (const flag of ['--uncompressed-only', '+x=']) {
      const od = path.join(await tempDir(t, 'netdicom-getscu-uncompressed-'), 'out');
      const r = await netdicom(getArgs(qr!.port, MR_STUDY, od, [flag]));
      assert.equal(r.code, 1, show(r));
      assert.match(r.stdout, new RegExp(`: ${want.length - compressed.length} completed, 3 failed`), show(r));
      for (const c of compressed) assert.match(r.stderr, new RegExp(c.info.sopInstanceUid.replace(/\./g, '\\.')), `${c.name} not named as failed`);
      assert.deepEqual(await receivedProblems(od, want.filter((o) => !compressed.includes(o)), { transcoded: true }), []);
    }
  });

  test('getscu +xr (--prefer-rle) narrows the compressed proposal to RLE: the RLE instance arrives as RLE, JPEG 2000 and JPEG-LS fail', async (t) => {
    const want = all.filter((o) => o.study === MR_STUDY);
    const refused = want.filter((o) => !UNCOMPRESSED.has(o.info.transferSyntaxUid) && o.info.transferSyntaxUid !== '1.2.840.10008.1.2.5');
    const od = path.join(await tempDir(t, 'netdicom-getscu-rle-'), 'out');
    const r = await netdicom(getArgs(qr!.port, MR_STUDY, od, ['+xr']));
    assert.equal(r.code, 1, show(r));
    assert.match(r.stdout, new RegExp(`: ${want.length - refused.length} completed, ${refused.length} failed`), show(r));
    assert.deepEqual(await receivedProblems(od, want.filter((o) => !refused.includes(o)), { transcoded: true }), []);
  });

  test('movescu --port receives the MR study from our qrscp itself (destination: its own AE title), every file byte-identical in its transfer syntax, and exits', async (t) => {
    const want = all.filter((o) => o.study === MR_STUDY);
    const od = path.join(await tempDir(t, 'netdicom-movescu-port-'), 'in');
    const r = await netdicom(['movescu', '127.0.0.1', String(qr!.port), '-aec', 'NETDICOM', '-S', '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${MR_STUDY}`,
      '--port', String(movePort), '-ba', '127.0.0.1', '-od', od]);
    assert.equal(r.code, 0, show(r));
    assert.match(r.stdout, new RegExp(`: ${want.length} completed, 0 failed`), show(r));
    assert.doesNotMatch(r.stdout + r.stderr, STACK_TRACE);
    assert.deepEqual(await receivedProblems(od, want), []);
  });

  test('movescu +P receives from dcmtk dcmqrscp (MOVESCU in its host table): the uncompressed MR instances arrive, equal to the originals', async (t) => {
    const root = await tempDir(t, 'netdicom-movescu-dcmqrscp-');
    const db = path.join(root, 'db');
    await mkdir(db);
    const [port, destPort] = [await freePort(), await freePort()];
    const cfg = path.join(root, 'qr.cfg');
    await writeFile(cfg, dcmqrscpConfig({ port, aet: 'DCMQR', db, hosts: { movescu: ['MOVESCU', destPort] } }));
    const dq = await startDcmtk('dcmqrscp', ['-c', cfg], port, 'DCMQR');
    t.after(() => dq.stop());
    const want = all.filter((o) => o.study === MR_STUDY && UNCOMPRESSED.has(o.info.transferSyntaxUid));
    const load = await run('storescu', ['-aec', 'DCMQR', '127.0.0.1', String(port), ...want.map((o) => o.info.path)]);
    assert.equal(load.code, 0, errorLines(load));
    const od = path.join(root, 'in');
    const r = await netdicom(['movescu', '127.0.0.1', String(port), '-aec', 'DCMQR', '-S', '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${MR_STUDY}`,
      '+P', String(destPort), '-ba', '127.0.0.1', '-od', od]);
    assert.equal(r.code, 0, `${show(r)}\n${dq.output()}`);
    assert.match(r.stdout, new RegExp(`: ${want.length} completed, 0 failed`), show(r));
    // dcmqrscp stores and sends in its own uncompressed encoding: compared after decoding.
    const names = (await readdir(od)).filter((n) => !n.startsWith('.'));
    assert.equal(names.length, want.length);
    const got = new Map<string, Part10Info>();
    for (const n of names) {
      const info = await readPart10Info(path.join(od, n));
      got.set(info.sopInstanceUid, info);
    }
    for (const w of want) {
      const g = got.get(w.info.sopInstanceUid);
      assert.ok(g, `${w.name} did not arrive`);
      assert.equal(await datasetDump(g.path, g.transferSyntaxUid), await datasetDump(w.info.path, w.info.transferSyntaxUid), `${w.name}: data set differs`);
    }
  });
});
