import { Association } from '../../machines/association.js';
import { emptyUserInformation } from '../../transport/pdu-types.js';
import { connectTransport } from '../../transport/tls.js';
import { DimseProvider } from '../dimse/provider.js';
import { statusCategory } from '../dimse/status.js';
import { DICOMApplicationContext } from '../registry/uids.js';
import { AssociationAbortedError, AssociationRejectedError, ConnectError, NoPresentationContextError, TimeoutError } from './errors.js';
export const DEFAULT_TIMEOUTS = { connectMs: 10_000, acseMs: 30_000, dimseMs: 60_000, networkMs: 60_000 };
let nextId = 0;
/**
 * The requestor side of an association (PS3.8 Sta4, Sta5, Sta7, Sta9, Sta11):
 * associate, send requests and collect their responses, release or abort.
 * Every wait is bounded by a timeout; on any timeout the association is
 * aborted and the wait rejects with TimeoutError.
 */
export class ClientAssociation {
    o;
    assoc;
    /** Accepted presentation contexts by ID. */
    contexts = new Map();
    /** The peer's Maximum Length, bytes (0 = unlimited). */
    peerMaxLength = 0;
    acceptedRoles = [];
    provider;
    timeouts;
    messageId = 0;
    waiting = new Map();
    phase = 'associating';
    failure;
    onPhase;
    constructor(o) {
        this.o = o;
        this.timeouts = { ...DEFAULT_TIMEOUTS, ...o.timeouts };
        const id = `assoc-c${++nextId}`;
        const log = o.log.child({ assoc: id, peer: `${o.host}:${o.port}` });
        const insp = o.inspector;
        this.assoc = new Association({
            id,
            role: 'requestor',
            connect: () => connectTransport({ host: o.host, port: o.port, ...(o.tls ? { tls: o.tls } : {}) }),
            maxPduLength: o.maxPduLength,
            artimMs: o.artimMs,
            log,
            onIndication: (ind) => this.indication(ind),
            ...(insp ? { inspect: insp.inspect, observer: insp.observer() } : {}),
        });
        void this.assoc.done.then(() => this.ended());
    }
    /** Opens an association. Rejects with AssociationRejectedError, AssociationAbortedError, ConnectError or TimeoutError. */
    static async open(o) {
        const c = new ClientAssociation(o);
        await c.start();
        return c;
    }
    start() {
        const o = this.o;
        const rq = {
            type: 'A-ASSOCIATE-RQ',
            protocolVersion: 1,
            calledAETitle: o.calledAETitle,
            callingAETitle: o.callingAETitle,
            applicationContext: DICOMApplicationContext,
            presentationContexts: o.contexts.map((c, i) => ({ id: 2 * i + 1, abstractSyntax: c.abstractSyntax, transferSyntaxes: c.transferSyntaxes })),
            userInformation: {
                ...emptyUserInformation(),
                maxLength: o.maxPduLength,
                implementationClassUid: o.implementationClassUid,
                implementationVersionName: o.implementationVersionName,
                roleSelections: o.roles ?? [],
                ...(o.userIdentity ? { userIdentityRq: o.userIdentity } : {}),
            },
        };
        if (rq.presentationContexts.length > 128)
            throw new NoPresentationContextError(`${rq.presentationContexts.length} presentation contexts proposed; at most 128 fit in one association`);
        return new Promise((resolve, reject) => {
            const connectTimer = this.timer(this.timeouts.connectMs, () => this.giveUp(new TimeoutError('connect', this.timeouts.connectMs)));
            let acseTimer;
            this.onPhase = (err) => {
                clearTimeout(connectTimer);
                clearTimeout(acseTimer);
                this.onPhase = undefined;
                if (err)
                    reject(err);
                else
                    resolve();
            };
            this.assoc.onConnected = () => {
                clearTimeout(connectTimer);
                acseTimer = this.timer(this.timeouts.acseMs, () => this.giveUp(new TimeoutError('acse', this.timeouts.acseMs)));
            };
            this.assoc.onTransportError = (err) => {
                if (this.phase === 'associating')
                    this.failure ??= new ConnectError(o.host, o.port, err.message);
            };
            this.o.inspector?.started(this.assoc, 'requestor');
            this.assoc.associate(rq);
        });
    }
    indication(ind) {
        switch (ind.type) {
            case 'A-ASSOCIATE.confirm-accept': {
                const rq = this.assoc.associateRq;
                for (const pc of ind.ac.presentationContexts) {
                    const proposed = rq.presentationContexts.find((p) => p.id === pc.id);
                    if (pc.result === 0 && proposed)
                        this.contexts.set(pc.id, { id: pc.id, abstractSyntax: proposed.abstractSyntax, transferSyntax: pc.transferSyntax });
                }
                this.peerMaxLength = ind.ac.userInformation.maxLength ?? 0;
                this.acceptedRoles = ind.ac.userInformation.roleSelections;
                this.provider = new DimseProvider({
                    assoc: this.assoc,
                    info: {
                        id: this.assoc.id, callingAETitle: rq.callingAETitle, calledAETitle: rq.calledAETitle, peer: `${this.o.host}:${this.o.port}`,
                        implementationClassUid: this.o.implementationClassUid, contexts: [...this.contexts.values()], roles: this.acceptedRoles,
                    },
                    contexts: this.contexts,
                    services: this.o.services ?? [],
                    peerMaxLength: this.peerMaxLength,
                    maxCommandBytes: 64 << 10,
                    maxBufferedDataset: 64 << 20,
                    log: this.assoc.log,
                    onResponse: (_pc, command, dataset) => this.response(command, dataset),
                    ...(this.o.inspector ? { inspect: this.o.inspector.inspect, observer: this.o.inspector.dimse(this.assoc) } : {}),
                });
                this.phase = 'established';
                this.assoc.log.info({ accepted: this.contexts.size, proposed: rq.presentationContexts.length }, 'association accepted');
                this.onPhase?.();
                return;
            }
            case 'A-ASSOCIATE.confirm-reject':
                this.failure = new AssociationRejectedError(ind.rj.result, ind.rj.source, ind.rj.reason);
                return;
            case 'P-DATA.indication':
                this.provider?.pData(ind.pdus);
                return;
            case 'A-RELEASE.indication':
                // Release collision as requestor (Sta9): answer, then wait for the peer's A-RELEASE-RP (Sta11).
                if (ind.collision)
                    queueMicrotask(() => this.safely(() => this.assoc.releaseResponse()));
                else {
                    // The acceptor asks to release (Sta8): no response will come for what is outstanding.
                    // Answer A-RELEASE-RP (AR-4) at once rather than leave the peer waiting until a timeout.
                    this.failure ??= new AssociationAbortedError('the peer released the association (A-RELEASE-RQ)');
                    if (this.phase === 'established')
                        this.phase = 'releasing';
                    queueMicrotask(() => this.safely(() => this.assoc.releaseResponse()));
                }
                return;
            case 'A-ABORT.indication':
                this.failure ??= new AssociationAbortedError('A-ABORT', ind.source, ind.reason);
                return;
            case 'A-P-ABORT.indication':
                this.failure ??= ind.source !== undefined ? new AssociationAbortedError(ind.reason, ind.source, ind.abortReason) : new AssociationAbortedError(ind.reason);
                return;
            default:
                return;
        }
    }
    response(command, dataset) {
        const id = Number(command.MessageIDBeingRespondedTo);
        const w = this.waiting.get(id);
        if (!w) {
            this.assoc.log.warn({ id }, 'response to no outstanding request: ignored');
            return;
        }
        w.push(dataset ? { command, dataset } : { command });
    }
    ended() {
        this.provider?.stop();
        const err = this.failure ?? new AssociationAbortedError(this.assoc.ending || 'transport closed');
        this.phase = 'ended';
        this.onPhase?.(this.failure || !this.wasReleased() ? err : undefined);
        for (const w of this.waiting.values())
            w.fail(err);
        this.waiting.clear();
    }
    released = false;
    wasReleased() {
        return this.released;
    }
    /** The accepted context for an abstract syntax (and, if given, one of these transfer syntaxes). */
    contextFor(abstractSyntax, transferSyntaxes) {
        let any;
        for (const c of this.contexts.values()) {
            if (c.abstractSyntax !== abstractSyntax)
                continue;
            if (!transferSyntaxes || transferSyntaxes.includes(c.transferSyntax))
                return c;
            any ??= c;
        }
        return transferSyntaxes ? undefined : any;
    }
    /** All accepted contexts for an abstract syntax. */
    contextsFor(abstractSyntax) {
        return [...this.contexts.values()].filter((c) => c.abstractSyntax === abstractSyntax);
    }
    nextMessageId() {
        this.messageId = (this.messageId % 0xffff) + 1;
        return this.messageId;
    }
    /**
     * Sends a request and yields every response until the final one (a status
     * that is not Pending). `dataset` is a whole buffer or pieces streamed with
     * backpressure. Each response must come within the DIMSE timeout.
     * Throws TimeoutError, AssociationAbortedError.
     */
    async *request(pcId, command, dataset) {
        if (this.phase !== 'established' || !this.provider)
            throw this.failure ?? new AssociationAbortedError('the association is not established');
        const id = command.MessageID;
        const queue = [];
        let error;
        let wake;
        this.waiting.set(id, {
            push: (r) => {
                queue.push(r);
                wake?.();
            },
            fail: (e) => {
                error = e;
                wake?.();
            },
        });
        const idle = this.timeouts.networkMs ? this.assoc.watchIdle(this.timeouts.networkMs, () => this.giveUp(new TimeoutError('network', this.timeouts.networkMs))) : undefined;
        try {
            const sent = dataset === undefined || Buffer.isBuffer(dataset)
                ? this.provider.sendMessage(pcId, command, dataset)
                : await this.provider.sendMessageStream(pcId, command, dataset.pieces, dataset.bytes);
            if (!sent)
                throw this.failure ?? new AssociationAbortedError(this.assoc.ending || 'the association ended while sending');
            while (true) {
                while (queue.length === 0 && !error) {
                    await new Promise((r) => {
                        wake = r;
                        const t = this.timer(this.timeouts.dimseMs, () => this.giveUp(new TimeoutError('dimse', this.timeouts.dimseMs)));
                        const orig = wake;
                        wake = () => {
                            clearTimeout(t);
                            orig();
                        };
                    });
                    wake = undefined;
                }
                if (queue.length === 0 && error)
                    throw error;
                const r = queue.shift();
                yield r;
                if (statusCategory(Number(r.command.Status ?? 0)) !== 'pending')
                    return;
            }
        }
        finally {
            idle?.();
            this.waiting.delete(id);
        }
    }
    /** Sends a C-CANCEL-RQ for an outstanding request (PS3.7 §9.3.2.3). */
    cancel(pcId, messageId) {
        this.provider?.sendMessage(pcId, { CommandField: 0x0fff, MessageIDBeingRespondedTo: messageId });
    }
    /** A-RELEASE: resolves once released; aborts (and still resolves) if no A-RELEASE-RP comes within the ACSE timeout. */
    async release() {
        if (this.phase !== 'established')
            return;
        this.phase = 'releasing';
        this.released = true;
        const t = this.timer(this.timeouts.acseMs, () => this.giveUp(new TimeoutError('acse', this.timeouts.acseMs)));
        this.safely(() => this.assoc.release());
        await this.assoc.done;
        clearTimeout(t);
    }
    /** A-ABORT (service-user); resolves once the transport is closed. */
    async abort() {
        this.safely(() => this.assoc.abort());
        this.assoc.closeTransport();
        await this.assoc.done;
    }
    /** Gives up on the association: abort if one exists, close the transport, and fail with `err`. */
    giveUp(err) {
        this.failure ??= err;
        this.assoc.log.warn({ err: err.message }, 'aborting the association');
        this.safely(() => this.assoc.abort());
        this.assoc.closeTransport();
    }
    safely(fn) {
        try {
            fn();
        }
        catch {
            // InvalidPrimitiveError: the association already moved on; it is logged there.
        }
    }
    timer(ms, fn) {
        return ms > 0 ? setTimeout(fn, ms) : undefined;
    }
}
//# sourceMappingURL=client-association.js.map