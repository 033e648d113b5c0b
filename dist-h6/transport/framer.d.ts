/** A whole PDU as raw bytes: its type code and a buffer holding header and body. */
export interface RawPdu {
    type: number;
    bytes: Buffer;
}
export interface FramerLimits {
    /** Largest P-DATA-TF PDU body accepted: our advertised Maximum Length in bytes (PS3.8 Annex D.1). */
    maxPDataLength: number;
    /** Largest body of any other PDU, in bytes. */
    maxOtherLength: number;
}
/** Default cap on non-P-DATA PDUs: 1 MiB. */
export declare const DEFAULT_MAX_OTHER_PDU: number;
/**
 * Turns a TCP byte stream into whole PDUs. The only code that sees partial
 * reads: a PDU inside one read is a view (no copy); one that spans reads is
 * copied into a buffer that grows with the bytes actually received (at most
 * 4 × those bytes, or 64 KiB), never to the announced length up front: a
 * header that announces 1 MiB and is followed by nothing costs 64 KiB, not
 * 1 MiB. The header is checked against the limits before anything else.
 *
 * `push` returns the PDUs completed by this read, or throws PduDecodeError
 * (unknown type, length over the limit). PDUs before a bad header in the same
 * read are returned first and the error is thrown by the next `push` (an
 * empty chunk will do). After a throw the framer is unusable.
 */
export declare class PduFramer {
    private readonly limits;
    private pending;
    private pendingTotal;
    private filled;
    private head;
    private failure;
    constructor(limits: FramerLimits);
    push(chunk: Buffer): RawPdu[];
    /** True when no partial PDU is buffered. */
    get idle(): boolean;
    /** Capacity for a partial PDU holding `have` bytes: 4 × have (at least 64 KiB), never more than its total. */
    private capacityFor;
    /** Grows the partial PDU's buffer to hold `need` bytes (one copy of what it holds). */
    private reserve;
    private check;
}
