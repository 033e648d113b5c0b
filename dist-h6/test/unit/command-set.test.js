import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CommandSetError, decodeCommandSet, encodeCommandSet, NO_DATASET } from '../../services/dimse/command-set.js';
import { ascii, bytes } from '../helpers/bytes.js';
/** Reads the raw elements of an Implicit VR LE group 0000 buffer: [element, value bytes]. */
function elements(buf) {
    const out = [];
    for (let pos = 0; pos < buf.length;) {
        assert.equal(buf.readUInt16LE(pos), 0);
        const el = buf.readUInt16LE(pos + 2);
        const len = buf.readUInt32LE(pos + 4);
        out.push([el, buf.subarray(pos + 8, pos + 8 + len)]);
        pos += 8 + len;
    }
    return out;
}
// C-ECHO-RQ, PS3.7 §9.3.5.1, Implicit VR Little Endian: tag (group, element LE), 4-byte length LE, value.
const ECHO_RQ = bytes('0000 0000 04000000 38000000', //           (0000,0000) UL CommandGroupLength = 56
'0000 0200 12000000', ascii('1.2.840.10008.1.1\0'), // (0000,0002) UI AffectedSOPClassUID, 17 + NUL pad = 18
'0000 0001 02000000 3000', //                (0000,0100) US CommandField = 0x0030 C-ECHO-RQ
'0000 1001 02000000 0100', //                (0000,0110) US MessageID = 1
'0000 0008 02000000 0101');
const ECHO_RQ_DECODED = { AffectedSOPClassUID: '1.2.840.10008.1.1', CommandField: 0x0030, MessageID: 1, CommandDataSetType: NO_DATASET };
test('a hand-built Implicit VR LE C-ECHO-RQ decodes (12 + 56 bytes)', () => {
    assert.equal(ECHO_RQ.length, 12 + 56);
    assert.deepEqual(decodeCommandSet(ECHO_RQ), ECHO_RQ_DECODED);
});
test('encodeCommandSet writes the C-ECHO-RQ fixture byte for byte (tag order, CommandGroupLength first)', () => {
    assert.deepEqual(encodeCommandSet(ECHO_RQ_DECODED), ECHO_RQ);
});
test('elements are written in ascending tag order whatever the key order', () => {
    const buf = encodeCommandSet({ CommandDataSetType: NO_DATASET, MessageID: 7, CommandField: 0x30, AffectedSOPClassUID: '1.2.840.10008.1.1' });
    assert.deepEqual(elements(buf).map(([e]) => e), [0x0000, 0x0002, 0x0100, 0x0110, 0x0800]);
});
const EVERY_ELEMENT = {
    AffectedSOPClassUID: '1.2.840.10008.5.1.4.1.1.2',
    RequestedSOPClassUID: '1.2.840.10008.5.1.4.1.1.4',
    CommandField: 0x8021,
    MessageID: 65535,
    MessageIDBeingRespondedTo: 12,
    MoveDestination: 'STORESCP',
    Priority: 2,
    CommandDataSetType: 0x0000,
    Status: 0xff00,
    OffendingElement: [0x00100010, 0x00080018],
    ErrorComment: 'Something odd',
    ErrorID: 3,
    AffectedSOPInstanceUID: '1.2.3.4.5.6.7',
    RequestedSOPInstanceUID: '1.2.3.4.5.6.78',
    EventTypeID: 1,
    AttributeIdentifierList: [0x7fe00010],
    ActionTypeID: 2,
    NumberOfRemainingSuboperations: 10,
    NumberOfCompletedSuboperations: 0,
    NumberOfFailedSuboperations: 1,
    NumberOfWarningSuboperations: 2,
    MoveOriginatorApplicationEntityTitle: 'MOVESCU',
    MoveOriginatorMessageID: 99,
};
test('every command element kind (US, UI, AE, LO, AT) round-trips: decode(encode(x)) deep-equals x', () => {
    assert.deepEqual(decodeCommandSet(encodeCommandSet(EVERY_ELEMENT)), EVERY_ELEMENT);
});
test('CommandGroupLength (UL) is the number of bytes after its own element', () => {
    for (const cmd of [ECHO_RQ_DECODED, EVERY_ELEMENT, { CommandField: 1 }]) {
        const buf = encodeCommandSet(cmd);
        const [first] = elements(buf);
        assert.equal(first[0], 0x0000);
        assert.equal(first[1].length, 4);
        assert.equal(buf.readUInt32LE(8), buf.length - 12);
    }
});
test('an odd-length UID is padded with one trailing NUL to an even length, and decodes without it', () => {
    const buf = encodeCommandSet({ CommandField: 1, AffectedSOPInstanceUID: '1.2.3' });
    const uid = elements(buf).find(([e]) => e === 0x1000)[1];
    assert.deepEqual(uid, ascii('1.2.3\0'));
    assert.equal(decodeCommandSet(buf).AffectedSOPInstanceUID, '1.2.3');
});
test('an even-length UID is not padded', () => {
    const buf = encodeCommandSet({ CommandField: 1, AffectedSOPInstanceUID: '1.2.34' });
    assert.deepEqual(elements(buf).find(([e]) => e === 0x1000)[1], ascii('1.2.34'));
});
test('odd-length AE and LO values are padded with a trailing space', () => {
    const buf = encodeCommandSet({ CommandField: 0x21, MoveDestination: 'STORE', ErrorComment: 'bad' });
    const els = new Map(elements(buf));
    assert.deepEqual(els.get(0x0600), ascii('STORE '));
    assert.deepEqual(els.get(0x0902), ascii('bad '));
});
test('AT values are written as group then element, each 16-bit little endian', () => {
    const buf = encodeCommandSet({ CommandField: 0x8120, OffendingElement: [0x00100020] });
    assert.deepEqual(new Map(elements(buf)).get(0x0901), bytes('1000 2000'));
});
test('a space-padded AE value (leading and trailing) decodes trimmed', () => {
    const buf = bytes('0000 0001 02000000 2100', '0000 0006 0a000000', ascii(' STORESCP '));
    assert.equal(decodeCommandSet(buf).MoveDestination, 'STORESCP');
});
test('unknown group 0000 elements are skipped', () => {
    const buf = bytes('0000 0001 02000000 3000', '0000 1050 04000000 01020304', '0000 1001 02000000 0500');
    assert.deepEqual(decodeCommandSet(buf), { CommandField: 0x30, MessageID: 5 });
});
test('an element whose length overruns the command set throws CommandSetError', () => {
    assert.throws(() => decodeCommandSet(bytes('0000 0001 02000000 3000', '0000 0200 20000000', ascii('1.2'))), CommandSetError);
});
test('a truncated element header throws CommandSetError', () => {
    assert.throws(() => decodeCommandSet(bytes('0000 0001 02000000 3000', '0000 1001 0200')), CommandSetError);
});
test('an element outside group 0000 throws CommandSetError', () => {
    assert.throws(() => decodeCommandSet(bytes('0000 0001 02000000 3000', '0800 1800 02000000 3132')), CommandSetError);
});
test('a command set without CommandField (0000,0100) throws CommandSetError', () => {
    assert.throws(() => decodeCommandSet(bytes('0000 0000 04000000 0a000000', '0000 1001 02000000 0100')), CommandSetError);
    assert.throws(() => decodeCommandSet(Buffer.alloc(0)), CommandSetError);
});
test('CommandSetError has the stable code ERR_DIMSE_COMMAND_SET', () => {
    assert.throws(() => decodeCommandSet(Buffer.alloc(0)), (err) => err instanceof CommandSetError && err.code === 'ERR_DIMSE_COMMAND_SET');
});
test('encoding an unknown keyword throws CommandSetError', () => {
    assert.throws(() => encodeCommandSet({ CommandField: 1, NotAnElement: 1 }), CommandSetError);
});
//# sourceMappingURL=command-set.test.js.map