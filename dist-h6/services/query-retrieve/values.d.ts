/**
 * Value normalization shared by the indexer and the matcher: UIDs without
 * padding, DA/TM in a sortable form, query values as plain strings.
 * PS3.5 §6.2 (VRs), PS3.4 C.2.2.2.
 */
/** A UID without the space or NUL padding real files carry (PS3.5 §9.1). */
export declare function trimUid(s: string): string;
/** A text value without leading/trailing spaces and NULs (insignificant for SH, LO, CS, PN, DA, TM, IS). */
export declare function trimText(s: string): string;
/**
 * A DA value as YYYYMMDD, or undefined when none can be derived. Accepts the
 * standard form and the ACR-NEMA form `YYYY.MM.DD` (also `-` or `/` separated).
 */
export declare function normalizeDate(s: string): string | undefined;
/** True when a DA value is in the standard form (8 digits). */
export declare const isConformantDate: (s: string) => boolean;
/**
 * A TM value as `HHMMSS.FFFFFF`, padded from the given precision with `fill`
 * ('0' for a stored value or a range start, '9'-style end of the precision for
 * a range end), or undefined. Accepts `HH`, `HHMM`, `HHMMSS`, `HHMMSS.F…` and
 * the ACR-NEMA form `HH:MM:SS`.
 */
export declare function normalizeTime(s: string, end?: boolean): string | undefined;
/**
 * The values of a naturalized query element as strings: [] for an absent or
 * zero-length value (universal matching), one string per value otherwise
 * (dcmjs splits multi-valued strings at the backslash; a string that still
 * holds one is split here). PN objects become `alpha=ideo=phon`.
 */
export declare function queryValues(v: unknown): string[];
/** A stored PN string → dcmjs natural form: [] when empty, else one object with the non-empty groups. */
export declare function naturalPersonName(s: string | null): Array<Record<string, string>>;
