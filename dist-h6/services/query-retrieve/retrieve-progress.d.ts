import type { CommandSet } from '../dimse/command-set.js';
/**
 * Sub-operation bookkeeping of a C-GET or C-MOVE SCP and the responses it
 * sends: Pending with remaining/completed/failed/warning counts after each
 * sub-operation, then the final status (PS3.4 C.4.2.1.5, C.4.3.1.5), with the
 * Failed SOP Instance UID List when any failed.
 */
export declare class RetrieveProgress {
    readonly total: number;
    private readonly rspField;
    private readonly request;
    private readonly abstractSyntax;
    private readonly transferSyntax;
    completed: number;
    failed: number;
    warning: number;
    readonly failedUids: string[];
    constructor(total: number, rspField: number, request: CommandSet, abstractSyntax: string, transferSyntax: string);
    get remaining(): number;
    /** Counts one sub-operation by its C-STORE response status (-1: not sent). */
    count(status: number, sopInstanceUid: string): void;
    pending(): {
        command: CommandSet;
    };
    /** The final response: Success, Cancel, B000 (some failed or warned) or A702 (all failed). */
    final(cancelled: boolean, errorComment?: string): {
        command: CommandSet;
        dataset?: Buffer;
    };
    private command;
}
export declare const RSP: {
    get: 32784;
    move: 32801;
};
