import type { AnyActorLogic } from 'xstate';
import type { Logger } from 'pino';
import type { RoleSelection } from '../../transport/pdu-types.js';
import type { AcceptedContext } from '../acse/negotiate.js';
import type { CommandSet } from './command-set.js';
/** What a service actor knows of the association it serves. */
export interface AssociationInfo {
    id: string;
    callingAETitle: string;
    calledAETitle: string;
    peer: string;
    /** Implementation Class UID we put in files and PDUs. */
    implementationClassUid: string;
    /** Accepted presentation contexts. */
    contexts: readonly AcceptedContext[];
    /** SCP/SCU role selection as accepted (scpRole 1: the requestor acts as Storage SCP, for C-GET). */
    roles: readonly RoleSelection[];
}
/** The input every service actor is started with. */
export interface ServiceInput {
    /** Operation id, `op-<pcId>-<MessageID>`; the actor's id, echoed in everything it sends back. */
    opId: string;
    assoc: AssociationInfo;
    pcId: number;
    abstractSyntax: string;
    transferSyntax: string;
    command: CommandSet;
    /** The whole data set, for services with `dataset: 'buffer'`. */
    dataset?: Buffer;
    log: Logger;
}
/** Events a service actor receives. */
export type ServiceEvent = 
/** A data set fragment (`dataset: 'stream'` services); the buffer is the actor's to keep. */
{
    type: 'DATA';
    chunk: Buffer;
    last: boolean;
}
/** C-CANCEL-RQ for this operation, PS3.7 §9.3.2.3. */
 | {
    type: 'CANCEL';
}
/** The response to a sub-operation request (C-GET's C-STORE), or why it was not sent. */
 | {
    type: 'SUBOP_DONE';
    status: number;
    error?: string;
};
/** Events a service actor sends back to the DIMSE router. */
export type ServiceOutput = {
    type: 'RESPONSE';
    id: string;
    command: CommandSet;
    dataset?: Buffer;
    final: boolean;
}
/** Stop reading from the peer until RESUME (the actor cannot keep up, e.g. the disk). */
 | {
    type: 'PAUSE';
    id: string;
} | {
    type: 'RESUME';
    id: string;
}
/** Send a request on this association (C-GET's C-STORE sub-operation); answered with SUBOP_DONE. */
 | {
    type: 'SUBOP';
    id: string;
    pcId: number;
    command: CommandSet;
    pieces: () => AsyncIterable<Buffer>;
    bytes: number;
};
/**
 * A DIMSE service: the actor logic that answers one kind of request for a set
 * of SOP classes. A new service is a new one of these registered with the AE;
 * nothing in transport/ or machines/ changes.
 */
export interface DimseService {
    /** Readable name, also the actor's source name, e.g. "c-store-scp". */
    name: string;
    /** Request CommandField values it answers. */
    commands: readonly number[];
    /** The SOP classes (abstract syntaxes) it serves. */
    serves(abstractSyntax: string): boolean;
    acceptsTransferSyntax(ts: string): boolean;
    /** True when, for this SOP class, this service needs us to act as SCU on the association (C-GET storage sub-operations). */
    actsAsScuFor?(abstractSyntax: string): boolean;
    /** How the request's data set reaches the actor. */
    dataset: 'stream' | 'buffer' | 'none';
    /** XState logic; receives ServiceEvent, sends back ServiceOutput, started with ServiceInput. */
    logic: AnyActorLogic;
}
