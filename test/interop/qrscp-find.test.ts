/**
 * `netdicom qrscp` answers dcmtk findscu (-P and -S) at every level with
 * exactly the matches the stored files call for: single value, wildcard,
 * range, UID list and universal matching (PS3.4 C.2.2.2, C.6). Expected
 * answers are computed from the samples' own attributes (dcmdump), and for
 * the uncompressed samples cross-checked against dcmtk dcmqrscp holding the
 * same files: the same query must give the same set of unique keys.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  findscu, findscuBatch, haveDcmtk, readSamples, sorted, startDcmqrscp, startQrscp, storeWithStorescu, suiteDir, TS_UNCOMPRESSED, validSamples,
  type Match, type Sample, type Server,
} from './qrscp-harness.js';

type Level = 'PATIENT' | 'STUDY' | 'SERIES' | 'IMAGE';
const UNIQUE_TAG: Record<Level, string> = { PATIENT: '0010,0020', STUDY: '0020,000d', SERIES: '0020,000e', IMAGE: '0008,0018' };
const UNIQUE_KEYWORD: Record<Level, keyof Sample> = { PATIENT: 'PatientID', STUDY: 'StudyInstanceUID', SERIES: 'SeriesInstanceUID', IMAGE: 'SOPInstanceUID' };
const LEVEL_ORDER: Level[] = ['PATIENT', 'STUDY', 'SERIES', 'IMAGE'];

/** Return keys whose value the response must carry as the file has it: keyword → tag and level. */
const CHECKED: Record<string, { tag: string; level: Level }> = {
  PatientID: { tag: '0010,0020', level: 'PATIENT' },
  PatientName: { tag: '0010,0010', level: 'PATIENT' },
  PatientSex: { tag: '0010,0040', level: 'PATIENT' },
  StudyInstanceUID: { tag: '0020,000d', level: 'STUDY' },
  StudyDate: { tag: '0008,0020', level: 'STUDY' },
  StudyID: { tag: '0020,0010', level: 'STUDY' },
  SeriesInstanceUID: { tag: '0020,000e', level: 'SERIES' },
  Modality: { tag: '0008,0060', level: 'SERIES' },
  SOPInstanceUID: { tag: '0008,0018', level: 'IMAGE' },
};

interface Query {
  name: string;
  model: 'P' | 'S';
  level: Level;
  /** findscu -k keys besides QueryRetrieveLevel (a key given twice is the last one's value to findscu: give each once). */
  keys: string[];
  /** Which samples the query selects, read off the file's attributes. */
  selects: (s: Sample) => boolean;
  /** Also asked of our qrscp and dcmqrscp holding only the uncompressed samples. */
  crossCheck: boolean;
}

/** A DA value as YYYYMMDD: the standard form, or the ACR-NEMA form YYYY.MM.DD the samples also hold. */
const date = (v: string): string => (/^\d{8}$/.test(v) ? v : /^\d{4}\.\d{2}\.\d{2}$/.test(v) ? v.replace(/\./g, '') : '');
const inRange = (v: string, lo: string, hi: string): boolean => {
  const d = date(v);
  return d !== '' && (lo === '' || d >= lo) && (hi === '' || d <= hi);
};

/**
 * The unique keys the query must return, one per matching entity. Patients
 * are told apart as the index documents it: by Patient ID, else name and
 * birth date, else each study is its own patient.
 */
function expected(samples: readonly Sample[], q: Query): string[] {
  const hits = samples.filter(q.selects);
  if (q.level !== 'PATIENT') return [...new Set(hits.map((s) => s[UNIQUE_KEYWORD[q.level]]))];
  const patients = new Map<string, string>();
  for (const s of hits) {
    const key = s.PatientID ? `id:${s.PatientID}` : s.PatientName && s.PatientBirthDate ? `pn:${s.PatientName}\\${s.PatientBirthDate}` : `study:${s.StudyInstanceUID}`;
    patients.set(key, s.PatientID);
  }
  return [...patients.values()];
}

