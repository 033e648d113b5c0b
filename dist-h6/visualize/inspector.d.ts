import type { InspectionEvent } from 'xstate';
import type { Association, AssociationObserver } from '../machines/association.js';
import type { DimseObserver } from '../services/dimse/provider.js';
import type { InspectorHub } from './hub.js';
/**
 * Maps XState inspection events of association actors, PDUs and DIMSE
 * messages to inspector records, explicitly, field by field (never by
 * stringifying events or Buffers). The only file that knows XState's
 * inspection event names.
 *
 * - One `transition` record per Table 9-10 cell taken, with the actions run;
 *   P-DATA self transitions (DT-1, DT-2, AR-6, AR-7) are left out.
 * - One `pdu` record per PDU other than P-DATA-TF; a received one is
 *   published when the machine takes its event, so the timeline keeps the
 *   order in which the association acted on what it read.
 * - One `dimse` record per DIMSE message, published once its P-DATA is
 *   complete, with the P-DATA-TF PDUs and bytes that carried it.
 * - `stats` records: P-DATA traffic at most every 250 ms (progress of long messages).
 * - `actor` records: start; an update once the A-ASSOCIATE-RQ names the AE
 *   titles; done, with how it ended in the standard's words, socket bytes and
 *   the number of DIMSE messages.
 */
export declare class Inspector {
    private readonly hub;
    private readonly pending;
    private readonly prev;
    private readonly watches;
    constructor(hub: InspectorHub);
    /** The `inspect` option for association actors. */
    readonly inspect: (ev: InspectionEvent) => void;
    /** The association observer: PDU records, P-DATA accounting, the actor's end. */
    observer(): AssociationObserver;
    started(assoc: Association, role: 'acceptor' | 'requestor'): void;
    /** DIMSE records for one association. */
    dimse(assoc: Association): DimseObserver;
    private watch;
    private pdu;
    /** The RQ names the AE titles (and, for a requestor, the socket is open now): the actor record is brought up to date. */
    private associateRq;
    /** Counts one P-DATA-TF PDU: into its DIMSE message (from the PDV headers) and into the periodic stats. */
    private pData;
    /** Publishes the DIMSE records of the messages at the head of the queue whose P-DATA is complete. */
    private settle;
    private publishMessage;
    private countStats;
    private flushStats;
    private ended;
    private publishDone;
}
/**
 * How an association ended, for the done record: "release"; the first
 * A-ASSOCIATE-RJ or A-ABORT PDU in words (PS3.8 Tables 9-21, 9-26), with the
 * provider's own reason when it aborted; else what the association says
 * ("transport closed", "A-P-ABORT: …").
 */
export declare function endingOf(assocEnding: string, fromPdu: string | undefined): string;
