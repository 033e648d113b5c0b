/**
 * Drives one Upper Layer machine with no socket: a recording UpperLayerIo,
 * xstate's SimulatedClock for ARTIM, and a list of the actions run (from
 * inspection), so tests can check what was written, closed and indicated.
 */
import { pduBytes } from '../../transport/pdu-codec.js';
import { createActor, SimulatedClock } from 'xstate';
import type { UpperLayerIo } from '../../machines/upper-layer/actions.js';
import type { Indication, UpperLayerEvent } from '../../machines/upper-layer/events.js';
import { createUpperLayerMachine } from '../../machines/upper-layer/machine.js';
import type { StateId } from '../../machines/upper-layer/state-table.js';
import { sampleRq } from './ul-events.js';

export interface HarnessOptions {
  /** State to start in (resolved, no timer running); default Sta1. */
  from?: StateId;
  isRequestor?: boolean;
  artimMs?: number;
}

export function ulHarness(opts: HarnessOptions = {}) {
  const writes: Buffer[] = [];
  const indications: Indication[] = [];
  const acts: string[] = [];
  const noCell: string[] = [];
  let connects = 0;
  let closes = 0;
  const isRequestor = opts.isRequestor ?? false;
  const io: UpperLayerIo = {
    isRequestor,
    associateRq: sampleRq(),
    connect: () => void connects++,
    write: (b) => void writes.push(Buffer.from(pduBytes(b))),
    writeAll: (ps) => ps.forEach((b) => writes.push(Buffer.from(pduBytes(b)))),
    closeTransport: () => void closes++,
    indicate: (ind) => void indications.push(ind),
  };
  const machine = createUpperLayerMachine(io, (s, e) => noCell.push(`${s}+${e}`));
  const input = { isRequestor, artimMs: opts.artimMs ?? 30_000 };
  const clock = new SimulatedClock();
  const inspect = (ev: { type: string; action?: { type: string; params?: unknown } }) => {
    if (ev.type === '@xstate.action' && ev.action?.type === 'ul') acts.push((ev.action.params as { act: string }).act);
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
    state: () => actor.getSnapshot().value as unknown as StateId,
    send: (e: UpperLayerEvent) => actor.send(e),
  };
}
