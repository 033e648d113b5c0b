// Helpers over the generated DICOM UID registry (PS3.6 Annex A).
// The data lives in uids.tsv; uids.generated.ts is produced from it by scripts/gen-uid-registry.mjs.
import { UIDS, EDITION } from './uids.generated.js';
export { UIDS, EDITION };
// ---- Well-known UIDs used by the code -------------------------------------------------------
export const Verification = '1.2.840.10008.1.1';
export const DICOMApplicationContext = '1.2.840.10008.3.1.1.1';
export const ImplicitVRLittleEndian = '1.2.840.10008.1.2';
export const ExplicitVRLittleEndian = '1.2.840.10008.1.2.1';
export const EncapsulatedUncompressedExplicitVRLittleEndian = '1.2.840.10008.1.2.1.98';
export const DeflatedExplicitVRLittleEndian = '1.2.840.10008.1.2.1.99';
/** Retired in the standard, still seen in practice. */
export const ExplicitVRBigEndian = '1.2.840.10008.1.2.2';
export const JPEGBaseline8Bit = '1.2.840.10008.1.2.4.50';
export const JPEGLosslessSV1 = '1.2.840.10008.1.2.4.70';
export const JPEGLSLossless = '1.2.840.10008.1.2.4.80';
export const JPEG2000Lossless = '1.2.840.10008.1.2.4.90';
export const JPEG2000 = '1.2.840.10008.1.2.4.91';
export const RLELossless = '1.2.840.10008.1.2.5';
export const DeflatedImageFrameCompression = '1.2.840.10008.1.2.8.1';
export const PatientRootQueryRetrieveInformationModelFind = '1.2.840.10008.5.1.4.1.2.1.1';
export const PatientRootQueryRetrieveInformationModelMove = '1.2.840.10008.5.1.4.1.2.1.2';
export const PatientRootQueryRetrieveInformationModelGet = '1.2.840.10008.5.1.4.1.2.1.3';
export const StudyRootQueryRetrieveInformationModelFind = '1.2.840.10008.5.1.4.1.2.2.1';
export const StudyRootQueryRetrieveInformationModelMove = '1.2.840.10008.5.1.4.1.2.2.2';
export const StudyRootQueryRetrieveInformationModelGet = '1.2.840.10008.5.1.4.1.2.2.3';
// ---- Lookup ---------------------------------------------------------------------------------
/** Strips the padding a UI value may carry on the wire (trailing NUL, or spaces from sloppy senders). */
function clean(uid) {
    return uid.replace(/[\0 ]+$/, '');
}
export function lookupUid(uid) {
    return UIDS.get(clean(uid));
}
/** The standard's name for `uid`, or the (unpadded) UID itself when it is unknown or unnamed. */
export function uidName(uid) {
    const u = clean(uid);
    return UIDS.get(u)?.name || u;
}
/** The standard's keyword for `uid` (e.g. 'CTImageStorage'), or undefined when unknown or unnamed. */
export function uidKeyword(uid) {
    return lookupUid(uid)?.keyword || undefined;
}
// ---- Storage SOP Classes --------------------------------------------------------------------
/**
 * The rule that makes a registry entry a Storage SOP Class:
 *  - its type is 'SOP Class' (this leaves out the Storage Service Class, the Storage Commitment and
 *    Storage Management SOP Instances, Meta SOP Classes), and
 *  - its name, less a trailing ' SOP Class', ends in 'Storage' or in 'Storage - For Presentation',
 *    'Storage - For Processing' or 'Storage - Trial' (this leaves out 'Storage Commitment Push/Pull
 *    Model SOP Class', whose name only starts with 'Storage'), and
 *  - it is not Media Storage Directory Storage (1.2.840.10008.1.3.10), the DICOMDIR SOP Class, which
 *    exists only in media file-sets and is never sent with C-STORE.
 * Retired classes are kept (retired Storage SOP Classes still turn up in archives), and so are the
 * Non-Patient Object Storage classes (Hanging Protocol, Color Palette, Implant Template, Protocol,
 * Inventory ...) which are C-STORE storage classes too. The two retired entries the standard lists
 * without a name (…1.1.12.77, …1.1.40) are not counted.
 */
