import { keywordOfTag, tagOfKeyword } from '../services/dimse/dataset-codec.js';
/**
 * Builds a query identifier from `-k` options, as dcmtk and pynetdicom take
 * them: `Keyword=value`, `Keyword` (asks for the key back, empty value), or a
 * tag `(gggg,eeee)=value` / `gggg,eeee=value`. Throws on an unknown keyword.
 */
export function queryFromKeys(keys) {
    const ds = {};
    for (const k of keys) {
        const eq = k.indexOf('=');
        const name = (eq >= 0 ? k.slice(0, eq) : k).trim();
        const value = eq >= 0 ? k.slice(eq + 1) : '';
        const keyword = /^\(?[0-9a-fA-F]{4},?[0-9a-fA-F]{4}\)?$/.test(name) ? keywordOfTag(name) : tagOfKeyword(name) ? name : undefined;
        if (!keyword)
            throw new Error(`unknown attribute "${name}" in -k ${k}`);
        ds[keyword] = value;
    }
    return ds;
}
export function collectKeys(v, prev) {
    return [...prev, v];
}
/** Prints an identifier as indented "Keyword: value" lines. */
export function formatIdentifier(ds) {
    return Object.entries(ds)
        .map(([k, v]) => `  ${k}: ${formatValue(v)}`)
        .join('\n');
}
function formatValue(v) {
    if (Array.isArray(v))
        return v.map(formatValue).join('\\');
    if (v && typeof v === 'object') {
        const pn = v;
        return pn.Alphabetic ?? JSON.stringify(v);
    }
    return v === undefined || v === null ? '' : String(v);
}
//# sourceMappingURL=query-keys.js.map