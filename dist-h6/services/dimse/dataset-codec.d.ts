import { NetdicomError } from '../../transport/errors.js';
/** A naturalized data set: keyword → value, as dcmjs's naturalizeDataset makes it. */
export type NaturalDataset = Record<string, unknown>;
/** A data set that cannot be encoded, decoded or transcoded. */
export declare class DatasetCodecError extends NetdicomError {
    constructor(message: string);
}
/** Encodes a naturalized data set in an uncompressed transfer syntax. Unknown keywords are dropped. Throws DatasetCodecError. */
export declare function encodeDataset(ds: NaturalDataset, transferSyntax: string): Buffer;
/** Decodes a data set in an uncompressed transfer syntax to a naturalized object. Throws DatasetCodecError. */
export declare function decodeDataset(bytes: Buffer, transferSyntax: string): NaturalDataset;
/**
 * Re-encodes a data set from one uncompressed transfer syntax to another
 * (Implicit VR LE, Explicit VR LE, Explicit VR Big Endian), keeping every
 * element, private ones included. Throws DatasetCodecError, e.g. for
 * compressed data (never transcoded) or deflated data.
 */
export declare function transcodeDataset(bytes: Buffer, from: string, to: string): Buffer;
/** Keyword → tag "ggggeeee" (upper case hex), or undefined. */
export declare function tagOfKeyword(keyword: string): string | undefined;
/** Tag "ggggeeee" or "(gggg,eeee)" → keyword, or undefined. */
export declare function keywordOfTag(tag: string): string | undefined;
