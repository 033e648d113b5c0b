import type { RecordBody } from '../../visualize/protocol.js';
/** assoc-1: an acceptor that reached Sta6 and is storing (stays live). Published before the page opens. */
export declare function acceptorToSta6(): RecordBody[];
/** assoc-2: a requestor that queries and releases normally (ends in Sta1). Published while the page watches. */
export declare function requestorFindAndRelease(): RecordBody[];
/** assoc-3 (rejected), assoc-4 (live in Sta6), assoc-5 (aborted): context for the screenshot. */
export declare function bystanders(): RecordBody[];
/** Old-style P-DATA reporting (one record per P-DATA-TF PDU and DT-2 cell): still folded into one line. */
export declare function pduByPdu(assoc: string): RecordBody[];
