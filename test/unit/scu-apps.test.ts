/**
 * Choices the SCU apps make before any network traffic: which storage SOP
 * classes getscu proposes for the C-STORE sub-operations of a C-GET, and
 * what storescu says when there is nothing to send.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cliPath, freePort, run, tempDir } from '../helpers/dcmtk.js';
import { GET_STORAGE_CLASSES } from '../../apps/getscu.js';
import { isStorageSopClass, lookupUid } from '../../services/registry/uids.js';

test('getscu proposes at most 127 distinct, current storage classes (one context each beside the Q/R context, PS3.8 §9.3.2.2)', () => {
  assert.ok(GET_STORAGE_CLASSES.length <= 127, `${GET_STORAGE_CLASSES.length} classes`);
  assert.equal(new Set(GET_STORAGE_CLASSES).size, GET_STORAGE_CLASSES.length, 'a class proposed twice');
  assert.deepEqual(GET_STORAGE_CLASSES.filter((u) => !isStorageSopClass(u) || lookupUid(u)?.retired), []);
});

test('getscu proposes the storage classes of common objects, RT, PET and PDF included (regression: the first 127 by UID left them out)', () => {
  const want: Record<string, string> = {
    '1.2.840.10008.5.1.4.1.1.2': 'CT Image',
    '1.2.840.10008.5.1.4.1.1.4': 'MR Image',
    '1.2.840.10008.5.1.4.1.1.6.1': 'Ultrasound Image',
    '1.2.840.10008.5.1.4.1.1.7': 'Secondary Capture Image',
    '1.2.840.10008.5.1.4.1.1.20': 'Nuclear Medicine Image',
    '1.2.840.10008.5.1.4.1.1.88.11': 'Basic Text SR',
    '1.2.840.10008.5.1.4.1.1.88.33': 'Comprehensive SR',
    '1.2.840.10008.5.1.4.1.1.481.2': 'RT Dose',
    '1.2.840.10008.5.1.4.1.1.481.3': 'RT Structure Set',
    '1.2.840.10008.5.1.4.1.1.481.5': 'RT Plan',
    '1.2.840.10008.5.1.4.1.1.128': 'PET Image',
    '1.2.840.10008.5.1.4.1.1.104.1': 'Encapsulated PDF',
    '1.2.840.10008.5.1.4.1.1.88.67': 'X-Ray Radiation Dose SR',
    '1.2.840.10008.5.1.4.1.1.66.4': 'Segmentation',
  };
  assert.deepEqual(Object.keys(want).filter((u) => !GET_STORAGE_CLASSES.includes(u)).map((u) => want[u]), []);
});

test('storescu given only an empty folder: exit 1 with an error line saying there is nothing to send (regression: no error line)', { timeout: 30_000 }, async (t) => {
  const empty = await tempDir(t, 'netdicom-scu-apps-');
  const r = await run(process.execPath, [cliPath, 'storescu', '127.0.0.1', String(await freePort()), empty]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /^storescu: error: no files to send in /m);
});
