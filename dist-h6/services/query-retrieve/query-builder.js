import { ATTRIBUTE_BY_KEYWORD, LEVELS, UNIQUE_KEY, isStored, levelIndex } from './attributes.js';
import { QueryError, QueryStatus } from './errors.js';
import { matchCondition } from './matching.js';
import { naturalPersonName, queryValues } from './values.js';
/** FROM clause of each level, joined up to the patient. */
const FROM_BY_LEVEL = {
    PATIENT: 'patient p',
    STUDY: 'study st JOIN patient p ON p.pk = st.patient_fk',
    SERIES: 'series se JOIN study st ON st.pk = se.study_fk JOIN patient p ON p.pk = st.patient_fk',
    IMAGE: 'instance i JOIN series se ON se.pk = i.series_fk JOIN study st ON st.pk = se.study_fk JOIN patient p ON p.pk = st.patient_fk',
};
/** Row key of each level's table (ordering: the order things were first stored). */
const PK_BY_LEVEL = { PATIENT: 'p.pk', STUDY: 'st.pk', SERIES: 'se.pk', IMAGE: 'i.pk' };
/** Identifier elements that are not keys. */
const NOT_KEYS = new Set(['QueryRetrieveLevel', 'SpecificCharacterSet']);
/**
 * Validates the level and the unique keys of the levels above it, and builds
 * the conditions. Throws QueryError 0xA900 for a missing or invalid level,
 * PATIENT level in Study Root, or a missing unique key of a level above
 * (C.4.1.2.2.1); 0xC000 for a value that cannot be matched.
 */
export function planQuery(query, model) {
    const level = levelOf(query, model);
    const top = model === 'patient' ? 0 : 1;
    for (let l = top; l < levelIndex(level); l++) {
        const key = UNIQUE_KEY[LEVELS[l]];
        const values = queryValues(query[key]);
        if (values.length === 0) {
            throw new QueryError(QueryStatus.IdentifierDoesNotMatchSopClass, `${key} is required at ${level} level in ${modelName(model)} (C.4.1.2.2)`);
        }
        if (l === 0 && (values.length > 1 || /[*?]/.test(values[0]))) {
            throw new QueryError(QueryStatus.IdentifierDoesNotMatchSopClass, `PatientID must be a single value at ${level} level in ${modelName(model)}`);
        }
    }
    const where = [];
    const returns = [];
    const lvl = levelIndex(level);
    for (const keyword of Object.keys(query)) {
        if (NOT_KEYS.has(keyword) || keyword.startsWith('_'))
            continue;
        const attribute = ATTRIBUTE_BY_KEYWORD.get(keyword);
        if (!attribute || levelIndex(attribute.level) > lvl) {
            returns.push({ keyword });
            continue;
        }
        returns.push({ keyword, attribute });
        const cond = condition(attribute, queryValues(query[keyword]));
        if (cond)
            where.push(cond);
    }
    const unique = UNIQUE_KEY[level];
    if (!returns.some((r) => r.keyword === unique))
        returns.push({ keyword: unique, attribute: ATTRIBUTE_BY_KEYWORD.get(unique) });
    return { level, where, returns };
}
function levelOf(query, model) {
    const [given] = queryValues(query.QueryRetrieveLevel);
    if (given === undefined)
        throw new QueryError(QueryStatus.IdentifierDoesNotMatchSopClass, 'QueryRetrieveLevel (0008,0052) is missing');
    const level = given.toUpperCase();
    if (!LEVELS.includes(level)) {
        throw new QueryError(QueryStatus.IdentifierDoesNotMatchSopClass, `QueryRetrieveLevel "${given.slice(0, 16)}" is not PATIENT, STUDY, SERIES or IMAGE`);
    }
    if (model === 'study' && level === 'PATIENT') {
        throw new QueryError(QueryStatus.IdentifierDoesNotMatchSopClass, 'PATIENT level is not part of Study Root (C.6.2)');
    }
    return level;
}
const modelName = (model) => (model === 'patient' ? 'Patient Root' : 'Study Root');
function condition(attribute, values) {
    if (isStored(attribute))
        return matchCondition(attribute.keyword, attribute.vr, attribute.column, values);
    if (!attribute.exists)
        return undefined; // counts are return keys only
    const inner = matchCondition(attribute.keyword, attribute.vr, attribute.exists.column, values);
    return inner && { sql: `EXISTS (SELECT 1 FROM ${attribute.exists.from} AND ${inner.sql})`, params: inner.params };
}
/** The SELECT for a plan: one column `c<n>` per return key the index holds. */
export function findSql(plan) {
    const columns = plan.returns.map((r, n) => `${r.attribute ? expressionOf(r.attribute) : 'NULL'} AS c${n}`);
    return {
        sql: `SELECT ${columns.join(', ')} FROM ${FROM_BY_LEVEL[plan.level]}${whereClause(plan)} ORDER BY ${PK_BY_LEVEL[plan.level]}`,
        params: plan.where.flatMap((w) => w.params),
    };
}
/** The SELECT of the instances under the entities a plan matches. */
export function instancesSql(plan) {
    return {
        sql: 'SELECT i.path AS path, i.sop_cuid AS sopClassUid, i.sop_iuid AS sopInstanceUid, i.transfer_syntax_uid AS transferSyntaxUid ' +
            `FROM ${FROM_BY_LEVEL.IMAGE}${whereClause(plan)} ORDER BY st.pk, se.pk, i.instance_number, i.pk`,
        params: plan.where.flatMap((w) => w.params),
    };
}
const whereClause = (plan) => (plan.where.length ? ` WHERE ${plan.where.map((w) => w.sql).join(' AND ')}` : '');
const expressionOf = (a) => (isStored(a) ? a.column : a.expression);
/**
 * A result row → the response identifier: the requested keys with values in
 * the form dcmjs decodes them (PN as `[{ Alphabetic }]`, IS as numbers,
 * multi-valued strings as arrays, empty as '' / [] / null), keys the index
 * does not hold as zero-length values.
 */
export function responseOf(plan, row) {
    const out = {};
    plan.returns.forEach((r, n) => {
        const v = row[`c${n}`];
        if (!r.attribute)
            out[r.keyword] = [];
        else if (r.attribute.vr === 'PN')
            out[r.keyword] = naturalPersonName(v);
        else if (r.attribute.vr === 'IS')
            out[r.keyword] = typeof v === 'number' ? v : null;
        else if (typeof v === 'string' && v.includes('\\'))
            out[r.keyword] = v.split('\\');
        else
            out[r.keyword] = typeof v === 'string' ? v : '';
    });
    return out;
}
//# sourceMappingURL=query-builder.js.map