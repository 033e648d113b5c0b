/**
 * What the socket-level conformance tests share: an SCP (ApplicationEntity
 * with cEchoScp and a "held" service) and an SCU, each with an Inspector on
 * its own InspectorHub whose records the test reads, and the two real hooks
 * that hold an association in a state:
 *
 * - Sta3: the SCP's asynchronous User Identity check (AEOptions
 *   .checkUserIdentity) does not answer until `gates.identity` opens; only
 *   A-ASSOCIATE-RQs that carry a User Identity sub-item wait (echoscu's do not).
 * - Sta8: a request to HELD_SOP_CLASS is answered only when `gates.service`
 *   opens, and the acceptor answers an A-RELEASE-RQ only after every request
 *   has its response (services/acse/acceptor.ts).
 */
import type { TestContext } from 'node:test';
import { ApplicationEntity, type ScpServer } from '../../services/application-entity.js';
import type { DimseService } from '../../services/dimse/service.js';
import { InspectorHub } from '../../visualize/hub.js';
import { Inspector } from '../../visualize/inspector.js';
import type { InspectorRecord, TransitionRecord } from '../../visualize/protocol.js';
/** A private SOP class (2.25 UUID form) served only by the held service. */
export declare const HELD_SOP_CLASS = "2.25.221463095914062297313580498218338450107";
/** A promise that resolves once `open()` is called. */
export declare class Gate {
    readonly opened: Promise<void>;
    open: () => void;
    constructor();
}
/** Answers C-ECHO-RQs on HELD_SOP_CLASS with Success, once `gate` opens. */
export declare function heldService(gate: Gate): DimseService;
/** The records of one InspectorHub, with bounded waits on them. */
export declare class Recorder {
    readonly records: InspectorRecord[];
    readonly hub: InspectorHub;
    readonly inspector: Inspector;
    constructor();
    transitions(assoc: string): TransitionRecord[];
    /** Waits for a record matching `pred`. */
    waitFor<R extends InspectorRecord>(pred: (r: InspectorRecord) => r is R, what: string, timeoutMs?: number): Promise<R>;
    /** The id of the n-th association (0-based) that started with this role. */
    association(role: 'acceptor' | 'requestor', n?: number): Promise<string>;
    /** The transition `assoc` took from `from` on `evt`. */
    cell(assoc: string, from: string, evt: string, timeoutMs?: number): Promise<TransitionRecord>;
    /** Waits until the last transition of `assoc` went to `state`. */
    reached(assoc: string, state: string, timeoutMs?: number): Promise<void>;
    /** Waits for the association's actor to be done (back in Sta1, socket let go). */
    ended(assoc: string, timeoutMs?: number): Promise<void>;
    /** "Sta1-Evt5/AE-5->Sta2 …", for failure messages and the hostile-input table. */
    path(assoc: string): string;
}
export interface Scp extends Recorder {
    server: ScpServer;
    port: number;
    gates: {
        identity: Gate;
        service: Gate;
    };
}
export interface ScpOptions {
    artimMs?: number;
    maxAssociations?: number;
    maxPduLength?: number;
    requireCalledAETitle?: boolean;
}
/** An SCP on 127.0.0.1:0 (AE title NETDICOM) with an inspector; closed after the test, gates opened first. */
export declare function startScp(t: TestContext, o?: ScpOptions): Promise<Scp>;
/** Presentation contexts a scripted requestor proposes: 1 Verification, 3 the held SOP class. */
export declare const RQ_CONTEXTS: {
    id: number;
    abstractSyntax: string;
    transferSyntaxes: "1.2.840.10008.1.2"[];
}[];
/** An ApplicationEntity to act as SCU (AE title SCU) with an inspector. */
export declare function scuEntity(artimMs?: number): {
    ae: ApplicationEntity;
    rec: Recorder;
};
