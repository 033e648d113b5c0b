/**
 * A growable big-endian writer for PDUs. Lengths are written after the body
 * (`mark`/`fillU16`/`fillU32`), so an item's length is always what was written.
 */
export declare class ByteWriter {
    private buf;
    pos: number;
    constructor(size?: number);
    private ensure;
    u8(v: number): this;
    u16(v: number): this;
    u32(v: number): this;
    bytes(b: Uint8Array): this;
    zeros(n: number): this;
    /** ASCII text padded with spaces to a fixed width (AE titles: 16 bytes). */
    fixedText(s: string, width: number): this;
    /** Reserves a length field and returns its offset. */
    mark(bytes: 2 | 4): number;
    /** Writes the number of bytes since `at + 2` into the 2-byte field at `at`. */
    fillU16(at: number): void;
    /** Writes the number of bytes since `at + 4` into the 4-byte field at `at`. */
    fillU32(at: number): void;
    result(): Buffer;
}
