import { NetdicomError } from '../../transport/errors.js';
/** What a sender needs to know of a file before sending it. */
export interface Part10Info {
    path: string;
    sopClassUid: string;
    sopInstanceUid: string;
    transferSyntaxUid: string;
    /** Byte offset where the data set starts (after the File Meta Information, if any). */
    datasetOffset: number;
    /** Size of the data set in bytes. */
    datasetLength: number;
    /** False when the file had no File Meta Information and the encoding was inferred. */
    hasMeta: boolean;
}
/** A file that cannot be sent as it is; `message` names the reason, the caller names the file. */
export declare class Part10Error extends NetdicomError {
    constructor(message: string);
}
/**
 * Reads a file's File Meta Information (PS3.10 §7.1) and walks the top level
 * of its data set, so a truncated or corrupt file is found before it is sent.
 * A file without meta information is accepted when its encoding can be
 * inferred (Implicit VR LE, Explicit VR LE or BE, as dcmtk does) and it holds
 * a SOP Class and Instance UID. Throws Part10Error with the reason.
 */
export declare function readPart10Info(path: string): Promise<Part10Info>;
/**
 * Random access to a file's bytes through a 64 KiB window: the walk reads
 * element headers only and jumps over values, so memory stays flat whatever
 * the file size. Mimics the few Buffer methods the walk uses.
 */
declare class FileWindow {
    private readonly fd;
    readonly length: number;
    private win;
    private start;
    constructor(fd: number, length: number);
    private at;
    readUInt16LE(pos: number): number;
    readUInt16BE(pos: number): number;
    readUInt32LE(pos: number): number;
    readUInt32BE(pos: number): number;
    toString(enc: 'latin1' | 'hex', from: number, to: number): string;
    /** True when every byte from `pos` to the end is zero (trailing padding). */
    zerosFrom(pos: number): boolean;
}
/** What the walk needs of the bytes: a Buffer or a FileWindow. */
type Bytes = Pick<FileWindow, 'length' | 'readUInt16LE' | 'readUInt16BE' | 'readUInt32LE' | 'readUInt32BE' | 'toString'> & {
    zerosFrom?(pos: number): boolean;
};
/** Parses the header and walks the data set of a file held in `buf` (a Buffer or a file window). Throws Part10Error. */
export declare function parsePart10(buf: Bytes, path?: string): Part10Info;
export {};
