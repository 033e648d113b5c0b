import { createRequire } from 'node:module';
import { NetdicomError } from '../../transport/errors.js';
import { ExplicitVRBigEndian, ImplicitVRLittleEndian, isUncompressed, uidName } from '../registry/uids.js';
import { EXPLICIT_BE, EXPLICIT_LE, IMPLICIT_LE, transcode, type Encoding } from './transcoder.js';

/**
 * The one file that imports dcmjs: data sets as naturalized objects (DICOM
 * keywords → values, e.g. `{ PatientName: [{ Alphabetic: 'A^B' }] }`) for
 * identifiers (C-FIND/C-GET/C-MOVE), and the data dictionary's VRs for
 * transcoding between the uncompressed transfer syntaxes, which transcoder.ts
 * does on the bytes. The C-STORE data path never comes here: it moves bytes.
 */

const require = createRequire(import.meta.url);
let loaded: any;

/**
 * dcmjs's data API, loaded on first use (about 0.1 s and 17 MiB that a C-STORE-only app never needs),
 * with its console logging silenced (e.g. "Invalid vr type xs - using US"): our logs are pino lines only.
 */
function dcm() {
  if (!loaded) {
    const dcmjs = require('dcmjs');
    const log = dcmjs.log as { setLevel?(l: string): void; getLogger?(n: string): { setLevel(l: string): void } } | undefined;
    log?.setLevel?.('silent');
    log?.getLogger?.('validation.dcmjs').setLevel('silent');
    loaded = dcmjs.data;
  }
  return loaded as { DicomMessage: any; DicomMetaDictionary: any; ReadBufferStream: any; WriteBufferStream: any };
}

/** A naturalized data set: keyword → value, as dcmjs's naturalizeDataset makes it. */
export type NaturalDataset = Record<string, unknown>;

/** A data set that cannot be encoded, decoded or transcoded. */
export class DatasetCodecError extends NetdicomError {
  constructor(message: string) {
    super('ERR_DATASET_CODEC', message);
  }
}

const toArrayBuffer = (b: Buffer): ArrayBuffer => b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;

/** Encodes a naturalized data set in an uncompressed transfer syntax. Unknown keywords are dropped. Throws DatasetCodecError. */
export function encodeDataset(ds: NaturalDataset, transferSyntax: string): Buffer {
  requireUncompressed(transferSyntax);
  try {
    const dict = dcm().DicomMetaDictionary.denaturalizeDataset(ds);
    const stream = new (dcm().WriteBufferStream)();
    dcm().DicomMessage.write(dict, stream, transferSyntax, { allowInvalidVRLength: true });
    return Buffer.from(stream.getBuffer());
  } catch (err) {
    throw new DatasetCodecError(`cannot encode data set: ${(err as Error).message}`);
  }
}

/** Decodes a data set in an uncompressed transfer syntax to a naturalized object. Throws DatasetCodecError. */
export function decodeDataset(bytes: Buffer, transferSyntax: string): NaturalDataset {
  requireUncompressed(transferSyntax);
  try {
    const dict = dcm().DicomMessage._read(new (dcm().ReadBufferStream)(toArrayBuffer(bytes)), transferSyntax, { ignoreErrors: true });
    const nat = dcm().DicomMetaDictionary.naturalizeDataset(dict) as NaturalDataset;
    delete nat._vrMap;
    return nat;
  } catch (err) {
    throw new DatasetCodecError(`cannot decode data set in ${uidName(transferSyntax)}: ${(err as Error).message}`);
  }
}

/**
 * Re-encodes a data set from one uncompressed transfer syntax to another
 * (Implicit VR LE, Explicit VR LE, Explicit VR Big Endian) at the byte level
 * (see transcoder.ts): only element headers and, across byte orders, the byte
 * order of values change; every element, private ones included, keeps its
 * bytes. Throws DatasetCodecError, e.g. for compressed data (never
 * transcoded), deflated data, malformed data, or data that cannot be
 * represented faithfully in the target syntax (e.g. private elements read
 * from Implicit VR, whose byte order is unknown, going to Big Endian).
 */
export function transcodeDataset(bytes: Buffer, from: string, to: string): Buffer {
  if (from === to) return bytes;
  requireUncompressed(from);
  requireUncompressed(to);
  const src = encodingOf(from);
  const dst = encodingOf(to);
  if (src.explicitVR === dst.explicitVR && src.littleEndian === dst.littleEndian) return bytes;
  try {
    return transcode(bytes, src, dst, dictionaryVR);
  } catch (err) {
    throw new DatasetCodecError(`cannot transcode ${uidName(from)} to ${uidName(to)}: ${(err as Error).message}`);
  }
}

/** The encoding of an uncompressed transfer syntax (checked by requireUncompressed). */
function encodingOf(ts: string): Encoding {
  const uid = ts.replace(/[\0 ]+$/, '');
  if (uid === ImplicitVRLittleEndian) return IMPLICIT_LE;
  if (uid === ExplicitVRBigEndian) return EXPLICIT_BE;
  return EXPLICIT_LE;
}

/** dcmjs's spelling of the ambiguous VRs → PS3.6's. */
const AMBIGUOUS: Readonly<Record<string, string>> = { xs: 'US or SS', ox: 'OB or OW', lt: 'US or SS or OW', up: 'UL' };
const dictionaryVRs = new Map<number, string | undefined>();

/** The data dictionary's VR of a tag (VR lookup only), from dcmjs's dictionary. */
function dictionaryVR(tag: number): string | undefined {
  if (dictionaryVRs.has(tag)) return dictionaryVRs.get(tag);
  const key = `(${(tag >>> 16).toString(16).toUpperCase().padStart(4, '0')},${(tag & 0xffff).toString(16).toUpperCase().padStart(4, '0')})`;
  const vr = (dcm().DicomMetaDictionary.dictionary as Record<string, { vr: string } | undefined>)[key]?.vr;
  const resolved = vr === undefined || vr === 'na' ? undefined : (AMBIGUOUS[vr] ?? vr);
  dictionaryVRs.set(tag, resolved);
  return resolved;
}

function requireUncompressed(ts: string): void {
  if (!isUncompressed(ts)) {
    throw new DatasetCodecError(`${uidName(ts)} is not an uncompressed transfer syntax; it is never transcoded`);
  }
}

/** Keyword → tag "ggggeeee" (upper case hex), or undefined. */
export function tagOfKeyword(keyword: string): string | undefined {
  const entry = (dcm().DicomMetaDictionary.nameMap as Record<string, { tag: string } | undefined>)[keyword];
  return entry ? entry.tag.replace(/[(),]/g, '').toUpperCase() : undefined;
}

/** Tag "ggggeeee" or "(gggg,eeee)" → keyword, or undefined. */
export function keywordOfTag(tag: string): string | undefined {
  const t = tag.replace(/[(),\s]/g, '').toUpperCase();
  const entry = (dcm().DicomMetaDictionary.dictionary as Record<string, { name: string } | undefined>)[`(${t.slice(0, 4)},${t.slice(4)})`];
  return entry?.name;
}
