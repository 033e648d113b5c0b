import { NetdicomError } from '../../transport/errors.js';
/** The peer answered A-ASSOCIATE-RJ, PS3.8 Table 9-21. */
export declare class AssociationRejectedError extends NetdicomError {
    readonly result: number;
    readonly source: number;
    readonly reason: number;
    constructor(result: number, source: number, reason: number);
}
/** The association was aborted (A-ABORT from the peer, A-P-ABORT, or the transport closed). */
export declare class AssociationAbortedError extends NetdicomError {
    readonly detail: string;
    readonly source?: number | undefined;
    readonly reason?: number | undefined;
    constructor(detail: string, source?: number | undefined, reason?: number | undefined);
}
/** No answer within a configured timeout; the association was aborted. */
export declare class TimeoutError extends NetdicomError {
    readonly kind: 'connect' | 'acse' | 'dimse' | 'network';
    readonly ms: number;
    constructor(kind: 'connect' | 'acse' | 'dimse' | 'network', ms: number);
}
/** The TCP connection could not be made (ECONNREFUSED, EHOSTUNREACH…). */
export declare class ConnectError extends NetdicomError {
    readonly host: string;
    readonly port: number;
    constructor(host: string, port: number, cause: string);
}
/** The peer accepted no presentation context for what we want to send. */
export declare class NoPresentationContextError extends NetdicomError {
    constructor(message: string);
}
