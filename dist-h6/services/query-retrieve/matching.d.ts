import type { IndexVr } from './attributes.js';
/**
 * C-FIND key matching (PS3.4 C.2.2.2) as SQL: a query value becomes a
 * condition with bound parameters. User values only ever travel as
 * parameters; the SQL text holds nothing but the column names given by the
 * attribute table and fixed operators.
 */
/** A WHERE condition and its bound parameters, in order. */
export interface SqlFragment {
    readonly sql: string;
    readonly params: readonly (string | number)[];
}
/** The matching rule each stored VR follows. */
export type MatchRule = 'uid' | 'person-name' | 'text' | 'date' | 'time' | 'integer';
export declare const RULE_BY_VR: Readonly<Record<IndexVr, MatchRule>>;
/** The kinds of matching C.2.2.2 defines, as classified for one value. */
export type MatchKind = 'universal' | 'single' | 'wildcard' | 'range' | 'uid-list';
/**
 * The condition for one key: `values` are the key's values as strings (see
 * `queryValues`); [] is universal matching (no condition, `undefined`).
 * A UID key with several values is List of UID Matching (C.2.2.2.6); several
 * values of another key match when any one does. DA and TM compare their
 * normalized column `<column>_n` (YYYYMMDD, HHMMSS.FFFFFF) so that ranges
 * work on ACR-NEMA style values too. Throws QueryError 0xC000 for a range
 * whose bounds are not dates/times.
 */
export declare function matchCondition(keyword: string, vr: IndexVr, column: string, values: readonly string[]): SqlFragment | undefined;
/** How C.2.2.2 classifies one value of a key with this VR (for logs and tests). */
export declare function matchKind(vr: IndexVr, values: readonly string[]): MatchKind;
/** DICOM wildcards → LIKE pattern with `\` as the escape: `*` → `%`, `?` → `_`, literal `%`, `_`, `\` escaped. */
export declare function likePattern(v: string): string;
/** DICOM wildcards → GLOB pattern (case-sensitive): `*` and `?` kept, a literal `[` written as `[[]`. */
export declare function globPattern(v: string): string;
