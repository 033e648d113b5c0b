import type { NaturalDataset } from '../dimse/dataset-codec.js';
import { ATTRIBUTE_BY_KEYWORD, LEVELS, UNIQUE_KEY, isStored, levelIndex, type IndexAttribute, type Level } from './attributes.js';
import { QueryError, QueryStatus } from './errors.js';
import { matchCondition, type SqlFragment } from './matching.js';
import { naturalPersonName, queryValues } from './values.js';

/**
 * Turns a C-FIND/C-GET/C-MOVE identifier into SQL over the index, following
 * the hierarchical rules of PS3.4 C.4.1.2 / C.4.2.2 for the Patient Root and
 * Study Root models (C.6.1, C.6.2).
 */

export type QueryModel = 'patient' | 'study';

/** FROM clause of each level, joined up to the patient. */
const FROM_BY_LEVEL: Readonly<Record<Level, string>> = {
  PATIENT: 'patient p',
  STUDY: 'study st JOIN patient p ON p.pk = st.patient_fk',
  SERIES: 'series se JOIN study st ON st.pk = se.study_fk JOIN patient p ON p.pk = st.patient_fk',
  IMAGE: 'instance i JOIN series se ON se.pk = i.series_fk JOIN study st ON st.pk = se.study_fk JOIN patient p ON p.pk = st.patient_fk',
};

/** Row key of each level's table (ordering: the order things were first stored). */
const PK_BY_LEVEL: Readonly<Record<Level, string>> = { PATIENT: 'p.pk', STUDY: 'st.pk', SERIES: 'se.pk', IMAGE: 'i.pk' };

/** Identifier elements that are not keys. */
const NOT_KEYS = new Set(['QueryRetrieveLevel', 'SpecificCharacterSet']);

/** One key of the response: from the index (`attribute`) or returned empty (not known, or below the query level). */
export interface ReturnKey {
  keyword: string;
  attribute?: IndexAttribute;
}

/** A validated query: its level, the conditions, and the keys to return. */
export interface QueryPlan {
  level: Level;
  where: SqlFragment[];
  returns: ReturnKey[];
}

/**
 * Validates the level and the unique keys of the levels above it, and builds
 * the conditions. Throws QueryError 0xA900 for a missing or invalid level,
 * PATIENT level in Study Root, or a missing unique key of a level above
 * (C.4.1.2.2.1); 0xC000 for a value that cannot be matched.
 */
export function planQuery(query: NaturalDataset, model: QueryModel): QueryPlan {
  const level = levelOf(query, model);
  const top = model === 'patient' ? 0 : 1;
  for (let l = top; l < levelIndex(level); l++) {
    const key = UNIQUE_KEY[LEVELS[l]];
    const values = queryValues(query[key]);
    if (values.length === 0) {
      throw new QueryError(QueryStatus.IdentifierDoesNotMatchSopClass, `${level} level needs a ${key} value (C.4.1.2.2)`, tagOf(key));
    }
    if (l === 0 && (values.length > 1 || /[*?]/.test(values[0]))) {
      throw new QueryError(QueryStatus.IdentifierDoesNotMatchSopClass, `${level} level needs one PatientID, without wildcards (C.4.1.2.2)`, tagOf(key));
    }
  }
  const where: SqlFragment[] = [];
  const returns: ReturnKey[] = [];
  const lvl = levelIndex(level);
  for (const keyword of Object.keys(query)) {
    if (NOT_KEYS.has(keyword) || keyword.startsWith('_')) continue;
    const attribute = ATTRIBUTE_BY_KEYWORD.get(keyword);
    if (!attribute || levelIndex(attribute.level) > lvl) {
      returns.push({ keyword });
      continue;
    }
    returns.push({ keyword, attribute });
    const cond = withOffendingElement(attribute, () => condition(attribute, queryValues(query[keyword])));
    if (cond) where.push(cond);
  }
  const unique = UNIQUE_KEY[level];
  if (!returns.some((r) => r.keyword === unique)) returns.push({ keyword: unique, attribute: ATTRIBUTE_BY_KEYWORD.get(unique) });
  return { level, where, returns };
}

