/** What the reader found: the transfer syntax, the wanted elements' raw values by tag, the file size. */
export interface HeaderValues {
    transferSyntaxUid: string;
    /** Media Storage SOP Class/Instance UID from the meta information, when present. */
    metaSopClassUid?: string;
    metaSopInstanceUid?: string;
    /** Tag → value bytes (still in the file's character set), for the wanted tags that are present. */
    raw: Map<number, Buffer>;
    fileSize: number;
}
/**
 * Reads `wanted` top-level elements (tags as numbers) of a Part 10 file, or of
 * a bare data set in `fallbackTs` (inferred when absent). Throws
 * IndexFileError when the file cannot be opened or is not DICOM.
 */
export declare function readHeader(path: string, wanted: ReadonlySet<number>, lastTag: number, fallbackTs?: string): HeaderValues;
/**
 * Parses what `readHeader` read. `complete` says the buffer is the whole
 * file: then a truncated data set keeps what was read before the cut;
 * otherwise running out of bytes throws ShortBuffer so the caller reads more.
 */
export declare function parseHeader(buf: Buffer, wanted: ReadonlySet<number>, lastTag: number, complete: boolean, path?: string, fallbackTs?: string): Omit<HeaderValues, 'fileSize'>;
/**
 * A decoder for a Specific Character Set value (possibly multi-valued).
 * ISO 2022 Japanese (IR 87/159 with code extensions) uses the iso-2022-jp
 * decoder; other code extensions use the first character set named.
 */
export declare function decoderFor(charset: string | undefined): TextDecoder;
/** A raw UI value → the UID without padding. */
export declare const decodeUid: (b: Buffer) => string;
/** A raw text value → a trimmed string in UTF-16, decoded with the data set's character set. */
export declare const decodeText: (b: Buffer, decoder: TextDecoder) => string;
