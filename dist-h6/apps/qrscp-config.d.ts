import type { MoveDestination } from '../services/query-retrieve/c-move-scp.js';
/**
 * The qrscp configuration file (JSON; see examples/qrscp.config.json). Every
 * field is optional; command-line options override it.
 */
export interface QrscpConfig {
    aeTitle?: string;
    port?: number;
    bindAddress?: string;
    /** Folder for the stored files (one per instance). */
    storageDir?: string;
    /** SQLite index; default `<storageDir>/.netdicom-index.sqlite`. Goes with storageDir: `-od` on the command line (without `--db`) puts the index in that folder instead. */
    databasePath?: string;
    /** Move destinations: AE title → "host:port". */
    moveDestinations?: Record<string, string>;
    /** Only these calling AE titles may associate. */
    allowedCallingAETitles?: string[];
    requireCalledAETitle?: boolean;
    maxAssociations?: number;
    /** Our Maximum Length, bytes. */
    maxPduLength?: number;
    /** Timeouts in seconds. */
    timeouts?: {
        acse?: number;
        dimse?: number;
        network?: number;
        connect?: number;
    };
    /** Inspector port on 127.0.0.1. */
    inspectPort?: number;
}
/** Reads and checks a config file. Throws with the file name and the field at fault. */
export declare function loadConfig(path: string): QrscpConfig;
/** "AET=host:port" (command line) → [AET, {host, port}]. */
export declare function parseMoveDest(spec: string): [string, MoveDestination];
export declare function parseHostPort(v: string, what: string): MoveDestination;
