import { NetdicomError } from '../../transport/errors.js';
/** DIMSE status codes used here, PS3.7 Annex C and the service classes of PS3.4. */
export const Status = {
    Success: 0x0000,
    Cancel: 0xfe00,
    Pending: 0xff00,
    PendingWarning: 0xff01,
    /** Sub-operations complete, one or more failures or warnings (C-GET/C-MOVE). */
    SubOperationsWarning: 0xb000,
    CoercionOfDataElements: 0xb000,
    OutOfResources: 0xa700,
    MoveDestinationUnknown: 0xa801,
    IdentifierDoesNotMatchSopClass: 0xa900,
    SopClassNotSupported: 0x0122,
    UnrecognizedOperation: 0x0211,
    ProcessingFailure: 0x0110,
    CannotUnderstand: 0xc000,
    UnableToProcess: 0xc001,
};
/** Status category, PS3.7 Annex C. */
export function statusCategory(status) {
    if (status === 0)
        return 'success';
    if (status === 0xff00 || status === 0xff01)
        return 'pending';
    if (status === 0xfe00)
        return 'cancel';
    if (status === 0x0001 || status === 0x0107 || status === 0x0116 || (status >= 0xb000 && status <= 0xbfff))
        return 'warning';
    return 'failure';
}
const MEANINGS = {
    0x0000: 'Success',
    0xfe00: 'Cancel',
    0xff00: 'Pending',
    0xff01: 'Pending (optional keys not supported)',
    0xb000: 'Warning',
    0xa700: 'Refused: out of resources',
    0xa701: 'Refused: out of resources (matches)',
    0xa702: 'Refused: out of resources (sub-operations)',
    0xa801: 'Refused: move destination unknown',
    0xa900: 'Error: identifier does not match SOP class',
    0x0122: 'Refused: SOP class not supported',
    0x0211: 'Unrecognized operation',
    0x0110: 'Processing failure',
    0xc000: 'Error: cannot understand',
    0xc001: 'Error: unable to process',
};
/** "0000 Success", "a700 Refused: out of resources". */
export function statusText(status) {
    const hex = status.toString(16).padStart(4, '0');
    return `${hex} ${MEANINGS[status] ?? statusCategory(status)}`;
}
/**
 * Thrown by a service handler to answer with a DIMSE failure status and an
 * Error Comment (PS3.7 §9.1.1.1.6) instead of success.
 */
export class DimseStatusError extends NetdicomError {
    status;
    errorComment;
    constructor(status, errorComment) {
        super('ERR_DIMSE_STATUS', `${statusText(status)}: ${errorComment}`);
        this.status = status;
        this.errorComment = errorComment;
    }
}
//# sourceMappingURL=status.js.map