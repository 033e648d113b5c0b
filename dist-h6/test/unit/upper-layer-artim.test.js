/**
 * ARTIM (PS3.8 §9.1.5) and the I/O of the abort and close actions, driven with
 * xstate's SimulatedClock: no real time passes, so there is no timing
 * assertion, only the order of events and the simulated deadline.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PduDecodeError } from '../../transport/errors.js';
import { sampleAc, sampleRq } from '../helpers/ul-events.js';
import { ulHarness } from '../helpers/ul-harness.js';
import { bytes } from '../helpers/bytes.js';
const ARTIM = 30_000;
const abortBytes = (source, reason) => Buffer.from([0x07, 0, 0, 0, 0, 4, 0, 0, source, reason]);
const count = (xs, x) => xs.filter((y) => y === x).length;
test('Sta1 + Evt5 → AE-5 → Sta2; ARTIM-1 ms later still Sta2', () => {
    const h = ulHarness();
    h.send({ type: 'Evt5' });
    assert.equal(h.state(), 'Sta2');
    h.clock.increment(ARTIM - 1);
    assert.equal(h.state(), 'Sta2');
    assert.equal(h.closes, 0);
});
test('Sta2 + Evt18 (ARTIM expired) → AA-2 → Sta1: transport closed, no PDU written', () => {
    const h = ulHarness();
    h.send({ type: 'Evt5' });
    h.clock.increment(ARTIM - 1);
    h.clock.increment(1);
    assert.equal(h.state(), 'Sta1');
    assert.deepEqual(h.acts, ['AE-5', 'AA-2']);
    assert.equal(h.closes, 1);
    assert.deepEqual(h.writes, []);
    h.clock.increment(10 * ARTIM);
    assert.deepEqual(h.noCell, [], 'no second Evt18');
});
test('ARTIM uses the artimMs of the input', () => {
    const h = ulHarness({ artimMs: 5_000 });
    h.send({ type: 'Evt5' });
    h.clock.increment(4_999);
    assert.equal(h.state(), 'Sta2');
    h.clock.increment(1);
    assert.equal(h.state(), 'Sta1');
});
test('Sta2 + Evt6 (acceptable) → AE-6 → Sta3 cancels ARTIM: Sta3 stays after a long increment', () => {
    const h = ulHarness();
    h.send({ type: 'Evt5' });
    h.clock.increment(1_000);
    h.send({ type: 'Evt6', pdu: sampleRq(1) });
    assert.equal(h.state(), 'Sta3');
    h.clock.increment(10 * ARTIM);
    assert.equal(h.state(), 'Sta3');
    assert.deepEqual(h.acts, ['AE-5', 'AE-6']);
    assert.deepEqual(h.noCell, []);
    assert.equal(h.closes, 0);
    assert.deepEqual(h.indications.map((i) => i.type), ['A-ASSOCIATE.indication']);
});
test('Sta2 + Evt6 (protocol version 2) → AE-6 → Sta13: A-ASSOCIATE-RJ 1/2/2 written, ARTIM restarted; then Evt18 → AA-2 → Sta1', () => {
    const h = ulHarness();
    h.send({ type: 'Evt5' });
    h.clock.increment(1_000);
    h.send({ type: 'Evt6', pdu: sampleRq(2) });
    assert.equal(h.state(), 'Sta13');
    // rejected-permanent (1), service-provider ACSE (2), protocol-version-not-supported (2): Table 9-21
    assert.deepEqual(h.writes, [bytes('03 00 00000004 00 01 02 02')]);
    assert.deepEqual(h.indications, []);
    h.clock.increment(ARTIM - 1); // past the first deadline (t = 30 000), before the new one (t = 31 000)
    assert.equal(h.state(), 'Sta13');
    h.clock.increment(1);
    assert.equal(h.state(), 'Sta1');
    assert.deepEqual(h.acts, ['AE-5', 'AE-6', 'AA-2']);
    assert.equal(h.closes, 1);
    h.clock.increment(10 * ARTIM);
    assert.deepEqual(h.noCell, []);
});
test('Sta3 + Evt8 → AE-8 → Sta13 writes the A-ASSOCIATE-RJ and starts ARTIM; Evt18 → AA-2 → Sta1', () => {
    const h = ulHarness({ from: 'Sta3' });
    h.send({ type: 'Evt8', pdu: { type: 'A-ASSOCIATE-RJ', result: 1, source: 1, reason: 7 } });
    assert.equal(h.state(), 'Sta13');
    assert.deepEqual(h.writes, [bytes('03 00 00000004 00 01 01 07')]);
    h.clock.increment(ARTIM - 1);
    assert.equal(h.state(), 'Sta13');
    h.clock.increment(1);
    assert.equal(h.state(), 'Sta1');
    assert.equal(h.closes, 1);
});
test('Sta8 + Evt14 → AR-4 → Sta13 writes A-RELEASE-RP and starts ARTIM; Sta13 + Evt18 → AA-2 → Sta1', () => {
    const h = ulHarness({ from: 'Sta8' });
    h.send({ type: 'Evt14' });
    assert.equal(h.state(), 'Sta13');
    assert.deepEqual(h.writes, [bytes('06 00 00000004 00000000')]);
    h.clock.increment(ARTIM - 1);
    assert.equal(h.state(), 'Sta13');
    h.clock.increment(1);
    assert.equal(h.state(), 'Sta1');
    assert.deepEqual(h.acts, ['AR-4', 'AA-2']);
    assert.equal(h.closes, 1);
});
test('Sta2 + Evt3 → AA-1 → Sta13 restarts (not duplicates) ARTIM: it fires exactly once, at the restarted deadline', () => {
    const h = ulHarness();
    h.send({ type: 'Evt5' }); // ARTIM due at t = 30 000
    h.clock.increment(10_000);
    h.send({ type: 'Evt3', pdu: sampleAc() }); // restarted: due at t = 40 000
    assert.equal(h.state(), 'Sta13');
    assert.deepEqual(h.writes, [abortBytes(0, 0)]);
    h.clock.increment(5_000);
    h.send({ type: 'Evt10', pdus: [{ type: 'P-DATA-TF', pdvs: [{ pcId: 1, isCommand: true, isLast: true, data: Buffer.alloc(2) }] }], bytes: 14 }); // AA-6: ignored, no Evt15
    assert.equal(h.state(), 'Sta13');
    h.clock.increment(ARTIM - 5_000 - 1); // t = 39 999: the first deadline has passed
    assert.equal(h.state(), 'Sta13');
    assert.equal(h.closes, 0);
    h.clock.increment(1); // t = 40 000
    assert.equal(h.state(), 'Sta1');
    assert.equal(count(h.acts, 'AA-2'), 1);
    h.clock.increment(10 * ARTIM);
    assert.equal(count(h.acts, 'AA-2'), 1);
    assert.deepEqual(h.noCell, [], 'a stale Evt18 would land in a blank cell of Sta1');
    assert.deepEqual(h.acts, ['AE-5', 'AA-1', 'AA-6', 'AA-2']);
});
test('Sta2 + Evt19 → AA-1 → Sta13 writes a service-user A-ABORT (source 0, reason 0)', () => {
    const h = ulHarness();
    h.send({ type: 'Evt5' });
    h.send({ type: 'Evt19', error: new PduDecodeError('ERR_TEST', 'bad', 1) });
    assert.equal(h.state(), 'Sta13');
    assert.deepEqual(h.writes, [abortBytes(0, 0)]);
});
test('Sta6 + Evt15 → AA-1 → Sta13 writes A-ABORT source 0 (service-user), reason 0; ARTIM then → Sta1', () => {
    const h = ulHarness({ from: 'Sta6' });
    h.send({ type: 'Evt15' });
    assert.equal(h.state(), 'Sta13');
    assert.deepEqual(h.writes, [abortBytes(0, 0)]);
    h.clock.increment(ARTIM);
    assert.equal(h.state(), 'Sta1');
    assert.equal(h.closes, 1);
});
test('Sta6 + Evt15 carrying a provider abort → AA-1 writes that source and reason', () => {
    const h = ulHarness({ from: 'Sta6' });
    h.send({ type: 'Evt15', abort: { source: 2, reason: 6 } });
    assert.deepEqual(h.writes, [abortBytes(2, 6)]);
});
test('Sta6 + Evt19 → AA-8 → Sta13 writes A-ABORT source 2 with the decode error reason, A-P-ABORT indicated; ARTIM then → Sta1', () => {
    const h = ulHarness({ from: 'Sta6' });
    h.send({ type: 'Evt19', error: new PduDecodeError('ERR_PDV_LENGTH', 'PDV item length 1 is below 2', 6) });
    assert.equal(h.state(), 'Sta13');
    assert.deepEqual(h.writes, [abortBytes(2, 6)]);
    assert.deepEqual(h.indications.map((i) => i.type), ['A-P-ABORT.indication']);
    h.clock.increment(ARTIM - 1);
    assert.equal(h.state(), 'Sta13');
    h.clock.increment(1);
    assert.equal(h.state(), 'Sta1');
    assert.deepEqual(h.acts, ['AA-8', 'AA-2']);
});
test('Sta6 + Evt3 → AA-8 → Sta13 writes A-ABORT source 2, reason 2 (unexpected-PDU)', () => {
    const h = ulHarness({ from: 'Sta6' });
    h.send({ type: 'Evt3', pdu: sampleAc() });
    assert.equal(h.state(), 'Sta13');
    assert.deepEqual(h.writes, [abortBytes(2, 2)]);
});
test('Sta13 + Evt6 → AA-7 → Sta13 writes A-ABORT source 2, reason 2; ARTIM not restarted', () => {
    const h = ulHarness({ from: 'Sta8' });
    h.send({ type: 'Evt14' }); // AR-4: ARTIM due at t = 30 000
    h.clock.increment(20_000);
    h.send({ type: 'Evt6', pdu: sampleRq() });
    assert.equal(h.state(), 'Sta13');
    assert.deepEqual(h.writes.slice(1), [abortBytes(2, 2)]);
    h.clock.increment(10_000);
    assert.equal(h.state(), 'Sta1');
});
test('Sta7 + Evt13 → AR-3 → Sta1 closes the transport', () => {
    const h = ulHarness({ from: 'Sta7', isRequestor: true });
    h.send({ type: 'Evt13' });
    assert.equal(h.state(), 'Sta1');
    assert.equal(h.closes, 1);
    assert.deepEqual(h.indications.map((i) => i.type), ['A-RELEASE.confirm']);
});
test('Sta5 + Evt4 → AE-4 → Sta1 closes the transport', () => {
    const h = ulHarness({ from: 'Sta5', isRequestor: true });
    h.send({ type: 'Evt4', pdu: { type: 'A-ASSOCIATE-RJ', result: 1, source: 1, reason: 3 } });
    assert.equal(h.state(), 'Sta1');
    assert.equal(h.closes, 1);
    assert.deepEqual(h.writes, []);
});
test('Sta2 + Evt16 → AA-2 → Sta1 closes the transport and stops ARTIM', () => {
    const h = ulHarness();
    h.send({ type: 'Evt5' });
    h.send({ type: 'Evt16', pdu: { type: 'A-ABORT', source: 0, reason: 0 } });
    assert.equal(h.state(), 'Sta1');
    assert.equal(h.closes, 1);
    h.clock.increment(10 * ARTIM);
    assert.deepEqual(h.noCell, []);
    assert.equal(h.closes, 1);
});
test('Sta2 + Evt17 → AA-5 → Sta1 stops ARTIM', () => {
    const h = ulHarness();
    h.send({ type: 'Evt5' });
    h.send({ type: 'Evt17' });
    assert.equal(h.state(), 'Sta1');
    h.clock.increment(10 * ARTIM);
    assert.deepEqual(h.noCell, []);
    assert.deepEqual(h.acts, ['AE-5', 'AA-5']);
});
test('Sta13 + Evt17 → AR-5 → Sta1 stops ARTIM', () => {
    const h = ulHarness({ from: 'Sta6' });
    h.send({ type: 'Evt15' });
    h.send({ type: 'Evt17' });
    assert.equal(h.state(), 'Sta1');
    h.clock.increment(10 * ARTIM);
    assert.deepEqual(h.noCell, []);
    assert.deepEqual(h.acts, ['AA-1', 'AR-5']);
});
test('Sta13 + Evt16 → AA-2 → Sta1 stops ARTIM', () => {
    const h = ulHarness({ from: 'Sta6' });
    h.send({ type: 'Evt15' });
    h.send({ type: 'Evt16', pdu: { type: 'A-ABORT', source: 0, reason: 0 } });
    assert.equal(h.state(), 'Sta1');
    assert.equal(h.closes, 1);
    h.clock.increment(10 * ARTIM);
    assert.deepEqual(h.noCell, []);
    assert.equal(h.closes, 1);
});
test('Sta6 + Evt16 (service-provider source) → AA-3 → Sta1 closes the transport and issues A-P-ABORT with the reason', () => {
    const h = ulHarness({ from: 'Sta6' });
    h.send({ type: 'Evt16', pdu: { type: 'A-ABORT', source: 2, reason: 1 } });
    assert.equal(h.state(), 'Sta1');
    assert.equal(h.closes, 1);
    assert.deepEqual(h.writes, []);
    assert.equal(h.indications.length, 1);
    const ind = h.indications[0];
    assert.equal(ind.type, 'A-P-ABORT.indication');
    assert.match(String(ind.reason), /reason 1/);
});
test('Sta6 + Evt16 (service-user source) → AA-3 → Sta1 issues A-ABORT with source and reason', () => {
    const h = ulHarness({ from: 'Sta6' });
    h.send({ type: 'Evt16', pdu: { type: 'A-ABORT', source: 0, reason: 0 } });
    assert.equal(h.state(), 'Sta1');
    assert.equal(h.closes, 1);
    assert.deepEqual(h.indications, [{ type: 'A-ABORT.indication', source: 0, reason: 0 }]);
});
//# sourceMappingURL=upper-layer-artim.test.js.map