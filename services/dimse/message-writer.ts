import { pDataTfParts, PDU_HEADER, PDV_HEADER, writePDataTfHeader, type EncodedPdu } from '../../transport/pdu-codec.js';
import { encodeCommandSet, type CommandSet } from './command-set.js';

/** Our fragment size when the peer advertised 0 (unlimited): 1 MiB. */
export const DEFAULT_SEND_PDU = 1 << 20;

/**
 * DIMSE message → P-DATA-TF PDUs, one PDV per PDU, each PDU within the peer's
 * Maximum Length (PS3.8 Annex D.1: the P-DATA-TF variable field; 0 means
 * unlimited). The command set goes in its own PDV(s), then the data set.
 * Fragments are views of the caller's buffer (pDataTfParts): keep it
 * unchanged until the PDUs are written.
 */
export class MessageWriter {
  /** Largest PDV payload per PDU, bytes. */
  readonly maxPdvData: number;

  constructor(peerMaxLength: number) {
    const max = peerMaxLength === 0 ? DEFAULT_SEND_PDU : peerMaxLength;
    // Fragments are even (PS3.8 Annex E.1), also when the peer's Maximum Length is odd.
    const room = max - PDV_HEADER;
    this.maxPdvData = Math.max(2, room - (room % 2));
  }

  /** P-DATA-TF PDUs for a command set: one buffer, headers included, when it fits in one PDU (it always does but for a tiny Maximum Length). */
  command(pcId: number, cmd: CommandSet): EncodedPdu[] {
    const pdu = encodeCommandSet(cmd, PDU_HEADER + PDV_HEADER);
    const bytes = pdu.length - PDU_HEADER - PDV_HEADER;
    if (bytes > this.maxPdvData) return this.fragments(pcId, pdu.subarray(PDU_HEADER + PDV_HEADER), true, true);
    writePDataTfHeader(pdu, { pcId, isCommand: true, isLast: true }, bytes);
    return [pdu];
  }

  /**
   * P-DATA-TF PDUs for a piece of a data set. `last` marks the final piece of
   * the message; a data set may be written in several pieces (streaming).
   */
  dataset(pcId: number, bytes: Buffer, last: boolean): EncodedPdu[] {
    return this.fragments(pcId, bytes, false, last);
  }

  private fragments(pcId: number, bytes: Buffer, isCommand: boolean, last: boolean): EncodedPdu[] {
    const out: EncodedPdu[] = [];
    if (bytes.length === 0) return last ? [pDataTfParts({ pcId, isCommand, isLast: true, data: bytes })] : out;
    for (let at = 0; at < bytes.length; at += this.maxPdvData) {
      const end = Math.min(bytes.length, at + this.maxPdvData);
      out.push(pDataTfParts({ pcId, isCommand, isLast: last && end === bytes.length, data: bytes.subarray(at, end) }));
    }
    return out;
  }
}

