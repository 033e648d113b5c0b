/**
 * storescu on a terminal (script(1) gives it one): the progress bar is drawn
 * and every file is sent. Regression: loading cli-progress with import() from
 * the bundle run from its code cache failed ("A dynamic import callback was
 * not specified"), so storescu of two or more files on a terminal sent nothing.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { ApplicationEntity } from '../../services/application-entity.js';
import { cStoreScp } from '../../services/storage/c-store-scp.js';
import { cliPath, requireTool, run, samplesDir, tempDir } from '../helpers/dcmtk.js';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

test('storescu of two files on a terminal: progress bar drawn, both sent, exit 0', async (t) => {
  if (!requireTool('script', t)) return;
  const dir = await tempDir(t, 'netdicom-storescu-tty-');
  const server = await new ApplicationEntity({ aeTitle: 'STORESCP', log: pino({ level: 'silent' }) })
    .addService(cStoreScp({ dir, implementationVersionName: 'TTY' }))
    .listen({ port: 0, host: '127.0.0.1' });
  t.after(() => server.close());
  const files = ['CT_small.dcm', 'MR_small.dcm'].map((f) => path.join(samplesDir(), 'valid', f));
  const cmd = [process.execPath, cliPath, 'storescu', '127.0.0.1', String(server.port), ...files, '-aec', 'STORESCP'].map(quote).join(' ');
  const r = await run('script', ['-qec', cmd, '/dev/null']);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.match(r.stdout, /storescu \[.*\] \d+\/2 files/, 'the progress bar');
  assert.match(r.stdout, /storescu: 2 sent, 0 failed/);
  assert.equal((await readdir(dir)).filter((n) => n.endsWith('.dcm')).length, 2);
});
