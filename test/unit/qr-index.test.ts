import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { decodeDataset, encodeDataset, type NaturalDataset } from '../../services/dimse/dataset-codec.js';
import { encodeFileMeta } from '../../services/storage/file-meta.js';
import { InstanceIndex, QueryError } from '../../services/query-retrieve/index-db.js';
import { STORED_ATTRIBUTES } from '../../services/query-retrieve/attributes.js';
import { requireTool, samplesDir } from '../helpers/dcmtk.js';

// The Query/Retrieve index over the real samples. Expected answers come from
// the files themselves, read with dcmtk's dcmdump (as checks/qrscp-interop.sh
// does), never from the index code.

const VALID = path.join(samplesDir(), 'valid');
const ExplicitLE = '1.2.840.10008.1.2.1';

/** The attributes of one sample as dcmdump prints them at the top level of the data set (and meta). */
interface Sample {
  file: string;
  ts: string;
  sopClassUid: string;
  sopInstanceUid: string;
  patientId: string;
  patientName: string;
  birthDate: string;
  studyUid: string;
  studyDate: string;
  seriesUid: string;
}

let samples: Sample[] | undefined;

function dump(file: string): Map<string, string> {
  const out = execFileSync('dcmdump', ['-q', '-Un', '+L', file], { encoding: 'latin1' });
  const values = new Map<string, string>();
  for (const line of out.split('\n')) {
    const m = /^\(([0-9a-f]{4},[0-9a-f]{4})\) \w\w (?:\[(.*?)\]|\(no value available\)|=(\S+))/.exec(line);
    if (m && !values.has(m[1])) values.set(m[1], (m[2] ?? m[3] ?? '').replace(/[\s\0]+$/, ''));
  }
  return values;
}

/** Every valid sample's attributes, read once with dcmdump; undefined (test skipped) without dcmtk. */
function expected(t: TestContext): Sample[] | undefined {
  if (!requireTool('dcmdump', t)) return undefined;
  samples ??= readdirSync(VALID)
    .filter((f) => f.endsWith('.dcm'))
    .sort()
    .map((f) => {
      const v = dump(path.join(VALID, f));
      const a = (tag: string) => v.get(tag) ?? '';
      return {
        file: path.join(VALID, f), ts: a('0002,0010'), sopClassUid: a('0008,0016'), sopInstanceUid: a('0008,0018'),
        patientId: a('0010,0020'), patientName: a('0010,0010'), birthDate: a('0010,0030'),
        studyUid: a('0020,000d'), studyDate: a('0008,0020'), seriesUid: a('0020,000e'),
      };
    });
  return samples;
}

function tempDir(t: TestContext): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qr-index-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A logger whose records the test can read. */
function captureLog(): { log: pino.Logger; records: Array<Record<string, unknown>> } {
  const records: Array<Record<string, unknown>> = [];
  const log = pino({ level: 'debug' }, { write: (s: string) => void records.push(JSON.parse(s) as Record<string, unknown>) });
  return { log, records };
}

function openIndex(t: TestContext, retrieveAETitle?: string): { index: InstanceIndex; dir: string; records: Array<Record<string, unknown>> } {
  const dir = tempDir(t);
  const { log, records } = captureLog();
  const index = InstanceIndex.open(path.join(dir, '.index.sqlite'), log, retrieveAETitle);
  t.after(() => index.close());
  return { index, dir, records };
}

/** An index holding every valid sample, each added as the C-STORE SCP would. */
function sampleIndex(t: TestContext, retrieveAETitle?: string): { index: InstanceIndex; all: Sample[] } | undefined {
  const all = expected(t);
  if (!all) return undefined;
  const { index } = openIndex(t, retrieveAETitle);
  for (const s of all) index.add({ path: s.file, sopClassUid: s.sopClassUid, sopInstanceUid: s.sopInstanceUid, transferSyntaxUid: s.ts });
  return { index, all };
}

const distinct = <T>(xs: T[]): T[] => [...new Set(xs)];
const alpha = (pn: unknown): string => ((pn as Array<{ Alphabetic?: string }>)[0]?.Alphabetic ?? '');

