import { fromCallback } from 'xstate';
import { ApplicationEntity } from '../../services/application-entity.js';
import { cEchoScp } from '../../services/verification/c-echo-scp.js';
import { InspectorHub } from '../../visualize/hub.js';
import { Inspector } from '../../visualize/inspector.js';
import { eventually } from '../helpers/dcmtk.js';
import { UID } from '../helpers/scripted-peer.js';
/** A private SOP class (2.25 UUID form) served only by the held service. */
export const HELD_SOP_CLASS = '2.25.221463095914062297313580498218338450107';
/** A promise that resolves once `open()` is called. */
export class Gate {
    opened;
    open;
    constructor() {
        this.opened = new Promise((r) => (this.open = r));
    }
}
/** Answers C-ECHO-RQs on HELD_SOP_CLASS with Success, once `gate` opens. */
export function heldService(gate) {
    return {
        name: 'held-echo',
        commands: [0x0030],
        serves: (uid) => uid === HELD_SOP_CLASS,
        acceptsTransferSyntax: (ts) => ts === UID.ImplicitVRLittleEndian || ts === UID.ExplicitVRLittleEndian,
        dataset: 'none',
        logic: fromCallback(({ input, sendBack }) => {
            let live = true;
            void gate.opened.then(() => {
                if (!live)
                    return;
                const out = {
                    type: 'RESPONSE', id: input.opId, final: true,
                    command: { CommandField: 0x8030, MessageIDBeingRespondedTo: input.command.MessageID, AffectedSOPClassUID: HELD_SOP_CLASS, Status: 0 },
                };
                sendBack(out);
            });
            return () => void (live = false);
        }),
    };
}
/** The records of one InspectorHub, with bounded waits on them. */
export class Recorder {
    records = [];
    hub = new InspectorHub({ backlog: 0 });
    inspector = new Inspector(this.hub);
    constructor() {
        this.hub.subscribe((r) => this.records.push(r));
    }
    transitions(assoc) {
        return this.records.filter((r) => r.kind === 'transition' && r.assoc === assoc);
    }
    /** Waits for a record matching `pred`. */
    waitFor(pred, what, timeoutMs = 5_000) {
        return eventually(() => this.records.find(pred), what, timeoutMs);
    }
    /** The id of the n-th association (0-based) that started with this role. */
    association(role, n = 0) {
        return eventually(() => {
            const ids = [...new Set(this.records.filter((r) => r.kind === 'actor' && r.role === role).map((r) => r.assoc))];
            return ids[n];
        }, `a ${role} association #${n}`);
    }
    /** The transition `assoc` took from `from` on `evt`. */
    cell(assoc, from, evt, timeoutMs = 5_000) {
        return eventually(() => this.transitions(assoc).find((r) => r.from === from && r.evt === evt), `${assoc}: a transition ${from} + ${evt}\n  seen: ${this.path(assoc)}`, timeoutMs);
    }
    /** Waits until the last transition of `assoc` went to `state`. */
    async reached(assoc, state, timeoutMs = 5_000) {
        await eventually(() => this.transitions(assoc).at(-1)?.to === state, `${assoc} to reach ${state}\n  seen: ${this.path(assoc)}`, timeoutMs);
    }
    /** Waits for the association's actor to be done (back in Sta1, socket let go). */
    async ended(assoc, timeoutMs = 5_000) {
        await eventually(() => this.records.some((r) => r.kind === 'actor' && r.assoc === assoc && r.status === 'done'), `${assoc} to end\n  seen: ${this.path(assoc)}`, timeoutMs);
    }
    /** "Sta1-Evt5/AE-5->Sta2 …", for failure messages and the hostile-input table. */
    path(assoc) {
        return this.transitions(assoc).map((r) => `${r.from}-${r.evt}/${r.acts.join('+')}->${r.to}`).join(' ');
    }
}
/** An SCP on 127.0.0.1:0 (AE title NETDICOM) with an inspector; closed after the test, gates opened first. */
export async function startScp(t, o = {}) {
    const rec = new Recorder();
    const gates = { identity: new Gate(), service: new Gate() };
    const ae = new ApplicationEntity({
        aeTitle: 'NETDICOM',
        inspector: rec.inspector,
        ...(o.artimMs ? { artimMs: o.artimMs } : {}),
        ...(o.maxAssociations ? { maxAssociations: o.maxAssociations } : {}),
        ...(o.maxPduLength ? { maxPduLength: o.maxPduLength } : {}),
        ...(o.requireCalledAETitle ? { requireCalledAETitle: true } : {}),
        checkUserIdentity: async () => {
            await gates.identity.opened;
            return true;
        },
        userIdentityOptional: true,
    })
        .addService(cEchoScp())
        .addService(heldService(gates.service));
    const server = await ae.listen({ port: 0, host: '127.0.0.1' });
    t.after(async () => {
        gates.identity.open();
        gates.service.open();
        await server.close();
    });
    return Object.assign(rec, { server, port: server.port, gates });
}
/** Presentation contexts a scripted requestor proposes: 1 Verification, 3 the held SOP class. */
export const RQ_CONTEXTS = [
    { id: 1, abstractSyntax: UID.Verification, transferSyntaxes: [UID.ImplicitVRLittleEndian] },
    { id: 3, abstractSyntax: HELD_SOP_CLASS, transferSyntaxes: [UID.ImplicitVRLittleEndian] },
];
/** An ApplicationEntity to act as SCU (AE title SCU) with an inspector. */
export function scuEntity(artimMs) {
    const rec = new Recorder();
    return { ae: new ApplicationEntity({ aeTitle: 'SCU', inspector: rec.inspector, ...(artimMs ? { artimMs } : {}) }), rec };
}
//# sourceMappingURL=harness.js.map