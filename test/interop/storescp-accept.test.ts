/**
 * The `accept` hook of cStoreScp, in process, with dcmtk storescu as the
 * peer: it sees the complete temporary file before anything in the output
 * folder changes; a throw refuses the C-STORE with the error's status and
 * leaves an earlier copy alone; what it returns runs once the file is in
 * place, before the response; a failure there answers A700 and keeps the file.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationEntity } from '../../services/application-entity.js';
import { cStoreScp, type StorageScpOptions } from '../../services/storage/c-store-scp.js';
import { TEMP_DIR } from '../../services/storage/durable-file.js';
import { requireTool, run, samplesDir, tempDir } from '../helpers/dcmtk.js';

const CT = path.join(samplesDir(), 'valid', 'CT_small.dcm');
const skip = !requireTool('storescu') && 'dcmtk not installed';

/** An SCP on a free port whose C-STORE uses `accept`; `send` runs storescu (-v, or `log`) with one file and returns its output. */
async function scp(t: TestContext, dir: string, accept: StorageScpOptions['accept']) {
  const server = await new ApplicationEntity({ aeTitle: 'STORESCP' }).addService(cStoreScp({ dir, implementationVersionName: 'TEST', accept })).listen({ port: 0, host: '127.0.0.1' });
  t.after(() => server.close());
  return async (file: string, log = '-v') => {
    const r = await run('storescu', [log, '-to', '10', '-aec', 'STORESCP', '127.0.0.1', String(server.port), file]);
    return r.stdout + r.stderr;
  };
}

const visible = async (dir: string) => (await readdir(dir)).filter((n) => !n.startsWith('.'));
const tempFiles = (dir: string) => readdir(path.join(dir, TEMP_DIR)).catch(() => []);

test('accept sees the complete temporary file before the folder changes; what it returns runs after the rename, before the response', { skip, timeout: 30_000 }, async (t) => {
  const dir = await tempDir(t, 'netdicom-accept-');
  const steps: string[] = [];
  let received: Buffer | undefined;
  const send = await scp(t, dir, (r) => {
    assert.equal(path.dirname(r.path), path.join(dir, TEMP_DIR));
    received = readFileSync(r.path);
    steps.push(`accept: ${(existsSync(path.join(dir, `${r.sopInstanceUid}.dcm`)) ? 'earlier copy' : 'nothing')} in place`);
    return (s) => {
      assert.ok(!existsSync(r.path), 'the temporary file was renamed');
      assert.ok(readFileSync(s.path).equals(received!), 'the placed file is the one accept saw');
      steps.push(`stored: replaced=${s.replaced}`);
    };
  });

  assert.match(await send(CT), /Received Store Response \(Success\)/);
  assert.match(await send(CT), /Received Store Response \(Success\)/);
  assert.deepEqual(steps, ['accept: nothing in place', 'stored: replaced=false', 'accept: earlier copy in place', 'stored: replaced=true']);
  assert.deepEqual(await tempFiles(dir), []);
});

test('a throw from accept refuses with its status and Error Comment (no server path), removes the temporary file and leaves the earlier copy alone', { skip, timeout: 30_000 }, async (t) => {
  const dir = await tempDir(t, 'netdicom-accept-refuse-');
  let refuse = false;
  const send = await scp(t, dir, (r) => {
    if (refuse) throw Object.assign(new Error(`${r.path}: not for this archive`), { status: 0xa900 });
  });
  assert.match(await send(CT), /Received Store Response \(Success\)/);
  const [name] = await visible(dir);
  const first = await readFile(path.join(dir, name!));

  refuse = true;
  const log = await send(CT, '-d');
  assert.match(log, /DIMSE Status\s*: 0xa900/, log);
  assert.match(log, /\(0000,0902\) LO \[not for this archive\]/, log);
  assert.deepEqual(await visible(dir), [name]);
  assert.ok((await readFile(path.join(dir, name!))).equals(first), 'the earlier copy is byte-identical');
  assert.deepEqual(await tempFiles(dir), []);
});

test('a failure of what accept returned (e.g. the database) answers A700 and keeps the placed file', { skip, timeout: 30_000 }, async (t) => {
  const dir = await tempDir(t, 'netdicom-accept-stored-fails-');
  const send = await scp(t, dir, () => () => {
    throw Object.assign(new Error('database is full'), { code: 'SQLITE_FULL' });
  });
  const log = await send(CT);
  assert.match(log, /Received Store Response \(Refused: OutOfResources\)/, log);
  assert.equal((await visible(dir)).length, 1);
  assert.deepEqual(await tempFiles(dir), []);
});
