import type { Logger } from 'pino';
import type { Inspector } from '../visualize/inspector.js';
import type { InspectorServer } from '../visualize/server.js';

/**
 * Starts the inspector page and stream on host:port (`--inspect PORT`); `token` (--inspect-token) guards them.
 * The inspector (ws, the page) is loaded only here, so an app started without --inspect does not pay for it.
 */
export async function startInspector(port: number, log: Logger, host = '127.0.0.1', token?: string): Promise<{ inspector: Inspector; server: InspectorServer }> {
  const [{ InspectorHub }, { Inspector }, { startInspectorServer }] = await Promise.all([
    import('../visualize/hub.js'),
    import('../visualize/inspector.js'),
    import('../visualize/server.js'),
  ]);
  const hub = new InspectorHub();
  const server = await startInspectorServer({ hub, host, port, log, ...(token !== undefined ? { token } : {}) });
  log.warn({ url: server.url }, 'inspector listening');
  process.stderr.write(`inspector: ${server.url}\n`);
  return { inspector: new Inspector(hub), server };
}
