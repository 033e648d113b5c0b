import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { encodeDataset } from '../../services/dimse/dataset-codec.js';
import { encodeFileMeta } from '../../services/storage/file-meta.js';
import { readInstanceRecord } from '../../services/query-retrieve/instance-record.js';
import { decoderFor } from '../../services/query-retrieve/header-reader.js';
// The index's file reader: top level only, past large values and
// undefined-length sequences, in every encoding a stored file can have.
const ExplicitLE = '1.2.840.10008.1.2.1';
const DeflatedLE = '1.2.840.10008.1.2.1.99';
const SC = '1.2.840.10008.5.1.4.1.1.7';
function tempDir(t) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'qr-header-'));
    t.after(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
}
const meta = (ts, sop) => encodeFileMeta({ mediaStorageSopClassUid: SC, mediaStorageSopInstanceUid: sop, transferSyntaxUid: ts, implementationClassUid: '1.2.3.4' });
/** One Explicit VR LE element with the 4-byte length form (OB, UN). */
function longElement(group, element, vr, value) {
    const h = Buffer.alloc(12);
    h.writeUInt16LE(group, 0);
    h.writeUInt16LE(element, 2);
    h.write(vr, 4, 'latin1');
    h.writeUInt32LE(value.length, 8);
    return Buffer.concat([h, value]);
}
const ids = { SOPClassUID: SC, SOPInstanceUID: '1.5.1.1.1', StudyDate: '20200102', Modality: 'OT' };
const patientAndStudy = { PatientName: 'Far^Away', PatientID: 'P9', StudyInstanceUID: '1.5.1', SeriesInstanceUID: '1.5.1.1', InstanceNumber: 7 };
test('the wanted elements are found behind a 5 MB private value and an undefined-length sequence', (t) => {
    const dir = tempDir(t);
    const head = encodeDataset({ ...ids, ReferencedStudySequence: [{ ReferencedSOPClassUID: SC, ReferencedSOPInstanceUID: '1.2' }] }, ExplicitLE);
    const big = Buffer.concat([longElement(0x0009, 0x1000, 'OB', Buffer.alloc(5 * 1024 * 1024, 1))]);
    // An undefined-length UN element holds Implicit VR LE items (PS3.5 §6.2.2).
    const item = Buffer.from([0xfe, 0xff, 0x00, 0xe0, 0xff, 0xff, 0xff, 0xff, 0x08, 0x00, 0x50, 0x00, 2, 0, 0, 0, 0x41, 0x42, 0xfe, 0xff, 0x0d, 0xe0, 0, 0, 0, 0]);
    const unSeq = Buffer.concat([Buffer.from([0x09, 0x00, 0x00, 0x20, 0x55, 0x4e, 0, 0, 0xff, 0xff, 0xff, 0xff]), item, Buffer.from([0xfe, 0xff, 0xdd, 0xe0, 0, 0, 0, 0])]);
    const tail = encodeDataset(patientAndStudy, ExplicitLE);
    const file = path.join(dir, 'far.dcm');
    writeFileSync(file, Buffer.concat([meta(ExplicitLE, '1.5.1.1.1'), head, big, unSeq, tail]));
    const rec = readInstanceRecord(file);
    assert.deepEqual([rec.columns.PATIENT.patient_name, rec.columns.PATIENT.patient_id, rec.studyInstanceUid, rec.columns.IMAGE.instance_number, rec.columns.STUDY.study_date_n], ['Far^Away', 'P9', '1.5.1', 7, '20200102']);
    assert.equal(rec.columns.STUDY.accession_number, null, 'AccessionNumber inside the sequence is not taken for the top level');
});
test('a deflated data set is inflated; a bare data set without meta is read with its inferred syntax', (t) => {
    const dir = tempDir(t);
    const ds = encodeDataset({ ...ids, ...patientAndStudy }, ExplicitLE);
    const deflated = path.join(dir, 'deflated.dcm');
    writeFileSync(deflated, Buffer.concat([meta(DeflatedLE, '1.5.1.1.1'), deflateRawSync(ds)]));
    const d = readInstanceRecord(deflated);
    assert.deepEqual([d.transferSyntaxUid, d.columns.PATIENT.patient_name], [DeflatedLE, 'Far^Away']);
    const bare = path.join(dir, 'bare.dcm');
    writeFileSync(bare, ds);
    const b = readInstanceRecord(bare);
    assert.deepEqual([b.transferSyntaxUid, b.sopInstanceUid, b.columns.SERIES.modality], [ExplicitLE, '1.5.1.1.1', 'OT']);
});
test('a truncated file keeps what precedes the cut; a file without Study Instance UID is refused', (t) => {
    const dir = tempDir(t);
    const full = Buffer.concat([meta(ExplicitLE, '1.5.1.1.1'), encodeDataset({ ...ids, ...patientAndStudy }, ExplicitLE)]);
    const cut = path.join(dir, 'cut.dcm');
    writeFileSync(cut, full.subarray(0, full.indexOf('1.5.1.1\0') + 3)); // inside the Series Instance UID
    assert.throws(() => readInstanceRecord(cut), /Series Instance UID/);
    const noStudy = path.join(dir, 'nostudy.dcm');
    writeFileSync(noStudy, Buffer.concat([meta(ExplicitLE, '1.5.1.1.1'), encodeDataset(ids, ExplicitLE)]));
    assert.throws(() => readInstanceRecord(noStudy), /Study Instance UID/);
    const junk = path.join(dir, 'junk.dcm');
    writeFileSync(junk, 'not DICOM, just text that goes on for a while');
    assert.throws(() => readInstanceRecord(junk), (e) => e.code === 'ERR_QR_INDEX_FILE');
});
test('Specific Character Set terms map to decoders (single, ISO 2022, unknown → latin1)', () => {
    assert.equal(decoderFor(undefined).encoding, 'windows-1252');
    assert.equal(decoderFor('ISO_IR 192').encoding, 'utf-8');
    assert.equal(decoderFor('ISO_IR 144').encoding, 'iso-8859-5');
    assert.equal(decoderFor('ISO 2022 IR 6\\ISO 2022 IR 87').encoding, 'iso-2022-jp');
    assert.equal(decoderFor('\\ISO 2022 IR 149').encoding, 'euc-kr');
    assert.equal(decoderFor('GB18030').encoding, 'gb18030');
    assert.equal(decoderFor('NO SUCH SET').encoding, 'windows-1252');
});
//# sourceMappingURL=qr-header-reader.test.js.map