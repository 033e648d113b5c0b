import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeArgv, parseMaxPdu } from '../../apps/args.js';
import { checkAeTitle, InvalidAeTitleError } from '../../services/acse/ae-title.js';
import { ApplicationEntity } from '../../services/application-entity.js';
import { writeFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { cliPath, freePort, run, startCli, tempDir } from '../helpers/dcmtk.js';

test('dcmtk-style multi-letter options become long options, before or after positionals', () => {
  assert.deepEqual(normalizeArgv(['-aet', 'A', '127.0.0.1', '104', '-aec=B', '-od', 'x']), ['--aetitle', 'A', '127.0.0.1', '104', '--call=B', '--output-directory', 'x']);
});

test('-pdu 0 (unlimited) is refused with a clear message; a finite Maximum Length is accepted', () => {
  assert.throws(() => parseMaxPdu('0'), /4096 to 67108864/);
  assert.throws(() => parseMaxPdu('abc'), /invalid max PDU/);
  assert.equal(parseMaxPdu('16384'), 16384);
});

test('AE titles (PS3.5 VR AE): over 16 characters, a backslash, a control character or only spaces are refused; spaces around are dropped', () => {
  // Regression: a longer title was cut to 16 bytes without a word, so an SCP started with it rejected every association.
  assert.throws(() => checkAeTitle('WAYTOOLONGAETITLE12345'), (e: unknown) => e instanceof InvalidAeTitleError && /22 characters, at most 16/.test(e.message));
  assert.throws(() => checkAeTitle('BAD\\AE'), /no backslash/);
  assert.throws(() => checkAeTitle('TAB\tAE'), /printable ASCII/);
  assert.throws(() => checkAeTitle('   '), /empty or only spaces/);
  assert.equal(checkAeTitle(' STORESCP '), 'STORESCP');
  assert.equal(checkAeTitle('SIXTEEN_CHARS_AE'), 'SIXTEEN_CHARS_AE');
  assert.throws(() => new ApplicationEntity({ aeTitle: 'A_VERY_LONG_AE_TITLE_X' }), InvalidAeTitleError);
});

test('the CLI refuses an invalid AE title on one error line, exit code 1, before any connection', async () => {
  for (const args of [['echoscu', '127.0.0.1', '1', '-aet', 'A_VERY_LONG_AE_TITLE_X'], ['echoscu', '127.0.0.1', '1', '-aec', 'BAD\\AE'], ['storescp', '0', '-aet', 'WAYTOOLONGAETITLE12345'], ['qrscp', '0', '--allow-calling-aet', 'OK', 'TOO_LONG_FOR_AN_AE_TITLE']]) {
    const r = await run(process.execPath, [cliPath, ...args]);
    assert.equal(r.code, 1, args.join(' '));
    assert.match(r.stderr, /^netdicom: invalid AE title "[^"]+": .+\n$/, args.join(' '));
  }
});

test('an -od that is a file stops storescp and qrscp at start with one clear line, exit code 1', async (t) => {
  const dir = await tempDir(t);
  const file = path.join(dir, 'a-file');
  await writeFile(file, 'not a folder');
  for (const app of ['storescp', 'qrscp']) {
    const r = await run(process.execPath, [cliPath, app, '0', '-od', file]);
    assert.equal(r.code, 1, app);
    assert.equal(r.stderr, `netdicom: output folder ${file} is not a folder\n`, app);
  }
});

test('qrscp --db :memory: keeps its index in memory: it answers, and no file named ":memory:" appears in its working folder', async (t) => {
  // Regression: the app resolved ":memory:" against the working folder and SQLite created that file.
  const cwd = await tempDir(t);
  const port = await freePort();
  const qr = await startCli(['qrscp', String(port), '-od', 'store', '--db', ':memory:', '-ba', '127.0.0.1'], { echo: { port, aec: 'NETDICOM' }, cwd });
  t.after(() => qr.stop());
  assert.deepEqual((await readdir(cwd)).sort(), ['store']);
});

test('dcmtk + options: +sd and +r (what storescu always does) are accepted; any other is named in a clear error', () => {
  // Regression: `storescu +sd +r HOST PORT DIR` failed with `invalid port "+r"`.
  assert.deepEqual(normalizeArgv(['storescu', '+sd', '+r', '127.0.0.1', '104', 'dir']), ['storescu', '127.0.0.1', '104', 'dir']);
  assert.throws(() => normalizeArgv(['storescu', '+xy', '127.0.0.1', '104', 'f']), /dcmtk option \+xy is not supported/);
});
