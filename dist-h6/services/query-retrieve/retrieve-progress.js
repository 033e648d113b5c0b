import { CommandField } from '../dimse/commands.js';
import { encodeDataset } from '../dimse/dataset-codec.js';
import { Status, statusCategory } from '../dimse/status.js';
/**
 * Sub-operation bookkeeping of a C-GET or C-MOVE SCP and the responses it
 * sends: Pending with remaining/completed/failed/warning counts after each
 * sub-operation, then the final status (PS3.4 C.4.2.1.5, C.4.3.1.5), with the
 * Failed SOP Instance UID List when any failed.
 */
export class RetrieveProgress {
    total;
    rspField;
    request;
    abstractSyntax;
    transferSyntax;
    completed = 0;
    failed = 0;
    warning = 0;
    failedUids = [];
    constructor(total, rspField, request, abstractSyntax, transferSyntax) {
        this.total = total;
        this.rspField = rspField;
        this.request = request;
        this.abstractSyntax = abstractSyntax;
        this.transferSyntax = transferSyntax;
    }
    get remaining() {
        return this.total - this.completed - this.failed - this.warning;
    }
    /** Counts one sub-operation by its C-STORE response status (-1: not sent). */
    count(status, sopInstanceUid) {
        const c = status < 0 ? 'failure' : statusCategory(status);
        if (c === 'success')
            this.completed++;
        else if (c === 'warning')
            this.warning++;
        else {
            this.failed++;
            this.failedUids.push(sopInstanceUid);
        }
    }
    pending() {
        return { command: this.command(Status.Pending, true) };
    }
    /** The final response: Success, Cancel, B000 (some failed or warned) or A702 (all failed). */
    final(cancelled, errorComment) {
        const status = cancelled
            ? Status.Cancel
            : this.failed + this.warning === 0
                ? Status.Success
                : this.completed + this.warning === 0 && this.total > 0
                    ? 0xa702
                    : Status.SubOperationsWarning;
        const command = { ...this.command(status, cancelled), ...(errorComment ? { ErrorComment: errorComment.slice(0, 64) } : {}) };
        if (this.failedUids.length === 0 && !cancelled)
            return { command };
        const uids = cancelled ? [...this.failedUids] : this.failedUids;
        return uids.length ? { command, dataset: encodeDataset({ FailedSOPInstanceUIDList: uids }, this.transferSyntax) } : { command };
    }
    command(status, withRemaining) {
        return {
            CommandField: this.rspField,
            MessageIDBeingRespondedTo: this.request.MessageID,
            AffectedSOPClassUID: this.abstractSyntax,
            Status: status,
            ...(withRemaining ? { NumberOfRemainingSuboperations: this.remaining } : {}),
            NumberOfCompletedSuboperations: this.completed,
            NumberOfFailedSuboperations: this.failed,
            NumberOfWarningSuboperations: this.warning,
        };
    }
}
export const RSP = { get: CommandField['C-GET-RSP'], move: CommandField['C-MOVE-RSP'] };
//# sourceMappingURL=retrieve-progress.js.map