const STORAGE_NAME = /Storage(?: - (?:For Presentation|For Processing|Trial))?$/;
const NOT_STORAGE = new Set(['1.2.840.10008.1.3.10']);
function isStorageEntry(e) {
    return e.type === 'SOP Class' && STORAGE_NAME.test(e.name.replace(/ SOP Class$/, '')) && !NOT_STORAGE.has(e.uid);
}
export const STORAGE_SOP_CLASSES = Object.freeze([...UIDS.values()].filter(isStorageEntry).map((e) => e.uid));
const STORAGE_SET = new Set(STORAGE_SOP_CLASSES);
export function isStorageSopClass(uid) {
    return STORAGE_SET.has(clean(uid));
}
// ---- Transfer Syntaxes ----------------------------------------------------------------------
/** Every Transfer Syntax in the registry, retired ones included. */
export const TRANSFER_SYNTAXES = Object.freeze([...UIDS.values()].filter((e) => e.type === 'Transfer Syntax').map((e) => e.uid));
const TS_SET = new Set(TRANSFER_SYNTAXES);
export function isTransferSyntax(uid) {
    return TS_SET.has(clean(uid));
}
/** Native (unencapsulated) pixel data, no compression of the data set: Implicit LE, Explicit LE, Explicit BE. */
const UNCOMPRESSED = new Set([ImplicitVRLittleEndian, ExplicitVRLittleEndian, ExplicitVRBigEndian]);
/**
 * The data set after the File Meta Information / in the P-DATA stream is deflate-compressed:
 * Deflated Explicit VR LE and the two JPIP '... Referenced Deflate' syntaxes.
 * Deflated Image Frame Compression (1.2.840.10008.1.2.8.1) is not one of these: it deflates each
 * frame inside encapsulated Pixel Data, so it counts as encapsulated.
 */
const DEFLATED = new Set([
    DeflatedExplicitVRLittleEndian,
    '1.2.840.10008.1.2.4.95', // JPIP Referenced Deflate
    '1.2.840.10008.1.2.4.205', // JPIP HTJ2K Referenced Deflate
]);
/**
 * Transfer Syntaxes whose Pixel Data, if any, is NOT encapsulated (PS3.5 A.4 does not apply):
 * the uncompressed and deflated ones above, the JPIP Referenced syntaxes (pixel data is fetched
 * by URL, not carried), the SMPTE ST 2110 real-time syntaxes (pixel/audio data travels outside the
 * data set), and the retired RFC 2557 MIME, XML Encoding and Papyrus 3 Implicit VR LE syntaxes.
 */
const NOT_ENCAPSULATED = new Set([
    ...UNCOMPRESSED,
    ...DEFLATED,
    '1.2.840.10008.1.2.4.94', // JPIP Referenced
    '1.2.840.10008.1.2.4.204', // JPIP HTJ2K Referenced
    '1.2.840.10008.1.2.6.1', // RFC 2557 MIME encapsulation (retired)
    '1.2.840.10008.1.2.6.2', // XML Encoding (retired)
    '1.2.840.10008.1.2.7.1', // SMPTE ST 2110-20 Uncompressed Progressive Active Video
    '1.2.840.10008.1.2.7.2', // SMPTE ST 2110-20 Uncompressed Interlaced Active Video
    '1.2.840.10008.1.2.7.3', // SMPTE ST 2110-30 PCM Digital Audio
    '1.2.840.10008.1.20', // Papyrus 3 Implicit VR Little Endian (retired)
]);
/** Implicit VR LE, Explicit VR LE or Explicit VR BE. */
export function isUncompressed(ts) {
    return UNCOMPRESSED.has(clean(ts));
}
/** The data set itself is deflate-compressed (see DEFLATED above). */
export function isDeflated(ts) {
    return DEFLATED.has(clean(ts));
}
/**
 * Pixel Data is encapsulated (fragments + Basic Offset Table): every registered Transfer Syntax
 * not listed in NOT_ENCAPSULATED, i.e. all JPEG, JPEG-LS, JPEG 2000, HTJ2K, JPEG XL, MPEG/HEVC, RLE,
 * Encapsulated Uncompressed Explicit VR LE and Deflated Image Frame Compression. False for UIDs that
 * are not registered Transfer Syntaxes (private ones included): nothing is known about them.
 */
export function isEncapsulated(ts) {
    const u = clean(ts);
    return TS_SET.has(u) && !NOT_ENCAPSULATED.has(u);
}
//# sourceMappingURL=uids.js.map