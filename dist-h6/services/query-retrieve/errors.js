import { NetdicomError } from '../../transport/errors.js';
/** C-FIND/C-MOVE/C-GET failure statuses a query can end with (PS3.4 C.4.1.1.4, C.4.2.1.5, C.4.3.1.4). */
export const QueryStatus = {
    /** Identifier does not match SOP Class: wrong level, missing unique key of a level above. */
    IdentifierDoesNotMatchSopClass: 0xa900,
    /** Unable to process: a value that cannot be matched (malformed range), a database failure. */
    UnableToProcess: 0xc000,
};
/**
 * A query the index cannot answer. `status` is the DIMSE status to send, and
 * `message` goes into the response's Error Comment (0000,0902).
 */
export class QueryError extends NetdicomError {
    status;
    constructor(status, message) {
        super('ERR_QR_QUERY', message);
        this.status = status;
    }
}
/** A file that cannot be indexed (not DICOM, truncated header, no Study or Series Instance UID); `message` names the file. */
export class IndexFileError extends NetdicomError {
    constructor(message) {
        super('ERR_QR_INDEX_FILE', message);
    }
}
//# sourceMappingURL=errors.js.map