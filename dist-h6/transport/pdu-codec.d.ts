import { type Pdu, type Pdv } from './pdu-types.js';
/** Size of every PDU header: type, reserved, 4-byte length. PS3.8 §9.3.1. */
export declare const PDU_HEADER = 6;
/** Size of a PDV item header inside P-DATA-TF: 4-byte length, context ID, control header. */
export declare const PDV_HEADER = 6;
/**
 * Decodes one whole PDU (header included) from `buf[start, end)`. Views into
 * `buf` are kept for PDV data (no copy). Throws PduDecodeError carrying the
 * A-ABORT to send (PS3.8 Table 9-26) on any malformed field.
 */
export declare function decodePdu(buf: Buffer, start?: number, end?: number): Pdu;
/** Encodes any PDU, header included. PS3.8 §9.3. */
export declare function encodePdu(pdu: Pdu): Buffer;
/** Encodes a P-DATA-TF PDU holding the given PDVs. PS3.8 §9.3.5. */
export declare function encodePDataTf(pdvs: readonly Pdv[]): Buffer;
/** Writes a PDU header into a fresh buffer, e.g. to frame bytes built elsewhere. */
export declare function pduHeader(type: number, length: number): Buffer;
