/**
 * Date and Time keys are matched each on its own (PS3.4 C.2.2.2.5, "in the
 * absence of Extended Negotiation"): a StudyTime range matches the time of
 * day whatever the StudyDate. Combined date-time matching needs the
 * "Date-time matching" byte of SOP Class Extended Negotiation (PS3.4
 * C.5.1.1.2, Table C.5-2), which our acceptor never agrees to.
 *
 * Expected answers come from the samples' own StudyDate/StudyTime, read with
 * dcmtk's dcmdump, never from the index code.
 */
import { before, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pino from 'pino';
import { InstanceIndex } from '../../services/query-retrieve/index-db.js';
import { matchCondition } from '../../services/query-retrieve/matching.js';
import { normalizeTime } from '../../services/query-retrieve/values.js';
import { negotiate } from '../../services/acse/negotiate.js';
import { emptyUserInformation, type AssociateRqPdu } from '../../transport/pdu-types.js';
import { ExplicitVRLittleEndian, StudyRootQueryRetrieveInformationModelFind } from '../../services/registry/uids.js';
import { readAttributes, requireTool, samplesDir } from '../helpers/dcmtk.js';

const VALID = path.join(samplesDir(), 'valid');

interface Study {
  uid: string;
  date: string;
  time: string;
}

interface SampleFile {
  file: string;
  ts: string;
  sopClassUid: string;
  sopInstanceUid: string;
  study: Study;
}

let samples: SampleFile[] = [];

before(async () => {
  if (!requireTool('dcmdump')) return;
  const files = readdirSync(VALID).filter((f) => f.endsWith('.dcm')).sort().map((f) => path.join(VALID, f));
  const attrs = await readAttributes(files, ['0002,0010', '0008,0016', '0008,0018', '0020,000d', '0008,0020', '0008,0030']);
  samples = files.map((file) => {
    const a = attrs.get(file)!;
    return {
      file, ts: a['0002,0010'] ?? '', sopClassUid: a['0008,0016'] ?? '', sopInstanceUid: a['0008,0018'] ?? '',
      study: { uid: a['0020,000d'] ?? '', date: a['0008,0020'] ?? '', time: a['0008,0030'] ?? '' },
    };
  });
});

/** An index holding every valid sample; undefined (test skipped) without dcmtk. */
function sampleIndex(t: TestContext): InstanceIndex | undefined {
  if (!requireTool('dcmdump', t)) return undefined;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'qr-datetime-'));
  const index = InstanceIndex.open(path.join(dir, '.index.sqlite'), pino({ level: 'silent' }));
  t.after(() => {
    index.close();
    rmSync(dir, { recursive: true, force: true });
  });
  for (const s of samples) index.add({ path: s.file, sopClassUid: s.sopClassUid, sopInstanceUid: s.sopInstanceUid, transferSyntaxUid: s.ts });
  return index;
}

/** The file's DA as YYYYMMDD (the samples also hold YYYY.MM.DD), '' when empty. */
const day = (v: string): string => v.replace(/\./g, '');
/** The file's TM as HHMMSS (the samples also hold HH:MM:SS), '' when empty. */
const clock = (v: string): string => v.replace(/:/g, '').slice(0, 6);

/** Distinct studies of the samples that `selects` picks, by Study Instance UID, sorted. */
function studiesWhere(selects: (s: Study) => boolean): string[] {
  return [...new Set(samples.map((s) => s.study).filter((s) => s.date !== '' && s.time !== '' && selects(s)).map((s) => s.uid))].sort();
}

const studyUids = (index: InstanceIndex, keys: Record<string, string>): string[] =>
  index.find({ QueryRetrieveLevel: 'STUDY', StudyInstanceUID: '', ...keys }, 'study').map((m) => String(m.StudyInstanceUID)).sort();

test('StudyDate=20040101- with StudyTime=-120000: each key on its own, not one date-time range', (t) => {
  const index = sampleIndex(t);
  if (!index) return;
  const got = studyUids(index, { StudyDate: '20040101-', StudyTime: '-120000' });
  assert.deepEqual(got, studiesWhere((s) => day(s.date) >= '20040101' && clock(s.time) <= '120000'));
  // The samples' 2004-08-26 18:50:59 study is after 2004-01-01 00:00 but not before noon: a combined range would have taken it.
  const evening = samples.find((s) => day(s.study.date) === '20040826' && clock(s.study.time) === '185059');
  assert.ok(evening, 'a sample study of 20040826 at 185059');
  assert.ok(!got.includes(evening.study.uid), 'the 18:50:59 study does not match StudyTime=-120000');
  assert.ok(got.length > 0, 'a morning study after 2004-01-01 matches');
});

test('StudyDate=20040826 with StudyTime=-120000: that day has no study before noon, so nothing matches', (t) => {
  const index = sampleIndex(t);
  if (!index) return;
  assert.deepEqual(studiesWhere((s) => day(s.date) === '20040826' && clock(s.time) <= '120000'), [], 'the samples hold no such study');
  assert.deepEqual(studyUids(index, { StudyDate: '20040826', StudyTime: '-120000' }), []);
  // The same day with an evening range finds its study: the date is matched as a date.
  assert.deepEqual(studyUids(index, { StudyDate: '20040826', StudyTime: '180000-' }), studiesWhere((s) => day(s.date) === '20040826' && clock(s.time) >= '180000'));
});

