import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { decodeAssociate, encodeAssociate } from './associate-pdus.js';
import { AbortReason, PduDecodeError } from './errors.js';
import { PduType, type Pdu, type Pdv } from './pdu-types.js';

/** Size of every PDU header: type, reserved, 4-byte length. PS3.8 §9.3.1. */
export const PDU_HEADER = 6;
/** Size of a PDV item header inside P-DATA-TF: 4-byte length, context ID, control header. */
export const PDV_HEADER = 6;

/**
 * Decodes one whole PDU (header included) from `buf[start, end)`. Views into
 * `buf` are kept for PDV data (no copy). Throws PduDecodeError carrying the
 * A-ABORT to send (PS3.8 Table 9-26) on any malformed field.
 */
export function decodePdu(buf: Buffer, start = 0, end = buf.length): Pdu {
  const r = new ByteReader(buf, start, end);
  const type = r.u8('PDU type');
  r.skip(1);
  const len = r.u32('PDU length');
  if (len !== r.remaining) {
    throw new PduDecodeError('ERR_PDU_LENGTH', `PDU length ${len} does not match the ${r.remaining} bytes present`, AbortReason.InvalidPduParameterValue);
  }
  switch (type) {
    case PduType.AssociateRq:
    case PduType.AssociateAc:
      return decodeAssociate(type, r);
    case PduType.AssociateRj: {
      fixedLength(len, 4, 'A-ASSOCIATE-RJ');
      r.skip(1);
      return { type: 'A-ASSOCIATE-RJ', result: r.u8(), source: r.u8(), reason: r.u8() };
    }
    case PduType.PDataTf:
      return { type: 'P-DATA-TF', pdvs: decodePdvs(r) };
    case PduType.ReleaseRq:
      fixedLength(len, 4, 'A-RELEASE-RQ');
      return { type: 'A-RELEASE-RQ' };
    case PduType.ReleaseRp:
      fixedLength(len, 4, 'A-RELEASE-RP');
      return { type: 'A-RELEASE-RP' };
    case PduType.Abort: {
      fixedLength(len, 4, 'A-ABORT');
      r.skip(2);
      return { type: 'A-ABORT', source: r.u8(), reason: r.u8() };
    }
    default:
      throw new PduDecodeError('ERR_PDU_UNRECOGNIZED', `unrecognized PDU type 0x${type.toString(16).padStart(2, '0')}`, AbortReason.UnrecognizedPdu);
  }
}

function fixedLength(len: number, want: number, name: string): void {
  if (len !== want) throw new PduDecodeError('ERR_PDU_LENGTH', `${name} length ${len}, expected ${want}`, AbortReason.InvalidPduParameterValue);
}

/** PDV items of a P-DATA-TF, PS3.8 §9.3.5 and Annex E.2. At least one; each at least 2 bytes long. */
function decodePdvs(r: ByteReader): Pdv[] {
  const pdvs: Pdv[] = [];
  while (r.remaining > 0) {
    const itemLength = r.u32('PDV item length');
    if (itemLength < 2) throw new PduDecodeError('ERR_PDV_LENGTH', `PDV item length ${itemLength} is below 2`, AbortReason.InvalidPduParameterValue);
    r.need(itemLength, 'PDV item');
    const pcId = r.u8();
    const mch = r.u8();
    pdvs.push({ pcId, isCommand: (mch & 1) === 1, isLast: (mch & 2) === 2, data: r.bytes(itemLength - 2) });
  }
  if (pdvs.length === 0) throw new PduDecodeError('ERR_PDV_NONE', 'P-DATA-TF without a PDV item', AbortReason.InvalidPduParameterValue);
  return pdvs;
}

