import { InspectorHub } from '../visualize/hub.js';
import { Inspector } from '../visualize/inspector.js';
import { startInspectorServer } from '../visualize/server.js';
/** Starts the inspector page and stream on 127.0.0.1:port (`--inspect PORT`); `token` (--inspect-token) guards them. */
export async function startInspector(port, log, host = '127.0.0.1', token) {
    const hub = new InspectorHub();
    const server = await startInspectorServer({ hub, host, port, log, ...(token !== undefined ? { token } : {}) });
    log.warn({ url: server.url }, 'inspector listening');
    process.stderr.write(`inspector: ${server.url}\n`);
    return { inspector: new Inspector(hub), server };
}
//# sourceMappingURL=inspect-option.js.map