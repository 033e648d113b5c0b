import { type Command } from 'commander';
import { type InspectCliOptions, type ScpSecurityCliOptions } from './security-options.js';
export interface ScpCliOptions extends ScpSecurityCliOptions, InspectCliOptions {
    aetitle: string;
    bindAddress: string;
    maxPdu: number;
    acseTimeout: number;
    requireCalledAet?: boolean;
    allowCallingAet?: string[];
    maxAssociations: number;
    inspect?: number;
    verbose?: boolean;
    debug?: boolean;
}
/** Options every SCP app shares, in dcmtk/pynetdicom spelling. */
export declare function scpOptions(cmd: Command, defaultAet: string): Command;