/** Writes a Part 10 file (Explicit VR LE) holding `ds`; `patch` may edit the data set bytes. */
function writeSample(dir: string, name: string, ds: NaturalDataset, patch?: (b: Buffer) => void): string {
  const body = encodeDataset({ SOPClassUID: '1.2.840.10008.5.1.4.1.1.7', ...ds }, ExplicitLE);
  patch?.(body);
  const meta = encodeFileMeta({ mediaStorageSopClassUid: '1.2.840.10008.5.1.4.1.1.7', mediaStorageSopInstanceUid: ds.SOPInstanceUID as string, transferSyntaxUid: ExplicitLE, implementationClassUid: '1.2.3.4' });
  const p = path.join(dir, name);
  writeFileSync(p, Buffer.concat([meta, body]));
  return p;
}

const addFile = (index: InstanceIndex, p: string, sopInstanceUid: string) =>
  index.add({ path: p, sopClassUid: '1.2.840.10008.5.1.4.1.1.7', sopInstanceUid, transferSyntaxUid: ExplicitLE });

const isQueryError = (status: number) => (e: unknown) => e instanceof QueryError && e.status === status;

test('every valid sample is indexed; Study Root STUDY level finds each distinct Study Instance UID once', (t) => {
  const s = sampleIndex(t);
  if (!s) return;
  assert.equal(s.index.count(), distinct(s.all.map((x) => x.sopInstanceUid)).length);
  const studies = s.index.find({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: '' }, 'study');
  assert.deepEqual(studies.map((r) => r.StudyInstanceUID).sort(), distinct(s.all.map((x) => x.studyUid)).sort());
});

test('single value: PatientID=4MR1 finds one study', (t) => {
  const s = sampleIndex(t);
  if (!s) return;
  const want = distinct(s.all.filter((x) => x.patientId === '4MR1').map((x) => x.studyUid));
  assert.equal(want.length, 1);
  const got = s.index.find({ QueryRetrieveLevel: 'STUDY', PatientID: '4MR1', StudyInstanceUID: '' }, 'study');
  assert.deepEqual(got.map((r) => r.StudyInstanceUID), want);
});

test('wildcard: PatientName=CompressedSamples* finds the studies whose name starts so', (t) => {
  const s = sampleIndex(t);
  if (!s) return;
  const want = distinct(s.all.filter((x) => x.patientName.startsWith('CompressedSamples')).map((x) => x.studyUid)).sort();
  const got = s.index.find({ QueryRetrieveLevel: 'STUDY', PatientName: [{ Alphabetic: 'CompressedSamples*' }], StudyInstanceUID: '' }, 'study');
  assert.deepEqual(got.map((r) => r.StudyInstanceUID).sort(), want);
  assert.ok(got.every((r) => alpha(r.PatientName).startsWith('CompressedSamples')));
});

test('range: StudyDate=20040101-20041231 finds the 2004 studies; dates come back as stored', (t) => {
  const s = sampleIndex(t);
  if (!s) return;
  const want = distinct(s.all.filter((x) => x.studyDate.startsWith('2004')).map((x) => x.studyUid)).sort();
  const got = s.index.find({ QueryRetrieveLevel: 'STUDY', StudyDate: '20040101-20041231', StudyInstanceUID: '' }, 'study');
  assert.deepEqual(got.map((r) => r.StudyInstanceUID).sort(), want);
  // The ACR-NEMA style date matches a range through its normalized form, and is returned as given.
  const acr = s.all.find((x) => /^\d{4}\.\d\d\.\d\d$/.test(x.studyDate));
  assert.ok(acr, 'a sample with a YYYY.MM.DD date');
  const y = acr.studyDate.slice(0, 4);
  const old = s.index.find({ QueryRetrieveLevel: 'STUDY', StudyDate: `${y}0101-${y}1231`, StudyInstanceUID: acr.studyUid }, 'study');
  assert.deepEqual(old.map((r) => r.StudyDate), [acr.studyDate]);
});

