import { UIDS, EDITION, type UidEntry } from './uids.generated.js';
export { UIDS, EDITION, type UidEntry };
export declare const Verification = "1.2.840.10008.1.1";
export declare const DICOMApplicationContext = "1.2.840.10008.3.1.1.1";
export declare const ImplicitVRLittleEndian = "1.2.840.10008.1.2";
export declare const ExplicitVRLittleEndian = "1.2.840.10008.1.2.1";
export declare const EncapsulatedUncompressedExplicitVRLittleEndian = "1.2.840.10008.1.2.1.98";
export declare const DeflatedExplicitVRLittleEndian = "1.2.840.10008.1.2.1.99";
/** Retired in the standard, still seen in practice. */
export declare const ExplicitVRBigEndian = "1.2.840.10008.1.2.2";
export declare const JPEGBaseline8Bit = "1.2.840.10008.1.2.4.50";
export declare const JPEGLosslessSV1 = "1.2.840.10008.1.2.4.70";
export declare const JPEGLSLossless = "1.2.840.10008.1.2.4.80";
export declare const JPEG2000Lossless = "1.2.840.10008.1.2.4.90";
export declare const JPEG2000 = "1.2.840.10008.1.2.4.91";
export declare const RLELossless = "1.2.840.10008.1.2.5";
export declare const DeflatedImageFrameCompression = "1.2.840.10008.1.2.8.1";
export declare const PatientRootQueryRetrieveInformationModelFind = "1.2.840.10008.5.1.4.1.2.1.1";
export declare const PatientRootQueryRetrieveInformationModelMove = "1.2.840.10008.5.1.4.1.2.1.2";
export declare const PatientRootQueryRetrieveInformationModelGet = "1.2.840.10008.5.1.4.1.2.1.3";
export declare const StudyRootQueryRetrieveInformationModelFind = "1.2.840.10008.5.1.4.1.2.2.1";
export declare const StudyRootQueryRetrieveInformationModelMove = "1.2.840.10008.5.1.4.1.2.2.2";
export declare const StudyRootQueryRetrieveInformationModelGet = "1.2.840.10008.5.1.4.1.2.2.3";
export declare function lookupUid(uid: string): UidEntry | undefined;
/** The standard's name for `uid`, or the (unpadded) UID itself when it is unknown or unnamed. */
export declare function uidName(uid: string): string;
/** The standard's keyword for `uid` (e.g. 'CTImageStorage'), or undefined when unknown or unnamed. */
export declare function uidKeyword(uid: string): string | undefined;
export declare const STORAGE_SOP_CLASSES: readonly string[];
export declare function isStorageSopClass(uid: string): boolean;
/** Every Transfer Syntax in the registry, retired ones included. */
export declare const TRANSFER_SYNTAXES: readonly string[];
export declare function isTransferSyntax(uid: string): boolean;
/** Implicit VR LE, Explicit VR LE or Explicit VR BE. */
export declare function isUncompressed(ts: string): boolean;
/** The data set itself is deflate-compressed (see DEFLATED above). */
export declare function isDeflated(ts: string): boolean;
/**
 * Pixel Data is encapsulated (fragments + Basic Offset Table): every registered Transfer Syntax
 * not listed in NOT_ENCAPSULATED, i.e. all JPEG, JPEG-LS, JPEG 2000, HTJ2K, JPEG XL, MPEG/HEVC, RLE,
 * Encapsulated Uncompressed Explicit VR LE and Deflated Image Frame Compression. False for UIDs that
 * are not registered Transfer Syntaxes (private ones included): nothing is known about them.
 */
export declare function isEncapsulated(ts: string): boolean;
