/**
 * Drives one Upper Layer machine with no socket: a recording UpperLayerIo,
 * xstate's SimulatedClock for ARTIM, and a list of the actions run (from
 * inspection), so tests can check what was written, closed and indicated.
 */
import { createActor, SimulatedClock } from 'xstate';
import { createUpperLayerMachine } from '../../machines/upper-layer/machine.js';
import { sampleRq } from './ul-events.js';
export function ulHarness(opts = {}) {
    const writes = [];
    const indications = [];
    const acts = [];
    const noCell = [];
    let connects = 0;
    let closes = 0;
    const isRequestor = opts.isRequestor ?? false;
    const io = {
        isRequestor,
        associateRq: sampleRq(),
        connect: () => void connects++,
        write: (b) => void writes.push(Buffer.from(b)),
        closeTransport: () => void closes++,
        indicate: (ind) => void indications.push(ind),
    };
    const machine = createUpperLayerMachine(io, (s, e) => noCell.push(`${s}+${e}`));
    const input = { isRequestor, artimMs: opts.artimMs ?? 30_000 };
    const clock = new SimulatedClock();
    const inspect = (ev) => {
        if (ev.type === '@xstate.action' && ev.action?.type === 'ul')
            acts.push(ev.action.params.act);
    };
    const actor = opts.from
        ? createActor(machine, { snapshot: machine.resolveState({ value: opts.from, context: input }), input, clock, inspect })
        : createActor(machine, { input, clock, inspect });
    actor.start();
    return {
        actor,
        clock,
        writes,
        indications,
        acts,
        noCell,
        get connects() {
            return connects;
        },
        get closes() {
            return closes;
        },
        state: () => actor.getSnapshot().value,
        send: (e) => actor.send(e),
    };
}
//# sourceMappingURL=ul-harness.js.map