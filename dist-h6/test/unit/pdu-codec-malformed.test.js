/**
 * Malformed PDUs: each throws PduDecodeError whose `abort` is the A-ABORT to
 * send, source 2 (service-provider) with the reason of PS3.8 Table 9-26:
 * 1 unrecognized-PDU, 2 unexpected-PDU, 4 unrecognized-PDU parameter,
 * 5 unexpected-PDU parameter, 6 invalid-PDU-parameter value.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePdu } from '../../transport/pdu-codec.js';
import { PduDecodeError } from '../../transport/errors.js';
import { ascii, bytes, padded } from '../helpers/bytes.js';
const APP_CONTEXT = '1.2.840.10008.3.1.1.1';
function assertAbort(buf, reason) {
    let caught;
    try {
        decodePdu(buf);
    }
    catch (err) {
        caught = err;
    }
    assert.ok(caught instanceof PduDecodeError, `expected PduDecodeError, got ${String(caught)}`);
    assert.deepEqual(caught.abort, { source: 2, reason });
    return caught;
}
/** A-ASSOCIATE-RQ fixed fields (bytes 7-74) followed by the given items; PDU-length from the parts. */
function rq(...items) {
    const body = bytes('0001 0000', padded('SCP', 16), padded('SCU', 16), '00'.repeat(32), ...items);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    return bytes('01 00', len, body);
}
const appContextItem = bytes('10 00 0015', ascii(APP_CONTEXT));
const pcItem = bytes('20 00 002e', '01 00 00 00', '30 00 0011', ascii('1.2.840.10008.1.1'), '40 00 0011', ascii('1.2.840.10008.1.2'));
const uiItem = bytes('50 00 0008', '51 00 0004 00004000');
test('the helper RQ is itself valid', () => {
    const pdu = decodePdu(rq(appContextItem, pcItem, uiItem));
    assert.equal(pdu.presentationContexts.length, 1);
});
test('PDU-length larger than the bytes present → invalid-PDU-parameter value (6)', () => {
    assertAbort(bytes('05 00 00000008 00000000'), 6);
});
test('PDU-length smaller than the bytes present → invalid-PDU-parameter value (6)', () => {
    assertAbort(bytes('07 00 00000002 00 00 02 00'), 6);
});
test('a PDU shorter than its 6-byte header → invalid-PDU-parameter value (6)', () => {
    assertAbort(bytes('04 00 0000'), 6);
    assertAbort(Buffer.alloc(0), 6);
});
test('unknown PDU type 0x08 → unrecognized-PDU (1)', () => {
    assertAbort(bytes('08 00 00000004 00000000'), 1);
});
test('unknown PDU type 0x00 and 0xff → unrecognized-PDU (1)', () => {
    assertAbort(bytes('00 00 00000004 00000000'), 1);
    assertAbort(bytes('ff 00 00000004 00000000'), 1);
});
test('A-ASSOCIATE-RJ with PDU-length 3 or 5 (Table 9-21 fixes 4) → invalid-PDU-parameter value (6)', () => {
    assertAbort(bytes('03 00 00000003 01 01 01'), 6);
    assertAbort(bytes('03 00 00000005 00 01 01 01 00'), 6);
});
test('A-RELEASE-RQ, A-RELEASE-RP and A-ABORT with a length other than 4 → invalid-PDU-parameter value (6)', () => {
    assertAbort(bytes('05 00 00000000'), 6);
    assertAbort(bytes('06 00 00000006 000000000000'), 6);
    assertAbort(bytes('07 00 00000003 00 02 00'), 6);
});
test('P-DATA-TF with no PDV item → invalid-PDU-parameter value (6)', () => {
    assertAbort(bytes('04 00 00000000'), 6);
});
test('P-DATA-TF with a PDV item-length of 1 or 0 (< 2: no room for context ID and control header) → invalid-PDU-parameter value (6)', () => {
    assertAbort(bytes('04 00 00000005 00000001 01'), 6);
    assertAbort(bytes('04 00 00000004 00000000'), 6);
});
test('P-DATA-TF whose PDV item-length overruns the PDU → invalid-PDU-parameter value (6)', () => {
    assertAbort(bytes('04 00 00000009 00000010 01 03 aabbcc'), 6);
});
test('P-DATA-TF with trailing bytes too short for a PDV header → invalid-PDU-parameter value (6)', () => {
    assertAbort(bytes('04 00 0000000a 00000003 01 03 aa 0000 01'), 6);
});
test('A-ASSOCIATE-RQ shorter than its fixed fields (bytes 7-74) → invalid-PDU-parameter value (6)', () => {
    assertAbort(bytes('01 00 00000010', '0001 0000', padded('SCP', 12)), 6);
});
test('A-ASSOCIATE-RQ item whose item-length overruns the PDU → invalid-PDU-parameter value (6)', () => {
    assertAbort(rq(bytes('10 00 0100', ascii(APP_CONTEXT))), 6);
});
test('A-ASSOCIATE-RQ item header cut short at the end of the PDU → invalid-PDU-parameter value (6)', () => {
    assertAbort(rq(appContextItem, bytes('20 00')), 6);
});
test('Presentation Context sub-item overrunning its item → invalid-PDU-parameter value (6)', () => {
    const pc = bytes('20 00 0019', '01 00 00 00', '30 00 0030', ascii('1.2.840.10008.1.1')); // sub-item claims 48, item holds 17
    assertAbort(rq(appContextItem, pc, uiItem), 6);
});
test('User Information sub-item overrunning the User Information item → invalid-PDU-parameter value (6)', () => {
    const ui = bytes('50 00 0008', '52 00 0010 31 2e 32 2e'); // claims 16 bytes, 4 present
    assertAbort(rq(appContextItem, pcItem, ui), 6);
});
test('Role Selection sub-item whose UID-length overruns the sub-item → invalid-PDU-parameter value (6)', () => {
    const ui = bytes('50 00 0008', '54 00 0004 0040 01 00');
    assertAbort(rq(appContextItem, pcItem, ui), 6);
});
test('User Identity RQ whose primary-field-length overruns the sub-item → invalid-PDU-parameter value (6)', () => {
    const ui = bytes('50 00 000a', '58 00 0006 01 00 0040 6162');
    assertAbort(rq(appContextItem, pcItem, ui), 6);
});
test('A-ASSOCIATE-RQ carrying an A-ASSOCIATE-AC Presentation Context Item (0x21) → unexpected-PDU parameter (5)', () => {
    const acItem = bytes('21 00 0019', '01 00 00 00', '40 00 0011', ascii('1.2.840.10008.1.2'));
    assertAbort(rq(appContextItem, acItem, uiItem), 5);
});
test('A-ASSOCIATE-RQ without an Application Context Item → PduDecodeError, source service-provider', () => {
    let caught;
    try {
        decodePdu(rq(pcItem, uiItem));
    }
    catch (err) {
        caught = err;
    }
    assert.ok(caught instanceof PduDecodeError);
    assert.equal(caught.abort.source, 2);
});
test('A-ASSOCIATE-RQ item of an unrecognized type (0x99) is ignored and skipped (PS3.8 §9.3.1)', () => {
    const unknownItem = bytes('99 00 0003 010203');
    const pdu = decodePdu(rq(appContextItem, pcItem, unknownItem, uiItem));
    assert.equal(pdu.applicationContext, APP_CONTEXT);
    assert.equal(pdu.presentationContexts.length, 1);
    assert.equal(pdu.userInformation.maxLength, 16384);
});
test('Presentation Context sub-item of an unrecognized type (0x99) is ignored and skipped (PS3.8 §9.3.1)', () => {
    const pc = bytes('20 00 0035', '01 00 00 00', '30 00 0011', ascii('1.2.840.10008.1.1'), '99 00 0003 010203', '40 00 0011', ascii('1.2.840.10008.1.2'));
    const pdu = decodePdu(rq(appContextItem, pc, uiItem));
    assert.deepEqual(pdu.presentationContexts, [{ id: 1, abstractSyntax: '1.2.840.10008.1.1', transferSyntaxes: ['1.2.840.10008.1.2'] }]);
});
//# sourceMappingURL=pdu-codec-malformed.test.js.map