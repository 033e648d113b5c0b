import { NetdicomError } from '../../transport/errors.js';
/** DIMSE status codes used here, PS3.7 Annex C and the service classes of PS3.4. */
export declare const Status: {
    readonly Success: 0;
    readonly Cancel: 65024;
    readonly Pending: 65280;
    readonly PendingWarning: 65281;
    /** Sub-operations complete, one or more failures or warnings (C-GET/C-MOVE). */
    readonly SubOperationsWarning: 45056;
    readonly CoercionOfDataElements: 45056;
    readonly OutOfResources: 42752;
    readonly MoveDestinationUnknown: 43009;
    readonly IdentifierDoesNotMatchSopClass: 43264;
    readonly SopClassNotSupported: 290;
    readonly UnrecognizedOperation: 529;
    readonly ProcessingFailure: 272;
    readonly CannotUnderstand: 49152;
    readonly UnableToProcess: 49153;
};
/** Status category, PS3.7 Annex C. */
export declare function statusCategory(status: number): 'success' | 'pending' | 'cancel' | 'warning' | 'failure';
/** "0000 Success", "a700 Refused: out of resources". */
export declare function statusText(status: number): string;
/**
 * Thrown by a service handler to answer with a DIMSE failure status and an
 * Error Comment (PS3.7 §9.1.1.1.6) instead of success.
 */
export declare class DimseStatusError extends NetdicomError {
    readonly status: number;
    readonly errorComment: string;
    constructor(status: number, errorComment: string);
}