test('SERIES and IMAGE level in the MR study', (t) => {
  const s = sampleIndex(t);
  if (!s) return;
  const mr = s.all.find((x) => path.basename(x.file) === 'MR_small.dcm')!;
  const inStudy = s.all.filter((x) => x.studyUid === mr.studyUid);
  const series = s.index.find({ QueryRetrieveLevel: 'SERIES', StudyInstanceUID: mr.studyUid, SeriesInstanceUID: '' }, 'study');
  assert.deepEqual(series.map((r) => r.SeriesInstanceUID).sort(), distinct(inStudy.map((x) => x.seriesUid)).sort());
  const images = s.index.find({ QueryRetrieveLevel: 'IMAGE', StudyInstanceUID: mr.studyUid, SeriesInstanceUID: mr.seriesUid, SOPInstanceUID: '' }, 'study');
  assert.deepEqual(images.map((r) => r.SOPInstanceUID).sort(), inStudy.filter((x) => x.seriesUid === mr.seriesUid).map((x) => x.sopInstanceUid).sort());
  const patientRoot = s.index.find({ QueryRetrieveLevel: 'IMAGE', PatientID: mr.patientId, StudyInstanceUID: mr.studyUid, SeriesInstanceUID: mr.seriesUid, SOPInstanceUID: '' }, 'patient');
  assert.equal(patientRoot.length, images.length);
});

test('Patient Root PATIENT level: PatientID=4MR1 is one patient with its name', (t) => {
  const s = sampleIndex(t);
  if (!s) return;
  const got = s.index.find({ QueryRetrieveLevel: 'PATIENT', PatientID: '4MR1', PatientName: '' }, 'patient');
  assert.equal(got.length, 1);
  assert.equal(alpha(got[0].PatientName), s.all.find((x) => x.patientId === '4MR1')!.patientName);
});

test('universal matching: empty keys match everything and return the stored values', (t) => {
  const s = sampleIndex(t);
  if (!s) return;
  const got = s.index.find({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: '', PatientName: [], PatientID: '', StudyDate: '' }, 'study');
  assert.equal(got.length, distinct(s.all.map((x) => x.studyUid)).length);
  for (const r of got) {
    const files = s.all.filter((x) => x.studyUid === r.StudyInstanceUID);
    assert.deepEqual(Object.keys(r).sort(), ['PatientID', 'PatientName', 'QueryRetrieveLevel', 'StudyDate', 'StudyInstanceUID']);
    assert.ok(files.some((x) => x.patientName === alpha(r.PatientName)), `${String(r.StudyInstanceUID)} name`);
    assert.ok(files.some((x) => x.patientId === r.PatientID), `${String(r.StudyInstanceUID)} id`);
    assert.ok(files.some((x) => x.studyDate === r.StudyDate), `${String(r.StudyInstanceUID)} date`);
  }
});

test('list of UIDs matches each listed study', (t) => {
  const s = sampleIndex(t);
  if (!s) return;
  const two = distinct(s.all.map((x) => x.studyUid)).slice(0, 2);
  const got = s.index.find({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: two }, 'study');
  assert.deepEqual(got.map((r) => r.StudyInstanceUID).sort(), [...two].sort());
});

test('a UID padded with a space or NUL, in the file or in the query, matches its unpadded form', (t) => {
  const all = expected(t);
  if (!all) return;
  const { index, dir } = openIndex(t);
  const ct = all.find((x) => path.basename(x.file) === 'CT_small.dcm')!;
  const bytes = readFileSync(ct.file);
  const at = bytes.indexOf(Buffer.from([0x20, 0x00, 0x0d, 0x00, 0x55, 0x49])); // (0020,000D) UI
  const len = bytes.readUInt16LE(at + 6);
  assert.equal(bytes[at + 8 + len - 1], 0, 'Study Instance UID padded with NUL in the sample');
  bytes[at + 8 + len - 1] = 0x20; // now padded with a space
  const copy = path.join(dir, 'space-padded.dcm');
  writeFileSync(copy, bytes);
  index.add({ path: copy, sopClassUid: ct.sopClassUid, sopInstanceUid: `${ct.sopInstanceUid}\0`, transferSyntaxUid: ct.ts });
  for (const uid of [ct.studyUid, `${ct.studyUid} `, `${ct.studyUid}\0`]) {
    assert.deepEqual(index.find({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: uid }, 'study').map((r) => r.StudyInstanceUID), [ct.studyUid], JSON.stringify(uid));
  }
  assert.equal(index.find({ QueryRetrieveLevel: 'IMAGE', StudyInstanceUID: ct.studyUid, SeriesInstanceUID: ct.seriesUid, SOPInstanceUID: ct.sopInstanceUid }, 'study').length, 1);
});

