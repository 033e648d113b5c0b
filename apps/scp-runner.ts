import type { Logger } from 'pino';
import { ApplicationEntity, type AEOptions } from '../services/application-entity.js';
import type { DimseService } from '../services/dimse/service.js';
import type { ServerTlsOptions } from '../transport/tls.js';
import { appInspector } from './inspect-option.js';

export interface ScpRunOptions {
  port: number;
  bindAddress: string;
  inspect?: number;
  /** -d: every transition, PDU and DIMSE message on the log at debug level. */
  debug?: boolean;
  /** The inspector's address and token (--inspect-host, --inspect-token). */
  inspectAt?: { host: string; token?: string };
  /** A TLS listener beside the plain one (--tls-port). */
  tls?: { port: number; options: ServerTlsOptions };
  ae: Omit<AEOptions, 'log' | 'inspector'>;
  services: DimseService[];
  log: Logger;
}

/**
 * Runs an SCP until SIGTERM/SIGINT: listens, optionally serves the inspector,
 * and on a signal stops listening, ends live associations and frees the port.
 */
export async function runScp(o: ScpRunOptions): Promise<void> {
  const insp = await appInspector({ port: o.inspect, debug: o.debug, host: o.inspectAt?.host ?? '127.0.0.1', token: o.inspectAt?.token }, o.log);
  const ae = new ApplicationEntity({ ...o.ae, log: o.log, ...(insp.inspector ? { inspector: insp.inspector } : {}) });
  for (const s of o.services) ae.addService(s);
  const server = await ae.listen({ port: o.port, host: o.bindAddress });
  const tlsServer = o.tls ? await ae.listen({ port: o.tls.port, host: o.bindAddress, tls: o.tls.options }) : undefined;
  exitOnSignal(o.log, async () => {
    await Promise.all([server.close(), tlsServer?.close()]);
    await insp.server?.close();
  });
}

/**
 * On SIGTERM or SIGINT: logs "stopping", runs `close` (stop listening, end
 * live associations, free the port), exits 0; forced after 3 s (a peer that
 * never lets go must not keep the process).
 */
export function exitOnSignal(log: Logger, close: () => Promise<void>): void {
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping');
    const force = setTimeout(() => process.exit(0), 3000).unref();
    await close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
