/**
 * Typed errors of the Upper Layer, each carrying its protocol consequence.
 * A decode error says which A-ABORT to send (PS3.8 §9.3.8, Table 9-26):
 * source 2 (service-provider) with the reason that fits the fault.
 */
/** A-ABORT source values, PS3.8 Table 9-26. */
export const AbortSource = { ServiceUser: 0, Reserved: 1, ServiceProvider: 2 };
/** A-ABORT reasons when the source is the service-provider, PS3.8 Table 9-26. */
export const AbortReason = {
    NotSpecified: 0,
    UnrecognizedPdu: 1,
    UnexpectedPdu: 2,
    UnrecognizedPduParameter: 4,
    UnexpectedPduParameter: 5,
    InvalidPduParameterValue: 6,
};
/** Base class: every netdicom error has a stable `code`. */
export class NetdicomError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
        this.name = new.target.name;
    }
}
/**
 * Bytes from the peer that are not a valid PDU. Raised by the framer and the
 * PDU decoders; the association answers with Evt19 and the A-ABORT in `abort`.
 */
export class PduDecodeError extends NetdicomError {
    abort;
    constructor(code, message, reason = AbortReason.InvalidPduParameterValue) {
        super(code, message);
        this.abort = { source: AbortSource.ServiceProvider, reason };
    }
}
/** A PDU announces more bytes than we accept (PS3.8 Annex D.1 Maximum Length, or our fixed cap). */
export class PduTooLargeError extends PduDecodeError {
    pduType;
    pduLength;
    maxLength;
    constructor(pduType, pduLength, maxLength) {
        super('ERR_PDU_TOO_LARGE', `PDU type 0x${pduType.toString(16).padStart(2, '0')} announces ${pduLength} bytes, more than the ${maxLength} bytes accepted`, AbortReason.InvalidPduParameterValue);
        this.pduType = pduType;
        this.pduLength = pduLength;
        this.maxLength = maxLength;
    }
}
//# sourceMappingURL=errors.js.map