/**
 * The README's library example runs as written (paths and port swapped for
 * test ones): the package imports itself by name ("exports"), the SCP stores
 * the file, the SCU's C-ECHO and C-STORE succeed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { freePort, run, samplesDir, tempDir } from '../helpers/dcmtk.js';

const ROOT = path.resolve(process.cwd());

test('the README library example runs: echo 0, store { status: 0 }, the file arrives', { timeout: 60_000 }, async (t) => {
  const readme = await readFile(path.join(ROOT, 'README.md'), 'utf8');
  const block = /## Library[\s\S]*?```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block, 'a ts block under ## Library');
  const dir = await tempDir(t);
  const port = await freePort();
  const code = block
    .replace("'./in'", JSON.stringify(path.join(dir, 'in')))
    .replace("'CT_small.dcm'", JSON.stringify(path.join(samplesDir(), 'valid', 'CT_small.dcm')))
    .replaceAll('port: 11112', `port: ${port}`)
    .replace(/^await assoc\.cEcho\(\);.*$/m, 'console.log("echo", await assoc.cEcho());')
    .replace(/^await assoc\.cStore\(file\);.*$/m, 'console.log("store", JSON.stringify(await assoc.cStore(file)));');
  // Inside the package, so that `from 'netdicom'` resolves to this build (package self-reference).
  const scratch = path.join(ROOT, 'test-output');
  await mkdir(scratch, { recursive: true });
  const script = path.join(scratch, `readme-example-${process.pid}.mjs`);
  await writeFile(script, code);
  t.after(() => rm(script, { force: true }));
  const r = await run(process.execPath, [script]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^echo 0$/m);
  assert.match(r.stdout, /^store \{"status":0,"transcoded":false\}$/m);
  assert.equal((await readdir(path.join(dir, 'in'))).filter((n) => n.endsWith('.dcm')).length, 1);
});
