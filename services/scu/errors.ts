import { NetdicomError } from '../../transport/errors.js';
import { abortText, rejectText } from '../../transport/pdu-meaning.js';

/** The peer answered A-ASSOCIATE-RJ, PS3.8 Table 9-21. */
export class AssociationRejectedError extends NetdicomError {
  constructor(
    readonly result: number,
    readonly source: number,
    readonly reason: number,
  ) {
    super('ERR_ASSOCIATION_REJECTED', `association rejected: ${rejectText(result, source, reason)} (result ${result}, source ${source}, reason ${reason})`);
  }
}

/** The association was aborted (A-ABORT from the peer, A-P-ABORT, or the transport closed). */
export class AssociationAbortedError extends NetdicomError {
  constructor(
    readonly detail: string,
    readonly source?: number,
    readonly reason?: number,
  ) {
    super('ERR_ASSOCIATION_ABORTED', source !== undefined ? `association aborted by the peer: ${abortText(source, reason ?? 0)}` : `association aborted: ${detail}`);
  }
}

/** No answer within a configured timeout; the association was aborted. */
export class TimeoutError extends NetdicomError {
  constructor(
    readonly kind: 'connect' | 'acse' | 'dimse' | 'network',
    readonly ms: number,
  ) {
    const what = { connect: 'TCP connect', acse: 'ACSE (association/release response)', dimse: 'DIMSE response', network: 'network idle' }[kind];
    super(`ERR_TIMEOUT_${kind.toUpperCase()}`, `${what} timeout after ${ms} ms`);
  }
}

/** The TCP connection could not be made (ECONNREFUSED, EHOSTUNREACH…). */
export class ConnectError extends NetdicomError {
  constructor(
    readonly host: string,
    readonly port: number,
    cause: string,
  ) {
    super('ERR_CONNECT', `cannot connect to ${host}:${port}: ${cause}`);
  }
}

/** The peer accepted no presentation context for what we want to send. */
export class NoPresentationContextError extends NetdicomError {
  constructor(message: string, code = 'ERR_NO_PRESENTATION_CONTEXT') {
    super(code, message);
  }
}

/**
 * A file's SOP class (or, compressed, its transfer syntax) was not proposed
 * on this association: it needs another association that proposes it.
 */
export class ContextNotProposedError extends NoPresentationContextError {
  constructor(message: string) {
    super(message, 'ERR_CONTEXT_NOT_PROPOSED');
  }
}
