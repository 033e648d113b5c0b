import type { AssociateRqPdu } from '../../transport/pdu-types.js';
import type { ActionId } from './state-table.js';
import type { Indication, UpperLayerEvent } from './events.js';
/**
 * What an association's Upper Layer actions do to the world: the socket and
 * the local user. One object per association, closed over by the machine's
 * actions (never put in XState context: it holds the socket).
 */
export interface UpperLayerIo {
    readonly isRequestor: boolean;
    /** The A-ASSOCIATE-RQ given with Evt1 (requestor only). */
    readonly associateRq: AssociateRqPdu | undefined;
    /** AE-1: open the TCP connection; its outcome comes back as Evt2 or Evt17. */
    connect(): void;
    /** Writes bytes to the peer; never throws (a dead socket shows up as Evt17). */
    write(bytes: Buffer): void;
    /** Closes the transport connection (idempotent). */
    closeTransport(): void;
    indicate(ind: Indication): void;
}
type Act = (io: UpperLayerIo, event: UpperLayerEvent) => void;
/**
 * One function per action of PS3.8 Tables 9-6..9-9, keyed by its name. ARTIM
 * is started and stopped by the machine (machine.ts), not here. Each runs
 * synchronously inside the actor; anything slow is the local user's business.
 */
export declare const ACTION_IMPL: Record<ActionId, Act>;
export {};
