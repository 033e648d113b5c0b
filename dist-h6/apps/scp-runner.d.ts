import type { Logger } from 'pino';
import { type AEOptions } from '../services/application-entity.js';
import type { DimseService } from '../services/dimse/service.js';
import type { ServerTlsOptions } from '../transport/tls.js';
export interface ScpRunOptions {
    port: number;
    bindAddress: string;
    inspect?: number;
    /** The inspector's address and token (--inspect-host, --inspect-token). */
    inspectAt?: {
        host: string;
        token?: string;
    };
    /** A TLS listener beside the plain one (--tls-port). */
    tls?: {
        port: number;
        options: ServerTlsOptions;
    };
    ae: Omit<AEOptions, 'log' | 'inspector'>;
    services: DimseService[];
    log: Logger;
}
/**
 * Runs an SCP until SIGTERM/SIGINT: listens, optionally serves the inspector,
 * and on a signal stops listening, ends live associations and frees the port.
 */
export declare function runScp(o: ScpRunOptions): Promise<void>;
