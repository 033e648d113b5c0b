import { test } from 'node:test';
import assert from 'node:assert/strict';
import { UIDS, EDITION, lookupUid, uidName, uidKeyword, isStorageSopClass, STORAGE_SOP_CLASSES, TRANSFER_SYNTAXES, isTransferSyntax, isUncompressed, isEncapsulated, isDeflated, Verification, DICOMApplicationContext, ImplicitVRLittleEndian, ExplicitVRLittleEndian, EncapsulatedUncompressedExplicitVRLittleEndian, DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian, JPEGBaseline8Bit, JPEGLosslessSV1, JPEGLSLossless, JPEG2000Lossless, JPEG2000, RLELossless, DeflatedImageFrameCompression, PatientRootQueryRetrieveInformationModelFind, PatientRootQueryRetrieveInformationModelMove, PatientRootQueryRetrieveInformationModelGet, StudyRootQueryRetrieveInformationModelFind, StudyRootQueryRetrieveInformationModelMove, StudyRootQueryRetrieveInformationModelGet, } from '../../services/registry/uids.js';
test('registry notes its edition and holds a plausible number of UIDs', () => {
    assert.match(EDITION, /20\d\d[a-e]/);
    assert.ok(UIDS.size > 400, `only ${UIDS.size} UIDs`);
});
test('every UID is well formed and keyed by itself', () => {
    for (const [key, e] of UIDS) {
        assert.equal(key, e.uid);
        assert.match(e.uid, /^[0-9]+(\.[0-9]+)*$/, e.uid);
        assert.ok(e.uid.length <= 64, e.uid);
        assert.equal(typeof e.retired, 'boolean');
        assert.ok(e.type.length > 0, e.uid);
    }
});
test('known SOP classes', () => {
    assert.equal(uidName('1.2.840.10008.5.1.4.1.1.2'), 'CT Image Storage');
    assert.equal(uidKeyword('1.2.840.10008.5.1.4.1.1.2'), 'CTImageStorage');
    assert.equal(uidName('1.2.840.10008.5.1.4.1.1.4'), 'MR Image Storage');
    assert.equal(uidName(Verification), 'Verification SOP Class');
    assert.equal(lookupUid(DICOMApplicationContext)?.type, 'Application Context Name');
    assert.equal(uidName(StudyRootQueryRetrieveInformationModelFind), 'Study Root Query/Retrieve Information Model - FIND');
});
test('known transfer syntaxes', () => {
    const expected = {
        '1.2.840.10008.1.2.4.50': 'JPEG Baseline (Process 1)',
        '1.2.840.10008.1.2.5': 'RLE Lossless',
        '1.2.840.10008.1.2.4.90': 'JPEG 2000 Image Compression (Lossless Only)',
        '1.2.840.10008.1.2.4.91': 'JPEG 2000 Image Compression',
        '1.2.840.10008.1.2.4.80': 'JPEG-LS Lossless Image Compression',
        '1.2.840.10008.1.2.4.81': 'JPEG-LS Lossy (Near-Lossless) Image Compression',
        '1.2.840.10008.1.2.4.201': 'High-Throughput JPEG 2000 Image Compression (Lossless Only)',
        '1.2.840.10008.1.2.4.202': 'High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)',
        '1.2.840.10008.1.2.4.203': 'High-Throughput JPEG 2000 Image Compression',
    };
    for (const [uid, name] of Object.entries(expected)) {
        assert.equal(uidName(uid), name);
        assert.ok(isTransferSyntax(uid), uid);
        assert.ok(isEncapsulated(uid), uid);
        assert.ok(!isUncompressed(uid), uid);
        assert.ok(!isDeflated(uid), uid);
    }
    assert.equal(lookupUid(ExplicitVRBigEndian)?.retired, true);
    assert.ok(TRANSFER_SYNTAXES.includes(ExplicitVRBigEndian), 'retired Explicit VR Big Endian is listed');
    assert.ok(TRANSFER_SYNTAXES.length >= 60, `only ${TRANSFER_SYNTAXES.length} transfer syntaxes`);
    assert.ok(!isTransferSyntax(Verification));
});
test('transfer syntax classification', () => {
    for (const ts of [ImplicitVRLittleEndian, ExplicitVRLittleEndian, ExplicitVRBigEndian]) {
        assert.ok(isUncompressed(ts), ts);
        assert.ok(!isEncapsulated(ts), ts);
        assert.ok(!isDeflated(ts), ts);
    }
    assert.ok(isDeflated(DeflatedExplicitVRLittleEndian));
    assert.ok(!isUncompressed(DeflatedExplicitVRLittleEndian));
    assert.ok(!isEncapsulated(DeflatedExplicitVRLittleEndian));
    assert.ok(isEncapsulated(EncapsulatedUncompressedExplicitVRLittleEndian));
    assert.ok(isEncapsulated(DeflatedImageFrameCompression));
    assert.ok(!isDeflated(DeflatedImageFrameCompression));
    assert.ok(!isEncapsulated('1.2.840.10008.1.2.4.94'), 'JPIP Referenced carries no pixel data');
    assert.ok(!isEncapsulated('1.2.3.4.5'), 'unknown UID');
    assert.ok(isUncompressed(`${ExplicitVRLittleEndian}\0`), 'padding is ignored');
    // every registered TS is exactly one of: uncompressed, deflated, encapsulated, or listed as other native
    for (const ts of TRANSFER_SYNTAXES) {
        const kinds = [isUncompressed(ts), isDeflated(ts), isEncapsulated(ts)].filter(Boolean).length;
        assert.ok(kinds <= 1, ts);
    }
});
test('storage SOP classes', () => {
    assert.ok(STORAGE_SOP_CLASSES.length > 150, `only ${STORAGE_SOP_CLASSES.length}`);
    assert.ok(isStorageSopClass('1.2.840.10008.5.1.4.1.1.2'), 'CT');
    assert.ok(isStorageSopClass('1.2.840.10008.5.1.4.1.1.4'), 'MR');
    assert.ok(isStorageSopClass('1.2.840.10008.5.1.4.1.1.1.1'), 'DX For Presentation');
    assert.ok(isStorageSopClass('1.2.840.10008.5.1.4.1.1.6'), 'retired US Image Storage');
    assert.ok(isStorageSopClass('1.2.840.10008.5.1.4.38.1'), 'Hanging Protocol Storage');
    assert.ok(isStorageSopClass('1.2.840.10008.5.1.4.1.1.2\0'), 'padding is ignored');
    assert.ok(!isStorageSopClass('1.2.840.10008.1.20.1'), 'Storage Commitment Push Model');
    assert.ok(!isStorageSopClass('1.2.840.10008.1.20.2'), 'Storage Commitment Pull Model');
    assert.ok(!isStorageSopClass('1.2.840.10008.4.2'), 'Storage Service Class');
    assert.ok(!isStorageSopClass('1.2.840.10008.5.1.4.1.1.201.1.1'), 'Storage Management SOP Instance');
    assert.ok(!isStorageSopClass('1.2.840.10008.1.3.10'), 'Media Storage Directory Storage');
    assert.ok(!isStorageSopClass(Verification));
    assert.ok(!isStorageSopClass(PatientRootQueryRetrieveInformationModelFind));
    for (const uid of STORAGE_SOP_CLASSES)
        assert.equal(lookupUid(uid)?.type, 'SOP Class', uid);
});
test('uidName strips NUL/space padding and falls back to the UID', () => {
    assert.equal(uidName('1.2.840.10008.1.2.1\0'), 'Explicit VR Little Endian');
    assert.equal(uidName('1.2.840.10008.1.2 '), 'Implicit VR Little Endian');
    assert.equal(uidName('1.2.3.4\0'), '1.2.3.4');
    assert.equal(uidKeyword('1.2.3.4'), undefined);
    assert.equal(lookupUid('1.2.3.4'), undefined);
});
test('named constants agree with the registry', () => {
    const constants = {
        Verification,
        DICOMApplicationContext,
        ImplicitVRLittleEndian,
        ExplicitVRLittleEndian,
        EncapsulatedUncompressedExplicitVRLittleEndian,
        DeflatedExplicitVRLittleEndian,
        ExplicitVRBigEndian,
        JPEGBaseline8Bit,
        JPEGLosslessSV1,
        JPEGLSLossless,
        JPEG2000Lossless,
        JPEG2000,
        RLELossless,
        DeflatedImageFrameCompression,
        PatientRootQueryRetrieveInformationModelFind,
        PatientRootQueryRetrieveInformationModelMove,
        PatientRootQueryRetrieveInformationModelGet,
        StudyRootQueryRetrieveInformationModelFind,
        StudyRootQueryRetrieveInformationModelMove,
        StudyRootQueryRetrieveInformationModelGet,
    };
    for (const [keyword, uid] of Object.entries(constants))
        assert.equal(uidKeyword(uid), keyword, uid);
});
//# sourceMappingURL=uid-registry.test.js.map