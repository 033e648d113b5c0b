import type { Logger } from 'pino';
import type { Inspector } from '../visualize/inspector.js';
import type { InspectorRecord } from '../visualize/protocol.js';
import type { InspectorServer } from '../visualize/server.js';

export interface AppInspector {
  inspector?: Inspector;
  server?: InspectorServer;
}

/**
 * What an app inspects its associations with: the page and stream on
 * host:`port` (`--inspect PORT`, guarded by `token`), and with `debug` (-d)
 * every record on the log at debug level: state transitions, PDUs and DIMSE
 * messages, as dcmtk's -d shows them. Neither: nothing is loaded (ws, the
 * page), so an app started without them does not pay for it.
 */
export async function appInspector(o: { port?: number | undefined; debug?: boolean | undefined; host?: string; token?: string | undefined }, log: Logger): Promise<AppInspector> {
  if (o.port === undefined && !o.debug) return {};
  const [{ InspectorHub }, { Inspector }] = await Promise.all([import('../visualize/hub.js'), import('../visualize/inspector.js')]);
  const hub = new InspectorHub();
  if (o.debug) hub.subscribe((r) => debugLine(log, r));
  const inspector = new Inspector(hub);
  if (o.port === undefined) return { inspector };
  const { startInspectorServer } = await import('../visualize/server.js');
  const server = await startInspectorServer({ hub, host: o.host ?? '127.0.0.1', port: o.port, log, ...(o.token !== undefined ? { token: o.token } : {}) });
  // startInspectorServer logs "inspector listening" itself; this line is for the user, whatever the log level.
  process.stderr.write(`inspector: ${server.url}\n`);
  return { inspector, server };
}

/** One inspector record as a debug log line (the record's fields, and a message in the standard's words). */
function debugLine(log: Logger, r: InspectorRecord): void {
  switch (r.kind) {
    case 'transition':
      return log.debug({ assoc: r.assoc }, `${r.from} → ${r.to} ${r.evt}${r.acts.length ? ` / ${r.acts.join(', ')}` : ''}`);
    case 'pdu':
      return log.debug({ assoc: r.assoc }, `${r.dir === 'in' ? 'received' : 'sent'} ${r.pduType} (${r.len} bytes): ${r.summary}`);
    case 'dimse':
      return log.debug(
        { assoc: r.assoc, ...(r.datasetBytes ? { datasetBytes: r.datasetBytes } : {}) },
        `${r.dir === 'in' ? 'received' : 'sent'} ${r.command} #${r.messageId}${r.sopClass ? ` ${r.sopClass}` : ''}${r.status ? ` status ${r.status}` : ''}${r.summary ? ` · ${r.summary}` : ''}${r.incomplete ? ' (incomplete)' : ''}`,
      );
    case 'actor':
      if (r.status === 'done') return log.debug({ assoc: r.assoc, peer: r.peer }, `association ended: ${r.ending ?? ''}`);
      if (!r.peer) return; // a requestor before its connection: the next record names the peer
      return log.debug({ assoc: r.assoc, peer: r.peer }, `association ${r.role === 'acceptor' ? 'from' : 'to'} ${r.peer}${r.callingAE ? ` (${r.callingAE} → ${r.calledAE})` : ''}`);
    case 'error':
      return log.debug({ assoc: r.assoc }, `error: ${r.error.message}`);
    default:
      return; // stats, drops: page bookkeeping
  }
}
