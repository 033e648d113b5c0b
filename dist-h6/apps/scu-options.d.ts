import { type Command } from 'commander';
import type { Logger } from 'pino';
import { ApplicationEntity } from '../services/application-entity.js';
import type { Timeouts } from '../services/scu/client-association.js';
import type { Inspector } from '../visualize/inspector.js';
import { scuConnectionOf, type InspectCliOptions, type ScuSecurityCliOptions } from './security-options.js';
export interface ScuCliOptions extends ScuSecurityCliOptions, InspectCliOptions {
    aetitle: string;
    call: string;
    maxPdu: number;
    connectionTimeout: number;
    acseTimeout: number;
    dimseTimeout: number;
    networkTimeout: number;
    inspect?: number;
    verbose?: boolean;
    debug?: boolean;
}
/** Options every SCU app shares, in dcmtk/pynetdicom spelling; `addr port` positional. */
export declare function scuOptions(cmd: Command, defaultAet: string): Command;
export declare function timeoutsOf(o: ScuCliOptions): Timeouts;
export interface ScuSession {
    ae: ApplicationEntity;
    log: Logger;
    inspector?: Inspector;
    /** TLS and User Identity from the flags, for every associate() of the app. */
    connection: ReturnType<typeof scuConnectionOf>;
    /** Ends the app: keeps the inspector page up until Ctrl-C when --inspect was given. */
    finish(code: number): Promise<never>;
}
/** Sets up the logger, the optional inspector and an AE for an SCU app. */
export declare function scuSession(name: string, o: ScuCliOptions): Promise<ScuSession>;
/** One clear error line on stderr: "<app>: error: <what>". Never a stack trace. */
export declare function errorLine(app: string, what: string): void;
