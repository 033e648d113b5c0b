import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PduReader } from '../../transport/pdu-reader.js';
import { encodePdu } from '../../transport/pdu-codec.js';
import { PduDecodeError } from '../../transport/errors.js';
import { emptyUserInformation } from '../../transport/pdu-types.js';
import { bytes } from '../helpers/bytes.js';
const LIMITS = { maxPDataLength: 16384, maxOtherLength: 1 << 20 };
const pdata = (n) => ({ type: 'P-DATA-TF', pdvs: [{ pcId: 1, isCommand: false, isLast: false, data: Buffer.alloc(n, n) }] });
const RELEASE_RQ = { type: 'A-RELEASE-RQ' };
function reader() {
    const seen = [];
    const r = new PduReader(LIMITS, (pdu, len) => seen.push([pdu.type, len]));
    return { r, seen };
}
const types = (events) => events.map((e) => (e.type === 'Evt10' ? `Evt10×${e.pdus.length}` : e.type));
test('three consecutive P-DATA-TF PDUs in one read become ONE Evt10 carrying all of them, in order', () => {
    const { r } = reader();
    const pdus = [pdata(1), pdata(2), pdata(3)];
    const chunk = Buffer.concat(pdus.map(encodePdu));
    const events = r.push(chunk);
    assert.equal(events.length, 1);
    const e = events[0];
    assert.equal(e.type, 'Evt10');
    if (e.type !== 'Evt10')
        return;
    assert.deepEqual(e.pdus, pdus);
    assert.equal(e.bytes, chunk.length);
});
test('another PDU type splits the batch: P-DATA, P-DATA, A-RELEASE-RQ, P-DATA → Evt10×2, Evt12, Evt10×1', () => {
    const { r } = reader();
    const chunk = Buffer.concat([pdata(1), pdata(2), RELEASE_RQ, pdata(3)].map(encodePdu));
    assert.deepEqual(types(r.push(chunk)), ['Evt10×2', 'Evt12', 'Evt10×1']);
});
test('each PDU type maps to its Table 9-10 event: RQ→Evt6, AC→Evt3, RJ→Evt4, RELEASE-RQ→Evt12, RELEASE-RP→Evt13, ABORT→Evt16', () => {
    const assoc = {
        protocolVersion: 1, calledAETitle: 'A', callingAETitle: 'B', applicationContext: '1.2.840.10008.3.1.1.1',
        userInformation: emptyUserInformation(),
    };
    const pdus = [
        { type: 'A-ASSOCIATE-RQ', ...assoc, presentationContexts: [] },
        { type: 'A-ASSOCIATE-AC', ...assoc, presentationContexts: [] },
        { type: 'A-ASSOCIATE-RJ', result: 1, source: 1, reason: 1 },
        { type: 'A-RELEASE-RQ' },
        { type: 'A-RELEASE-RP' },
        { type: 'A-ABORT', source: 0, reason: 0 },
    ];
    const { r } = reader();
    const events = r.push(Buffer.concat(pdus.map(encodePdu)));
    assert.deepEqual(types(events), ['Evt6', 'Evt3', 'Evt4', 'Evt12', 'Evt13', 'Evt16']);
    const e16 = events[5];
    assert.ok(e16.type === 'Evt16' && e16.pdu.source === 0);
});
test('P-DATA-TF PDUs completed by different reads come in different Evt10s', () => {
    const { r } = reader();
    const chunk = Buffer.concat([pdata(10), pdata(20), pdata(30)].map(encodePdu));
    const cut = encodePdu(pdata(10)).length + 5; // inside the second PDU's header/body
    assert.deepEqual(types(r.push(chunk.subarray(0, cut))), ['Evt10×1']);
    assert.ok(r.midPdu);
    assert.deepEqual(types(r.push(chunk.subarray(cut))), ['Evt10×2']);
    assert.ok(!r.midPdu);
});
test('a read that completes no PDU yields no event', () => {
    const { r } = reader();
    assert.deepEqual(r.push(encodePdu(pdata(5)).subarray(0, 8)), []);
});
test('onPdu is told of every decoded PDU with its size in bytes', () => {
    const { r, seen } = reader();
    const a = encodePdu(pdata(4));
    const b = encodePdu(RELEASE_RQ);
    r.push(Buffer.concat([a, b]));
    assert.deepEqual(seen, [['P-DATA-TF', a.length], ['A-RELEASE-RQ', b.length]]);
});
test('an invalid PDU yields Evt19 carrying the PduDecodeError, after the P-DATA batch before it', () => {
    const { r } = reader();
    const badRj = bytes('03 00 00000005 00 01 01 01 00');
    const events = r.push(Buffer.concat([encodePdu(pdata(1)), encodePdu(pdata(2)), badRj, encodePdu(RELEASE_RQ)]));
    assert.deepEqual(types(events), ['Evt10×2', 'Evt19']);
    const e = events[1];
    assert.ok(e.type === 'Evt19' && e.error instanceof PduDecodeError && e.error.abort.reason === 6);
});
test('after Evt19 nothing more is read: later valid bytes yield no event and onPdu is not called', () => {
    const { r, seen } = reader();
    r.push(bytes('04 00 00000000'));
    const before = seen.length;
    assert.deepEqual(r.push(encodePdu(RELEASE_RQ)), []);
    assert.deepEqual(r.push(encodePdu(pdata(3))), []);
    assert.equal(seen.length, before);
});
test('an unknown PDU type yields Evt19 with unrecognized-PDU (1)', () => {
    const { r } = reader();
    const events = r.push(bytes('09 00 00000004 00000000'));
    assert.deepEqual(types(events), ['Evt19']);
    const e = events[0];
    assert.ok(e.type === 'Evt19' && e.error.abort.reason === 1);
});
test('a P-DATA-TF over our Maximum Length yields Evt19 (PduTooLargeError)', () => {
    const { r } = reader();
    const events = r.push(bytes('04 00 00004001'));
    assert.deepEqual(types(events), ['Evt19']);
});
test('PDUs completed earlier in the same read as an unrecognized PDU header are still delivered, in order, before Evt19', () => {
    const { r } = reader();
    const events = r.push(Buffer.concat([encodePdu(pdata(1)), encodePdu(RELEASE_RQ), bytes('09 00 00000004 00000000')]));
    assert.deepEqual(types(events), ['Evt10×1', 'Evt12', 'Evt19']);
});
test('an A-ABORT completed in the same read as an oversized PDU header is still delivered as Evt16 before Evt19', () => {
    const { r } = reader();
    const events = r.push(Buffer.concat([encodePdu({ type: 'A-ABORT', source: 0, reason: 0 }), bytes('04 00 7fffffff')]));
    assert.deepEqual(types(events), ['Evt16', 'Evt19']);
});
//# sourceMappingURL=pdu-reader.test.js.map