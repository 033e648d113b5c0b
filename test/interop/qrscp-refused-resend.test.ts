/**
 * A C-STORE that `netdicom qrscp` refuses must not touch what it already
 * stored. Regression: the index checked a re-sent copy only after it had
 * been renamed over the stored one, then removed it, so a bad re-send
 * (same SOP Instance UID, no Study Instance UID) destroyed the good copy
 * and left the index pointing at a missing file. Peers are dcmtk
 * (storescu, findscu, getscu); the server is the real CLI on a free port.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readAttributes, requireTool, run, tempDir } from '../helpers/dcmtk.js';
import { ctWithoutStudyUid, errorLines, findscu, haveDcmtk, SCU, startQrscp, storeWithStorescu } from './qrscp-harness.js';

const skip = !haveDcmtk(['getscu', 'dcmodify']) && 'dcmtk not installed';

/** Visible files of a folder (the server's hidden temp folder and index left out). */
const visible = async (dir: string) => (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();

test('a refused re-send of a stored instance (no Study Instance UID) answers C000 and leaves the stored copy byte-identical, indexed and retrievable, with no temp file', { skip, timeout: 60_000 }, async (t) => {
  requireTool('dcmodify', t);
  const dir = await tempDir(t, 'netdicom-qrscp-resend-');
  const { ct, bad } = await ctWithoutStudyUid(dir);
  const store = path.join(dir, 'store');
  const qr = await startQrscp(store);
  t.after(() => qr.stop());

  assert.deepEqual(await storeWithStorescu(qr.port, 'NETDICOM', [ct]), []);
  const [name] = await visible(store);
  assert.ok(name, 'the first copy is stored');
  const first = await readFile(path.join(store, name));

  const r = await run('storescu', [...SCU, '-v', '-aec', 'NETDICOM', '127.0.0.1', String(qr.port), bad]);
  const log = r.stdout + r.stderr;
  assert.match(log, /Received Store Response \(Error: CannotUnderstand\)/, log);
  assert.match(qr.output(), /no Study Instance UID/);

  assert.deepEqual(await visible(store), [name], 'the stored copy is still there');
  assert.ok((await readFile(path.join(store, name))).equals(first), 'the stored copy is byte-identical to the first one');
  assert.deepEqual(await readdir(path.join(store, '.netdicom-tmp')).catch(() => []), [], 'no temporary file is left');

  const found = await findscu(qr.port, 'NETDICOM', 'S', ['QueryRetrieveLevel=IMAGE', `StudyInstanceUID=${ct.StudyInstanceUID}`, `SeriesInstanceUID=${ct.SeriesInstanceUID}`, 'SOPInstanceUID']);
  assert.equal(found.final, 'Success', found.log);
  assert.deepEqual(found.matches.map((m) => m['0008,0018']), [ct.SOPInstanceUID], found.log);

  // The index still points at a file that is there: C-GET sends it.
  const out = path.join(dir, 'get');
  await mkdir(out);
  const get = await run('getscu', [...SCU, '-S', '-aec', 'NETDICOM', '-od', out, '-k', 'QueryRetrieveLevel=IMAGE', '-k', `StudyInstanceUID=${ct.StudyInstanceUID}`,
    '-k', `SeriesInstanceUID=${ct.SeriesInstanceUID}`, '-k', `SOPInstanceUID=${ct.SOPInstanceUID}`, '127.0.0.1', String(qr.port)]);
  assert.equal(get.code, 0, errorLines(get));
  const got = (await readdir(out)).map((n) => path.join(out, n));
  assert.equal(got.length, 1, 'C-GET retrieved the instance');
  assert.equal((await readAttributes(got, ['0020,000d'])).get(got[0]!)!['0020,000d'], ct.StudyInstanceUID);
});
