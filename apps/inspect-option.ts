import type { Logger } from 'pino';
import { InspectorHub } from '../visualize/hub.js';
import { Inspector } from '../visualize/inspector.js';
import { startInspectorServer, type InspectorServer } from '../visualize/server.js';

/** Starts the inspector page and stream on 127.0.0.1:port (`--inspect PORT`); `token` (--inspect-token) guards them. */
export async function startInspector(port: number, log: Logger, host = '127.0.0.1', token?: string): Promise<{ inspector: Inspector; server: InspectorServer }> {
  const hub = new InspectorHub();
  const server = await startInspectorServer({ hub, host, port, log, ...(token !== undefined ? { token } : {}) });
  log.warn({ url: server.url }, 'inspector listening');
  process.stderr.write(`inspector: ${server.url}\n`);
  return { inspector: new Inspector(hub), server };
}
