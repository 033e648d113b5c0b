import type { Logger } from 'pino';
import type { InspectorHub } from './hub.js';
export interface InspectorServerOptions {
    hub: InspectorHub;
    /** Default 127.0.0.1. */
    host?: string;
    /** 0 picks a free port. */
    port: number;
    log?: Logger;
    /** Per-client send buffer above which records are dropped. Default 1 MiB. */
    highWaterMark?: number;
    /**
     * When set, every request (page, files, /inspect) needs `?token=TOKEN`, or
     * the cookie the page gets with it (so its own requests need no token).
     * Required by the CLI when `host` is not a loopback address.
     */
    token?: string;
}
export interface InspectorServer {
    port: number;
    /** http://host:port/ */
    url: string;
    /** Terminates every client, stops listening and frees the port. */
    close(): Promise<void>;
}
/** Starts the inspector server; resolves once it listens. */
export declare function startInspectorServer(opts: InspectorServerOptions): Promise<InspectorServer>;
