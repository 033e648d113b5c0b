import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { decodeDataset, encodeDataset } from '../../services/dimse/dataset-codec.js';

const SAMPLES = process.env.NETDICOM_SAMPLES ?? resolve(process.cwd(), '../shared/dicom-samples');
const CODEC = fileURLToPath(new URL('../../services/dimse/dataset-codec.js', import.meta.url));

test('an identifier round-trips through encode/decode in Explicit VR LE', () => {
  const q = { QueryRetrieveLevel: 'STUDY', PatientID: '4MR1', StudyInstanceUID: '' };
  assert.deepEqual(decodeDataset(encodeDataset(q, '1.2.840.10008.1.2.1'), '1.2.840.10008.1.2.1'), q);
});

test('dcmjs writes nothing to the console while transcoding data with ambiguous VRs (logs stay pino lines)', () => {
  const script = `
    const { readFileSync } = await import('node:fs');
    const m = await import(${JSON.stringify(CODEC)});
    const b = readFileSync(${JSON.stringify(resolve(SAMPLES, 'valid/MR_small_implicit.dcm'))});
    const at = b.indexOf('DICM') + 4;
    const start = at + 12 + b.readUInt32LE(at + 8);
    m.transcodeDataset(b.subarray(start), '1.2.840.10008.1.2', '1.2.840.10008.1.2.1');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout + r.stderr, '');
});
