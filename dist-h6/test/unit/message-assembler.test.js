import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DimseProtocolError, MessageAssembler } from '../../services/dimse/message-assembler.js';
import { encodeCommandSet, NO_DATASET } from '../../services/dimse/command-set.js';
function assembler(opts = {}) {
    const seen = [];
    const sink = {
        command: (pcId, command, hasDataset) => seen.push({ kind: 'command', pcId, command, hasDataset }),
        data: (pcId, chunk, last) => seen.push({ kind: 'data', pcId, chunk: Buffer.from(chunk), last }),
    };
    const accepted = new Set(opts.accepted ?? [1, 3]);
    const a = new MessageAssembler({ maxCommandBytes: opts.maxCommandBytes ?? 4096, isAcceptedContext: (id) => accepted.has(id) }, sink);
    return { a, seen };
}
const pdu = (...pdvs) => ({ type: 'P-DATA-TF', pdvs });
const cmdPdv = (pcId, data, isLast) => ({ pcId, isCommand: true, isLast, data });
const dataPdv = (pcId, data, isLast) => ({ pcId, isCommand: false, isLast, data });
const STORE_RQ = {
    AffectedSOPClassUID: '1.2.840.10008.5.1.4.1.1.2', CommandField: 0x0001, MessageID: 3, Priority: 0,
    CommandDataSetType: 0x0000, AffectedSOPInstanceUID: '1.2.3.4.5',
};
const ECHO_RQ = { AffectedSOPClassUID: '1.2.840.10008.1.1', CommandField: 0x0030, MessageID: 1, CommandDataSetType: NO_DATASET };
test('command fragments in several PDVs and PDUs are gathered into one command set', () => {
    const { a, seen } = assembler();
    const bytes = encodeCommandSet(STORE_RQ);
    a.push([pdu(cmdPdv(1, bytes.subarray(0, 10), false), cmdPdv(1, bytes.subarray(10, 30), false))]);
    assert.deepEqual(seen, []);
    a.push([pdu(cmdPdv(1, bytes.subarray(30), true))]);
    assert.deepEqual(seen, [{ kind: 'command', pcId: 1, command: STORE_RQ, hasDataset: true }]);
});
test('a command with CommandDataSetType 0x0101 has no data set', () => {
    const { a, seen } = assembler();
    a.push([pdu(cmdPdv(3, encodeCommandSet(ECHO_RQ), true))]);
    assert.deepEqual(seen, [{ kind: 'command', pcId: 3, command: ECHO_RQ, hasDataset: false }]);
});
test('data set fragments are passed through as they come, one sink call per PDV, without waiting for the last', () => {
    const { a, seen } = assembler();
    a.push([pdu(cmdPdv(1, encodeCommandSet(STORE_RQ), true))]);
    a.push([pdu(dataPdv(1, Buffer.from([1, 2]), false))]);
    assert.deepEqual(seen.slice(1), [{ kind: 'data', pcId: 1, chunk: Buffer.from([1, 2]), last: false }]);
    a.push([pdu(dataPdv(1, Buffer.from([3]), false), dataPdv(1, Buffer.from([4, 5]), true))]);
    assert.deepEqual(seen.slice(1), [
        { kind: 'data', pcId: 1, chunk: Buffer.from([1, 2]), last: false },
        { kind: 'data', pcId: 1, chunk: Buffer.from([3]), last: false },
        { kind: 'data', pcId: 1, chunk: Buffer.from([4, 5]), last: true },
    ]);
});
test('after the last data fragment a new command may start', () => {
    const { a, seen } = assembler();
    a.push([pdu(cmdPdv(1, encodeCommandSet(STORE_RQ), true), dataPdv(1, Buffer.from([1]), true), cmdPdv(3, encodeCommandSet(ECHO_RQ), true))]);
    assert.deepEqual(seen.map((s) => s.kind), ['command', 'data', 'command']);
});
test('a data set fragment before any command → DimseProtocolError', () => {
    const { a } = assembler();
    assert.throws(() => a.push([pdu(dataPdv(1, Buffer.from([1]), true))]), DimseProtocolError);
});
test('a data set fragment after a command announcing no data set → DimseProtocolError', () => {
    const { a } = assembler();
    a.push([pdu(cmdPdv(1, encodeCommandSet(ECHO_RQ), true))]);
    assert.throws(() => a.push([pdu(dataPdv(1, Buffer.from([1]), true))]), DimseProtocolError);
});
test('a PDV on a presentation context that was not accepted → DimseProtocolError', () => {
    const { a, seen } = assembler({ accepted: [1] });
    assert.throws(() => a.push([pdu(cmdPdv(5, encodeCommandSet(ECHO_RQ), true))]), DimseProtocolError);
    assert.deepEqual(seen, []);
});
test('a data set fragment on a different presentation context from its command → DimseProtocolError', () => {
    const { a } = assembler();
    a.push([pdu(cmdPdv(1, encodeCommandSet(STORE_RQ), true))]);
    assert.throws(() => a.push([pdu(dataPdv(3, Buffer.from([1]), true))]), DimseProtocolError);
});
test('command fragments on two presentation contexts → DimseProtocolError', () => {
    const { a } = assembler();
    const bytes = encodeCommandSet(ECHO_RQ);
    assert.throws(() => a.push([pdu(cmdPdv(1, bytes.subarray(0, 8), false), cmdPdv(3, bytes.subarray(8), true))]), DimseProtocolError);
});
test('a command fragment while a data set is expected → DimseProtocolError', () => {
    const { a } = assembler();
    a.push([pdu(cmdPdv(1, encodeCommandSet(STORE_RQ), true))]);
    assert.throws(() => a.push([pdu(cmdPdv(1, encodeCommandSet(ECHO_RQ), true))]), DimseProtocolError);
});
test('a command larger than maxCommandBytes, across fragments, → DimseProtocolError before it completes', () => {
    const { a, seen } = assembler({ maxCommandBytes: 100 });
    a.push([pdu(cmdPdv(1, Buffer.alloc(60), false))]);
    assert.throws(() => a.push([pdu(cmdPdv(1, Buffer.alloc(41), false))]), (err) => err instanceof DimseProtocolError && err.code === 'ERR_DIMSE_PROTOCOL');
    assert.deepEqual(seen, []);
});
test('a command of exactly maxCommandBytes is accepted', () => {
    const bytes = encodeCommandSet(ECHO_RQ);
    const { a, seen } = assembler({ maxCommandBytes: bytes.length });
    a.push([pdu(cmdPdv(1, bytes.subarray(0, 5), false), cmdPdv(1, bytes.subarray(5), true))]);
    assert.equal(seen.length, 1);
});
test('an undecodable command set → DimseProtocolError (not CommandSetError)', () => {
    const { a } = assembler();
    assert.throws(() => a.push([pdu(cmdPdv(1, Buffer.from([0, 0, 0, 1, 2, 0]), true))]), DimseProtocolError);
});
test('gathered command fragments are copied, so a reused read buffer cannot change them', () => {
    const { a, seen } = assembler();
    const cmd = Buffer.from(encodeCommandSet(STORE_RQ));
    a.push([pdu(cmdPdv(1, cmd.subarray(0, 20), false))]);
    cmd.fill(0xee, 0, 20); // the PDU buffer is reused by the socket: gathered command bytes must not change
    const fresh = encodeCommandSet(STORE_RQ);
    a.push([pdu(cmdPdv(1, fresh.subarray(20), true))]);
    assert.deepEqual(seen, [{ kind: 'command', pcId: 1, command: STORE_RQ, hasDataset: true }]);
});
//# sourceMappingURL=message-assembler.test.js.map