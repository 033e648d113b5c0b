/**
 * `netdicom qrscp` across a restart (SIGTERM, then started again on the same
 * folder): the index answers as before; a file deleted while the server was
 * stopped is reported by name and dropped, not crashed on; a file copied
 * into the folder while it was stopped is found (the index reconciles with
 * the folder at start). Each test has its own server and folder.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFile, mkdir, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { datasetDump, freePort, readAttributes, requireTool, run, samplesDir, tempDir } from '../helpers/dcmtk.js';
import {
  ctWithoutStudyUid, errorLines, findscu, findscuBatch, haveDcmtk, readSamples, SCU, sorted, startQrscp, startStorescp, storeWithStorescu, validSamples, type Match, type Sample,
} from './qrscp-harness.js';

const TOOLS_OK = haveDcmtk(['getscu', 'movescu', 'storescp', 'dcmconv']);
const skip = !TOOLS_OK && 'dcmtk not installed';

/** Stored files by SOP Instance UID (the names are the server's business). */
async function storedByUid(dir: string): Promise<Map<string, string>> {
  const files = (await readdir(dir)).filter((n) => !n.startsWith('.')).map((n) => path.join(dir, n));
  const attrs = await readAttributes(files, ['0008,0018']);
  return new Map(files.map((f) => [attrs.get(f)!['0008,0018'] ?? '', f]));
}

/** A query's matches in an order that does not depend on the server's. */
const canonical = (ms: readonly Match[]): string[] => ms.map((m) => JSON.stringify(Object.entries(m).sort())).sort();

test('after SIGTERM and a restart on the same folder, the same queries give the same answers', { skip, timeout: 60_000 }, async (t) => {
  const dir = await tempDir(t, 'netdicom-qrscp-restart-');
  const all = await readSamples(await validSamples());
  const mr = all.find((s) => s.name === 'MR_small.dcm')!;
  const queries: Array<['P' | 'S', string[]]> = [
    ['P', ['QueryRetrieveLevel=PATIENT', 'PatientID', 'PatientName', 'NumberOfPatientRelatedStudies']],
    ['S', ['QueryRetrieveLevel=STUDY', 'StudyInstanceUID', 'PatientID', 'StudyDate', 'ModalitiesInStudy', 'NumberOfStudyRelatedInstances']],
    ['S', ['QueryRetrieveLevel=STUDY', 'PatientName=CompressedSamples*', 'StudyDate=20040101-20041231', 'StudyInstanceUID']],
    ['S', ['QueryRetrieveLevel=SERIES', `StudyInstanceUID=${mr.StudyInstanceUID}`, 'SeriesInstanceUID', 'Modality', 'NumberOfSeriesRelatedInstances']],
    ['S', ['QueryRetrieveLevel=IMAGE', `StudyInstanceUID=${mr.StudyInstanceUID}`, `SeriesInstanceUID=${mr.SeriesInstanceUID}`, 'SOPInstanceUID', 'InstanceNumber']],
  ];
  const ask = async (port: number) => {
    const [p, st] = await Promise.all((['P', 'S'] as const).map((m) => findscuBatch(port, 'NETDICOM', m, queries.filter((q) => q[0] === m).map((q) => q[1]))));
    return [...p!, ...st!].map((r) => {
      assert.equal(r.final, 'Success', r.log);
      return canonical(r.matches);
    });
  };

  let qr = await startQrscp(path.join(dir, 'store'));
  t.after(() => qr.stop());
  assert.deepEqual(await storeWithStorescu(qr.port, 'NETDICOM', all), []);
  const before = await ask(qr.port);
  assert.equal(before[1]!.length, new Set(all.map((s) => s.StudyInstanceUID)).size, 'one match per study before the restart');

  const stopped = await qr.stop();
  assert.equal(stopped.forced, false, 'qrscp stops on SIGTERM');
  assert.equal(stopped.code, 0);
  qr = await startQrscp(path.join(dir, 'store'), [], qr.port);
  assert.deepEqual(await ask(qr.port), before);
});

