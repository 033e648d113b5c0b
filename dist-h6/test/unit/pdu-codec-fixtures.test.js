/**
 * Field-built byte fixtures, one per PDU type, written by hand from PS3.8
 * §9.3 (Tables 9-11 … 9-26), Annex D.1 and PS3.7 Annex D.3.3. Byte numbers in
 * comments are the standard's (1-based); every length is a literal.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodePdu, encodePdu } from '../../transport/pdu-codec.js';
import { emptyUserInformation } from '../../transport/pdu-types.js';
import { ascii, bytes, padded } from '../helpers/bytes.js';
const APP_CONTEXT = '1.2.840.10008.3.1.1.1'; // 21 characters
const VERIFICATION = '1.2.840.10008.1.1'; // 17 characters
const IVRLE = '1.2.840.10008.1.2'; // 17 characters
// A-ASSOCIATE-RQ, Table 9-11. Called AE "ANY-SCP", calling "ECHOSCU", both space padded;
// the abstract syntax and the implementation class UID carry a trailing NUL pad.
const RQ_FIXTURE = bytes('01', //                          1      PDU-type
'00', //                          2      reserved
'000000b9', //                    3-6    PDU-length = 185 = 68 fixed + 117 items
'0001', //                        7-8    protocol-version, bit 0
'0000', //                        9-10   reserved
padded('ANY-SCP', 16), //         11-26  called-AE-title
padded('ECHOSCU', 16), //         27-42  calling-AE-title
'00'.repeat(32), //               43-74  reserved
// 75: Application Context Item, Table 9-12 (4 + 21 = 25 bytes)
'10 00 0015', ascii(APP_CONTEXT), 
// 100: Presentation Context Item, Table 9-13 (4 + 47 = 51 bytes)
'20 00 002f', '01 00 00 00', //                 pc ID 1, three reserved bytes
'30 00 0012', ascii(VERIFICATION + '\0'), // Abstract Syntax Sub-Item, Table 9-14 (4 + 18)
'40 00 0011', ascii(IVRLE), //    Transfer Syntax Sub-Item, Table 9-15 (4 + 17)
// 151: User Information Item, Table 9-16 (4 + 37 = 41 bytes)
'50 00 0025', '51 00 0004 00004000', //         Maximum Length 16384, Annex D.1 (8)
'52 00 000a', ascii('1.2.3.4.5\0'), // Implementation Class UID, PS3.7 D.3.3.2 (4 + 10)
'55 00 000b', ascii('NETDICOM_01'));
const RQ_EXPECTED = {
    type: 'A-ASSOCIATE-RQ',
    protocolVersion: 1,
    calledAETitle: 'ANY-SCP',
    callingAETitle: 'ECHOSCU',
    applicationContext: APP_CONTEXT,
    presentationContexts: [{ id: 1, abstractSyntax: VERIFICATION, transferSyntaxes: [IVRLE] }],
    userInformation: { ...emptyUserInformation(), maxLength: 16384, implementationClassUid: '1.2.3.4.5', implementationVersionName: 'NETDICOM_01' },
};
test('A-ASSOCIATE-RQ fixture: offsets agree with Table 9-11 (items start at byte 75)', () => {
    assert.equal(RQ_FIXTURE.length, 6 + 0xb9);
    assert.equal(RQ_FIXTURE[74], 0x10); // byte 75: Application Context Item
    assert.equal(RQ_FIXTURE[99], 0x20); // Presentation Context Item
    assert.equal(RQ_FIXTURE[150], 0x50); // User Information Item
});
test('A-ASSOCIATE-RQ fixture decodes field by field; space-padded AE titles and NUL-padded UIDs come back trimmed', () => {
    assert.deepEqual(decodePdu(RQ_FIXTURE), RQ_EXPECTED);
});
test('A-ASSOCIATE-RQ: a called AE title with leading spaces is trimmed (PS3.8 Table 9-11: leading and trailing spaces non-significant)', () => {
    const fx = Buffer.from(RQ_FIXTURE);
    padded('  ANY-SCP', 16).copy(fx, 10);
    const pdu = decodePdu(fx);
    assert.equal(pdu.calledAETitle, 'ANY-SCP');
});
test('A-ASSOCIATE-RQ: our encoder writes exactly the field-built bytes (AE titles space padded, UIDs unpadded)', () => {
    const unpadded = bytes('01 00 000000b7', '0001 0000', padded('ANY-SCP', 16), padded('ECHOSCU', 16), '00'.repeat(32), '10 00 0015', ascii(APP_CONTEXT), '20 00 002e', '01 00 00 00', '30 00 0011', ascii(VERIFICATION), '40 00 0011', ascii(IVRLE), // 4 + 21 + 21 = 46
    '50 00 0024', '51 00 0004 00004000', '52 00 0009', ascii('1.2.3.4.5'), '55 00 000b', ascii('NETDICOM_01'));
    assert.equal(unpadded.length, 6 + 0xb7);
    assert.deepEqual(encodePdu(RQ_EXPECTED), unpadded);
});
// A-ASSOCIATE-AC, Table 9-17, with Presentation Context Items of Table 9-18.
const AC_FIXTURE = bytes('02 00', //                       1-2
'000000a3', //                    3-6    PDU-length = 163 = 68 + 95
'0001 0000', //                   7-10
padded('ANY-SCP', 16), //         11-26  reserved, sent as in the RQ
padded('ECHOSCU', 16), //         27-42  reserved, sent as in the RQ
'00'.repeat(32), //               43-74
'10 00 0015', ascii(APP_CONTEXT), // 25 bytes
// Presentation Context Item (AC): ID, reserved, result/reason (byte 7), reserved (4 + 21 = 25)
'21 00 0019', '01 00 00 00', '40 00 0011', ascii(IVRLE), //  pc 1 accepted
'21 00 0019', '03 00 03 00', '40 00 0011', ascii(IVRLE), //  pc 3 abstract-syntax-not-supported
'50 00 0008', '51 00 0004 00010000');
test('A-ASSOCIATE-AC fixture: offsets agree with Table 9-17', () => {
    assert.equal(AC_FIXTURE.length, 6 + 0xa3);
    assert.equal(AC_FIXTURE[74], 0x10);
    assert.equal(AC_FIXTURE[99], 0x21);
    assert.equal(AC_FIXTURE[99 + 6], 0x00); // result of pc 1, item byte 7
    assert.equal(AC_FIXTURE[128 + 6], 0x03); // result of pc 3
    assert.equal(AC_FIXTURE[157], 0x50);
});
test('A-ASSOCIATE-AC fixture decodes, and encodes back to the same bytes', () => {
    const expected = {
        type: 'A-ASSOCIATE-AC',
        protocolVersion: 1,
        calledAETitle: 'ANY-SCP',
        callingAETitle: 'ECHOSCU',
        applicationContext: APP_CONTEXT,
        presentationContexts: [{ id: 1, result: 0, transferSyntax: IVRLE }, { id: 3, result: 3, transferSyntax: IVRLE }],
        userInformation: { ...emptyUserInformation(), maxLength: 65536 },
    };
    assert.deepEqual(decodePdu(AC_FIXTURE), expected);
    assert.deepEqual(encodePdu(expected), AC_FIXTURE);
});
// Table 9-21: reserved (7), result (8), source (9), reason/diag (10).
const RJ_FIXTURE = bytes('03 00 00000004 00 01 01 07');
test('A-ASSOCIATE-RJ fixture: result 1, source 1, reason 7 (called-AE-title-not-recognized); encodes back', () => {
    const rj = { type: 'A-ASSOCIATE-RJ', result: 1, source: 1, reason: 7 };
    assert.deepEqual(decodePdu(RJ_FIXTURE), rj);
    assert.deepEqual(encodePdu(rj), RJ_FIXTURE);
});
test('A-ASSOCIATE-RJ: reserved byte 7 is not tested when received', () => {
    assert.deepEqual(decodePdu(bytes('03 ff 00000004 ff 02 03 01')), { type: 'A-ASSOCIATE-RJ', result: 2, source: 3, reason: 1 });
});
// Table 9-22 and 9-23; message control header, Annex E.2 (bit 0 command, bit 1 last).
const PDATA_FIXTURE = bytes('04 00 00000013', //              PDU-length 19 = (4 + 6) + (4 + 5)
'00000006 01 03 aabbccdd', //     PDV: item-length 6, pc 1, command + last, 4 bytes
'00000005 03 00 010203');
test('P-DATA-TF fixture: two PDVs with their message control headers; encodes back', () => {
    const expected = {
        type: 'P-DATA-TF',
        pdvs: [
            { pcId: 1, isCommand: true, isLast: true, data: bytes('aabbccdd') },
            { pcId: 3, isCommand: false, isLast: false, data: bytes('010203') },
        ],
    };
    const got = decodePdu(PDATA_FIXTURE);
    assert.deepEqual(got, expected);
    assert.deepEqual(encodePdu(expected), PDATA_FIXTURE);
});
test('P-DATA-TF: control header 0x02 is data + last, 0x01 is command + not last', () => {
    const got = decodePdu(bytes('04 00 0000000e', '00000003 05 02 11', '00000003 07 01 22'));
    assert.deepEqual(got, {
        type: 'P-DATA-TF',
        pdvs: [
            { pcId: 5, isCommand: false, isLast: true, data: bytes('11') },
            { pcId: 7, isCommand: true, isLast: false, data: bytes('22') },
        ],
    });
});
test('A-RELEASE-RQ fixture (Table 9-24) decodes and encodes back', () => {
    const fx = bytes('05 00 00000004 00000000');
    assert.deepEqual(decodePdu(fx), { type: 'A-RELEASE-RQ' });
    assert.deepEqual(encodePdu({ type: 'A-RELEASE-RQ' }), fx);
});
test('A-RELEASE-RP fixture (Table 9-25) decodes and encodes back', () => {
    const fx = bytes('06 00 00000004 00000000');
    assert.deepEqual(decodePdu(fx), { type: 'A-RELEASE-RP' });
    assert.deepEqual(encodePdu({ type: 'A-RELEASE-RP' }), fx);
});
test('A-ABORT fixture (Table 9-26): source at byte 9, reason at byte 10; encodes back', () => {
    const fx = bytes('07 00 00000004 00 00 02 06');
    assert.deepEqual(decodePdu(fx), { type: 'A-ABORT', source: 2, reason: 6 });
    assert.deepEqual(encodePdu({ type: 'A-ABORT', source: 2, reason: 6 }), fx);
});
/** Wraps a hand-built User Information item body in an A-ASSOCIATE-RQ with no presentation context. */
function rqWithUserInformation(subItems) {
    const ui = bytes('50 00', Buffer.from([subItems.length >> 8, subItems.length & 0xff]), subItems);
    const body = bytes('0001 0000', padded('SCP', 16), padded('SCU', 16), '00'.repeat(32), '10 00 0015', ascii(APP_CONTEXT), ui);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(body.length);
    return bytes('01 00', len, body);
}
const CT = '1.2.840.10008.5.1.4.1.1.2'; // 25 characters
const STUDY_FIND = '1.2.840.10008.5.1.4.1.2.2.1'; // 27 characters
const ENHANCED_CT = '1.2.840.10008.5.1.4.1.1.2.1'; // 27 characters
const STORAGE_SERVICE = '1.2.840.10008.4.2'; // 17 characters
const SUB_ITEM_FIXTURES = [
    ['Maximum Length (Annex D.1, Table D.1-1)', bytes('51 00 0004 00004000'), { maxLength: 16384 }],
    ['Implementation Class UID (PS3.7 Table D.3-1)', bytes('52 00 0009', ascii('1.2.3.4.5')), { implementationClassUid: '1.2.3.4.5' }],
    ['Asynchronous Operations Window (PS3.7 Table D.3-7)', bytes('53 00 0004 0005 0001'), { asyncOpsWindow: { maxInvoked: 5, maxPerformed: 1 } }],
    [
        'SCP/SCU Role Selection (PS3.7 Table D.3-9): UID length, UID, SCU role, SCP role',
        bytes('54 00 001d 0019', ascii(CT), '01 00'), // 2 + 25 + 1 + 1 = 29
        { roleSelections: [{ sopClassUid: CT, scuRole: 1, scpRole: 0 }] },
    ],
    ['Implementation Version Name (PS3.7 Table D.3-3)', bytes('55 00 000b', ascii('NETDICOM_01')), { implementationVersionName: 'NETDICOM_01' }],
    [
        'SOP Class Extended Negotiation (PS3.7 Table D.3-11)',
        bytes('56 00 0020 001b', ascii(STUDY_FIND), '01 00 01'), // 2 + 27 + 3 = 32
        { sopClassExtended: [{ sopClassUid: STUDY_FIND, serviceClassApplicationInformation: bytes('010001') }] },
    ],
    [
        'SOP Class Common Extended Negotiation (PS3.7 Table D.3-12)',
        // sub-item version 0; 2 + 27 + 2 + 17 + 2 + (2 + 25) = 77
        bytes('57 00 004d', '001b', ascii(ENHANCED_CT), '0011', ascii(STORAGE_SERVICE), '001b', '0019', ascii(CT)),
        { sopClassCommonExtended: [{ sopClassUid: ENHANCED_CT, serviceClassUid: STORAGE_SERVICE, relatedGeneralSopClassUids: [CT] }] },
    ],
    [
        'User Identity RQ (PS3.7 Table D.3-14): type 2, positive response requested, username, passcode',
        bytes('58 00 0011', '02 01', '0005', ascii('alice'), '0006', ascii('s3cret')), // 1 + 1 + 2 + 5 + 2 + 6 = 17
        { userIdentityRq: { identityType: 2, positiveResponseRequested: true, primaryField: ascii('alice'), secondaryField: ascii('s3cret') } },
    ],
    ['User Identity AC (PS3.7 Table D.3-15): server response length, server response', bytes('59 00 0004 0002', ascii('OK')), { userIdentityAc: ascii('OK') }],
    ['an unknown sub-item type, kept as bytes', bytes('6f 00 0003 010203'), { unknown: [{ itemType: 0x6f, data: bytes('010203') }] }],
];
for (const [name, sub, part] of SUB_ITEM_FIXTURES) {
    test(`User Information fixture: ${name}`, () => {
        const pdu = decodePdu(rqWithUserInformation(sub));
        assert.deepEqual(pdu.userInformation, { ...emptyUserInformation(), ...part });
    });
}
test('User Information fixture: all sub-items in one item decode together', () => {
    const all = bytes(...SUB_ITEM_FIXTURES.map(([, b]) => b));
    const pdu = decodePdu(rqWithUserInformation(all));
    assert.deepEqual(pdu.userInformation, Object.assign(emptyUserInformation(), ...SUB_ITEM_FIXTURES.map(([, , p]) => p)));
});
test('User Information: a NUL-padded Implementation Class UID and a space-padded Version Name come back trimmed', () => {
    const sub = bytes('52 00 000a', ascii('1.2.3.4.5\0'), '55 00 0006', ascii('NAME  '));
    const pdu = decodePdu(rqWithUserInformation(sub));
    assert.equal(pdu.userInformation.implementationClassUid, '1.2.3.4.5');
    assert.equal(pdu.userInformation.implementationVersionName, 'NAME');
});
//# sourceMappingURL=pdu-codec-fixtures.test.js.map