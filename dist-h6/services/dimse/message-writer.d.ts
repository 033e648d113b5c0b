import { type CommandSet } from './command-set.js';
/** Our fragment size when the peer advertised 0 (unlimited): 1 MiB. */
export declare const DEFAULT_SEND_PDU: number;
/**
 * DIMSE message → P-DATA-TF PDUs, one PDV per PDU, each PDU within the peer's
 * Maximum Length (PS3.8 Annex D.1: the P-DATA-TF variable field; 0 means
 * unlimited). The command set goes in its own PDV(s), then the data set.
 */
export declare class MessageWriter {
    /** Largest PDV payload per PDU, bytes. */
    readonly maxPdvData: number;
    constructor(peerMaxLength: number);
    /** P-DATA-TF PDUs for a command set. */
    command(pcId: number, cmd: CommandSet): Buffer[];
    /**
     * P-DATA-TF PDUs for a piece of a data set. `last` marks the final piece of
     * the message; a data set may be written in several pieces (streaming).
     */
    dataset(pcId: number, bytes: Buffer, last: boolean): Buffer[];
    private fragments;
}
