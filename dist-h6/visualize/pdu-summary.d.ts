/**
 * One-line summaries and structured details of PDUs for the inspector
 * (`pdu` records, visualize/protocol.ts). Never carries data set values or a
 * User Identity's secondary field (passcode); a user name is not shown either,
 * only the identity type.
 *
 * An A-ASSOCIATE-AC repeats the RQ's AE titles only as reserved fields
 * (PS3.8 §9.3.3: "should not be tested") and names its presentation contexts
 * by ID alone, so the AE titles and abstract syntaxes of an AC summary come
 * from the association's A-ASSOCIATE-RQ.
 */
import type { AssociateRqPdu, Pdu } from '../transport/pdu-types.js';
export interface PduSummary {
    summary: string;
    detail?: Record<string, unknown>;
}
/** What A-ABORT source/reason mean, PS3.8 Table 9-26. */
export declare function abortWords(source: number, reason: number): string;
/** What A-ASSOCIATE-RJ result/source/reason mean, PS3.8 Table 9-21. */
export declare function rejectWords(result: number, source: number, reason: number): string;
/**
 * A one-line summary and structured details of a PDU for the inspector.
 * `rq` is the association's A-ASSOCIATE-RQ, which gives an A-ASSOCIATE-AC
 * its AE titles and its contexts' abstract syntaxes and proposed transfer syntaxes.
 */
export declare function summarizePdu(pdu: Pdu, rq?: Pick<AssociateRqPdu, 'presentationContexts' | 'callingAETitle' | 'calledAETitle'>): PduSummary;
