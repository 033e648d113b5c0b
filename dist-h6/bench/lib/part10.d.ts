export declare const ExplicitVRLittleEndian = "1.2.840.10008.1.2.1";
export declare const MultiFrameGrayscaleWordSecondaryCaptureImageStorage = "1.2.840.10008.5.1.4.1.1.7.3";
/** A UID under 2.25 (PS3.5 Annex B.2) from 128 random bits. */
export declare function randomUid(): string;
/** Preamble, "DICM" and group 0002 (with its group length) for these UIDs. */
export declare function fileMeta(sopClassUid: string, sopInstanceUid: string, transferSyntaxUid: string): Buffer;
export interface LargeObject {
    path: string;
    sopInstanceUid: string;
    fileBytes: number;
    /** Where the data set starts in the file, and its size, bytes. */
    datasetOffset: number;
    datasetBytes: number;
    frames: number;
}
/**
 * Writes a Multi-frame Grayscale Word Secondary Capture object of 512×512
 * 16-bit frames, `frames` of them (2048 frames = 1 GiB of Pixel Data, OW),
 * streaming pseudo-random pixel bytes to disk in 4 MiB blocks.
 */
export declare function writeLargeObject(file: string, frames: number): Promise<LargeObject>;
/** Where the data set starts in a Part 10 file: after the preamble and group 0002 (its group length says how long). */
export declare function datasetOffset(file: string): Promise<number>;
/** True when the data sets (everything after the File Meta Information) of two Part 10 files are byte-identical (`cmp`). */
export declare function sameDataset(a: string, b: string): Promise<boolean>;
/**
 * For small files: true when the stored data set equals the sent one, or
 * equals it up to a Data Set Trailing Padding element (FFFC,FFFC) at the end
 * of the sent one, which dcmtk storescu does not send.
 */
export declare function sameDatasetUpToPadding(sent: string, stored: string): Promise<boolean>;
/** Runs dcmdump on a file; throws unless it parses cleanly. Returns the printed values of the given tags. */
export declare function dcmdumpCheck(file: string, tags: readonly string[]): Promise<string>;
export interface SmallCopy {
    path: string;
    sopInstanceUid: string;
}
/**
 * Writes `n` copies of an Explicit VR LE Part 10 file into `dir`, each with a
 * distinct SOP Instance UID written over the old one in place (same length):
 * in the meta (0002,0003) and in the data set (0008,0018). The last UID
 * component becomes a counter of the same width. Returns them in order.
 */
export declare function writeSmallCopies(src: string, dir: string, n: number): Promise<SmallCopy[]>;
