import { NetdicomError } from '../../transport/errors.js';
import { abortText, rejectText } from '../../transport/pdu-meaning.js';
/** The peer answered A-ASSOCIATE-RJ, PS3.8 Table 9-21. */
export class AssociationRejectedError extends NetdicomError {
    result;
    source;
    reason;
    constructor(result, source, reason) {
        super('ERR_ASSOCIATION_REJECTED', `association rejected: ${rejectText(result, source, reason)} (result ${result}, source ${source}, reason ${reason})`);
        this.result = result;
        this.source = source;
        this.reason = reason;
    }
}
/** The association was aborted (A-ABORT from the peer, A-P-ABORT, or the transport closed). */
export class AssociationAbortedError extends NetdicomError {
    detail;
    source;
    reason;
    constructor(detail, source, reason) {
        super('ERR_ASSOCIATION_ABORTED', source !== undefined ? `association aborted by the peer: ${abortText(source, reason ?? 0)}` : `association aborted: ${detail}`);
        this.detail = detail;
        this.source = source;
        this.reason = reason;
    }
}
/** No answer within a configured timeout; the association was aborted. */
export class TimeoutError extends NetdicomError {
    kind;
    ms;
    constructor(kind, ms) {
        const what = { connect: 'TCP connect', acse: 'ACSE (association/release response)', dimse: 'DIMSE response', network: 'network idle' }[kind];
        super(`ERR_TIMEOUT_${kind.toUpperCase()}`, `${what} timeout after ${ms} ms`);
        this.kind = kind;
        this.ms = ms;
    }
}
/** The TCP connection could not be made (ECONNREFUSED, EHOSTUNREACH…). */
export class ConnectError extends NetdicomError {
    host;
    port;
    constructor(host, port, cause) {
        super('ERR_CONNECT', `cannot connect to ${host}:${port}: ${cause}`);
        this.host = host;
        this.port = port;
    }
}
/** The peer accepted no presentation context for what we want to send. */
export class NoPresentationContextError extends NetdicomError {
    constructor(message) {
        super('ERR_NO_PRESENTATION_CONTEXT', message);
    }
}
//# sourceMappingURL=errors.js.map