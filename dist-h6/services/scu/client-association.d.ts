import type { Logger } from 'pino';
import { Association } from '../../machines/association.js';
import { type RoleSelection, type UserIdentityRq } from '../../transport/pdu-types.js';
import { type ClientTlsOptions } from '../../transport/tls.js';
import type { Inspector } from '../../visualize/inspector.js';
import type { AcceptedContext } from '../acse/negotiate.js';
import type { CommandSet } from '../dimse/command-set.js';
import type { DimseService } from '../dimse/service.js';
/** A presentation context to propose: one abstract syntax, transfer syntaxes in order of preference. */
export interface ProposedContext {
    abstractSyntax: string;
    transferSyntaxes: string[];
}
/** Timeouts in ms; 0 disables one. */
export interface Timeouts {
    /** TCP connect. Default 10 000. */
    connectMs: number;
    /** A-ASSOCIATE-AC/RJ and A-RELEASE-RP. Default 30 000. */
    acseMs: number;
    /** Each DIMSE response (reset by every pending response). Default 60 000. */
    dimseMs: number;
    /** No bytes from the peer while a request is outstanding. Default 60 000. */
    networkMs: number;
}
export declare const DEFAULT_TIMEOUTS: Timeouts;
export interface AssociateOptions {
    host: string;
    port: number;
    callingAETitle: string;
    calledAETitle: string;
    contexts: ProposedContext[];
    /** SCP/SCU Role Selection items to propose (C-GET: scpRole 1 for the storage classes). */
    roles?: RoleSelection[];
    userIdentity?: UserIdentityRq;
    /** TLS (PS3.15 Annex B); absent: plain TCP. The connect timeout covers the handshake. */
    tls?: ClientTlsOptions;
    /** Our Maximum Length, bytes. */
    maxPduLength: number;
    artimMs: number;
    timeouts?: Partial<Timeouts>;
    implementationClassUid: string;
    implementationVersionName: string;
    /** Services for requests the peer sends us on this association (C-STORE sub-operations of a C-GET). */
    services?: readonly DimseService[];
    log: Logger;
    inspector?: Inspector;
}
/** One response of a request: its command set and data set (an identifier), if any. */
export interface DimseResponse {
    command: CommandSet;
    dataset?: Buffer;
}
/**
 * The requestor side of an association (PS3.8 Sta4, Sta5, Sta7, Sta9, Sta11):
 * associate, send requests and collect their responses, release or abort.
 * Every wait is bounded by a timeout; on any timeout the association is
 * aborted and the wait rejects with TimeoutError.
 */
export declare class ClientAssociation {
    private readonly o;
    readonly assoc: Association;
    /** Accepted presentation contexts by ID. */
    readonly contexts: Map<number, AcceptedContext>;
    /** The peer's Maximum Length, bytes (0 = unlimited). */
    peerMaxLength: number;
    acceptedRoles: RoleSelection[];
    private provider;
    private readonly timeouts;
    private messageId;
    private readonly waiting;
    private phase;
    private failure;
    private onPhase;
    private constructor();
    /** Opens an association. Rejects with AssociationRejectedError, AssociationAbortedError, ConnectError or TimeoutError. */
    static open(o: AssociateOptions): Promise<ClientAssociation>;
    private start;
    private indication;
    private response;
    private ended;
    private released;
    private wasReleased;
    /** The accepted context for an abstract syntax (and, if given, one of these transfer syntaxes). */
    contextFor(abstractSyntax: string, transferSyntaxes?: readonly string[]): AcceptedContext | undefined;
    /** All accepted contexts for an abstract syntax. */
    contextsFor(abstractSyntax: string): AcceptedContext[];
    nextMessageId(): number;
    /**
     * Sends a request and yields every response until the final one (a status
     * that is not Pending). `dataset` is a whole buffer or pieces streamed with
     * backpressure. Each response must come within the DIMSE timeout.
     * Throws TimeoutError, AssociationAbortedError.
     */
    request(pcId: number, command: CommandSet, dataset?: Buffer | {
        pieces: AsyncIterable<Buffer>;
        bytes: number;
    }): AsyncGenerator<DimseResponse>;
    /** Sends a C-CANCEL-RQ for an outstanding request (PS3.7 §9.3.2.3). */
    cancel(pcId: number, messageId: number): void;
    /** A-RELEASE: resolves once released; aborts (and still resolves) if no A-RELEASE-RP comes within the ACSE timeout. */
    release(): Promise<void>;
    /** A-ABORT (service-user); resolves once the transport is closed. */
    abort(): Promise<void>;
    /** Gives up on the association: abort if one exists, close the transport, and fail with `err`. */
    private giveUp;
    private safely;
    private timer;
}
