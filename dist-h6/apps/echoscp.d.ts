import { Command } from 'commander';
/** `netdicom echoscp PORT`: a Verification SCP. */
export declare function echoscpCommand(): Command;