test('studies with an empty Patient ID stay apart: each is its own patient', (t) => {
  const s = sampleIndex(t);
  if (!s) return;
  const noId = s.all.filter((x) => x.patientId === '');
  assert.ok(distinct(noId.map((x) => x.studyUid)).length >= 2, 'samples hold two studies without Patient ID');
  assert.ok(noId.every((x) => x.birthDate === ''), 'no birth date to tell them apart');
  const patients = s.index.find({ QueryRetrieveLevel: 'PATIENT', PatientID: '', PatientName: '', NumberOfPatientRelatedStudies: '' }, 'patient');
  const empty = patients.filter((p) => p.PatientID === '');
  assert.equal(empty.length, distinct(noId.map((x) => x.studyUid)).length);
  assert.ok(empty.every((p) => p.NumberOfPatientRelatedStudies === 1));
});

test('an empty Patient ID with the same name and birth date is one patient; another birth date is another', (t) => {
  const { index, dir } = openIndex(t);
  const base = { PatientID: '', PatientName: 'Doe^Jane', SeriesInstanceUID: '', Modality: 'OT' };
  const files: Array<[string, NaturalDataset]> = [
    ['a.dcm', { ...base, PatientBirthDate: '19700101', StudyInstanceUID: '1.2.3.1', SeriesInstanceUID: '1.2.3.1.1', SOPInstanceUID: '1.2.3.1.1.1' }],
    ['b.dcm', { ...base, PatientBirthDate: '19700101', StudyInstanceUID: '1.2.3.2', SeriesInstanceUID: '1.2.3.2.1', SOPInstanceUID: '1.2.3.2.1.1' }],
    ['c.dcm', { ...base, PatientBirthDate: '19800101', StudyInstanceUID: '1.2.3.3', SeriesInstanceUID: '1.2.3.3.1', SOPInstanceUID: '1.2.3.3.1.1' }],
  ];
  for (const [name, ds] of files) addFile(index, writeSample(dir, name, ds), ds.SOPInstanceUID as string);
  const patients = index.find({ QueryRetrieveLevel: 'PATIENT', PatientBirthDate: '', NumberOfPatientRelatedStudies: '' }, 'patient');
  assert.deepEqual(patients.map((p) => [p.PatientBirthDate, p.NumberOfPatientRelatedStudies]), [['19700101', 2], ['19800101', 1]]);
});

test('a later copy of an instance replaces the earlier row', (t) => {
  const all = expected(t);
  if (!all) return;
  const { index, dir } = openIndex(t);
  const mr = all.find((x) => path.basename(x.file) === 'MR_small.dcm')!;
  const inst = { sopClassUid: mr.sopClassUid, sopInstanceUid: mr.sopInstanceUid, transferSyntaxUid: mr.ts };
  for (const name of ['first.dcm', 'second.dcm']) {
    copyFileSync(mr.file, path.join(dir, name));
    index.add({ path: path.join(dir, name), ...inst });
  }
  assert.equal(index.count(), 1);
  const files = index.instances({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: mr.studyUid }, 'study');
  assert.deepEqual(files, [{ path: path.join(dir, 'second.dcm'), ...inst }]);
  assert.equal(index.find({ QueryRetrieveLevel: 'SERIES', StudyInstanceUID: mr.studyUid, NumberOfSeriesRelatedInstances: '' }, 'study')[0].NumberOfSeriesRelatedInstances, 1);
});

