import type { NaturalDataset } from '../dimse/dataset-codec.js';
import { type IndexAttribute, type Level } from './attributes.js';
import { type SqlFragment } from './matching.js';
/**
 * Turns a C-FIND/C-GET/C-MOVE identifier into SQL over the index, following
 * the hierarchical rules of PS3.4 C.4.1.2 / C.4.2.2 for the Patient Root and
 * Study Root models (C.6.1, C.6.2).
 */
export type QueryModel = 'patient' | 'study';
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
export declare function planQuery(query: NaturalDataset, model: QueryModel): QueryPlan;
/** The SELECT for a plan: one column `c<n>` per return key the index holds. */
export declare function findSql(plan: QueryPlan): {
    sql: string;
    params: (string | number)[];
};
/** The SELECT of the instances under the entities a plan matches. */
export declare function instancesSql(plan: QueryPlan): {
    sql: string;
    params: (string | number)[];
};
/**
 * A result row → the response identifier: the requested keys with values in
 * the form dcmjs decodes them (PN as `[{ Alphabetic }]`, IS as numbers,
 * multi-valued strings as arrays, empty as '' / [] / null), keys the index
 * does not hold as zero-length values.
 */
export declare function responseOf(plan: QueryPlan, row: Record<string, unknown>): NaturalDataset;
