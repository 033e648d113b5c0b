import { cancel, raise, setup } from 'xstate';
import { ACTION_IMPL } from './actions.js';
import { ACTIONS, EVENT_IDS, LOCAL_EVENTS, STATE_IDS, TABLE } from './state-table.js';
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
export function createUpperLayerMachine(io, onNoCell) {
    const bound = { io, onNoCell };
    return buildMachine(() => bound);
}
const BOUND = new WeakMap();
let shared;
/**
 * The machine every association shares. Building one costs milliseconds
 * (the table's 123 cells become a state node tree), far more than starting
 * an actor, so it is built once; each actor finds its `io` through
 * `bindUpperLayer`, which must be called before the actor starts.
 */
export function sharedUpperLayerMachine() {
    return (shared ??= buildMachine((self) => BOUND.get(self)));
}
/** Binds an actor of the shared machine to its socket and local user. */
export function bindUpperLayer(actor, io, onNoCell) {
    BOUND.set(actor, { io, onNoCell });
}
function buildMachine(boundTo) {
    return setup({
        types: {
            context: {},
            events: {},
            input: {},
        },
        actions: {
            ul: ({ event, self }, p) => ACTION_IMPL[p.act](boundTo(self).io, event),
            startArtim: raise({ type: 'Evt18' }, { id: 'artim', delay: 'ARTIM' }),
            stopArtim: cancel('artim'),
            noCell: ({ event, self }, p) => boundTo(self).onNoCell(p.state, event.type),
        },
        guards: {
            assocAcceptable: ({ event }) => event.type === 'Evt6' && (event.pdu.protocolVersion & 1) === 1,
            isRequestor: ({ context }) => context.isRequestor,
        },
        delays: { ARTIM: ({ context }) => context.artimMs },
    }).createMachine({
        id: 'upper-layer',
        initial: 'Sta1',
        context: ({ input }) => ({ ...input }),
        // The generated config is checked by tests, not by tsc.
        states: statesFromTable(),
    });
}
/** The actions of one transition: ARTIM handling around the action of the cell. */
function transitionActions(act, rejectBranch) {
    const ul = { type: 'ul', params: { act } };
    const artim = ACTIONS[act].artim;
    const restart = [{ type: 'stopArtim' }, { type: 'startArtim' }];
    if (act === 'AE-6')
        return rejectBranch ? [{ type: 'stopArtim' }, ul, ...restart] : [{ type: 'stopArtim' }, ul];
    if (artim === 'stop')
        return [{ type: 'stopArtim' }, ul];
    // XState does not clear a pending delayed event scheduled under the same id: cancel first.
    if (artim === 'start' || artim === 'restart')
        return [ul, ...restart];
    return [ul];
}
function statesFromTable() {
    const states = Object.fromEntries(STATE_IDS.map((s) => [s, { on: {} }]));
    for (const evt of EVENT_IDS) {
        for (const sta of STATE_IDS) {
            const act = TABLE[evt][sta];
            if (!act)
                continue;
            const next = ACTIONS[act].next;
            states[sta].on[evt] =
                typeof next === 'string'
                    ? next === sta
                        ? { actions: transitionActions(act, false) } // DT-2, AR-6, AA-6, AA-7…: targetless, no re-entry
                        : { target: next, actions: transitionActions(act, false) }
                    : next.map(([guard, target]) => ({
                        ...(guard ? { guard } : {}),
                        target,
                        actions: transitionActions(act, target === 'Sta13'),
                    }));
        }
    }
    // Every blank cell: no transition, but never silent.
    for (const sta of STATE_IDS)
        states[sta].on['*'] = { actions: { type: 'noCell', params: { state: sta } } };
    return states;
}
/** True when Table 9-10 defines a cell for this local primitive in this state. */
export function primitiveAllowed(state, evt) {
    return LOCAL_EVENTS.has(evt) && TABLE[evt][state] !== undefined;
}
//# sourceMappingURL=machine.js.map