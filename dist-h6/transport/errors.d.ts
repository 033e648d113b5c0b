/**
 * Typed errors of the Upper Layer, each carrying its protocol consequence.
 * A decode error says which A-ABORT to send (PS3.8 §9.3.8, Table 9-26):
 * source 2 (service-provider) with the reason that fits the fault.
 */
/** A-ABORT source values, PS3.8 Table 9-26. */
export declare const AbortSource: {
    readonly ServiceUser: 0;
    readonly Reserved: 1;
    readonly ServiceProvider: 2;
};
/** A-ABORT reasons when the source is the service-provider, PS3.8 Table 9-26. */
export declare const AbortReason: {
    readonly NotSpecified: 0;
    readonly UnrecognizedPdu: 1;
    readonly UnexpectedPdu: 2;
    readonly UnrecognizedPduParameter: 4;
    readonly UnexpectedPduParameter: 5;
    readonly InvalidPduParameterValue: 6;
};
export interface AbortSpec {
    source: number;
    reason: number;
}
/** Base class: every netdicom error has a stable `code`. */
export declare class NetdicomError extends Error {
    readonly code: string;
    constructor(code: string, message: string);
}
/**
 * Bytes from the peer that are not a valid PDU. Raised by the framer and the
 * PDU decoders; the association answers with Evt19 and the A-ABORT in `abort`.
 */
export declare class PduDecodeError extends NetdicomError {
    readonly abort: AbortSpec;
    constructor(code: string, message: string, reason?: number);
}
/** A PDU announces more bytes than we accept (PS3.8 Annex D.1 Maximum Length, or our fixed cap). */
export declare class PduTooLargeError extends PduDecodeError {
    readonly pduType: number;
    readonly pduLength: number;
    readonly maxLength: number;
    constructor(pduType: number, pduLength: number, maxLength: number);
}