test('an instance re-sent under another study leaves no empty study or patient behind', (t) => {
  const { index, dir } = openIndex(t);
  const ds = { PatientID: 'P1', PatientName: 'A^B', StudyInstanceUID: '1.9.1', SeriesInstanceUID: '1.9.1.1', SOPInstanceUID: '1.9.1.1.1' };
  addFile(index, writeSample(dir, 'x.dcm', ds), ds.SOPInstanceUID);
  addFile(index, writeSample(dir, 'x.dcm', { ...ds, PatientID: 'P2', StudyInstanceUID: '1.9.2', SeriesInstanceUID: '1.9.2.1' }), ds.SOPInstanceUID);
  assert.deepEqual(index.find({ QueryRetrieveLevel: 'PATIENT', PatientID: '' }, 'patient').map((p) => p.PatientID), ['P2']);
  assert.deepEqual(index.find({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: '' }, 'study').map((p) => p.StudyInstanceUID), ['1.9.2']);
});

test('reconcile adds a file copied in behind the index, and reports and removes a deleted one', (t) => {
  const all = expected(t);
  if (!all) return;
  const { index, dir, records } = openIndex(t);
  const store = path.join(dir, 'store');
  mkdirSync(store);
  const picks = ['MR_small.dcm', 'rtplan.dcm', 'CT_small.dcm'];
  for (const f of picks.slice(0, 2)) copyFileSync(path.join(VALID, f), path.join(store, f));
  mkdirSync(path.join(store, '.netdicom-tmp'));
  copyFileSync(path.join(VALID, 'rtdose.dcm'), path.join(store, '.netdicom-tmp', 'partial.dcm'));
  copyFileSync(path.join(VALID, 'rtdose.dcm'), path.join(store, '.hidden.dcm'));
  writeFileSync(path.join(store, 'notes.txt'), 'not DICOM at all');
  assert.deepEqual(index.reconcile(store), { added: 2, missing: 0 });
  copyFileSync(path.join(VALID, picks[2]), path.join(store, picks[2]));
  unlinkSync(path.join(store, picks[0]));
  assert.deepEqual(index.reconcile(store), { added: 1, missing: 1 });
  assert.ok(records.some((r) => r.level === 40 && r.file === path.join(store, picks[0])), 'warn names the missing file');
  assert.ok(records.some((r) => r.level === 40 && r.file === path.join(store, 'notes.txt')), 'warn names the unreadable file');
  const uids = index.find({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: '' }, 'study').map((r) => r.StudyInstanceUID).sort();
  assert.deepEqual(uids, distinct(all.filter((x) => picks.slice(1).includes(path.basename(x.file))).map((x) => x.studyUid)).sort());
  assert.deepEqual(index.reconcile(store), { added: 0, missing: 0 });
});

test('the index survives close and reopen; a corrupt database file is moved aside', (t) => {
  const all = expected(t);
  if (!all) return;
  const dir = tempDir(t);
  const db = path.join(dir, 'index.sqlite');
  const silent = pino({ level: 'silent' });
  let index = InstanceIndex.open(db, silent);
  index.reconcile(VALID);
  const n = index.count();
  index.close();
  index = InstanceIndex.open(db, silent);
  assert.equal(index.count(), n);
  assert.deepEqual(index.reconcile(VALID), { added: 0, missing: 0 });
  index.close();
  for (const f of readdirSync(dir)) rmSync(path.join(dir, f));
  writeFileSync(db, Buffer.alloc(8192, 0x5a));
  index = InstanceIndex.open(db, silent);
  assert.equal(index.count(), 0);
  index.close();
  assert.ok(readdirSync(dir).some((f) => f.startsWith('index.sqlite.corrupt-')));
});

test('QueryError: invalid or missing level and missing unique keys are A900; a malformed range is C000', (t) => {
  const { index } = openIndex(t);
  const cases: Array<[NaturalDataset, 'patient' | 'study', number]> = [
    [{ QueryRetrieveLevel: 'WORKLIST' }, 'study', 0xa900],
    [{ PatientID: '' }, 'study', 0xa900],
    [{ QueryRetrieveLevel: 'PATIENT', PatientID: '' }, 'study', 0xa900],
    [{ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: '' }, 'patient', 0xa900],
    [{ QueryRetrieveLevel: 'SERIES', SeriesInstanceUID: '' }, 'study', 0xa900],
    [{ QueryRetrieveLevel: 'IMAGE', StudyInstanceUID: '1.2', SOPInstanceUID: '' }, 'study', 0xa900],
    [{ QueryRetrieveLevel: 'STUDY', PatientID: 'A*', StudyInstanceUID: '' }, 'patient', 0xa900],
    [{ QueryRetrieveLevel: 'STUDY', StudyDate: '2004-2005-2006' }, 'study', 0xc000],
  ];
  for (const [query, model, status] of cases) {
    assert.throws(() => index.find(query, model), isQueryError(status), JSON.stringify(query));
    assert.throws(() => index.instances(query, model), isQueryError(status), JSON.stringify(query));
  }
  assert.deepEqual(index.find({ QueryRetrieveLevel: 'STUDY', PatientID: 'A', StudyInstanceUID: '' }, 'patient'), []);
});

