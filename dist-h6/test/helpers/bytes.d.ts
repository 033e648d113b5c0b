/**
 * Tiny helpers for writing byte fixtures by hand, field by field. They only
 * concatenate what they are given: every length and offset in a fixture is a
 * literal written from the standard's tables, never computed by our encoders.
 */
/** Bytes from a hex string; spaces, newlines and `|` separators are ignored. */
export declare function hex(s: string): Buffer;
/** The ASCII bytes of `s`, unpadded. */
export declare function ascii(s: string): Buffer;
/** `s` padded on the right with `fill` (default space) to exactly `width` bytes. */
export declare function padded(s: string, width: number, fill?: string): Buffer;
/** Concatenates fixture parts. */
export declare function bytes(...parts: (Buffer | string)[]): Buffer;
/** Cuts `buf` at every offset in `cuts` (sorted, exclusive of 0 and length). */
export declare function splitAt(buf: Buffer, cuts: readonly number[]): Buffer[];
/** Copies each chunk into its own fresh buffer, so no test relies on shared memory between reads. */
export declare function freshChunks(chunks: readonly Buffer[]): Buffer[];
