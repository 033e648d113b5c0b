import { CommandField } from '../dimse/commands.js';
import type { CommandSet } from '../dimse/command-set.js';
import { encodeDataset } from '../dimse/dataset-codec.js';
import { errorComment } from '../dimse/error-comment.js';
import { Status, statusCategory } from '../dimse/status.js';

/**
 * Sub-operation bookkeeping of a C-GET or C-MOVE SCP and the responses it
 * sends: Pending with remaining/completed/failed/warning counts after each
 * sub-operation, then the final status (PS3.4 C.4.2.1.5, C.4.3.1.5), with the
 * Failed SOP Instance UID List when any failed.
 */
export class RetrieveProgress {
  completed = 0;
  failed = 0;
  warning = 0;
  readonly failedUids: string[] = [];

  constructor(
    readonly total: number,
    private readonly rspField: number,
    private readonly request: CommandSet,
    private readonly abstractSyntax: string,
    private readonly transferSyntax: string,
  ) {}

  get remaining(): number {
    return this.total - this.completed - this.failed - this.warning;
  }

  /** Counts one sub-operation by its C-STORE response status (-1: not sent). */
  count(status: number, sopInstanceUid: string): void {
    const c = status < 0 ? 'failure' : statusCategory(status);
    if (c === 'success') this.completed++;
    else if (c === 'warning') this.warning++;
    else {
      this.failed++;
      this.failedUids.push(sopInstanceUid);
    }
  }

  pending(): { command: CommandSet } {
    return { command: this.command(Status.Pending, true) };
  }

  /**
   * The final response: Success, Cancel, B000 (some failed or warned) or A702
   * (all failed). `failure`: an Error Comment, or the fields of a failed query
   * (see `failureFields`).
   */
  final(cancelled: boolean, failure?: string | Partial<CommandSet>): { command: CommandSet; dataset?: Buffer } {
    const status = cancelled
      ? Status.Cancel
      : this.failed + this.warning === 0
        ? Status.Success
        : this.completed + this.warning === 0 && this.total > 0
          ? 0xa702
          : Status.SubOperationsWarning;
    const fields = typeof failure === 'string' ? { ErrorComment: errorComment(failure) } : (failure ?? {});
    const command = { ...this.command(status, cancelled), ...fields };
    if (this.failedUids.length === 0 && !cancelled) return { command };
    const uids = cancelled ? [...this.failedUids] : this.failedUids;
    return uids.length ? { command, dataset: encodeDataset({ FailedSOPInstanceUIDList: uids }, this.transferSyntax) } : { command };
  }

  private command(status: number, withRemaining: boolean): CommandSet {
    return {
      CommandField: this.rspField,
      MessageIDBeingRespondedTo: this.request.MessageID as number,
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
