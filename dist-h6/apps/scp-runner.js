import { ApplicationEntity } from '../services/application-entity.js';
import { startInspector } from './inspect-option.js';
/**
 * Runs an SCP until SIGTERM/SIGINT: listens, optionally serves the inspector,
 * and on a signal stops listening, ends live associations and frees the port.
 */
export async function runScp(o) {
    const insp = o.inspect !== undefined ? await startInspector(o.inspect, o.log, o.inspectAt?.host, o.inspectAt?.token) : undefined;
    const ae = new ApplicationEntity({ ...o.ae, log: o.log, ...(insp ? { inspector: insp.inspector } : {}) });
    for (const s of o.services)
        ae.addService(s);
    const server = await ae.listen({ port: o.port, host: o.bindAddress });
    const tlsServer = o.tls ? await ae.listen({ port: o.tls.port, host: o.bindAddress, tls: o.tls.options }) : undefined;
    let stopping = false;
    const stop = async (signal) => {
        if (stopping)
            return;
        stopping = true;
        o.log.info({ signal }, 'stopping');
        const force = setTimeout(() => process.exit(0), 3000).unref();
        await Promise.all([server.close(), tlsServer?.close()]);
        await insp?.server.close();
        clearTimeout(force);
        process.exit(0);
    };
    process.on('SIGTERM', () => void stop('SIGTERM'));
    process.on('SIGINT', () => void stop('SIGINT'));
}
//# sourceMappingURL=scp-runner.js.map