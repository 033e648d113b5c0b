import { Command } from 'commander';
import { type ScpCliOptions } from './scp-options.js';
/** `netdicom storescp PORT -od DIR`: a Storage SCP (and Verification), like dcmtk/pynetdicom storescp. */
export declare function storescpCommand(): Command;
export declare function aeFromOptions(opts: ScpCliOptions): {
    checkUserIdentity?: import("../index.js").UserIdentityCheck;
    userIdentityOptional?: boolean;
    networkTimeoutMs?: number;
    aeTitle: string;
    maxPduLength: number;
    artimMs: number;
    requireCalledAETitle: boolean;
    allowedCallingAETitles?: string[] | undefined;
    maxAssociations: number;
};
