// Self-checks for the hand-transcribed PS3.8 Table 9-10 fixture.
// These only check that the fixture is well formed; they do not use netdicom's own table.
import { test } from "node:test";
import assert from "node:assert/strict";
import { FIXTURE_CELL_COUNT, FIXTURE_TABLE_9_10, } from "../fixtures/table-9-10.fixture.js";
const range = (prefix, from, to) => Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`);
const EVENTS = new Set(range("Evt", 1, 19));
const STATES = new Set(range("Sta", 1, 13));
const ACTIONS = new Set([
    ...range("AE-", 1, 8),
    ...range("DT-", 1, 2),
    ...range("AR-", 1, 10),
    ...range("AA-", 1, 8),
]);
// Next state of each action as stated in PS3.8 Tables 9-6..9-9.
const ACTION_NEXT = {
    "AE-1": "Sta4", "AE-2": "Sta5", "AE-3": "Sta6", "AE-4": "Sta1",
    "AE-5": "Sta2", "AE-6": "Sta3|Sta13", "AE-7": "Sta6", "AE-8": "Sta13",
    "DT-1": "Sta6", "DT-2": "Sta6",
    "AR-1": "Sta7", "AR-2": "Sta8", "AR-3": "Sta1", "AR-4": "Sta13",
    "AR-5": "Sta1", "AR-6": "Sta7", "AR-7": "Sta8", "AR-8": "Sta9|Sta10",
    "AR-9": "Sta11", "AR-10": "Sta12",
    "AA-1": "Sta13", "AA-2": "Sta1", "AA-3": "Sta1", "AA-4": "Sta1",
    "AA-5": "Sta1", "AA-6": "Sta13", "AA-7": "Sta13", "AA-8": "Sta13",
};
test("fixture has FIXTURE_CELL_COUNT (123) rows", () => {
    assert.equal(FIXTURE_CELL_COUNT, 123);
    assert.equal(FIXTURE_TABLE_9_10.length, FIXTURE_CELL_COUNT);
});
test("fixture (event, state) pairs are unique", () => {
    const keys = new Set(FIXTURE_TABLE_9_10.map(([e, s]) => `${e}/${s}`));
    assert.equal(keys.size, 123);
});
test("events are Evt1..Evt19, all of them used", () => {
    for (const [event] of FIXTURE_TABLE_9_10) {
        assert.ok(EVENTS.has(event), `bad event ${event}`);
    }
    assert.equal(new Set(FIXTURE_TABLE_9_10.map(([e]) => e)).size, 19);
});
test("states are Sta1..Sta13", () => {
    for (const [, state] of FIXTURE_TABLE_9_10) {
        assert.ok(STATES.has(state), `bad state ${state}`);
    }
});
test("actions are in the standard's set", () => {
    for (const [event, state, action] of FIXTURE_TABLE_9_10) {
        assert.ok(ACTIONS.has(action), `bad action ${action} at ${event}/${state}`);
    }
});
test("next states are valid and agree with the action definitions", () => {
    for (const [event, state, action, next] of FIXTURE_TABLE_9_10) {
        for (const n of next.split("|")) {
            assert.ok(STATES.has(n), `bad next state ${next} at ${event}/${state}`);
        }
        assert.equal(next, ACTION_NEXT[action], `next for ${action} at ${event}/${state}`);
    }
});
test("rows are grouped by event in Evt1..Evt19 order", () => {
    const order = FIXTURE_TABLE_9_10.map(([e]) => Number(e.slice(3)));
    for (let i = 1; i < order.length; i++) {
        assert.ok(order[i] >= order[i - 1], `row ${i} out of event order`);
    }
});
//# sourceMappingURL=table-fixture-self.test.js.map