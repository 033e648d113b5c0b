import type { AnyActorLogic } from 'xstate';
import type { Logger } from 'pino';
import type { CommandSet } from './command-set.js';

/** What a service actor knows of the association it serves. */
export interface AssociationInfo {
  id: string;
  callingAETitle: string;
  calledAETitle: string;
  peer: string;
  /** Implementation Class UID we put in files and PDUs. */
  implementationClassUid: string;
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
  | { type: 'DATA'; chunk: Buffer; last: boolean }
  /** C-CANCEL-RQ for this operation, PS3.7 §9.3.2.3. */
  | { type: 'CANCEL' };

/** Events a service actor sends back to the DIMSE router. */
export type ServiceOutput =
  | { type: 'RESPONSE'; id: string; command: CommandSet; dataset?: Buffer; final: boolean }
  /** Stop reading from the peer until RESUME (the actor cannot keep up, e.g. the disk). */
  | { type: 'PAUSE'; id: string }
  | { type: 'RESUME'; id: string };

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
  /** How the request's data set reaches the actor. */
  dataset: 'stream' | 'buffer' | 'none';
  /** XState logic; receives ServiceEvent, sends back ServiceOutput, started with ServiceInput. */
  logic: AnyActorLogic;
}