function levelOf(query: NaturalDataset, model: QueryModel): Level {
  const [given] = queryValues(query.QueryRetrieveLevel);
  if (given === undefined) throw new QueryError(QueryStatus.IdentifierDoesNotMatchSopClass, 'QueryRetrieveLevel (0008,0052) is missing', QUERY_RETRIEVE_LEVEL);
  const level = given.toUpperCase() as Level;
  if (!LEVELS.includes(level)) {
    throw new QueryError(QueryStatus.IdentifierDoesNotMatchSopClass, 'QueryRetrieveLevel must be PATIENT, STUDY, SERIES or IMAGE', QUERY_RETRIEVE_LEVEL);
  }
  if (model === 'study' && level === 'PATIENT') {
    throw new QueryError(QueryStatus.IdentifierDoesNotMatchSopClass, 'PATIENT level is not part of Study Root (C.6.2)', QUERY_RETRIEVE_LEVEL);
  }
  return level;
}

/** Query/Retrieve Level (0008,0052). */
const QUERY_RETRIEVE_LEVEL = 0x00080052;

/** The tag of a stored attribute (the unique keys are all stored). */
const tagOf = (keyword: string): number | undefined => {
  const a = ATTRIBUTE_BY_KEYWORD.get(keyword);
  return a && isStored(a) ? a.tag : undefined;
};

/** Runs `f`; a QueryError it throws without an Offending Element gets the attribute's tag. */
function withOffendingElement<T>(attribute: IndexAttribute, f: () => T): T {
  try {
    return f();
  } catch (err) {
    if (!(err instanceof QueryError) || err.offendingElement !== undefined) throw err;
    throw new QueryError(err.status, err.message, tagOf(attribute.keyword));
  }
}

function condition(attribute: IndexAttribute, values: string[]): SqlFragment | undefined {
  if (isStored(attribute)) return matchCondition(attribute.keyword, attribute.vr, attribute.column, values);
  if (!attribute.exists) return undefined; // counts are return keys only
  const inner = matchCondition(attribute.keyword, attribute.vr, attribute.exists.column, values);
  return inner && { sql: `EXISTS (SELECT 1 FROM ${attribute.exists.from} AND ${inner.sql})`, params: inner.params };
}

/** The SELECT for a plan: one column `c<n>` per return key the index holds. */
export function findSql(plan: QueryPlan): { sql: string; params: (string | number)[] } {
  const columns = plan.returns.map((r, n) => `${r.attribute ? expressionOf(r.attribute) : 'NULL'} AS c${n}`);
  return {
    sql: `SELECT ${columns.join(', ')} FROM ${FROM_BY_LEVEL[plan.level]}${whereClause(plan)} ORDER BY ${PK_BY_LEVEL[plan.level]}`,
    params: plan.where.flatMap((w) => w.params),
  };
}

/** The SELECT of the instances under the entities a plan matches. */
export function instancesSql(plan: QueryPlan): { sql: string; params: (string | number)[] } {
  return {
    sql:
      'SELECT i.path AS path, i.sop_cuid AS sopClassUid, i.sop_iuid AS sopInstanceUid, i.transfer_syntax_uid AS transferSyntaxUid ' +
      `FROM ${FROM_BY_LEVEL.IMAGE}${whereClause(plan)} ORDER BY st.pk, se.pk, i.instance_number, i.pk`,
    params: plan.where.flatMap((w) => w.params),
  };
}

const whereClause = (plan: QueryPlan): string => (plan.where.length ? ` WHERE ${plan.where.map((w) => w.sql).join(' AND ')}` : '');

const expressionOf = (a: IndexAttribute): string => (isStored(a) ? a.column : a.expression);

/**
 * A result row → the response identifier: the requested keys with values in
 * the form dcmjs decodes them (PN as `[{ Alphabetic }]`, IS as numbers,
 * multi-valued strings as arrays, empty as '' / [] / null), keys the index
 * does not hold as zero-length values.
 */
export function responseOf(plan: QueryPlan, row: Record<string, unknown>): NaturalDataset {
  const out: NaturalDataset = {};
  plan.returns.forEach((r, n) => {
    const v = row[`c${n}`];
    if (!r.attribute) out[r.keyword] = [];
    else if (r.attribute.vr === 'PN') out[r.keyword] = naturalPersonName(v as string | null);
    else if (r.attribute.vr === 'IS') out[r.keyword] = typeof v === 'number' ? v : null;
    else if (typeof v === 'string' && v.includes('\\')) out[r.keyword] = v.split('\\');
    else out[r.keyword] = typeof v === 'string' ? v : '';
  });
  return out;
}
