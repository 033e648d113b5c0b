import { type Logger } from 'pino';
import { Association } from '../machines/association.js';
import type { Inspector } from '../visualize/inspector.js';
import { type AbstractSyntaxSupport } from './acse/negotiate.js';
import type { DimseService } from './dimse/service.js';
import { type ProposedContext, type Timeouts } from './scu/client-association.js';
import { ScuAssociation } from './scu/scu-association.js';
import type { RoleSelection, UserIdentityRq } from '../transport/pdu-types.js';
import type { ClientTlsOptions, ServerTlsOptions } from '../transport/tls.js';
import { type UserIdentityCheck, type UserIdentityRequest } from './acse/user-identity.js';
export interface AssociateRequest {
    host: string;
    port: number;
    /** The peer's AE title. Default "ANY-SCP". */
    calledAETitle?: string;
    contexts: ProposedContext[];
    roles?: RoleSelection[];
    /** User Identity (PS3.7 D.3.3.7): `{ username, passcode? }` (types 1/2), or the sub-item as data. */
    userIdentity?: UserIdentityRq | UserIdentityRequest;
    /** TLS (PS3.15 Annex B); absent: plain TCP. */
    tls?: ClientTlsOptions;
    /** Timeouts in ms (connect, ACSE, DIMSE, network idle); 0 disables one. */
    timeouts?: Partial<Timeouts>;
}
/** Our Implementation Class UID (a UUID-derived UID, PS3.5 §B.2) and version name (≤ 16 chars). */
export declare const IMPLEMENTATION_CLASS_UID = "2.25.100816163100680996855404422894239612974";
export declare const IMPLEMENTATION_VERSION_NAME = "NETDICOM_010";
export interface AEOptions {
    /** Our AE title (≤ 16 characters). */
    aeTitle: string;
    /** Our Maximum Length, bytes: the largest P-DATA-TF PDU we accept. Default 1 MiB. PS3.8 Annex D.1. */
    maxPduLength?: number;
    /** ARTIM timeout, ms. Default 30 000. PS3.8 §9.1.5. */
    artimMs?: number;
    /** Reject A-ASSOCIATE-RQs whose called AE title is not ours (default: accept any). */
    requireCalledAETitle?: boolean;
    /** Only these calling AE titles may associate (default: any). */
    allowedCallingAETitles?: readonly string[];
    /**
     * Checks the User Identity of each A-ASSOCIATE-RQ (PS3.7 D.3.3.7), after the
     * AE title checks; may be async (bounded by artimMs). Refused, thrown or
     * late: A-ASSOCIATE-RJ 1/1/1. A positive response, when requested, is an
     * empty User Identity AC sub-item. An RQ without User Identity is refused
     * unless `userIdentityOptional`.
     */
    checkUserIdentity?: UserIdentityCheck;
    /** With checkUserIdentity: accept an A-ASSOCIATE-RQ that carries no User Identity sub-item. Default false. */
    userIdentityOptional?: boolean;
    /** SCP: abort an established association when nothing is sent or received for this long, ms. Default 0 (never). */
    networkTimeoutMs?: number;
    /** Concurrent associations; more are rejected (transient, local-limit-exceeded). Default 64. */
    maxAssociations?: number;
    /** Largest command set, bytes. Default 64 KiB. */
    maxCommandBytes?: number;
    /** Largest data set kept in memory (identifiers), bytes. Default 16 MiB. */
    maxBufferedDataset?: number;
    log?: Logger;
    inspector?: Inspector;
}
export interface ScpServer {
    /** The bound TCP port. */
    port: number;
    /** Live associations. */
    readonly associations: ReadonlyMap<string, Association>;
    /** Stops listening and aborts live associations; resolves once the port is free. */
    close(): Promise<void>;
}
/**
 * A DICOM Application Entity: as SCP it listens and answers requests through
 * its registered services (DIMSE service actors).
 */
export declare class ApplicationEntity {
    readonly opts: AEOptions;
    readonly aeTitle: string;
    readonly log: Logger;
    readonly maxPduLength: number;
    readonly artimMs: number;
    private readonly services;
    /** Live acceptor associations over all listeners (plain and TLS share maxAssociations). */
    private acceptorCount;
    constructor(opts: AEOptions);
    /** Registers a service; its SOP classes become acceptable abstract syntaxes. */
    addService(service: DimseService): this;
    /** What we support for an abstract syntax, from the registered services. */
    support(abstractSyntax: string): AbstractSyntaxSupport | undefined;
    /**
     * Requests an association (PS3.8 §7.1) and resolves once it is accepted.
     * The AE's services answer requests the peer makes on it (C-GET's C-STORE
     * sub-operations). Rejects with AssociationRejectedError (result/source/
     * reason), AssociationAbortedError, ConnectError or TimeoutError.
     */
    associate(o: AssociateRequest): Promise<ScuAssociation>;
    /**
     * Starts listening; with `tls`, a TLS listener (PS3.15 Annex B) whose
     * connections start an association only after the handshake (and the
     * client certificate check). Call it twice for plain and TLS side by side.
     * Rejects with the listen error (e.g. EADDRINUSE).
     */
    listen(o: {
        port: number;
        host?: string;
        tls?: ServerTlsOptions;
    }): Promise<ScpServer>;
}
