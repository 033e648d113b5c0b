import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseTransferSyntax, negotiate } from '../../services/acse/negotiate.js';
import { emptyUserInformation } from '../../transport/pdu-types.js';
import { DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian, JPEG2000Lossless, JPEGBaseline8Bit, Verification, } from '../../services/registry/uids.js';
const CT = '1.2.840.10008.5.1.4.1.1.2';
const MR = '1.2.840.10008.5.1.4.1.1.4';
const UNKNOWN_SOP = '1.2.3.4.5.6.7.8.9';
const ALL_TS = [ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian, JPEGBaseline8Bit, JPEG2000Lossless, DeflatedExplicitVRLittleEndian];
const accepts = (tss, scuRole = false) => ({ acceptsTransferSyntax: (ts) => tss.includes(ts), scuRole });
function policy(over = {}) {
    const table = new Map([
        [Verification, accepts([ImplicitVRLittleEndian, ExplicitVRLittleEndian])],
        [CT, accepts(ALL_TS, true)],
        [MR, accepts([ImplicitVRLittleEndian])],
    ]);
    return {
        aeTitle: 'STORESCP',
        requireCalledAETitle: false,
        support: (as) => table.get(as),
        maxPduLength: 65536,
        implementationClassUid: '1.2.826.0.1.3680043.9.7433.1',
        implementationVersionName: 'NETDICOM_010',
        ...over,
    };
}
function rq(contexts, over = {}) {
    return {
        type: 'A-ASSOCIATE-RQ',
        protocolVersion: 1,
        calledAETitle: 'STORESCP',
        callingAETitle: 'STORESCU',
        applicationContext: '1.2.840.10008.3.1.1.1',
        presentationContexts: contexts,
        userInformation: { ...emptyUserInformation(), maxLength: 16384, implementationClassUid: '1.2.3' },
        ...over,
    };
}
function accepted(n) {
    assert.ok(n.accepted, n.accepted ? '' : `rejected: ${n.why}`);
    return n;
}
test('each presentation context gets result 0 (acceptance), 3 (abstract-syntax-not-supported) or 4 (transfer-syntaxes-not-supported)', () => {
    const n = accepted(negotiate(rq([
        { id: 1, abstractSyntax: Verification, transferSyntaxes: [ImplicitVRLittleEndian] },
        { id: 3, abstractSyntax: UNKNOWN_SOP, transferSyntaxes: [ImplicitVRLittleEndian] },
        { id: 5, abstractSyntax: MR, transferSyntaxes: [JPEGBaseline8Bit, ExplicitVRBigEndian] },
    ]), policy()));
    assert.deepEqual(n.ac.presentationContexts.map((pc) => [pc.id, pc.result]), [[1, 0], [3, 3], [5, 4]]);
    assert.equal(n.ac.presentationContexts[0].transferSyntax, ImplicitVRLittleEndian);
    assert.deepEqual([...n.contexts.keys()], [1]);
    assert.deepEqual(n.contexts.get(1), { id: 1, abstractSyntax: Verification, transferSyntax: ImplicitVRLittleEndian });
});
test('an association with no acceptable context is still an A-ASSOCIATE-AC (results per context)', () => {
    const n = accepted(negotiate(rq([{ id: 1, abstractSyntax: UNKNOWN_SOP, transferSyntaxes: [ImplicitVRLittleEndian] }]), policy()));
    assert.deepEqual(n.ac.presentationContexts.map((pc) => pc.result), [3]);
    assert.equal(n.contexts.size, 0);
});
test('storage: a proposed JPEG Baseline beats Explicit VR LE, whatever the proposal order', () => {
    for (const order of [[ExplicitVRLittleEndian, JPEGBaseline8Bit, ImplicitVRLittleEndian], [JPEGBaseline8Bit, ExplicitVRLittleEndian], [ImplicitVRLittleEndian, ExplicitVRLittleEndian, JPEGBaseline8Bit]]) {
        const n = accepted(negotiate(rq([{ id: 1, abstractSyntax: CT, transferSyntaxes: order }]), policy()));
        assert.equal(n.ac.presentationContexts[0].transferSyntax, JPEGBaseline8Bit, order.join(','));
    }
});
test('among uncompressed transfer syntaxes: Explicit VR LE > Implicit VR LE > Explicit VR BE, regardless of proposal order', () => {
    const cases = [
        [[ExplicitVRBigEndian, ImplicitVRLittleEndian, ExplicitVRLittleEndian], ExplicitVRLittleEndian],
        [[ImplicitVRLittleEndian, ExplicitVRLittleEndian], ExplicitVRLittleEndian],
        [[ExplicitVRBigEndian, ImplicitVRLittleEndian], ImplicitVRLittleEndian],
        [[ImplicitVRLittleEndian, ExplicitVRBigEndian], ImplicitVRLittleEndian],
        [[ExplicitVRBigEndian], ExplicitVRBigEndian],
    ];
    for (const [proposed, want] of cases) {
        const n = accepted(negotiate(rq([{ id: 1, abstractSyntax: CT, transferSyntaxes: proposed }]), policy()));
        assert.equal(n.ac.presentationContexts[0].transferSyntax, want, proposed.join(','));
    }
});
test('only transfer syntaxes the abstract syntax supports are chosen (a JPEG proposal for MR is skipped)', () => {
    const n = accepted(negotiate(rq([{ id: 1, abstractSyntax: MR, transferSyntaxes: [JPEGBaseline8Bit, ExplicitVRLittleEndian, ImplicitVRLittleEndian] }]), policy()));
    assert.equal(n.ac.presentationContexts[0].transferSyntax, ImplicitVRLittleEndian);
});
test('chooseTransferSyntax: among several compressed ones the first proposed wins', () => {
    assert.equal(chooseTransferSyntax([JPEG2000Lossless, JPEGBaseline8Bit, ExplicitVRLittleEndian], accepts(ALL_TS)), JPEG2000Lossless);
    assert.equal(chooseTransferSyntax([ImplicitVRLittleEndian], accepts([ExplicitVRLittleEndian])), undefined);
});
test('transfer syntax and abstract syntax UIDs with a trailing NUL are matched without it', () => {
    const n = accepted(negotiate(rq([{ id: 1, abstractSyntax: Verification + '\0', transferSyntaxes: [ImplicitVRLittleEndian + '\0'] }]), policy()));
    assert.equal(n.ac.presentationContexts[0].result, 0);
    assert.equal(n.ac.presentationContexts[0].transferSyntax, ImplicitVRLittleEndian);
});
test('AE titles are compared without padding: a space-padded called AE title matches requireCalledAETitle', () => {
    const n = negotiate(rq([], { calledAETitle: '  STORESCP      ' }), policy({ requireCalledAETitle: true, aeTitle: 'STORESCP ' }));
    assert.ok(n.accepted);
});
test('requireCalledAETitle with another called AE title → A-ASSOCIATE-RJ 1/1/7 (called-AE-title-not-recognized)', () => {
    const n = negotiate(rq([], { calledAETitle: 'OTHER' }), policy({ requireCalledAETitle: true }));
    assert.ok(!n.accepted);
    assert.deepEqual(n.rj, { type: 'A-ASSOCIATE-RJ', result: 1, source: 1, reason: 7 });
});
test('without requireCalledAETitle any called AE title is accepted', () => {
    assert.ok(negotiate(rq([], { calledAETitle: 'ANYTHING' }), policy()).accepted);
});
test('a calling AE title outside the allow-list → A-ASSOCIATE-RJ 1/1/3 (calling-AE-title-not-recognized)', () => {
    const n = negotiate(rq([], { callingAETitle: 'INTRUDER' }), policy({ allowedCallingAETitles: ['STORESCU', 'FINDSCU'] }));
    assert.ok(!n.accepted);
    assert.deepEqual(n.rj, { type: 'A-ASSOCIATE-RJ', result: 1, source: 1, reason: 3 });
});
test('a calling AE title in the allow-list is accepted, padding ignored on both sides', () => {
    const n = negotiate(rq([], { callingAETitle: ' STORESCU  ' }), policy({ allowedCallingAETitles: ['FINDSCU', 'STORESCU   '] }));
    assert.ok(n.accepted);
});
test('a wrong application context name → A-ASSOCIATE-RJ 1/1/2 (application-context-name-not-supported)', () => {
    const n = negotiate(rq([], { applicationContext: '1.2.3.4' }), policy());
    assert.ok(!n.accepted);
    assert.deepEqual(n.rj, { type: 'A-ASSOCIATE-RJ', result: 1, source: 1, reason: 2 });
});
test('the A-ASSOCIATE-AC carries our Maximum Length, Implementation Class UID and Version Name, and the DICOM application context', () => {
    const n = accepted(negotiate(rq([{ id: 1, abstractSyntax: Verification, transferSyntaxes: [ImplicitVRLittleEndian] }]), policy()));
    assert.equal(n.ac.type, 'A-ASSOCIATE-AC');
    assert.equal(n.ac.protocolVersion & 1, 1);
    assert.equal(n.ac.applicationContext, '1.2.840.10008.3.1.1.1');
    assert.equal(n.ac.userInformation.maxLength, 65536);
    assert.equal(n.ac.userInformation.implementationClassUid, '1.2.826.0.1.3680043.9.7433.1');
    assert.equal(n.ac.userInformation.implementationVersionName, 'NETDICOM_010');
    assert.equal(n.ac.calledAETitle.trim(), 'STORESCP');
    assert.equal(n.ac.callingAETitle.trim(), 'STORESCU');
});
test('role selection is answered: SCP role granted only where we can act as SCU; no answer for classes not proposed', () => {
    const roles = [
        { sopClassUid: CT, scuRole: 0, scpRole: 1 }, // C-GET storage sub-operations: we serve CT as SCU
        { sopClassUid: MR, scuRole: 1, scpRole: 1 }, // we cannot act as SCU for MR
        { sopClassUid: UNKNOWN_SOP, scuRole: 1, scpRole: 1 },
    ];
    const n = accepted(negotiate(rq([], { userInformation: { ...emptyUserInformation(), roleSelections: roles } }), policy()));
    assert.deepEqual(n.ac.userInformation.roleSelections, [
        { sopClassUid: CT, scuRole: 0, scpRole: 1 },
        { sopClassUid: MR, scuRole: 1, scpRole: 0 },
        { sopClassUid: UNKNOWN_SOP, scuRole: 1, scpRole: 0 },
    ]);
    assert.deepEqual(n.roles, n.ac.userInformation.roleSelections);
});
test('no role selection proposed → none in the A-ASSOCIATE-AC', () => {
    const n = accepted(negotiate(rq([]), policy()));
    assert.deepEqual(n.ac.userInformation.roleSelections, []);
});
//# sourceMappingURL=acse-negotiate.test.js.map