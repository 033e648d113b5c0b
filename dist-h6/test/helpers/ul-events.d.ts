import type { UpperLayerEvent } from '../../machines/upper-layer/events.js';
import { type AssociateAcPdu, type AssociateRqPdu } from '../../transport/pdu-types.js';
export declare const sampleRq: (protocolVersion?: number) => AssociateRqPdu;
export declare const sampleAc: () => AssociateAcPdu;
/** A well-formed instance of each Table 9-10 event, for driving the machine directly. */
export declare function sampleEvent(evt: string, opts?: {
    protocolVersion?: number;
}): UpperLayerEvent;
