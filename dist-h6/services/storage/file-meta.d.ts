/**
 * The Part 10 file preamble and File Meta Information (group 0002, always
 * Explicit VR Little Endian), PS3.10 §7.1. Written in front of a received
 * data set, which follows unchanged in its negotiated transfer syntax.
 */
export interface FileMeta {
    mediaStorageSopClassUid: string;
    mediaStorageSopInstanceUid: string;
    transferSyntaxUid: string;
    implementationClassUid: string;
    implementationVersionName?: string;
    sourceApplicationEntityTitle?: string;
}
export declare function encodeFileMeta(meta: FileMeta): Buffer;
