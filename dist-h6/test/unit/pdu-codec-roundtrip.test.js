import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodePdu, encodePdu } from '../../transport/pdu-codec.js';
import { emptyUserInformation } from '../../transport/pdu-types.js';
import { pduArb } from '../helpers/pdu-arbitraries.js';
const roundTrip = (pdu) => decodePdu(encodePdu(pdu));
const CT = '1.2.840.10008.5.1.4.1.1.2';
const rqWith = (userInformation) => ({
    type: 'A-ASSOCIATE-RQ',
    protocolVersion: 1,
    calledAETitle: 'STORESCP',
    callingAETitle: 'STORESCU',
    applicationContext: '1.2.840.10008.3.1.1.1',
    presentationContexts: [
        { id: 1, abstractSyntax: '1.2.840.10008.1.1', transferSyntaxes: ['1.2.840.10008.1.2'] },
        { id: 3, abstractSyntax: CT, transferSyntaxes: ['1.2.840.10008.1.2.4.50', '1.2.840.10008.1.2.1', '1.2.840.10008.1.2'] },
    ],
    userInformation,
});
test('A-ASSOCIATE-RQ round-trips: decode(encode(x)) deep-equals x', () => {
    const rq = rqWith({ ...emptyUserInformation(), maxLength: 16384, implementationClassUid: '1.2.3.4', implementationVersionName: 'NETDICOM_1' });
    assert.deepEqual(roundTrip(rq), rq);
});
test('A-ASSOCIATE-AC round-trips with accepted and rejected presentation contexts', () => {
    const ac = {
        type: 'A-ASSOCIATE-AC',
        protocolVersion: 1,
        calledAETitle: 'STORESCP',
        callingAETitle: 'STORESCU',
        applicationContext: '1.2.840.10008.3.1.1.1',
        presentationContexts: [
            { id: 1, result: 0, transferSyntax: '1.2.840.10008.1.2' },
            { id: 3, result: 3, transferSyntax: '' },
            { id: 5, result: 4, transferSyntax: '' },
        ],
        userInformation: { ...emptyUserInformation(), maxLength: 0, implementationClassUid: '1.2.3.4.5' },
    };
    assert.deepEqual(roundTrip(ac), ac);
});
test('A-ASSOCIATE-RQ with no presentation context and an empty User Information item round-trips', () => {
    const rq = { ...rqWith(emptyUserInformation()), presentationContexts: [] };
    assert.deepEqual(roundTrip(rq), rq);
});
test('A-ASSOCIATE-RJ round-trips', () => {
    for (const [result, source, reason] of [[1, 1, 1], [1, 1, 2], [1, 1, 3], [1, 1, 7], [1, 2, 1], [1, 2, 2], [2, 3, 1], [2, 3, 2]]) {
        const rj = { type: 'A-ASSOCIATE-RJ', result, source, reason };
        assert.deepEqual(roundTrip(rj), rj);
    }
});
test('P-DATA-TF round-trips with several PDVs, every message control header combination and an empty fragment', () => {
    const pdu = {
        type: 'P-DATA-TF',
        pdvs: [
            { pcId: 1, isCommand: true, isLast: false, data: Buffer.from([1, 2, 3]) },
            { pcId: 1, isCommand: true, isLast: true, data: Buffer.from([4]) },
            { pcId: 3, isCommand: false, isLast: false, data: Buffer.alloc(0) },
            { pcId: 255, isCommand: false, isLast: true, data: Buffer.alloc(300, 7) },
        ],
    };
    assert.deepEqual(roundTrip(pdu), pdu);
});
test('A-RELEASE-RQ and A-RELEASE-RP round-trip', () => {
    assert.deepEqual(roundTrip({ type: 'A-RELEASE-RQ' }), { type: 'A-RELEASE-RQ' });
    assert.deepEqual(roundTrip({ type: 'A-RELEASE-RP' }), { type: 'A-RELEASE-RP' });
});
test('A-ABORT round-trips for service-user and service-provider sources', () => {
    for (const [source, reason] of [[0, 0], [2, 0], [2, 1], [2, 2], [2, 4], [2, 5], [2, 6]]) {
        const a = { type: 'A-ABORT', source, reason };
        assert.deepEqual(roundTrip(a), a);
    }
});
// One round trip per User Information sub-item (PS3.8 Annex D.1, PS3.7 D.3.3), each on its own.
const SUB_ITEMS = [
    ['Maximum Length (0x51)', { maxLength: 0x12345678 }],
    ['Maximum Length 0 = unlimited (0x51)', { maxLength: 0 }],
    ['Implementation Class UID (0x52)', { implementationClassUid: '1.2.826.0.1.3680043.9.7433.1.1' }],
    ['Asynchronous Operations Window (0x53)', { asyncOpsWindow: { maxInvoked: 0, maxPerformed: 65535 } }],
    ['SCP/SCU Role Selection (0x54)', { roleSelections: [{ sopClassUid: CT, scuRole: 0, scpRole: 1 }, { sopClassUid: '1.2.840.10008.5.1.4.1.1.4', scuRole: 1, scpRole: 0 }] }],
    ['Implementation Version Name (0x55)', { implementationVersionName: 'NETDICOM_0.1.0' }],
    ['SOP Class Extended Negotiation (0x56)', { sopClassExtended: [{ sopClassUid: '1.2.840.10008.5.1.4.1.2.2.1', serviceClassApplicationInformation: Buffer.from([1, 0, 1]) }] }],
    ['SOP Class Extended Negotiation with no application information (0x56)', { sopClassExtended: [{ sopClassUid: CT, serviceClassApplicationInformation: Buffer.alloc(0) }] }],
    [
        'SOP Class Common Extended Negotiation (0x57)',
        { sopClassCommonExtended: [{ sopClassUid: '1.2.840.10008.5.1.4.1.1.2.1', serviceClassUid: '1.2.840.10008.4.2', relatedGeneralSopClassUids: [CT, '1.2.840.10008.5.1.4.1.1.2.2'] }] },
    ],
    ['SOP Class Common Extended Negotiation without related classes (0x57)', { sopClassCommonExtended: [{ sopClassUid: CT, serviceClassUid: '1.2.840.10008.4.2', relatedGeneralSopClassUids: [] }] }],
    ['User Identity RQ, username (0x58)', { userIdentityRq: { identityType: 1, positiveResponseRequested: false, primaryField: Buffer.from('alice'), secondaryField: Buffer.alloc(0) } }],
    ['User Identity RQ, username and passcode (0x58)', { userIdentityRq: { identityType: 2, positiveResponseRequested: true, primaryField: Buffer.from('alice'), secondaryField: Buffer.from('s3cret') } }],
    ['User Identity AC (0x59)', { userIdentityAc: Buffer.from('server-response') }],
    ['User Identity AC with an empty server response (0x59)', { userIdentityAc: Buffer.alloc(0) }],
    ['unknown sub-items, kept as bytes', { unknown: [{ itemType: 0x5a, data: Buffer.from([1, 2, 3]) }, { itemType: 0xff, data: Buffer.alloc(0) }] }],
];
for (const [name, part] of SUB_ITEMS) {
    test(`User Information sub-item round-trips: ${name}`, () => {
        const rq = rqWith({ ...emptyUserInformation(), ...part });
        assert.deepEqual(roundTrip(rq), rq);
    });
}
test('User Information with every sub-item at once round-trips, in an A-ASSOCIATE-AC too', () => {
    const all = Object.assign(emptyUserInformation(), ...SUB_ITEMS.map(([, p]) => p));
    const rq = rqWith(all);
    assert.deepEqual(roundTrip(rq), rq);
    const ac = { ...rq, type: 'A-ASSOCIATE-AC', presentationContexts: [{ id: 1, result: 0, transferSyntax: '1.2.840.10008.1.2' }] };
    assert.deepEqual(roundTrip(ac), ac);
});
test('AE titles of exactly 16 characters round-trip', () => {
    const rq = { ...rqWith(emptyUserInformation()), calledAETitle: 'ABCDEFGHIJKLMNOP', callingAETitle: '0123456789ABCDEF' };
    assert.deepEqual(roundTrip(rq), rq);
});
test('property: any valid PDU round-trips, decode(encode(x)) deep-equals x', () => {
    fc.assert(fc.property(pduArb, (pdu) => {
        assert.deepEqual(roundTrip(pdu), pdu);
    }), { numRuns: 500 });
});
test('property: encode(decode(encode(x))) equals encode(x) byte for byte', () => {
    fc.assert(fc.property(pduArb, (pdu) => {
        const once = encodePdu(pdu);
        assert.deepEqual(encodePdu(decodePdu(once)), once);
    }), { numRuns: 300 });
});
//# sourceMappingURL=pdu-codec-roundtrip.test.js.map