import pino from 'pino';
import { Association } from '../machines/association.js';
import { startListener } from '../machines/listener.js';
import { acceptorUser } from './acse/acceptor.js';
import { Reject } from './acse/negotiate.js';
import { ClientAssociation } from './scu/client-association.js';
import { ScuAssociation } from './scu/scu-association.js';
import { toUserIdentityRq } from './acse/user-identity.js';
/** Our Implementation Class UID (a UUID-derived UID, PS3.5 §B.2) and version name (≤ 16 chars). */
export const IMPLEMENTATION_CLASS_UID = '2.25.100816163100680996855404422894239612974';
export const IMPLEMENTATION_VERSION_NAME = 'NETDICOM_010';
let nextAssocId = 0;
/**
 * A DICOM Application Entity: as SCP it listens and answers requests through
 * its registered services (DIMSE service actors).
 */
export class ApplicationEntity {
    opts;
    aeTitle;
    log;
    maxPduLength;
    artimMs;
    services = [];
    /** Live acceptor associations over all listeners (plain and TLS share maxAssociations). */
    acceptorCount = 0;
    constructor(opts) {
        this.opts = opts;
        this.aeTitle = opts.aeTitle;
        this.log = opts.log ?? pino({ level: 'silent' });
        this.maxPduLength = opts.maxPduLength ?? 1 << 20;
        this.artimMs = opts.artimMs ?? 30_000;
    }
    /** Registers a service; its SOP classes become acceptable abstract syntaxes. */
    addService(service) {
        this.services.push(service);
        return this;
    }
    /** What we support for an abstract syntax, from the registered services. */
    support(abstractSyntax) {
        const matching = this.services.filter((s) => s.serves(abstractSyntax));
        if (matching.length === 0)
            return undefined;
        return {
            acceptsTransferSyntax: (ts) => matching.some((s) => s.acceptsTransferSyntax(ts)),
            scuRole: this.services.some((s) => s.actsAsScuFor?.(abstractSyntax) === true),
        };
    }
    /**
     * Requests an association (PS3.8 §7.1) and resolves once it is accepted.
     * The AE's services answer requests the peer makes on it (C-GET's C-STORE
     * sub-operations). Rejects with AssociationRejectedError (result/source/
     * reason), AssociationAbortedError, ConnectError or TimeoutError.
     */
    async associate(o) {
        const client = await ClientAssociation.open({
            host: o.host,
            port: o.port,
            callingAETitle: this.aeTitle,
            calledAETitle: o.calledAETitle ?? 'ANY-SCP',
            contexts: o.contexts,
            ...(o.roles ? { roles: o.roles } : {}),
            ...(o.userIdentity ? { userIdentity: toUserIdentityRq(o.userIdentity) } : {}),
            ...(o.tls ? { tls: o.tls } : {}),
            ...(o.timeouts ? { timeouts: o.timeouts } : {}),
            maxPduLength: this.maxPduLength,
            artimMs: this.artimMs,
            implementationClassUid: IMPLEMENTATION_CLASS_UID,
            implementationVersionName: IMPLEMENTATION_VERSION_NAME,
            services: this.services,
            log: this.log,
            ...(this.opts.inspector ? { inspector: this.opts.inspector } : {}),
        });
        return new ScuAssociation(client);
    }
    /**
     * Starts listening; with `tls`, a TLS listener (PS3.15 Annex B) whose
     * connections start an association only after the handshake (and the
     * client certificate check). Call it twice for plain and TLS side by side.
     * Rejects with the listen error (e.g. EADDRINUSE).
     */
    async listen(o) {
        const live = new Map();
        const max = this.opts.maxAssociations ?? 64;
        const inspector = this.opts.inspector;
        const check = this.opts.checkUserIdentity;
        const onConnection = (socket) => {
            const id = `assoc-${++nextAssocId}`;
            const log = this.log.child({ assoc: id, peer: `${socket.remoteAddress}:${socket.remotePort}` });
            let assoc;
            const onIndication = acceptorUser(() => assoc, {
                policy: {
                    aeTitle: this.aeTitle,
                    requireCalledAETitle: this.opts.requireCalledAETitle ?? false,
                    ...(this.opts.allowedCallingAETitles ? { allowedCallingAETitles: this.opts.allowedCallingAETitles } : {}),
                    support: (uid) => this.support(uid),
                    maxPduLength: this.maxPduLength,
                    implementationClassUid: IMPLEMENTATION_CLASS_UID,
                    implementationVersionName: IMPLEMENTATION_VERSION_NAME,
                },
                services: this.services,
                maxCommandBytes: this.opts.maxCommandBytes ?? 64 << 10,
                maxBufferedDataset: this.opts.maxBufferedDataset ?? 16 << 20,
                log,
                admit: () => (this.acceptorCount > max ? { ...Reject.localLimitExceeded, why: `more than ${max} concurrent associations` } : null),
                ...(check ? { userIdentity: { check, required: this.opts.userIdentityOptional !== true, timeoutMs: this.artimMs } } : {}),
                ...(this.opts.networkTimeoutMs ? { networkTimeoutMs: this.opts.networkTimeoutMs } : {}),
                ...(inspector ? { inspect: inspector.inspect, dimseObserver: (a) => inspector.dimse(a) } : {}),
            });
            assoc = new Association({
                id,
                role: 'acceptor',
                socket,
                maxPduLength: this.maxPduLength,
                artimMs: this.artimMs,
                log,
                onIndication,
                ...(inspector ? { inspect: inspector.inspect, observer: inspector.observer() } : {}),
            });
            live.set(id, assoc);
            this.acceptorCount++;
            inspector?.started(assoc, 'acceptor');
            log.debug('connection accepted');
            void assoc.done.then(() => {
                live.delete(id);
                this.acceptorCount--;
                log.debug({ ending: assoc.ending }, 'association ended');
            });
            assoc.transportConnected();
        };
        const tls = o.tls ? { handshakeTimeoutMs: this.artimMs, ...o.tls } : undefined;
        const onTlsRefused = (r) => this.log.warn({ peer: r.peer, code: r.code }, `TLS connection refused: ${r.reason}`);
        const listener = await startListener({ host: o.host ?? '0.0.0.0', port: o.port, onConnection, ...(tls ? { tls, onTlsRefused } : {}) });
        this.log.info({ port: listener.port, aeTitle: this.aeTitle, tls: tls !== undefined }, 'listening');
        return {
            port: listener.port,
            associations: live,
            close: async () => {
                const closing = listener.close();
                for (const a of live.values()) {
                    try {
                        a.abort();
                    }
                    catch {
                        // not established yet or already ending
                    }
                }
                // Peers that never close after our A-ABORT are cut after a moment.
                const cut = setTimeout(() => live.forEach((a) => a.closeTransport()), 500);
                await Promise.all([...live.values()].map((a) => a.done));
                clearTimeout(cut);
                await closing;
            },
        };
    }
}
//# sourceMappingURL=application-entity.js.map