import type { Socket } from 'node:net';
import { type InspectionEvent } from 'xstate';
import type { Logger } from 'pino';
import type { AbortSpec } from '../transport/errors.js';
import type { AssociateAcPdu, AssociateRjPdu, AssociateRqPdu, Pdu } from '../transport/pdu-types.js';
import type { UpperLayerIo } from './upper-layer/actions.js';
import type { Indication } from './upper-layer/events.js';
import type { StateId } from './upper-layer/state-table.js';
/** What an association reports to whoever watches it (the inspector). All optional, all cheap. */
export interface AssociationObserver {
    pdu?(assoc: Association, dir: 'in' | 'out', pdu: Pdu | null, len: number, raw?: Buffer): void;
    ended?(assoc: Association): void;
}
export interface AssociationOptions {
    /** Unique id, e.g. "assoc-7"; also the actor id. */
    id: string;
    role: 'acceptor' | 'requestor';
    /** Acceptor: the accepted socket. Requestor: set by `connect` once open. */
    socket?: Socket;
    /** Requestor: opens the TCP (or TLS) connection (AE-1); Evt2 once it is ready for PDUs. */
    connect?: () => Socket;
    /** Our advertised Maximum Length (bytes): the largest P-DATA-TF we accept. PS3.8 Annex D.1. */
    maxPduLength: number;
    /** ARTIM timeout in ms. */
    artimMs: number;
    log: Logger;
    inspect?: (ev: InspectionEvent) => void;
    observer?: AssociationObserver;
    /** Told of every indication (PS3.8 §9.2.2) for the local user: ACSE and DIMSE. */
    onIndication: (ind: Indication) => void;
}
/**
 * One association: an Upper Layer actor built from the PS3.8 table, the TCP
 * socket under it, and the local primitives (Evt1, 7, 8, 9, 11, 14, 15) as
 * methods. A primitive with no table cell in the current state throws
 * InvalidPrimitiveError and sends nothing. On entering Sta1 the actor stops,
 * the socket is let go, and `done` resolves.
 */
export declare class Association implements UpperLayerIo {
    private readonly opts;
    readonly id: string;
    readonly isRequestor: boolean;
    readonly log: Logger;
    readonly startedAt: number;
    associateRq: AssociateRqPdu | undefined;
    associateAc: AssociateAcPdu | undefined;
    bytesIn: number;
    bytesOut: number;
    /** How the association ended, for logs and the inspector. */
    ending: string;
    readonly done: Promise<void>;
    private resolveDone;
    private socket;
    private readonly actor;
    private readonly reader;
    private stopped;
    constructor(opts: AssociationOptions);
    private started;
    /** Requestor: told when the TCP connection is open (Evt2). */
    onConnected: (() => void) | undefined;
    /** Told of socket errors (ECONNREFUSED…) before the close that follows them. */
    onTransportError: ((err: Error) => void) | undefined;
    /** Current Upper Layer state, or "stopped" once the association is over. */
    get state(): StateId | 'stopped';
    get remoteAddress(): string;
    /** Evt5: the listener accepted a connection (acceptor). */
    transportConnected(): void;
    /** Evt1: A-ASSOCIATE request (requestor). */
    associate(rq: AssociateRqPdu): void;
    /** Evt7: accept the association with this A-ASSOCIATE-AC. */
    accept(ac: AssociateAcPdu): void;
    /** Evt8: reject it with this A-ASSOCIATE-RJ. */
    reject(rj: AssociateRjPdu): void;
    /** Evt9: send encoded P-DATA-TF PDUs. Returns false when the socket buffer is full (see `drained`). */
    sendPData(pdus: Buffer[]): boolean;
    /** Resolves when the socket's write buffer has drained (or the socket is gone). */
    drained(): Promise<void>;
    /** Evt11: A-RELEASE request. */
    release(): void;
    /** Evt14: A-RELEASE response. */
    releaseResponse(): void;
    /** Evt15: A-ABORT request (default source 0 service-user, reason 0). */
    abort(abort?: AbortSpec): void;
    /**
     * Calls `onIdle` when no byte arrives from the peer for `ms` (network
     * timeout). Returns the function that stops watching.
     */
    watchIdle(ms: number, onIdle: () => void): () => void;
    /** Stops reading from the peer (backpressure from a slow consumer, e.g. the disk). */
    pauseInput(): void;
    resumeInput(): void;
    private primitive;
    private send;
    connect(): void;
    write(bytes: Buffer): void;
    closeTransport(): void;
    indicate(ind: Indication): void;
    private attach;
    private noCell;
    private finish;
}
