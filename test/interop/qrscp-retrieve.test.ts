/**
 * `netdicom qrscp` retrieves for dcmtk: getscu gets a study back on its own
 * association (C-GET), movescu sends one to a dcmtk storescp (C-MOVE), and a
 * move to an AE title not in the table is refused with A801. Every data set
 * that arrives must equal the sample it came from (datasetDump: uncompressed
 * data compared after rewriting to one syntax, encapsulated data as is).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir } from 'node:fs/promises';
import path from 'node:path';
import { datasetDump, freePort, mapLimit, readAttributes, run, tempDir } from '../helpers/dcmtk.js';
import {
  errorLines, haveDcmtk, readSamples, SCU, sorted, startQrscp, startStorescp, storeWithStorescu, suiteDir, validSamples,
  type Sample, type Server,
} from './qrscp-harness.js';

/** Files in `dir` whose data set equals the sample of the same SOP Instance UID, and the ones that differ or are unknown. */
async function compare(dir: string, samples: readonly Sample[]): Promise<{ same: string[]; wrong: string[] }> {
  const files = (await readdir(dir)).filter((n) => !n.startsWith('.')).map((n) => path.join(dir, n));
  const uids = await readAttributes(files, ['0008,0018']);
  const results = await mapLimit(files, 4, async (f) => {
    const uid = uids.get(f)!['0008,0018'] ?? '';
    const s = samples.find((x) => x.SOPInstanceUID === uid);
    if (!s) return { uid, ok: false, why: `${path.basename(f)}: SOP Instance UID ${uid} is no sample's` };
    const [want, got] = await Promise.all([datasetDump(s.file, s.TransferSyntaxUID), datasetDump(f)]);
    return { uid, ok: want.startsWith('# Dicom-Data-Set') && want === got, why: `${s.name}: the data set differs from the sample` };
  });
  return { same: results.filter((r) => r.ok).map((r) => r.uid), wrong: results.filter((r) => !r.ok).map((r) => r.why) };
}

describe('qrscp C-GET and C-MOVE with dcmtk getscu, movescu and storescp', { skip: !haveDcmtk(['getscu', 'movescu', 'storescp', 'dcmconv']) && 'dcmtk not installed', timeout: 90_000 }, () => {
  let all: Sample[] = [];
  let qr: Server | undefined;
  let destPort = 0;
  let removeDir: (() => Promise<void>) | undefined;
  const byName = (n: string) => all.find((s) => s.name === n)!;

  before(async () => {
    const { dir, remove } = await suiteDir('netdicom-qrscp-retrieve-');
    removeDir = remove;
    destPort = await freePort();
    all = await readSamples(await validSamples());
    qr = await startQrscp(path.join(dir, 'store'), ['--move-dest', `DEST=127.0.0.1:${destPort}`]);
    assert.deepEqual(await storeWithStorescu(qr.port, 'NETDICOM', all), [], 'storing the samples');
  });
  after(async () => {
    await qr?.stop();
    await removeDir?.();
  });

  test('getscu -S gets the RT Dose study (three uncompressed syntaxes) back: every instance, each data set equal to the original', async (t) => {
    const out = await tempDir(t);
    const study = byName('rtdose.dcm').StudyInstanceUID;
    const want = all.filter((s) => s.StudyInstanceUID === study);
    const r = await run('getscu', [...SCU, '-S', '-aec', 'NETDICOM', '-od', out, '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${study}`, '127.0.0.1', String(qr!.port)]);
    assert.equal(r.code, 0, errorLines(r));
    const { same, wrong } = await compare(out, all);
    assert.deepEqual(wrong, []);
    assert.deepEqual(sorted(same), sorted(want.map((s) => s.SOPInstanceUID)));
  });

  test('getscu -P +xr gets an RLE instance back at IMAGE level, still RLE (compressed data is never transcoded)', async (t) => {
    const out = await tempDir(t);
    const s = byName('MR_small_RLE.dcm');
    const r = await run('getscu', [...SCU, '-P', '+xr', '-aec', 'NETDICOM', '-od', out, '-k', 'QueryRetrieveLevel=IMAGE', '-k', `PatientID=${s.PatientID}`,
      '-k', `StudyInstanceUID=${s.StudyInstanceUID}`, '-k', `SeriesInstanceUID=${s.SeriesInstanceUID}`, '-k', `SOPInstanceUID=${s.SOPInstanceUID}`, '127.0.0.1', String(qr!.port)]);
    assert.equal(r.code, 0, errorLines(r));
    const { same, wrong } = await compare(out, all);
    assert.deepEqual(wrong, []);
    assert.deepEqual(same, [s.SOPInstanceUID]);
    const files = await readdir(out);
    assert.equal((await readAttributes([path.join(out, files[0]!)], ['0002,0010'])).get(path.join(out, files[0]!))!['0002,0010'], s.TransferSyntaxUID);
  });

  test('movescu -S to DEST (a dcmtk storescp) delivers every instance of the MR study intact, compressed ones included', async (t) => {
    const out = await tempDir(t);
    const dest = await startStorescp(path.join(out, 'dest'), destPort);
    t.after(() => dest.stop());
    const study = byName('MR_small.dcm').StudyInstanceUID;
    const want = all.filter((s) => s.StudyInstanceUID === study);
    const r = await run('movescu', [...SCU, '-S', '-aec', 'NETDICOM', '-aem', 'DEST', '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${study}`, '127.0.0.1', String(qr!.port)]);
    assert.equal(r.code, 0, errorLines(r));
    const { same, wrong } = await compare(path.join(out, 'dest'), all);
    assert.deepEqual(wrong, []);
    assert.deepEqual(sorted(same), sorted(want.map((s) => s.SOPInstanceUID)));
  });

  test('movescu to an AE title not in the move destination table gets A801 (Move Destination unknown) and nothing is sent', async (t) => {
    const out = await tempDir(t);
    await mkdir(out, { recursive: true });
    const study = byName('MR_small.dcm').StudyInstanceUID;
    const r = await run('movescu', [...SCU, '-v', '-S', '-aec', 'NETDICOM', '-aem', 'NOWHERE', '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${study}`, '127.0.0.1', String(qr!.port)]);
    const log = r.stdout + r.stderr;
    assert.match(log, /Move Response.*(MoveDestinationUnknown|a801)/i, log);
    assert.doesNotMatch(log, /Move Response.*Pending/i, log);
  });
});
