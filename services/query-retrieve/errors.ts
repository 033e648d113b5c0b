import { NetdicomError } from '../../transport/errors.js';

/** C-FIND/C-MOVE/C-GET failure statuses a query can end with (PS3.4 C.4.1.1.4, C.4.2.1.5, C.4.3.1.4). */
export const QueryStatus = {
  /** Identifier does not match SOP Class: wrong level, missing unique key of a level above. */
  IdentifierDoesNotMatchSopClass: 0xa900,
  /** Unable to process: a value that cannot be matched (malformed range), a database failure. */
  UnableToProcess: 0xc000,
} as const;

/**
 * A query the index cannot answer. `status` is the DIMSE status to send,
 * `message` goes into the response's Error Comment (0000,0902) and
 * `offendingElement`, when known, into Offending Element (0000,0901)
 * (PS3.4 Table C.4-1: both belong to A900 and C000). Write `message` to fit
 * an Error Comment as it is: at most 64 characters (ERROR_COMMENT_MAX), a
 * section reference only when it fits.
 */
export class QueryError extends NetdicomError {
  constructor(
    readonly status: number,
    message: string,
    readonly offendingElement?: number,
  ) {
    super('ERR_QR_QUERY', message);
  }
}

/** A file that cannot be indexed (not DICOM, truncated header, no Study or Series Instance UID); `message` names the file. */
export class IndexFileError extends NetdicomError {
  constructor(message: string) {
    super('ERR_QR_INDEX_FILE', message);
  }
}
