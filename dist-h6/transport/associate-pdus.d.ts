import { ByteReader } from './byte-reader.js';
import { type AssociateAcPdu, type AssociateRqPdu } from './pdu-types.js';
/**
 * Decodes an A-ASSOCIATE-RQ or -AC body (after the 6-byte PDU header),
 * PS3.8 §9.3.2 (Table 9-11) and §9.3.3 (Table 9-17). Throws PduDecodeError
 * on an item length overrun, an unknown item type or a missing required item.
 */
export declare function decodeAssociate(type: 1 | 2, r: ByteReader): AssociateRqPdu | AssociateAcPdu;
/** Encodes a whole A-ASSOCIATE-RQ or -AC PDU, header included. PS3.8 §9.3.2–9.3.3. */
export declare function encodeAssociate(pdu: AssociateRqPdu | AssociateAcPdu): Buffer;
