/**
 * A bounds-checked big-endian cursor over one PDU (PS3.8 §9.3 fields are
 * big-endian). Every read past `end` throws PduDecodeError, so a length field
 * that lies can never make the decoder read outside the PDU.
 */
export declare class ByteReader {
    readonly buf: Buffer;
    pos: number;
    readonly end: number;
    constructor(buf: Buffer, pos: number, end: number);
    get remaining(): number;
    need(n: number, what: string): void;
    u8(what?: string): number;
    u16(what?: string): number;
    u32(what?: string): number;
    /** A view (no copy) of the next n bytes. */
    bytes(n: number, what?: string): Buffer;
    skip(n: number, what?: string): void;
    /** An ASCII field with leading/trailing spaces and trailing NULs removed (AE titles, UIDs). */
    text(n: number, what?: string): string;
    /** A sub-reader over the next n bytes; the parent skips them. */
    sub(n: number, what: string): ByteReader;
}
/** Strips the padding DICOM allows around AE titles and UIDs (spaces, NULs). PS3.8 §9.3.2. */
export declare function trimField(s: string): string;
