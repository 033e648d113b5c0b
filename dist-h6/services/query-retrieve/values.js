/**
 * Value normalization shared by the indexer and the matcher: UIDs without
 * padding, DA/TM in a sortable form, query values as plain strings.
 * PS3.5 §6.2 (VRs), PS3.4 C.2.2.2.
 */
/** A UID without the space or NUL padding real files carry (PS3.5 §9.1). */
export function trimUid(s) {
    return s.replace(/^[\s\0]+|[\s\0]+$/g, '');
}
/** A text value without leading/trailing spaces and NULs (insignificant for SH, LO, CS, PN, DA, TM, IS). */
export function trimText(s) {
    return s.replace(/^[ \0]+|[ \0]+$/g, '');
}
/**
 * A DA value as YYYYMMDD, or undefined when none can be derived. Accepts the
 * standard form and the ACR-NEMA form `YYYY.MM.DD` (also `-` or `/` separated).
 */
export function normalizeDate(s) {
    const m = /^(\d{4})[.\-/]?(\d{2})[.\-/]?(\d{2})$/.exec(s.trim());
    if (!m)
        return undefined;
    const [, y, mo, d] = m;
    if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31)
        return undefined;
    return `${y}${mo}${d}`;
}
/** True when a DA value is in the standard form (8 digits). */
export const isConformantDate = (s) => /^\d{8}$/.test(s);
const TIME_FULL = '000000.000000';
const TIME_END = '595959.999999';
/**
 * A TM value as `HHMMSS.FFFFFF`, padded from the given precision with `fill`
 * ('0' for a stored value or a range start, '9'-style end of the precision for
 * a range end), or undefined. Accepts `HH`, `HHMM`, `HHMMSS`, `HHMMSS.F…` and
 * the ACR-NEMA form `HH:MM:SS`.
 */
export function normalizeTime(s, end = false) {
    const m = /^(\d{2})(?::?(\d{2})(?::?(\d{2})(?:\.(\d{1,6}))?)?)?$/.exec(s.trim());
    if (!m)
        return undefined;
    const [, hh, mm, ss, frac] = m;
    if (Number(hh) > 23 || Number(mm ?? 0) > 59 || Number(ss ?? 0) > 60)
        return undefined;
    const given = `${hh}${mm ?? ''}${ss ?? ''}${ss !== undefined ? `.${frac ?? ''}` : ''}`;
    const template = end ? TIME_END : TIME_FULL;
    if (ss !== undefined && frac === undefined)
        return `${given}${end ? '999999' : '000000'}`;
    return given + template.slice(given.length);
}
/** A PN natural value (dcmjs form) → DICOM string `alpha=ideo=phon`, trailing empty groups dropped. */
function personName(v) {
    const groups = [v.Alphabetic, v.Ideographic, v.Phonetic].map((g) => (typeof g === 'string' ? g : ''));
    while (groups.length > 1 && groups[groups.length - 1] === '')
        groups.pop();
    return groups.join('=');
}
/**
 * The values of a naturalized query element as strings: [] for an absent or
 * zero-length value (universal matching), one string per value otherwise
 * (dcmjs splits multi-valued strings at the backslash; a string that still
 * holds one is split here). PN objects become `alpha=ideo=phon`.
 */
export function queryValues(v) {
    if (v === undefined || v === null)
        return [];
    const items = Array.isArray(v) ? v : [v];
    const out = [];
    for (const item of items) {
        if (item === undefined || item === null)
            continue;
        if (typeof item === 'string')
            out.push(...item.split('\\'));
        else if (typeof item === 'number' || typeof item === 'bigint')
            out.push(String(item));
        else if (typeof item === 'object')
            out.push(personName(item));
    }
    const trimmed = out.map(trimText);
    return trimmed.every((s) => s === '') ? [] : trimmed;
}
/** A stored PN string → dcmjs natural form: [] when empty, else one object with the non-empty groups. */
export function naturalPersonName(s) {
    if (!s)
        return [];
    const [alphabetic = '', ideographic, phonetic] = s.split('=');
    const pn = { Alphabetic: alphabetic };
    if (ideographic)
        pn.Ideographic = ideographic;
    if (phonetic)
        pn.Phonetic = phonetic;
    return [pn];
}
//# sourceMappingURL=values.js.map