/** Encodes any PDU, header included. PS3.8 §9.3. */
export function encodePdu(pdu: Pdu): Buffer {
  switch (pdu.type) {
    case 'A-ASSOCIATE-RQ':
    case 'A-ASSOCIATE-AC':
      return encodeAssociate(pdu);
    case 'A-ASSOCIATE-RJ':
      return fixed(PduType.AssociateRj, 0, pdu.result, pdu.source, pdu.reason);
    case 'P-DATA-TF':
      return encodePDataTf(pdu.pdvs);
    case 'A-RELEASE-RQ':
      return fixed(PduType.ReleaseRq, 0, 0, 0, 0);
    case 'A-RELEASE-RP':
      return fixed(PduType.ReleaseRp, 0, 0, 0, 0);
    case 'A-ABORT':
      return fixed(PduType.Abort, 0, 0, pdu.source, pdu.reason);
  }
}

function fixed(type: number, a: number, b: number, c: number, d: number): Buffer {
  return Buffer.from([type, 0, 0, 0, 0, 4, a, b, c, d]);
}

/**
 * An encoded PDU ready to write: one buffer, or parts written back to back
 * (see pDataTfParts). Written within one cork, so still one writev.
 */
export type EncodedPdu = Buffer | readonly Buffer[];

/** The PDU as one buffer (a copy when it is in parts): for tests and tools, not the send path. */
export function pduBytes(pdu: EncodedPdu): Buffer {
  return Buffer.isBuffer(pdu) ? pdu : Buffer.concat(pdu);
}

/** Bytes in an encoded PDU, header included. */
export function pduLength(pdu: EncodedPdu): number {
  if (Buffer.isBuffer(pdu)) return pdu.length;
  let n = 0;
  for (const b of pdu) n += b.length;
  return n;
}

/**
 * A P-DATA-TF PDU of one PDV (PS3.8 §9.3.5) as [PDU header + PDV header
 * (12 bytes), fragment]: the fragment is a view that is never copied, so a
 * data set goes from the file's buffer to the socket as it is.
 */
export function pDataTfParts(pdv: Pdv): readonly [Buffer, Buffer] {
  const head = Buffer.allocUnsafe(PDU_HEADER + PDV_HEADER);
  writePDataTfHeader(head, pdv, pdv.data.length);
  return [head, pdv.data];
}

/** Writes, at the start of `out`, the PDU and PDV headers (12 bytes) of a P-DATA-TF of one PDV carrying `dataBytes` bytes. */
export function writePDataTfHeader(out: Buffer, pdv: Omit<Pdv, 'data'>, dataBytes: number): void {
  out[0] = PduType.PDataTf;
  out[1] = 0;
  out.writeUInt32BE(PDV_HEADER + dataBytes, 2);
  out.writeUInt32BE(dataBytes + 2, PDU_HEADER);
  out[PDU_HEADER + 4] = pdv.pcId;
  out[PDU_HEADER + 5] = (pdv.isCommand ? 1 : 0) | (pdv.isLast ? 2 : 0);
}

/** Encodes a P-DATA-TF PDU holding the given PDVs. PS3.8 §9.3.5. */
export function encodePDataTf(pdvs: readonly Pdv[]): Buffer {
  let total = 0;
  for (const p of pdvs) total += PDV_HEADER + p.data.length;
  const out = Buffer.allocUnsafe(PDU_HEADER + total);
  out[0] = PduType.PDataTf;
  out[1] = 0;
  out.writeUInt32BE(total, 2);
  let at = PDU_HEADER;
  for (const p of pdvs) {
    out.writeUInt32BE(p.data.length + 2, at);
    out[at + 4] = p.pcId;
    out[at + 5] = (p.isCommand ? 1 : 0) | (p.isLast ? 2 : 0);
    out.set(p.data, at + PDV_HEADER);
    at += PDV_HEADER + p.data.length;
  }
  return out;
}

/** Writes a PDU header into a fresh buffer, e.g. to frame bytes built elsewhere. */
export function pduHeader(type: number, length: number): Buffer {
  return new ByteWriter(6).u8(type).u8(0).u32(length).result();
}
