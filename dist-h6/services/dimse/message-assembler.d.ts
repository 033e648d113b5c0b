import { NetdicomError } from '../../transport/errors.js';
import type { PDataTfPdu } from '../../transport/pdu-types.js';
import { type CommandSet } from './command-set.js';
/** A DIMSE protocol violation in the PDV stream (PS3.7 Annex E, PS3.8 Annex E); answered with A-ABORT. */
export declare class DimseProtocolError extends NetdicomError {
    constructor(message: string);
}
/** Receives the pieces of each message as the assembler finds them. */
export interface MessageSink {
    /** A complete command set; `hasDataset` says whether data set fragments follow. */
    command(pcId: number, command: CommandSet, hasDataset: boolean): void;
    /** One data set fragment (a view into the PDU; copy it to keep it); `last` ends the message. */
    data(pcId: number, chunk: Buffer, last: boolean): void;
}
export interface AssemblerLimits {
    /** Largest command set accepted, bytes. */
    maxCommandBytes: number;
    /** True when a presentation context ID was accepted on this association. */
    isAcceptedContext: (pcId: number) => boolean;
    /** Refuse a fragment of odd length: "each fragment of a message shall consist of an even number of bytes", PS3.8 Annex E.1. */
    evenFragments?: boolean;
}
/**
 * PDVs → DIMSE messages, the only place that sees fragments. A command set is
 * gathered (bounded by `maxCommandBytes`) and decoded when its last fragment
 * arrives; data set fragments are passed on as they come, never gathered, so
 * memory does not grow with the object. PS3.8 Annex E.2, PS3.7 §6.3.1.
 * Throws DimseProtocolError for a data set before its command, a PDV on an
 * unaccepted or different presentation context, an oversized command, or
 * (with `evenFragments`) a fragment of odd length.
 */
export declare class MessageAssembler {
    private readonly limits;
    private readonly sink;
    private commandParts;
    private commandBytes;
    private commandPc;
    /** Presentation context of the data set being received, 0 when none is expected. */
    private datasetPc;
    constructor(limits: AssemblerLimits, sink: MessageSink);
    push(pdus: readonly PDataTfPdu[]): void;
    private commandFragment;
    private dataFragment;
}
