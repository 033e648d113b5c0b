/**
 * Error Comment (0000,0902) is LO: at most 64 characters. Every comment the
 * Query/Retrieve services write must fit as written (complete words, a
 * section reference only when it fits); `errorComment` makes any other text
 * fit without cutting a word.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { ERROR_COMMENT_MAX, errorComment } from '../../services/dimse/error-comment.js';
import { LEVELS, STORED_ATTRIBUTES, UNIQUE_KEY } from '../../services/query-retrieve/attributes.js';
import { QueryError, QueryStatus } from '../../services/query-retrieve/errors.js';
import { InstanceIndex } from '../../services/query-retrieve/index-db.js';
import { matchCondition } from '../../services/query-retrieve/matching.js';
import { planQuery, type QueryModel } from '../../services/query-retrieve/query-builder.js';
import { failureFields } from '../../services/query-retrieve/query-service.js';
import { RetrieveProgress, RSP } from '../../services/query-retrieve/retrieve-progress.js';
import { projectRoot } from '../helpers/dcmtk.js';

/** The QueryError `f` throws. */
function queryError(f: () => unknown): QueryError {
  try {
    f();
  } catch (err) {
    assert.ok(err instanceof QueryError, `not a QueryError: ${String(err)}`);
    return err;
  }
  assert.fail('no QueryError thrown');
}

/**
 * Every QueryError the query code can build, each with its longest inputs:
 * every model, level and missing unique key; a PatientID list or wildcard;
 * an unknown level; a malformed range of every DA and TM key; a failing index.
 */
function everyQueryError(): QueryError[] {
  const errors: QueryError[] = [];
  const models: QueryModel[] = ['patient', 'study'];
  for (const model of models) {
    errors.push(queryError(() => planQuery({}, model)));
    errors.push(queryError(() => planQuery({ QueryRetrieveLevel: 'WORKLISTWORKLIST-AND-MORE' }, model)));
    for (const level of LEVELS) {
      const top = model === 'patient' ? 0 : 1;
      if (model === 'study' && level === 'PATIENT') {
        errors.push(queryError(() => planQuery({ QueryRetrieveLevel: level }, model)));
        continue;
      }
      // Each unique key above the level missing in turn, the ones before it given.
      for (let l = top; l < LEVELS.indexOf(level); l++) {
        const query: Record<string, string> = { QueryRetrieveLevel: level };
        for (let above = top; above < l; above++) query[UNIQUE_KEY[LEVELS[above]!]] = '1.2.3';
        query[UNIQUE_KEY[LEVELS[l]!]] = '';
        errors.push(queryError(() => planQuery(query, model)));
      }
      if (model === 'patient' && level !== 'PATIENT') {
        errors.push(queryError(() => planQuery({ QueryRetrieveLevel: level, PatientID: ['A', 'B'] }, model)));
        errors.push(queryError(() => planQuery({ QueryRetrieveLevel: level, PatientID: 'A*' }, model)));
      }
    }
  }
  for (const a of STORED_ATTRIBUTES.filter((x) => x.vr === 'DA' || x.vr === 'TM')) {
    errors.push(queryError(() => matchCondition(a.keyword, a.vr, a.column, ['1-2-3'])));
    errors.push(queryError(() => matchCondition(a.keyword, a.vr, a.column, ['abc-def'])));
    const query = { QueryRetrieveLevel: 'IMAGE', PatientID: 'A', StudyInstanceUID: '1', SeriesInstanceUID: '2', [a.keyword]: 'abc-' };
    errors.push(queryError(() => planQuery(query, 'patient')));
  }
  const index = InstanceIndex.open(':memory:', pino({ level: 'silent' }));
  index.close();
  errors.push(queryError(() => index.find({ QueryRetrieveLevel: 'STUDY' }, 'study')));
  return errors;
}

test(`every QueryError message fits an Error Comment as written (at most ${ERROR_COMMENT_MAX} characters, nothing cut)`, () => {
  const errors = everyQueryError();
  assert.ok(errors.length >= 30, `${errors.length} errors built`);
  const tooLong = errors.map((e) => e.message).filter((m) => m.length > ERROR_COMMENT_MAX);
  assert.deepEqual(tooLong, []);
  for (const e of errors) assert.equal(errorComment(e.message), e.message, 'errorComment leaves a message that fits unchanged');
  for (const e of errors) assert.ok(e.status === QueryStatus.IdentifierDoesNotMatchSopClass || e.status === QueryStatus.UnableToProcess);
});

