import { type UpperLayerIo } from './actions.js';
import { type ActionId, type EventId, type StateId } from './state-table.js';
export interface UpperLayerInput {
    isRequestor: boolean;
    /** ARTIM timeout in ms (PS3.8 §9.1.5). */
    artimMs: number;
}
export interface UpperLayerContext extends UpperLayerInput {
}
/** Called when an event arrives in a state where Table 9-10 has no cell. */
export type NoCellHandler = (state: StateId, evt: EventId) => void;
/**
 * Builds the Upper Layer machine of one association from the PS3.8 Table 9-10
 * data in state-table.ts: one XState transition per defined cell, running the
 * action's function from actions.ts, with ARTIM as a delayed Evt18 raised and
 * cancelled by id. The machine equals the table by construction; the
 * conformance tests check it against an independent transcription.
 *
 * `io` carries the socket and the local user; `onNoCell` is told of events
 * with no cell (they change nothing).
 */
export declare function createUpperLayerMachine(io: UpperLayerIo, onNoCell: NoCellHandler): import("xstate").StateMachine<UpperLayerContext, {
    type: 'xstate.route';
    to: unknown;
} | {
    type: 'Evt1';
    rq: import("../../transport/pdu-types.js").AssociateRqPdu;
} | {
    type: 'Evt2';
} | {
    type: 'Evt3';
    pdu: import("../../transport/pdu-types.js").AssociateAcPdu;
} | {
    type: 'Evt4';
    pdu: import("../../transport/pdu-types.js").AssociateRjPdu;
} | {
    type: 'Evt5';
} | {
    type: 'Evt6';
    pdu: import("../../transport/pdu-types.js").AssociateRqPdu;
} | {
    type: 'Evt7';
    pdu: import("../../transport/pdu-types.js").AssociateAcPdu;
} | {
    type: 'Evt8';
    pdu: import("../../transport/pdu-types.js").AssociateRjPdu;
} | {
    type: 'Evt9';
    pdus: Buffer[];
} | {
    type: 'Evt10';
    pdus: import("../../transport/pdu-types.js").PDataTfPdu[];
    bytes: number;
} | {
    type: 'Evt11';
} | {
    type: 'Evt12';
} | {
    type: 'Evt13';
} | {
    type: 'Evt14';
} | {
    type: 'Evt15';
    abort?: import("../../transport/errors.js").AbortSpec;
} | {
    type: 'Evt16';
    pdu: import("../../transport/pdu-types.js").AbortPdu;
} | {
    type: 'Evt17';
} | {
    type: 'Evt18';
} | {
    type: 'Evt19';
    error: import("../../index.js").PduDecodeError;
}, {}, never, {
    type: "noCell";
    params: {
        state: StateId;
    };
} | {
    type: "startArtim";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "stopArtim";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "ul";
    params: {
        act: ActionId;
    };
}, {
    type: "assocAcceptable";
    params: unknown;
} | {
    type: "isRequestor";
    params: unknown;
}, "ARTIM", {
    [x: string]: {
        [x: string]: /*elided*/ any | {
            [x: string]: /*elided*/ any | /*elided*/ any | {};
        } | {};
    } | {
        [x: string]: any | any | {};
    } | {};
}, string, UpperLayerInput, import("xstate").NonReducibleUnknown, import("xstate").EventObject, import("xstate").MetaObject, {
    id: "upper-layer";
    states: {
        [x: string]: {
            id: any;
            states: any;
        };
    };
}, import("xstate").MetaObject>;
/** What an actor's actions act on. */
interface Bound {
    io: UpperLayerIo;
    onNoCell: NoCellHandler;
}
/**
 * The machine every association shares. Building one costs milliseconds
 * (the table's 123 cells become a state node tree), far more than starting
 * an actor, so it is built once; each actor finds its `io` through
 * `bindUpperLayer`, which must be called before the actor starts.
 */
export declare function sharedUpperLayerMachine(): UpperLayerMachine;
/** Binds an actor of the shared machine to its socket and local user. */
export declare function bindUpperLayer(actor: object, io: UpperLayerIo, onNoCell: NoCellHandler): void;
declare function buildMachine(boundTo: (self: object) => Bound): import("xstate").StateMachine<UpperLayerContext, {
    type: 'xstate.route';
    to: unknown;
} | {
    type: 'Evt1';
    rq: import("../../transport/pdu-types.js").AssociateRqPdu;
} | {
    type: 'Evt2';
} | {
    type: 'Evt3';
    pdu: import("../../transport/pdu-types.js").AssociateAcPdu;
} | {
    type: 'Evt4';
    pdu: import("../../transport/pdu-types.js").AssociateRjPdu;
} | {
    type: 'Evt5';
} | {
    type: 'Evt6';
    pdu: import("../../transport/pdu-types.js").AssociateRqPdu;
} | {
    type: 'Evt7';
    pdu: import("../../transport/pdu-types.js").AssociateAcPdu;
} | {
    type: 'Evt8';
    pdu: import("../../transport/pdu-types.js").AssociateRjPdu;
} | {
    type: 'Evt9';
    pdus: Buffer[];
} | {
    type: 'Evt10';
    pdus: import("../../transport/pdu-types.js").PDataTfPdu[];
    bytes: number;
} | {
    type: 'Evt11';
} | {
    type: 'Evt12';
} | {
    type: 'Evt13';
} | {
    type: 'Evt14';
} | {
    type: 'Evt15';
    abort?: import("../../transport/errors.js").AbortSpec;
} | {
    type: 'Evt16';
    pdu: import("../../transport/pdu-types.js").AbortPdu;
} | {
    type: 'Evt17';
} | {
    type: 'Evt18';
} | {
    type: 'Evt19';
    error: import("../../index.js").PduDecodeError;
}, {}, never, {
    type: "noCell";
    params: {
        state: StateId;
    };
} | {
    type: "startArtim";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "stopArtim";
    params: import("xstate").NonReducibleUnknown;
} | {
    type: "ul";
    params: {
        act: ActionId;
    };
}, {
    type: "assocAcceptable";
    params: unknown;
} | {
    type: "isRequestor";
    params: unknown;
}, "ARTIM", {
    [x: string]: {
        [x: string]: /*elided*/ any | {
            [x: string]: /*elided*/ any | /*elided*/ any | {};
        } | {};
    } | {
        [x: string]: any | any | {};
    } | {};
}, string, UpperLayerInput, import("xstate").NonReducibleUnknown, import("xstate").EventObject, import("xstate").MetaObject, {
    id: "upper-layer";
    states: {
        [x: string]: {
            id: any;
            states: any;
        };
    };
}, import("xstate").MetaObject>;
export type UpperLayerMachine = ReturnType<typeof buildMachine>;
/** True when Table 9-10 defines a cell for this local primitive in this state. */
export declare function primitiveAllowed(state: StateId, evt: EventId): boolean;
export {};
