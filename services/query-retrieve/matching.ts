import type { IndexVr } from './attributes.js';
import { QueryError, QueryStatus } from './errors.js';
import { normalizeDate, normalizeTime, trimUid } from './values.js';

/**
 * C-FIND key matching (PS3.4 C.2.2.2) as SQL: a query value becomes a
 * condition with bound parameters. User values only ever travel as
 * parameters; the SQL text holds nothing but the column names given by the
 * attribute table and fixed operators.
 *
 * Every key is matched on its own, a Date (DA) and a Time (TM) too: a
 * StudyTime range matches the time of day whatever the StudyDate (PS3.4
 * C.2.2.2.5, "in the absence of Extended Negotiation"). Combined date-time
 * matching of a DA/TM pair applies only when the acceptor agreed to it in
 * the SOP Class Extended Negotiation sub-item (PS3.4 C.5.1.1.2, Table C.5-2,
 * byte 2 "Date-time matching"); our acceptor answers no extended negotiation
 * (services/acse/negotiate.ts), so it is never agreed and never performed.
 */

/** A WHERE condition and its bound parameters, in order. */
export interface SqlFragment {
  readonly sql: string;
  readonly params: readonly (string | number)[];
}

/** The matching rule each stored VR follows. */
export type MatchRule = 'uid' | 'person-name' | 'text' | 'date' | 'time' | 'integer';

export const RULE_BY_VR: Readonly<Record<IndexVr, MatchRule>> = {
  UI: 'uid',
  PN: 'person-name',
  CS: 'text',
  LO: 'text',
  SH: 'text',
  DA: 'date',
  TM: 'time',
  IS: 'integer',
};

/** The kinds of matching C.2.2.2 defines, as classified for one value. */
export type MatchKind = 'universal' | 'single' | 'wildcard' | 'range' | 'uid-list';

const NO_MATCH: SqlFragment = { sql: '1 = 0', params: [] };

/**
 * The condition for one key: `values` are the key's values as strings (see
 * `queryValues`); [] is universal matching (no condition, `undefined`).
 * A UID key with several values is List of UID Matching (C.2.2.2.6); several
 * values of another key match when any one does. DA and TM compare their
 * normalized column `<column>_n` (YYYYMMDD, HHMMSS.FFFFFF) so that ranges
 * work on ACR-NEMA style values too. Throws QueryError 0xC000 for a range
 * whose bounds are not dates/times.
 */
export function matchCondition(keyword: string, vr: IndexVr, column: string, values: readonly string[]): SqlFragment | undefined {
  if (values.length === 0) return undefined;
  const rule = RULE_BY_VR[vr];
  if (rule === 'uid') return uidList(column, values);
  const parts: SqlFragment[] = [];
  for (const v of values) {
    if (v === '') continue;
    const part = singleValue(keyword, rule, column, v);
    if (!part) return undefined; // one universal value makes the whole key universal
    parts.push(part);
  }
  if (parts.length === 0) return undefined;
  if (parts.length === 1) return parts[0];
  return { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) };
}

/** How C.2.2.2 classifies one value of a key with this VR (for logs and tests). */
export function matchKind(vr: IndexVr, values: readonly string[]): MatchKind {
  if (values.length === 0) return 'universal';
  const rule = RULE_BY_VR[vr];
  if (rule === 'uid') return values.length > 1 ? 'uid-list' : 'single';
  const v = values[0];
  if ((rule === 'text' || rule === 'person-name') && /^\*+$/.test(v)) return 'universal';
  if ((rule === 'text' || rule === 'person-name') && /[*?]/.test(v)) return 'wildcard';
  if ((rule === 'date' || rule === 'time') && isRange(rule, v)) return 'range';
  return 'single';
}

function uidList(column: string, values: readonly string[]): SqlFragment | undefined {
  const uids = [...new Set(values.map(trimUid).filter((u) => u !== ''))];
  if (uids.length === 0) return undefined;
  if (uids.length === 1) return { sql: `${column} = ?`, params: uids };
  return { sql: `${column} IN (${uids.map(() => '?').join(', ')})`, params: uids };
}

