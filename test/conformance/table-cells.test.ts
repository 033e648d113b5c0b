/**
 * Every cell of PS3.8 Table 9-10 (and every blank one), driven directly: the
 * machine with a recording UpperLayerIo, no socket. This is the only suite for
 * the cells a peer cannot trigger (cell-coverage.ts: DIRECT_ONLY_CELLS, the
 * local primitives Evt1/7/8/9/11/14/15 and Evt17 in Sta9/Sta12);
 * network-cells.test.ts drives the other 102 over real sockets as well, and
 * coverage-union.test.ts checks that the two together cover all 123.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createActor, SimulatedClock } from 'xstate';
import type { UpperLayerIo } from '../../machines/upper-layer/actions.js';
import { createUpperLayerMachine } from '../../machines/upper-layer/machine.js';
import { EVENT_IDS, STATE_IDS, type StateId } from '../../machines/upper-layer/state-table.js';
import { FIXTURE_TABLE_9_10 } from '../fixtures/table-9-10.fixture.js';
import { sampleEvent, sampleRq } from '../helpers/ul-events.js';

/** Drives the machine directly (no socket) from a given state and records what it did. */
function runCell(state: string, evt: string, opts: { isRequestor?: boolean; protocolVersion?: number } = {}) {
  const acts: string[] = [];
  const noCell: string[] = [];
  const io: UpperLayerIo = {
    isRequestor: opts.isRequestor ?? false,
    associateRq: sampleRq(),
    connect: () => {},
    write: () => {},
    writeAll: () => {},
    closeTransport: () => {},
    indicate: () => {},
  };
  const machine = createUpperLayerMachine(io, (s, e) => noCell.push(`${s}+${e}`));
  const input = { isRequestor: opts.isRequestor ?? false, artimMs: 30_000 };
  const snapshot = machine.resolveState({ value: state, context: input });
  const actor = createActor(machine, {
    snapshot,
    input,
    clock: new SimulatedClock(),
    inspect: (ev) => {
      if (ev.type === '@xstate.action' && ev.action.type === 'ul') acts.push((ev.action.params as { act: string }).act);
    },
  });
  actor.start();
  actor.send(sampleEvent(evt, opts));
  const after = actor.getSnapshot().value as unknown as StateId;
  actor.stop();
  return { acts, after, noCell };
}

const fixture = new Map(FIXTURE_TABLE_9_10.map(([e, s, a, n]) => [`${e}/${s}`, { action: a, next: n }]));

test('the fixture has 123 cells', () => assert.equal(fixture.size, 123));

for (const evt of EVENT_IDS) {
  for (const sta of STATE_IDS) {
    const cell = fixture.get(`${evt}/${sta}`);
    if (!cell) {
      test(`${sta} + ${evt} → blank cell: no transition, reported`, () => {
        const r = runCell(sta, evt);
        assert.deepEqual(r.acts, []);
        assert.equal(r.after, sta);
        assert.deepEqual(r.noCell, [`${sta}+${evt}`]);
      });
      continue;
    }
    const nexts = cell.next.split('|');
    test(`${sta} + ${evt} → ${cell.action} → ${cell.next}`, () => {
      if (cell.action === 'AE-6') {
        assert.deepEqual(runCell(sta, evt, { protocolVersion: 1 }), { acts: ['AE-6'], after: nexts[0], noCell: [] });
        assert.deepEqual(runCell(sta, evt, { protocolVersion: 2 }), { acts: ['AE-6'], after: nexts[1], noCell: [] });
      } else if (cell.action === 'AR-8') {
        assert.deepEqual(runCell(sta, evt, { isRequestor: true }), { acts: ['AR-8'], after: nexts[0], noCell: [] });
        assert.deepEqual(runCell(sta, evt, { isRequestor: false }), { acts: ['AR-8'], after: nexts[1], noCell: [] });
      } else {
        assert.deepEqual(runCell(sta, evt), { acts: [cell.action], after: cell.next, noCell: [] });
      }
    });
  }
}
