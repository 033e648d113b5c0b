/**
 * The two cell suites together cover all 123 cells of PS3.8 Table 9-10:
 * network-cells.test.ts drives SOCKET_CELLS over real sockets (and checks,
 * as its last test, that it drove every one of them); table-cells.test.ts
 * drives every fixture cell directly, and is the only suite for
 * DIRECT_ONLY_CELLS: local primitives, plus the transport cells no socket can
 * reach (UNREACHABLE_OVER_TCP).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FIXTURE_CELL_COUNT, FIXTURE_TABLE_9_10 } from '../fixtures/table-9-10.fixture.js';
import { DIRECT_ONLY_CELLS, NETWORK_EVENTS, SOCKET_CELLS, UNREACHABLE_OVER_TCP } from './cell-coverage.js';

const key = ([e, s]: readonly [string, string, ...unknown[]]) => `${e}/${s}`;
/** The local primitives of Table 9-10 (PS3.8 §9.2.2): issued by our own user, never by a peer. */
const LOCAL_PRIMITIVES = new Set(['Evt1', 'Evt7', 'Evt8', 'Evt9', 'Evt11', 'Evt14', 'Evt15']);

test('socket cells and direct-only cells partition the 123 cells of the fixture', () => {
  const socket = new Set(SOCKET_CELLS.map(key));
  const direct = new Set(DIRECT_ONLY_CELLS.map(key));
  assert.equal(FIXTURE_TABLE_9_10.length, FIXTURE_CELL_COUNT);
  assert.deepEqual([...socket].filter((c) => direct.has(c)), [], 'a cell in both lists');
  assert.deepEqual(new Set([...socket, ...direct]), new Set(FIXTURE_TABLE_9_10.map(key)));
  assert.equal(socket.size + direct.size, 123);
});

test('every direct-only cell is a local primitive or a documented unreachable transport cell', () => {
  for (const [e, s] of DIRECT_ONLY_CELLS) {
    assert.ok(LOCAL_PRIMITIVES.has(e) || UNREACHABLE_OVER_TCP[`${e}/${s}`], `${s} + ${e} is driven by no socket test and has no reason`);
  }
  assert.deepEqual(Object.keys(UNREACHABLE_OVER_TCP).sort(), ['Evt17/Sta12', 'Evt17/Sta9']);
});

test('every network event cell of the fixture is a socket cell unless documented unreachable', () => {
  for (const c of FIXTURE_TABLE_9_10) {
    if (NETWORK_EVENTS.has(c[0]) && !UNREACHABLE_OVER_TCP[key(c)]) assert.ok(SOCKET_CELLS.includes(c), key(c));
  }
  assert.equal(SOCKET_CELLS.length, 102);
  assert.equal(DIRECT_ONLY_CELLS.length, 21);
});