test('StudyDate=20040101-20041231 with StudyTime=-120000: the 2004 studies before noon only', (t) => {
  const index = sampleIndex(t);
  if (!index) return;
  const got = studyUids(index, { StudyDate: '20040101-20041231', StudyTime: '-120000' });
  assert.deepEqual(got, studiesWhere((s) => day(s.date) >= '20040101' && day(s.date) <= '20041231' && clock(s.time) <= '120000'));
  // Combined, 20040101 00:00 – 20041231 12:00 would also hold every 2004 study of the afternoon.
  assert.notDeepEqual(got, studiesWhere((s) => day(s.date) >= '20040101' && day(s.date) <= '20041231'));
});

test('StudyTime alone: a time range matches the time of day on any date', (t) => {
  const index = sampleIndex(t);
  if (!index) return;
  assert.deepEqual(studyUids(index, { StudyTime: '-120000' }), studiesWhere((s) => clock(s.time) <= '120000'));
  assert.deepEqual(studyUids(index, { StudyTime: '120000-' }), studiesWhere((s) => clock(s.time) >= '120000'));
  assert.deepEqual(studyUids(index, { StudyTime: '140000-190000' }), studiesWhere((s) => clock(s.time) >= '140000' && clock(s.time) <= '190000'));
});

/** Which of `stored` TM values a query value matches, through the real SQL. */
function timesMatching(value: string, stored: readonly string[]): string[] {
  const db = new Database(':memory:');
  try {
    db.exec('CREATE TABLE t (tm TEXT, tm_n TEXT)');
    const ins = db.prepare('INSERT INTO t VALUES (?, ?)');
    for (const v of stored) ins.run(v, normalizeTime(v) ?? null);
    const f = matchCondition('StudyTime', 'TM', 'tm', [value]);
    return db.prepare(`SELECT tm FROM t${f ? ` WHERE ${f.sql}` : ''} ORDER BY rowid`).pluck().all(...(f?.params ?? [])) as string[];
  } finally {
    db.close();
  }
}

test('TM ranges: open ends are inclusive, an end counts to the end of its precision, fractions compare as time', () => {
  const stored = ['000000', '115959.999999', '120000', '12:00:00', '120000.5', '120001', '1200', '235959.999999'];
  assert.deepEqual(timesMatching('-120000', stored), ['000000', '115959.999999', '120000', '12:00:00', '120000.5', '1200']);
  assert.deepEqual(timesMatching('120000-', stored), ['120000', '12:00:00', '120000.5', '120001', '1200', '235959.999999']);
  assert.deepEqual(timesMatching('-1200', stored), ['000000', '115959.999999', '120000', '12:00:00', '120000.5', '120001', '1200']);
  assert.deepEqual(timesMatching('120000.1-120000.9', stored), ['120000.5']);
  assert.deepEqual(timesMatching('-120000.4', stored), ['000000', '115959.999999', '120000', '12:00:00', '1200']);
  // A range crossing midnight is not supported (C.2.2.2.5): it matches nothing rather than wrapping.
  assert.deepEqual(timesMatching('2200-0200', stored), []);
});

test('TM and DA single values compare as times and dates: 120000 is 12:00:00 written any way; a fraction is another time', () => {
  const stored = ['120000', '12:00:00', '120000.000', '1200', '120000.5', '120001'];
  assert.deepEqual(timesMatching('120000', stored), ['120000', '12:00:00', '120000.000', '1200']);
  assert.deepEqual(timesMatching('120000.5', stored), ['120000.5']);
  const date = matchCondition('StudyDate', 'DA', 'st.study_date', ['20040826']);
  assert.deepEqual(date, { sql: 'st.study_date_n = ?', params: ['20040826'] });
});

test('the acceptor never agrees to combined date-time matching: no SOP Class Extended Negotiation in the A-ASSOCIATE-AC', () => {
  const rq: AssociateRqPdu = {
    type: 'A-ASSOCIATE-RQ', protocolVersion: 1, calledAETitle: 'NETDICOM', callingAETitle: 'FINDSCU', applicationContext: '1.2.840.10008.3.1.1.1',
    presentationContexts: [{ id: 1, abstractSyntax: StudyRootQueryRetrieveInformationModelFind, transferSyntaxes: [ExplicitVRLittleEndian] }],
    userInformation: {
      ...emptyUserInformation(), maxLength: 16384, implementationClassUid: '1.2.3',
      // relational-queries 1, date-time matching 1, fuzzy semantic matching 1 (PS3.4 Table C.5-1)
      sopClassExtended: [{ sopClassUid: StudyRootQueryRetrieveInformationModelFind, serviceClassApplicationInformation: Buffer.from([1, 1, 1]) }],
    },
  };
  const n = negotiate(rq, {
    aeTitle: 'NETDICOM', requireCalledAETitle: false, maxPduLength: 16384, implementationClassUid: '1.2.3.4', implementationVersionName: 'NETDICOM',
    support: (as) => (as === StudyRootQueryRetrieveInformationModelFind ? { acceptsTransferSyntax: (ts) => ts === ExplicitVRLittleEndian } : undefined),
  });
  assert.ok(n.accepted);
  assert.equal(n.ac.presentationContexts[0]!.result, 0);
  assert.deepEqual(n.ac.userInformation.sopClassExtended, []);
});