test("injection attempts (PatientName=x' OR 1=1 --) match nothing and change nothing", (t) => {
  const s = sampleIndex(t);
  if (!s) return;
  const studies = distinct(s.all.map((x) => x.studyUid)).length;
  const attempts: NaturalDataset[] = [
    { PatientName: [{ Alphabetic: "x' OR 1", Ideographic: '1 --' }] },
    { PatientName: "x' OR 1=1 --" },
    { PatientID: "' OR '1'='1" },
    { StudyInstanceUID: "1' OR '1'='1" },
    { StudyDescription: "*'; DROP TABLE study; --" },
    { PatientName: '%' },
    { AccessionNumber: '_' },
  ];
  for (const keys of attempts) {
    assert.deepEqual(s.index.find({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: '', ...keys }, 'study'), [], JSON.stringify(keys));
  }
  assert.equal(s.index.find({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: '' }, 'study').length, studies);
});

test('a result holds exactly the requested keys; unknown and lower-level keys come back empty', (t) => {
  const s = sampleIndex(t, 'NETDICOM');
  if (!s) return;
  const [r] = s.index.find({ QueryRetrieveLevel: 'STUDY', PatientID: '4MR1', PatientWeight: '', Modality: '', ModalitiesInStudy: '', NumberOfStudyRelatedInstances: '' }, 'study');
  assert.deepEqual(Object.keys(r).sort(), ['ModalitiesInStudy', 'Modality', 'NumberOfStudyRelatedInstances', 'PatientID', 'PatientWeight', 'QueryRetrieveLevel', 'RetrieveAETitle', 'StudyInstanceUID']);
  assert.deepEqual([r.PatientWeight, r.Modality, r.RetrieveAETitle, r.ModalitiesInStudy], [[], [], 'NETDICOM', 'MR']);
  assert.equal(r.NumberOfStudyRelatedInstances, s.all.filter((x) => x.patientId === '4MR1').length);
  assert.equal(r.SpecificCharacterSet, undefined);
  // The response encodes and decodes as the C-FIND SCP sends it.
  const back = decodeDataset(encodeDataset(r, ExplicitLE), ExplicitLE);
  assert.equal(back.StudyInstanceUID, r.StudyInstanceUID);
  assert.equal(back.NumberOfStudyRelatedInstances, r.NumberOfStudyRelatedInstances);
});

test('non-ASCII names: Latin-1 and UTF-8 files are stored as UTF-8 and answered with ISO_IR 192', (t) => {
  const { index, dir } = openIndex(t);
  const latin = writeSample(dir, 'latin1.dcm', { SpecificCharacterSet: 'ISO_IR 100', PatientID: 'L1', PatientName: 'M?ller^Hans', StudyInstanceUID: '1.8.1', SeriesInstanceUID: '1.8.1.1', SOPInstanceUID: '1.8.1.1.1' }, (b) => {
    b[b.indexOf('M?ller') + 1] = 0xfc; // ü in ISO 8859-1
  });
  const utf8 = writeSample(dir, 'utf8.dcm', { SpecificCharacterSet: 'ISO_IR 192', PatientID: 'U1', PatientName: 'Ōta^Jirō', StudyInstanceUID: '1.8.2', SeriesInstanceUID: '1.8.2.1', SOPInstanceUID: '1.8.2.1.1' });
  addFile(index, latin, '1.8.1.1.1');
  addFile(index, utf8, '1.8.2.1.1');
  const [m] = index.find({ QueryRetrieveLevel: 'STUDY', PatientName: 'Müller*' }, 'study');
  assert.deepEqual([alpha(m.PatientName), m.SpecificCharacterSet], ['Müller^Hans', 'ISO_IR 192']);
  const [o] = index.find({ QueryRetrieveLevel: 'STUDY', PatientName: 'ōta^jirō' }, 'study');
  assert.equal(o, undefined, 'case-insensitive PN matching is ASCII-only in SQLite');
  const [o2] = index.find({ QueryRetrieveLevel: 'STUDY', PatientName: 'Ōta^Jirō' }, 'study');
  assert.equal(alpha(o2.PatientName), 'Ōta^Jirō');
  const [plain] = index.find({ QueryRetrieveLevel: 'STUDY', PatientID: 'U1', StudyInstanceUID: '' }, 'study');
  assert.equal(plain.SpecificCharacterSet, undefined);
});

