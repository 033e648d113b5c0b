import { QueryError, QueryStatus } from './errors.js';
import { normalizeDate, normalizeTime, trimUid } from './values.js';
export const RULE_BY_VR = {
    UI: 'uid',
    PN: 'person-name',
    CS: 'text',
    LO: 'text',
    SH: 'text',
    DA: 'date',
    TM: 'time',
    IS: 'integer',
};
const NO_MATCH = { sql: '1 = 0', params: [] };
/**
 * The condition for one key: `values` are the key's values as strings (see
 * `queryValues`); [] is universal matching (no condition, `undefined`).
 * A UID key with several values is List of UID Matching (C.2.2.2.6); several
 * values of another key match when any one does. DA and TM compare their
 * normalized column `<column>_n` (YYYYMMDD, HHMMSS.FFFFFF) so that ranges
 * work on ACR-NEMA style values too. Throws QueryError 0xC000 for a range
 * whose bounds are not dates/times.
 */
export function matchCondition(keyword, vr, column, values) {
    if (values.length === 0)
        return undefined;
    const rule = RULE_BY_VR[vr];
    if (rule === 'uid')
        return uidList(column, values);
    const parts = [];
    for (const v of values) {
        if (v === '')
            continue;
        const part = singleValue(keyword, rule, column, v);
        if (!part)
            return undefined; // one universal value makes the whole key universal
        parts.push(part);
    }
    if (parts.length === 0)
        return undefined;
    if (parts.length === 1)
        return parts[0];
    return { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) };
}
/** How C.2.2.2 classifies one value of a key with this VR (for logs and tests). */
export function matchKind(vr, values) {
    if (values.length === 0)
        return 'universal';
    const rule = RULE_BY_VR[vr];
    if (rule === 'uid')
        return values.length > 1 ? 'uid-list' : 'single';
    const v = values[0];
    if ((rule === 'text' || rule === 'person-name') && /^\*+$/.test(v))
        return 'universal';
    if ((rule === 'text' || rule === 'person-name') && /[*?]/.test(v))
        return 'wildcard';
    if ((rule === 'date' || rule === 'time') && isRange(rule, v))
        return 'range';
    return 'single';
}
function uidList(column, values) {
    const uids = [...new Set(values.map(trimUid).filter((u) => u !== ''))];
    if (uids.length === 0)
        return undefined;
    if (uids.length === 1)
        return { sql: `${column} = ?`, params: uids };
    return { sql: `${column} IN (${uids.map(() => '?').join(', ')})`, params: uids };
}
function singleValue(keyword, rule, column, v) {
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
function textValue(rule, column, v) {
    if (/^\*+$/.test(v))
        return undefined; // "*" alone is universal matching
    const wildcard = /[*?]/.test(v);
    if (rule === 'person-name') {
        return wildcard ? { sql: `${column} LIKE ? ESCAPE '\\'`, params: [likePattern(v)] } : { sql: `${column} = ? COLLATE NOCASE`, params: [v] };
    }
    return wildcard ? { sql: `${column} GLOB ?`, params: [globPattern(v)] } : { sql: `${column} = ?`, params: [v] };
}
/** A single DA or TM value: on the normalized column when the value has a normalized form, else as given. */
function dateTimeValue(rule, column, v) {
    const n = rule === 'date' ? normalizeDate(v) : normalizeTime(v);
    return n === undefined ? { sql: `${column} = ?`, params: [v] } : { sql: `${column}_n = ?`, params: [n] };
}
/** `a-b`, `-b`, `a-` (C.2.2.2.5); a dash inside a non-conformant date such as 2004-01-01 is not a range. */
function isRange(rule, v) {
    if (!v.includes('-'))
        return false;
    return !(rule === 'date' && v.split('-').length > 2 && normalizeDate(v) !== undefined);
}
/** Range Matching (C.2.2.2.5), inclusive; a TM end is taken to the end of its precision (`-10` includes 10:59). */
function rangeValue(keyword, rule, column, v) {
    const parts = v.split('-');
    if (parts.length !== 2 || (parts[0] === '' && parts[1] === '')) {
        throw new QueryError(QueryStatus.UnableToProcess, `${keyword} range is not of the form a-b, -b or a-`);
    }
    const [lo, hi] = parts.map((p) => p.trim());
    const norm = (s, end) => {
        const n = rule === 'date' ? normalizeDate(s) : normalizeTime(s, end);
        if (n === undefined)
            throw new QueryError(QueryStatus.UnableToProcess, `${keyword} range bound is not a ${rule === 'date' ? 'date (YYYYMMDD)' : 'time (HHMMSS)'}`);
        return n;
    };
    const conds = [];
    const params = [];
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
export function likePattern(v) {
    let out = '';
    for (const ch of v) {
        if (ch === '*')
            out += '%';
        else if (ch === '?')
            out += '_';
        else if (ch === '%' || ch === '_' || ch === '\\')
            out += `\\${ch}`;
        else
            out += ch;
    }
    return out;
}
/** DICOM wildcards → GLOB pattern (case-sensitive): `*` and `?` kept, a literal `[` written as `[[]`. */
export function globPattern(v) {
    return v.replace(/\[/g, '[[]');
}
//# sourceMappingURL=matching.js.map