test('a file deleted while stopped is reported by name at restart and dropped; a file copied in while stopped is found and retrievable', { skip, timeout: 60_000 }, async (t) => {
  const dir = await tempDir(t, 'netdicom-qrscp-reconcile-');
  const store = path.join(dir, 'store');
  const samples = await readSamples(['CT_small.dcm', 'MR_small.dcm', 'rtdose.dcm', 'rtplan.dcm'].map((n) => path.join(samplesDir(), 'valid', n)));
  const [ct, mr, dose, plan] = samples as [Sample, Sample, Sample, Sample];
  const studies = async (port: number, patientId: string) => (await findscu(port, 'NETDICOM', 'P', ['QueryRetrieveLevel=STUDY', `PatientID=${patientId}`, 'StudyInstanceUID'])).matches.map((m) => m['0020,000d']);

  let qr = await startQrscp(store);
  t.after(() => qr.stop());
  assert.deepEqual(await storeWithStorescu(qr.port, 'NETDICOM', [ct, mr, dose]), []);
  assert.deepEqual(await studies(qr.port, ct.PatientID), [ct.StudyInstanceUID]);
  assert.deepEqual(await studies(qr.port, plan.PatientID), []);
  assert.equal((await qr.stop()).code, 0);

  const gone = (await storedByUid(store)).get(ct.SOPInstanceUID);
  assert.ok(gone, 'CT_small was stored');
  await unlink(gone);
  const copied = path.join(store, 'copied-in-while-stopped.dcm');
  await copyFile(plan.file, copied);

  qr = await startQrscp(store, [], qr.port);
  const logLine = qr.output().split('\n').find((l) => l.includes(gone));
  assert.ok(logLine, `no log line names ${gone}:\n${qr.output()}`);
  assert.match(logLine, /gone|missing|removed/i);
  assert.ok(qr.cli.alive());
  assert.deepEqual(await studies(qr.port, ct.PatientID), [], 'the deleted instance (the only one of its study) is no longer matched');
  assert.deepEqual(await studies(qr.port, mr.PatientID), [mr.StudyInstanceUID], 'the other instances are still there');
  assert.deepEqual(await studies(qr.port, plan.PatientID), [plan.StudyInstanceUID], 'the copied file is indexed');

  const out = path.join(dir, 'get');
  await mkdir(out);
  const r = await run('getscu', [...SCU, '-S', '-aec', 'NETDICOM', '-od', out, '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${plan.StudyInstanceUID}`, '127.0.0.1', String(qr.port)]);
  assert.equal(r.code, 0, errorLines(r));
  const got = await storedByUid(out);
  assert.deepEqual([...got.keys()], [plan.SOPInstanceUID]);
  assert.equal(await datasetDump(got.get(plan.SOPInstanceUID)!), await datasetDump(plan.file, plan.TransferSyntaxUID));
});

test('a file deleted behind the index\'s back while running: C-MOVE and C-GET send the others and report one failed sub-operation (B000)', { skip, timeout: 60_000 }, async (t) => {
  // Regression: C-MOVE read every file before the first sub-operation, so one missing file failed the whole C-MOVE (C000, nothing sent).
  const dir = await tempDir(t, 'netdicom-qrscp-deleted-');
  const samples = await readSamples(['rtdose.dcm', 'rtdose_1frame.dcm', 'rtdose_expb_1frame.dcm'].map((n) => path.join(samplesDir(), 'valid', n)));
  const destPort = await freePort();
  const dest = await startStorescp(path.join(dir, 'dest'), destPort);
  t.after(() => dest.stop());
  const qr = await startQrscp(path.join(dir, 'store'), ['--move-dest', `DEST=127.0.0.1:${destPort}`]);
  t.after(() => qr.stop());
  assert.deepEqual(await storeWithStorescu(qr.port, 'NETDICOM', samples), []);
  const [deleted, ...kept] = samples as [Sample, ...Sample[]];
  await unlink((await storedByUid(path.join(dir, 'store'))).get(deleted.SOPInstanceUID)!);
  const study = deleted.StudyInstanceUID;
  const want = sorted(kept.map((s) => s.SOPInstanceUID));

  const move = await run('movescu', [...SCU, '-v', '-S', '-aec', 'NETDICOM', '-aem', 'DEST', '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${study}`, '127.0.0.1', String(qr.port)]);
  assert.match(move.stdout + move.stderr, /Final Move Response \(Warning: SubOperationsCompleteOneOrMoreFailures\)/, move.stdout + move.stderr);
  assert.deepEqual(sorted((await storedByUid(path.join(dir, 'dest'))).keys()), want);

  const out = path.join(dir, 'get');
  await mkdir(out);
  const get = await run('getscu', [...SCU, '-v', '-S', '-aec', 'NETDICOM', '-od', out, '-k', 'QueryRetrieveLevel=STUDY', '-k', `StudyInstanceUID=${study}`, '127.0.0.1', String(qr.port)]);
  assert.match(get.stdout + get.stderr, /C-GET Response \(Warning: SubOperationsCompleteOneOrMoreFailures\)/, get.stdout + get.stderr);
  assert.deepEqual(sorted((await storedByUid(out)).keys()), want);
  assert.ok(qr.output().includes(deleted.SOPInstanceUID), 'the failed sub-operation is logged with its SOP Instance UID');
});

test('a data set the index cannot take (no Study Instance UID) is refused with C000, not A700 (out of resources), and leaves no file behind', { skip: skip || (!requireTool('dcmodify') && 'dcmodify not installed'), timeout: 60_000 }, async (t) => {
  // Regression: the index's refusal was answered A700 (a transient "out of resources" an SCU retries) and the file stayed, unindexed.
  const dir = await tempDir(t, 'netdicom-qrscp-refused-');
  const { ct, bad } = await ctWithoutStudyUid(dir);
  const store = path.join(dir, 'store');
  const qr = await startQrscp(store);
  t.after(() => qr.stop());

  const r = await run('storescu', [...SCU, '-v', '-aec', 'NETDICOM', '127.0.0.1', String(qr.port), bad]);
  const log = r.stdout + r.stderr;
  assert.match(log, /Received Store Response \(Error: CannotUnderstand\)/, log);
  assert.deepEqual((await readdir(store)).filter((n) => !n.startsWith('.')), [], 'no file left in the storage folder');
  assert.match(qr.output(), /no Study Instance UID/);

  // The same SOP Instance, intact, is then stored and found.
  assert.deepEqual(await storeWithStorescu(qr.port, 'NETDICOM', [ct]), []);
  const found = await findscu(qr.port, 'NETDICOM', 'S', ['QueryRetrieveLevel=STUDY', `StudyInstanceUID=${ct.StudyInstanceUID}`]);
  assert.equal(found.matches.length, 1, found.log);
});