test('a non-conformant date is kept as given and logged at warn once, by its form only', (t) => {
  const all = expected(t);
  if (!all) return;
  const { index, records } = openIndex(t);
  const acr = all.find((x) => path.basename(x.file) === 'ExplVR_BigEnd.dcm')!;
  for (let i = 0; i < 2; i++) index.add({ path: acr.file, sopClassUid: acr.sopClassUid, sopInstanceUid: acr.sopInstanceUid, transferSyntaxUid: acr.ts });
  const warns = records.filter((r) => r.level === 40 && r.keyword === 'StudyDate');
  assert.equal(warns.length, 1);
  assert.equal(warns[0].form, 'nnnn.nn.nn');
  assert.ok(!JSON.stringify(records).includes(acr.studyDate), 'the date itself is not logged');
  assert.equal(index.find({ QueryRetrieveLevel: 'STUDY', StudyDate: '' }, 'study')[0].StudyDate, acr.studyDate);
});

test('instances() gives C-GET/C-MOVE the files under the matched study, series or image', (t) => {
  const s = sampleIndex(t);
  if (!s) return;
  const dose = s.all.find((x) => path.basename(x.file) === 'rtdose.dcm')!;
  const want = s.all.filter((x) => x.studyUid === dose.studyUid);
  const got = s.index.instances({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: dose.studyUid }, 'study');
  assert.deepEqual(got.map((f) => f.path).sort(), want.map((x) => x.file).sort());
  assert.deepEqual(got.map((f) => f.transferSyntaxUid).sort(), want.map((x) => x.ts).sort());
  const one = s.index.instances({ QueryRetrieveLevel: 'IMAGE', PatientID: dose.patientId, StudyInstanceUID: dose.studyUid, SeriesInstanceUID: dose.seriesUid, SOPInstanceUID: dose.sopInstanceUid }, 'patient');
  assert.deepEqual(one.map((f) => f.path), [dose.file]);
});

test('the attribute table names columns that exist in the schema', (t) => {
  const { index } = openIndex(t);
  for (const a of STORED_ATTRIBUTES) {
    const q: NaturalDataset = { QueryRetrieveLevel: a.level === 'PATIENT' ? 'PATIENT' : a.level, PatientID: 'x', StudyInstanceUID: '1', SeriesInstanceUID: '1', [a.keyword]: '' };
    assert.deepEqual(index.find(q, 'patient'), [], a.keyword);
  }
});

test(':memory: keeps the index in memory: no file of that name appears in the working folder, and it indexes and matches', (t) => {
  // Regression: the name was resolved against the working folder, so a file called ":memory:" was created there.
  const dir = tempDir(t);
  const cwd = process.cwd();
  process.chdir(dir);
  t.after(() => process.chdir(cwd));
  const index = InstanceIndex.open(':memory:', captureLog().log);
  t.after(() => index.close());
  const p = writeSample(dir, 'a.dcm', { SOPInstanceUID: '1.2.3.4.5', StudyInstanceUID: '1.2.3.4', SeriesInstanceUID: '1.2.3.4.1', PatientID: 'MEM1' });
  addFile(index, p, '1.2.3.4.5');
  assert.deepEqual(readdirSync(dir), ['a.dcm']);
  const found = index.find({ QueryRetrieveLevel: 'STUDY', PatientID: 'MEM1', StudyInstanceUID: '' }, 'study');
  assert.equal(found.length, 1);
});
