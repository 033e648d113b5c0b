/**
 * `-d` logs what dcmtk's -d shows: every Upper Layer transition, PDU and
 * DIMSE message, at debug level; `-v` logs each stored instance. Peers are
 * dcmtk's storescp and storescu.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { cliPath, freePort, requireTool, run, samplesDir, startCli, tempDir } from '../helpers/dcmtk.js';
import { startStorescp } from './qrscp-harness.js';

/** The "msg" of each JSON log line. */
const messages = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('{')).map((l) => (JSON.parse(l) as { msg: string }).msg);

test('echoscu -d: transitions, PDUs and the C-ECHO messages are logged (regression: -d logged what -v logs)', { timeout: 30_000 }, async (t) => {
  if (!requireTool('storescp', t)) return;
  const dir = await tempDir(t);
  const port = await freePort();
  const peer = await startStorescp(dir, port, 'ANY-SCP');
  t.after(() => peer.stop());
  const r = await run(process.execPath, [cliPath, 'echoscu', '127.0.0.1', String(port), '-aec', 'ANY-SCP', '-d']);
  assert.equal(r.code, 0, r.stderr);
  const msgs = messages(r.stderr);
  for (const want of [/^Sta1 → Sta4 Evt1 \/ AE-1$/, /^sent A-ASSOCIATE-RQ \(\d+ bytes\): ECHOSCU → ANY-SCP · 1 presentation context: Verification SOP Class/, /^received A-ASSOCIATE-AC/, /^sent C-ECHO-RQ #1 Verification SOP Class$/, /^received C-ECHO-RSP #1 Verification SOP Class status 0000 Success/, /^Sta6 → Sta7 Evt11 \/ AR-1$/, /^association ended: release$/]) {
    assert.ok(msgs.some((m) => want.test(m)), `no log line like ${want}:\n${msgs.join('\n')}`);
  }
});

test('storescp -d logs the C-STORE-RQ/RSP and transitions; -v logs each stored instance and the end', { timeout: 30_000 }, async (t) => {
  if (!requireTool('storescu', t)) return;
  const file = path.join(samplesDir(), 'valid', 'CT_small.dcm');
  for (const flag of ['-d', '-v']) {
    const dir = await tempDir(t);
    const port = await freePort();
    const scp = await startCli(['storescp', String(port), '-od', dir, '-ba', '127.0.0.1', flag], { echo: { port } });
    const r = await run('storescu', ['127.0.0.1', String(port), file]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    await scp.stop();
    const msgs = messages(scp.output());
    assert.ok(msgs.includes('stored'), `${flag}: ${msgs.join('\n')}`);
    assert.ok(msgs.includes('association ended'), `${flag}: ${msgs.join('\n')}`);
    const debugOnly = [/^received C-STORE-RQ #1 CT Image Storage/, /^sent C-STORE-RSP #1 CT Image Storage status 0000 Success/, /^Sta8 → Sta13 Evt14 \/ AR-4$/];
    for (const want of debugOnly) assert.equal(msgs.some((m) => want.test(m)), flag === '-d', `${flag} ${want}:\n${msgs.join('\n')}`);
  }
});

test('qrscp -v logs "stopping" on SIGTERM and exits 0 (regression: it exited without a word)', { timeout: 30_000 }, async (t) => {
  const dir = await tempDir(t);
  const port = await freePort();
  const qr = await startCli(['qrscp', String(port), '-od', dir, '-ba', '127.0.0.1', '-v'], { echo: { port, aec: 'NETDICOM' } });
  const end = await qr.stop();
  assert.deepEqual([end.code, end.forced], [0, false]);
  assert.ok(messages(qr.output()).includes('stopping'), qr.output());
});
