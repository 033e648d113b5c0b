/**
 * Tiny helpers for writing byte fixtures by hand, field by field. They only
 * concatenate what they are given: every length and offset in a fixture is a
 * literal written from the standard's tables, never computed by our encoders.
 */
/** Bytes from a hex string; spaces, newlines and `|` separators are ignored. */
export function hex(s) {
    const clean = s.replace(/[\s|]/g, '');
    if (clean.length % 2 !== 0 || /[^0-9a-fA-F]/.test(clean))
        throw new Error(`bad hex fixture: ${s}`);
    return Buffer.from(clean, 'hex');
}
/** The ASCII bytes of `s`, unpadded. */
export function ascii(s) {
    return Buffer.from(s, 'latin1');
}
/** `s` padded on the right with `fill` (default space) to exactly `width` bytes. */
export function padded(s, width, fill = ' ') {
    if (s.length > width)
        throw new Error(`"${s}" is longer than ${width}`);
    return Buffer.from(s + fill.repeat(width - s.length), 'latin1');
}
/** Concatenates fixture parts. */
export function bytes(...parts) {
    return Buffer.concat(parts.map((p) => (typeof p === 'string' ? hex(p) : p)));
}
/** Cuts `buf` at every offset in `cuts` (sorted, exclusive of 0 and length). */
export function splitAt(buf, cuts) {
    const out = [];
    let at = 0;
    for (const c of cuts) {
        out.push(buf.subarray(at, c));
        at = c;
    }
    out.push(buf.subarray(at));
    return out;
}
/** Copies each chunk into its own fresh buffer, so no test relies on shared memory between reads. */
export function freshChunks(chunks) {
    return chunks.map((c) => Buffer.from(c));
}
//# sourceMappingURL=bytes.js.map