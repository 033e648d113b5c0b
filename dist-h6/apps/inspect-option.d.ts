import type { Logger } from 'pino';
import { Inspector } from '../visualize/inspector.js';
import { type InspectorServer } from '../visualize/server.js';
/** Starts the inspector page and stream on 127.0.0.1:port (`--inspect PORT`); `token` (--inspect-token) guards them. */
export declare function startInspector(port: number, log: Logger, host?: string, token?: string): Promise<{
    inspector: Inspector;
    server: InspectorServer;
}>;