test('every place that builds a QueryError is in the list above', () => {
  // Sites: query-builder (4 messages, 1 re-throw with the Offending Element), matching (2), index-db (1).
  // A new site fails this count: add its inputs to everyQueryError, then the count here.
  const dir = path.join(projectRoot, 'services', 'query-retrieve');
  const sites = readdirSync(dir)
    .filter((f) => f.endsWith('.ts'))
    .flatMap((f) => readFileSync(path.join(dir, f), 'utf8').match(/new QueryError\(/g) ?? []);
  assert.equal(sites.length, 9);
});

test('the IMAGE level Study Root query without SeriesInstanceUID: a complete comment with its reference, and the Offending Element', () => {
  const e = queryError(() => planQuery({ QueryRetrieveLevel: 'IMAGE', StudyInstanceUID: '1.2.3', SeriesInstanceUID: '', SOPInstanceUID: '' }, 'study'));
  assert.equal(e.status, 0xa900);
  assert.equal(e.message, 'IMAGE level needs a SeriesInstanceUID value (C.4.1.2.2)');
  assert.equal(e.offendingElement, 0x0020000e);
  assert.deepEqual(failureFields(e), { ErrorComment: e.message, OffendingElement: [0x0020000e] });
});

test('a malformed range names its key as the Offending Element', () => {
  const e = queryError(() => planQuery({ QueryRetrieveLevel: 'STUDY', StudyTime: '10-11-12' }, 'study'));
  assert.equal(e.status, 0xc000);
  assert.equal(e.offendingElement, 0x00080030);
  assert.equal(e.message, 'StudyTime range must be a-b, -b or a- (C.2.2.2.5)');
});

test('C-MOVE comments with the longest AE title fit as written', () => {
  const aet = 'A'.repeat(16);
  for (const m of [`move destination ${aet} unknown`, `cannot associate with ${aet}`]) assert.equal(errorComment(m), m);
});

test('errorComment: a longer text loses its trailing reference first, then whole words, and ends with "..."', () => {
  assert.equal(errorComment('short comment'), 'short comment');
  assert.equal(errorComment('x'.repeat(64)), 'x'.repeat(64));
  const withRef = 'SeriesInstanceUID is required at IMAGE level in Study Root (C.4.1.2.2)';
  assert.equal(errorComment(withRef), 'SeriesInstanceUID is required at IMAGE level in Study Root');
  const words = 'the data set could not be decoded because an element length runs past the end of the buffer';
  const fitted = errorComment(words);
  assert.ok(fitted.length <= ERROR_COMMENT_MAX, fitted);
  assert.ok(fitted.endsWith('...'), fitted);
  const kept = fitted.slice(0, -3);
  assert.ok(words.startsWith(`${kept} `), `"${kept}" ends at a word boundary`);
  // One word longer than half the limit (a path, a UID) is the only thing cut inside.
  const path64 = `cannot read /${'d'.repeat(80)}/file.dcm`;
  assert.equal(errorComment(path64).length, ERROR_COMMENT_MAX);
});

test('errorComment: the value stays one LO value of the default repertoire (no backslash, no control characters)', () => {
  assert.equal(errorComment('a\\b'), 'a/b');
  assert.equal(errorComment('line one\nline two\ttab'), 'line one line two tab');
  assert.equal(errorComment('Müller'), 'M?ller');
  assert.equal(errorComment('  padded  '), 'padded');
});

test('RetrieveProgress.final puts the fields of a failed query in the final response', () => {
  const p = new RetrieveProgress(0, RSP.move, { CommandField: 0x0021, MessageID: 7 }, '1.2.840.10008.5.1.4.1.2.2.2', '1.2.840.10008.1.2');
  const e = new QueryError(QueryStatus.IdentifierDoesNotMatchSopClass, 'STUDY level needs a PatientID value (C.4.1.2.2)', 0x00100020);
  const f = p.final(false, failureFields(e));
  assert.equal(f.command.ErrorComment, e.message);
  assert.deepEqual(f.command.OffendingElement, [0x00100020]);
  const long = p.final(false, `cannot associate with ${'x '.repeat(40)}`);
  assert.ok(String(long.command.ErrorComment).length <= ERROR_COMMENT_MAX);
});