/** Each checked return key holds the file's value (entities whose unique key is empty are left out: they are ambiguous). */
function wrongValues(samples: readonly Sample[], q: Query, matches: readonly Match[]): string[] {
  const out: string[] = [];
  const requested = q.keys.map((k) => k.split('=')[0]!).filter((k) => k in CHECKED && LEVEL_ORDER.indexOf(CHECKED[k]!.level) <= LEVEL_ORDER.indexOf(q.level));
  for (const m of matches) {
    const id = m[UNIQUE_TAG[q.level]] ?? '';
    const s = samples.find((x) => x[UNIQUE_KEYWORD[q.level]] === id);
    if (!id || !s) continue;
    for (const k of requested) {
      const want = s[k as keyof Sample];
      if ((m[CHECKED[k]!.tag] ?? '<missing>') !== want) out.push(`${k} of ${id}: got "${m[CHECKED[k]!.tag] ?? '<missing>'}", file has "${want}"`);
    }
  }
  return out;
}

describe('qrscp C-FIND against dcmtk findscu, expected answers from the files, cross-checked with dcmqrscp', { skip: !haveDcmtk(['dcmqrscp']) && 'dcmtk not installed', timeout: 90_000 }, () => {
  let all: Sample[] = [];
  let uncompressed: Sample[] = [];
  let full: Server | undefined;
  let subset: Server | undefined;
  let dcmqr: Server | undefined;
  let removeDir: (() => Promise<void>) | undefined;
  const byName = (n: string) => all.find((s) => s.name === n)!;

  before(async () => {
    const { dir, remove } = await suiteDir('netdicom-qrscp-find-');
    removeDir = remove;
    all = await readSamples(await validSamples());
    uncompressed = all.filter((s) => TS_UNCOMPRESSED.has(s.TransferSyntaxUID));
    [full, subset, dcmqr] = await Promise.all([
      startQrscp(path.join(dir, 'full')),
      startQrscp(path.join(dir, 'subset')),
      startDcmqrscp(path.join(dir, 'dcmqrscp')),
    ]);
    const failures = (await Promise.all([
      storeWithStorescu(full.port, 'NETDICOM', all),
      storeWithStorescu(subset.port, 'NETDICOM', uncompressed),
      storeWithStorescu(dcmqr.port, 'DCMQR', uncompressed),
    ])).flat();
    assert.deepEqual(failures, [], 'storing the samples');
  });
  after(async () => {
    await Promise.all([full?.stop(), subset?.stop(), dcmqr?.stop()]);
    await removeDir?.();
  });

  /**
   * Runs the queries (all of a model on one findscu association per server);
   * every mismatch is collected so that one run shows them all.
   */
  async function check(queries: Query[]): Promise<void> {
    const problems: string[] = [];
    for (const model of ['P', 'S'] as const) {
      const qs = queries.filter((q) => q.model === model);
      const cross = qs.filter((q) => q.crossCheck);
      const keysOf = (q: Query) => [`QueryRetrieveLevel=${q.level}`, ...q.keys];
      const [got, ours, theirs] = await Promise.all([
        findscuBatch(full!.port, 'NETDICOM', model, qs.map(keysOf)),
        findscuBatch(subset!.port, 'NETDICOM', model, cross.map(keysOf)),
        findscuBatch(dcmqr!.port, 'DCMQR', model, cross.map(keysOf)),
      ]);
      qs.forEach((q, i) => {
        const tag = UNIQUE_TAG[q.level];
        const say = (p: string) => problems.push(`${q.model} ${q.level} ${q.name}: ${p}`);
        const r = got[i]!;
        const want = sorted(expected(all, q));
        const keys = sorted(r.matches.map((m) => m[tag] ?? '<no unique key>'));
        if (r.final !== 'Success') say(`final status ${r.final || 'none'}`);
        if (JSON.stringify(keys) !== JSON.stringify(want)) say(`all samples: got [${keys.join(', ')}], want [${want.join(', ')}]`);
        wrongValues(all, q, r.matches).forEach(say);
        const c = cross.indexOf(q);
        if (c < 0) return;
        const oursSet = sorted(new Set(ours[c]!.matches.map((m) => m[tag] ?? '<no unique key>')));
        const theirSet = sorted(new Set(theirs[c]!.matches.map((m) => m[tag] ?? '<no unique key>')));
        const wantSet = sorted(new Set(expected(uncompressed, q)));
        if (ours[c]!.final !== 'Success' || theirs[c]!.final !== 'Success') say(`uncompressed: final status ours ${ours[c]!.final}, dcmqrscp ${theirs[c]!.final}`);
        if (JSON.stringify(oursSet) !== JSON.stringify(wantSet)) say(`uncompressed: got [${oursSet.join(', ')}], want [${wantSet.join(', ')}]`);
        if (JSON.stringify(oursSet) !== JSON.stringify(theirSet)) say(`uncompressed: ours [${oursSet.join(', ')}] ≠ dcmqrscp [${theirSet.join(', ')}]`);
      });
    }
    assert.deepEqual(problems, []);
  }

  test('every stored sample is indexed: NumberOfStudyRelatedInstances of each study counts its samples', async () => {
    const r = await findscu(full!.port, 'NETDICOM', 'S', ['QueryRetrieveLevel=STUDY', 'StudyInstanceUID', 'NumberOfStudyRelatedInstances']);
    assert.equal(r.final, 'Success', r.log);
    const got = Object.fromEntries(r.matches.map((m) => [m['0020,000d'], Number(m['0020,1208'])]));
    const want: Record<string, number> = {};
    for (const s of all) want[s.StudyInstanceUID] = (want[s.StudyInstanceUID] ?? 0) + 1;
    assert.deepEqual(got, want);
    assert.equal(Object.values(got).reduce((a, b) => a + b, 0), all.length);
  });

  test('Study Root, STUDY level: universal, single value, wildcard (* and ?), range (closed and open), UID list, several keys, no match', async () => {
    const mr = byName('MR_small.dcm').StudyInstanceUID;
    const dose = byName('rtdose.dcm').StudyInstanceUID;
    const q = (name: string, keys: string[], selects: Query['selects']): Query => ({ name, model: 'S', level: 'STUDY', keys, selects, crossCheck: true });
    await check([
      q('universal', ['StudyInstanceUID', 'StudyDate', 'StudyID'], () => true),
      q('PatientID=4MR1', ['PatientID=4MR1', 'StudyInstanceUID', 'PatientName'], (s) => s.PatientID === '4MR1'),
      q('PatientName=CompressedSamples*', ['PatientName=CompressedSamples*', 'StudyInstanceUID'], (s) => s.PatientName.startsWith('CompressedSamples')),
      q('PatientName=Last*', ['PatientName=Last*', 'StudyInstanceUID'], (s) => s.PatientName.startsWith('Last')),
      q('PatientID=id?????', ['PatientID=id?????', 'StudyInstanceUID'], (s) => /^id.{5}$/.test(s.PatientID)),
      q('PatientName=*', ['PatientName=*', 'StudyInstanceUID'], () => true),
      q('StudyDate=20040101-20041231', ['StudyDate=20040101-20041231', 'StudyInstanceUID', 'StudyID'], (s) => inRange(s.StudyDate, '20040101', '20041231')),
      q('StudyDate=20030101-', ['StudyDate=20030101-', 'StudyInstanceUID'], (s) => inRange(s.StudyDate, '20030101', '')),
      q('StudyDate=-20031231', ['StudyDate=-20031231', 'StudyInstanceUID'], (s) => inRange(s.StudyDate, '', '20031231')),
      q('StudyDate=20040826', ['StudyDate=20040826', 'StudyInstanceUID'], (s) => s.StudyDate === '20040826'),
      q('StudyInstanceUID=<MR>\\<RT Dose>', [`StudyInstanceUID=${mr}\\${dose}`], (s) => s.StudyInstanceUID === mr || s.StudyInstanceUID === dose),
      q('PatientSex=F, StudyDate=20040101-', ['PatientSex=F', 'StudyDate=20040101-', 'StudyInstanceUID'], (s) => s.PatientSex === 'F' && inRange(s.StudyDate, '20040101', '')),
      q('PatientID=NOBODY', ['PatientID=NOBODY', 'StudyInstanceUID'], () => false),
    ]);
  });

  // dcmqrscp ignores SeriesDate and ContentDate (not in its index): queries on them are checked against the files only.
  test('Study Root, SERIES level: universal, single value (CS, IS), wildcard, range, no match', async () => {
    const mr = byName('MR_small.dcm').StudyInstanceUID;
    const dose = byName('rtdose.dcm').StudyInstanceUID;
    const nm = byName('JPEG-lossy.dcm').StudyInstanceUID;
    const ct = byName('CT_small.dcm').StudyInstanceUID;
    const q = (name: string, keys: string[], selects: Query['selects'], crossCheck = true): Query => ({ name, model: 'S', level: 'SERIES', keys, selects, crossCheck });
    await check([
      q('universal in the MR study', [`StudyInstanceUID=${mr}`, 'SeriesInstanceUID', 'Modality'], (s) => s.StudyInstanceUID === mr),
      q('Modality=RTDOSE in the RT Dose study', [`StudyInstanceUID=${dose}`, 'Modality=RTDOSE', 'SeriesInstanceUID'], (s) => s.StudyInstanceUID === dose && s.Modality === 'RTDOSE'),
      q('Modality=CT in the RT Dose study', [`StudyInstanceUID=${dose}`, 'Modality=CT', 'SeriesInstanceUID'], () => false),
      q('SeriesNumber=1 in the MR study', [`StudyInstanceUID=${mr}`, 'SeriesNumber=1', 'SeriesInstanceUID'], (s) => s.StudyInstanceUID === mr && s.SeriesNumber === '1'),
      q('universal in the NM study (compressed only)', [`StudyInstanceUID=${nm}`, 'SeriesInstanceUID', 'Modality'], (s) => s.StudyInstanceUID === nm, false),
      q('Modality=RT* in the RT Dose study', [`StudyInstanceUID=${dose}`, 'Modality=RT*', 'SeriesInstanceUID'], (s) => s.StudyInstanceUID === dose && s.Modality.startsWith('RT')),
      q('SeriesDate=19970101-19971231 in the CT study', [`StudyInstanceUID=${ct}`, 'SeriesDate=19970101-19971231', 'SeriesInstanceUID'], (s) => s.StudyInstanceUID === ct && inRange(s.SeriesDate, '19970101', '19971231'), false),
      q('SeriesDate=19980101- in the CT study', [`StudyInstanceUID=${ct}`, 'SeriesDate=19980101-', 'SeriesInstanceUID'], (s) => s.StudyInstanceUID === ct && inRange(s.SeriesDate, '19980101', ''), false),
    ]);
  });

  test('Study Root, IMAGE level: universal, UID list, single value (IS), range', async () => {
    const mr = byName('MR_small.dcm');
    const dose = byName('rtdose.dcm');
    const nm = byName('JPEG-lossy.dcm');
    const ct = byName('CT_small.dcm');
    const two = [byName('MR_small_implicit.dcm').SOPInstanceUID, byName('MR_small_bigendian.dcm').SOPInstanceUID];
    const q = (name: string, keys: string[], selects: Query['selects'], crossCheck = true): Query => ({ name, model: 'S', level: 'IMAGE', keys, selects, crossCheck });
    await check([
      q('universal in the MR series', [`StudyInstanceUID=${mr.StudyInstanceUID}`, `SeriesInstanceUID=${mr.SeriesInstanceUID}`, 'SOPInstanceUID', 'SOPClassUID'], (s) => s.SeriesInstanceUID === mr.SeriesInstanceUID),
      q('universal in the RT Dose series', [`StudyInstanceUID=${dose.StudyInstanceUID}`, `SeriesInstanceUID=${dose.SeriesInstanceUID}`, 'SOPInstanceUID'], (s) => s.SeriesInstanceUID === dose.SeriesInstanceUID),
      q('SOPInstanceUID list of two', [`StudyInstanceUID=${mr.StudyInstanceUID}`, `SeriesInstanceUID=${mr.SeriesInstanceUID}`, `SOPInstanceUID=${two.join('\\')}`], (s) => two.includes(s.SOPInstanceUID)),
      q('ContentDate=19970801-19970831 in the NM series', [`StudyInstanceUID=${nm.StudyInstanceUID}`, `SeriesInstanceUID=${nm.SeriesInstanceUID}`, 'ContentDate=19970801-19970831', 'SOPInstanceUID'], (s) => s.SeriesInstanceUID === nm.SeriesInstanceUID && inRange(s.ContentDate, '19970801', '19970831'), false),
      q('ContentDate=-19961231 in the CT series', [`StudyInstanceUID=${ct.StudyInstanceUID}`, `SeriesInstanceUID=${ct.SeriesInstanceUID}`, 'ContentDate=-19961231', 'SOPInstanceUID'], (s) => s.SeriesInstanceUID === ct.SeriesInstanceUID && inRange(s.ContentDate, '', '19961231'), false),
      q('InstanceNumber=3 in the NM series (compressed only)', [`StudyInstanceUID=${nm.StudyInstanceUID}`, `SeriesInstanceUID=${nm.SeriesInstanceUID}`, 'InstanceNumber=3', 'SOPInstanceUID'], (s) => s.SeriesInstanceUID === nm.SeriesInstanceUID && s.InstanceNumber === '3', false),
    ]);
  });

  test('Study Root has no PATIENT level: findscu -S at PATIENT level gets no match and a failure status', async () => {
    const r = await findscu(full!.port, 'NETDICOM', 'S', ['QueryRetrieveLevel=PATIENT', 'PatientID']);
    assert.equal(r.matches.length, 0, r.log);
    assert.notEqual(r.final, 'Success', r.log);
    assert.match(r.log, /Final Find Response \(Error: DataSetDoesNotMatchSOPClass\)/);
  });

  test('Patient Root, PATIENT level: universal, single value, wildcard, CS single value', async () => {
    const q = (name: string, keys: string[], selects: Query['selects']): Query => ({ name, model: 'P', level: 'PATIENT', keys, selects, crossCheck: true });
    await check([
      q('universal', ['PatientID', 'PatientName'], () => true),
      q('PatientID=4MR1', ['PatientID=4MR1', 'PatientName', 'PatientSex'], (s) => s.PatientID === '4MR1'),
      q('PatientName=Last*', ['PatientName=Last*', 'PatientID'], (s) => s.PatientName.startsWith('Last')),
      q('PatientName=Lestrade^?', ['PatientName=Lestrade^?', 'PatientID'], (s) => /^Lestrade\^.$/.test(s.PatientName)),
      q('PatientSex=F', ['PatientSex=F', 'PatientID'], (s) => s.PatientSex === 'F'),
    ]);
  });

  test('Patient Root, STUDY, SERIES and IMAGE levels under a Patient ID', async () => {
    const id1 = byName('SC_rgb_small_odd.dcm');
    const mr = byName('MR_small.dcm');
    await check([
      { name: 'PatientID=id11111', model: 'P', level: 'STUDY', keys: ['PatientID=id11111', 'StudyInstanceUID', 'StudyDate'], selects: (s) => s.PatientID === 'id11111', crossCheck: true },
      { name: 'PatientID=4MR1, StudyDate=20040101-20041231', model: 'P', level: 'STUDY', keys: ['PatientID=4MR1', 'StudyDate=20040101-20041231', 'StudyInstanceUID'], selects: (s) => s.PatientID === '4MR1' && inRange(s.StudyDate, '20040101', '20041231'), crossCheck: true },
      { name: 'PatientID=ID1, its study', model: 'P', level: 'SERIES', keys: ['PatientID=ID1', `StudyInstanceUID=${id1.StudyInstanceUID}`, 'SeriesInstanceUID', 'Modality'], selects: (s) => s.PatientID === 'ID1' && s.StudyInstanceUID === id1.StudyInstanceUID, crossCheck: true },
      { name: 'PatientID=4MR1, the MR series', model: 'P', level: 'IMAGE', keys: ['PatientID=4MR1', `StudyInstanceUID=${mr.StudyInstanceUID}`, `SeriesInstanceUID=${mr.SeriesInstanceUID}`, 'SOPInstanceUID'], selects: (s) => s.SeriesInstanceUID === mr.SeriesInstanceUID, crossCheck: true },
    ]);
  });
});
