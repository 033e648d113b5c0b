import { type InspectionEvent } from 'xstate';
import type { Logger } from 'pino';
import type { Association } from '../../machines/association.js';
import type { PDataTfPdu } from '../../transport/pdu-types.js';
import type { AcceptedContext } from '../acse/negotiate.js';
import { type CommandSet } from './command-set.js';
import type { AssociationInfo, DimseService } from './service.js';
/** Told of every DIMSE message in and out (inspector, logs). */
export type DimseObserver = (dir: 'in' | 'out', pcId: number, command: CommandSet, datasetBytes: number) => void;
export interface ProviderOptions {
    assoc: Association;
    info: AssociationInfo;
    contexts: Map<number, AcceptedContext>;
    services: readonly DimseService[];
    /** The peer's Maximum Length, bytes (0 = unlimited). */
    peerMaxLength: number;
    /** Largest command set, and largest data set kept in memory for `buffer` services, bytes. */
    maxCommandBytes: number;
    maxBufferedDataset: number;
    log: Logger;
    inspect?: (ev: InspectionEvent) => void;
    observer?: DimseObserver;
    /** Requestor side: DIMSE responses (CommandField bit 15 set), with their data set if any, go here. */
    onResponse?: (pcId: number, command: CommandSet, dataset?: Buffer) => void;
}
/**
 * The DIMSE service provider of one accepted association (acceptor side):
 * P-DATA indications → message assembler → the router actor, which starts one
 * service actor per request; responses → message writer → P-DATA requests
 * (Evt9). A protocol violation in the PDV stream aborts the association
 * (A-ABORT, source 2, reason 6 invalid-PDU-parameter-value).
 */
export declare class DimseProvider {
    private readonly o;
    private readonly assembler;
    private readonly writer;
    private readonly router;
    /** The operation whose data set is arriving, and how it is delivered. */
    private incoming;
    /** A response whose data set (an identifier) is arriving. */
    private incomingResponse;
    private failed;
    /** Requests from the peer not yet answered with a final response. */
    private inFlight;
    private idleWaiters;
    /** Requests we sent (sub-operations), by Message ID, waiting for their response. */
    private readonly outstanding;
    private messageId;
    constructor(o: ProviderOptions);
    /** P-DATA indication from the Upper Layer. */
    pData(pdus: PDataTfPdu[]): void;
    /** The association is over: stop every service actor (they clean up their temporary files). */
    stop(): void;
    /**
     * Resolves once every request received so far has its final response sent
     * (at once when none is outstanding), or the provider has stopped. The
     * acceptor waits for this before its A-RELEASE response, so a response
     * still being prepared goes out in Sta8 (AR-7) instead of being lost.
     */
    idle(): Promise<void>;
    private settle;
    private onCommand;
    private onData;
    private child;
    private respond;
    /** Sends a message on a presentation context; false once the association can no longer send. */
    sendMessage(pcId: number, command: CommandSet, dataset?: Buffer): boolean;
    /**
     * Sends a message whose data set comes in pieces (e.g. read from a file),
     * waiting for the socket to drain between pieces so memory stays flat.
     * Returns false if the association stopped accepting P-DATA meanwhile.
     */
    sendMessageStream(pcId: number, command: CommandSet, pieces: AsyncIterable<Buffer>, datasetBytes: number): Promise<boolean>;
    /** Sends a sub-operation request for a service actor and tells it the response status (SUBOP_DONE). */
    private subop;
    /** No service: an immediate failure response. PS3.7 Annex C: 0x0211 unrecognized operation. */
    private refuse;
    private fail;
}
