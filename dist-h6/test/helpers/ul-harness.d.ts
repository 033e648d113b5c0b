/**
 * Drives one Upper Layer machine with no socket: a recording UpperLayerIo,
 * xstate's SimulatedClock for ARTIM, and a list of the actions run (from
 * inspection), so tests can check what was written, closed and indicated.
 */
import { SimulatedClock } from 'xstate';
import type { Indication, UpperLayerEvent } from '../../machines/upper-layer/events.js';
import type { StateId } from '../../machines/upper-layer/state-table.js';
export interface HarnessOptions {
    /** State to start in (resolved, no timer running); default Sta1. */
    from?: StateId;
    isRequestor?: boolean;
    artimMs?: number;
}
export declare function ulHarness(opts?: HarnessOptions): {
    actor: import("xstate").Actor<import("xstate").StateMachine<import("../../machines/upper-layer/machine.js").UpperLayerContext, {
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
            act: import("../../machines/upper-layer/state-table.js").ActionId;
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
    }, string, import("../../machines/upper-layer/machine.js").UpperLayerInput, import("xstate").NonReducibleUnknown, import("xstate").EventObject, import("xstate").MetaObject, {
        id: "upper-layer";
        states: {
            [x: string]: {
                id: any;
                states: any;
            };
        };
    }, import("xstate").MetaObject>>;
    clock: SimulatedClock;
    writes: Buffer<ArrayBufferLike>[];
    indications: Indication[];
    acts: string[];
    noCell: string[];
    readonly connects: number;
    readonly closes: number;
    state: () => StateId;
    send: (e: UpperLayerEvent) => void;
};