function singleValue(keyword: string, rule: Exclude<MatchRule, 'uid'>, column: string, v: string): SqlFragment | undefined {
  switch (rule) {
    case 'text':
    case 'person-name':
      return textValue(rule, column, v);
    case 'date':
    case 'time':
      return isRange(rule, v) ? rangeValue(keyword, rule, column, v) : dateTimeValue(rule, column, v);
    case 'integer':
      return /^[+-]?\d+$/.test(v) ? { sql: `${column} = ?`, params: [Number(v)] } : NO_MATCH;
  }
}

/** Single Value (C.2.2.2.1) and Wild Card Matching (C.2.2.2.4); PN compares case-insensitively. */
function textValue(rule: 'text' | 'person-name', column: string, v: string): SqlFragment | undefined {
  if (/^\*+$/.test(v)) return undefined; // "*" alone is universal matching
  const wildcard = /[*?]/.test(v);
  if (rule === 'person-name') {
    return wildcard ? { sql: `${column} LIKE ? ESCAPE '\\'`, params: [likePattern(v)] } : { sql: `${column} = ? COLLATE NOCASE`, params: [v] };
  }
  return wildcard ? { sql: `${column} GLOB ?`, params: [globPattern(v)] } : { sql: `${column} = ?`, params: [v] };
}

/** A single DA or TM value: on the normalized column when the value has a normalized form, else as given. */
function dateTimeValue(rule: 'date' | 'time', column: string, v: string): SqlFragment {
  const n = rule === 'date' ? normalizeDate(v) : normalizeTime(v);
  return n === undefined ? { sql: `${column} = ?`, params: [v] } : { sql: `${column}_n = ?`, params: [n] };
}

/** `a-b`, `-b`, `a-` (C.2.2.2.5); a dash inside a non-conformant date such as 2004-01-01 is not a range. */
function isRange(rule: 'date' | 'time', v: string): boolean {
  if (!v.includes('-')) return false;
  return !(rule === 'date' && v.split('-').length > 2 && normalizeDate(v) !== undefined);
}

/**
 * Range Matching (C.2.2.2.5), inclusive; a TM end is taken to the end of its
 * precision (`-10` includes 10:59:59.999999, `-120000` 12:00:00.999999). TM
 * ranges compare times within a day; one crossing midnight (`2200-0200`)
 * matches nothing, as the standard does not support it.
 */
function rangeValue(keyword: string, rule: 'date' | 'time', column: string, v: string): SqlFragment {
  const parts = v.split('-');
  if (parts.length !== 2 || (parts[0] === '' && parts[1] === '')) {
    throw new QueryError(QueryStatus.UnableToProcess, `${keyword} range must be a-b, -b or a- (C.2.2.2.5)`);
  }
  const [lo, hi] = parts.map((p) => p.trim());
  const norm = (s: string, end: boolean): string => {
    const n = rule === 'date' ? normalizeDate(s) : normalizeTime(s, end);
    if (n === undefined) throw new QueryError(QueryStatus.UnableToProcess, `${keyword} range bound is not a ${rule === 'date' ? 'date (YYYYMMDD)' : 'time (HHMMSS)'}`);
    return n;
  };
  const conds: string[] = [];
  const params: string[] = [];
  if (lo !== '') {
    conds.push(`${column}_n >= ?`);
    params.push(norm(lo, false));
  }
  if (hi !== '') {
    conds.push(`${column}_n <= ?`);
    params.push(norm(hi, true));
  }
  return { sql: conds.length === 1 ? conds[0] : `(${conds.join(' AND ')})`, params };
}

/** DICOM wildcards → LIKE pattern with `\` as the escape: `*` → `%`, `?` → `_`, literal `%`, `_`, `\` escaped. */
export function likePattern(v: string): string {
  let out = '';
  for (const ch of v) {
    if (ch === '*') out += '%';
    else if (ch === '?') out += '_';
    else if (ch === '%' || ch === '_' || ch === '\\') out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/** DICOM wildcards → GLOB pattern (case-sensitive): `*` and `?` kept, a literal `[` written as `[[]`. */
export function globPattern(v: string): string {
  return v.replace(/\[/g, '[[]');
}
