/**
 * ScuAssociation.cStoreEach, the C-STORE batch path storescu uses: outcomes
 * in order with a per-file error that does not stop the batch, the end of
 * the batch when the association fails, leaving the loop early, and each
 * request written in one socket write although it is sent from within the
 * previous response's indication. Against our own SCP in process (a real
 * peer), or a scripted raw-socket peer for the abort.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import pino from 'pino';
import { ApplicationEntity } from '../../services/application-entity.js';
import { cStoreScp } from '../../services/storage/c-store-scp.js';
import { cEchoScp } from '../../services/verification/c-echo-scp.js';
import { readPart10Info, type Part10Info } from '../../services/storage/part10-reader.js';
import { contextsForFiles } from '../../services/scu/file-source.js';
import { AssociationAbortedError, ContextNotProposedError, NoPresentationContextError } from '../../services/scu/errors.js';
import type { StoreOutcome } from '../../services/scu/store-batch.js';
import { samplesDir, tempDir } from '../helpers/dcmtk.js';
import { abortPdu, acceptAll, expectPdu, neverAnswer, rawPeer, send } from '../helpers/raw-peer.js';

const TIMEOUTS = { connectMs: 5000, acseMs: 10_000, dimseMs: 10_000, networkMs: 10_000 };
const silent = pino({ level: 'silent' });
const sample = (name: string) => readPart10Info(path.join(samplesDir(), 'valid', name));

/** Our storage SCP writing into a temporary folder; returns its port and folder. */
async function storageScp(t: TestContext, maxPduLength?: number): Promise<{ port: number; dir: string }> {
  const dir = await tempDir(t, 'netdicom-store-each-');
  const server = await new ApplicationEntity({ aeTitle: 'STORESCP', log: silent, ...(maxPduLength ? { maxPduLength } : {}) })
    .addService(cEchoScp())
    .addService(cStoreScp({ dir, implementationVersionName: 'STOREEACH' }))
    .listen({ port: 0, host: '127.0.0.1' });
  t.after(() => server.close());
  return { port: server.port, dir };
}

const stored = async (dir: string) => (await readdir(dir)).filter((n) => !n.startsWith('.')).length;
const summary = (o: StoreOutcome) => ('error' in o ? `${path.basename(o.file.path)}: ${o.error.name}` : `${path.basename(o.file.path)}: ${o.status}`);

async function collect(it: AsyncIterable<StoreOutcome>): Promise<StoreOutcome[]> {
  const out: StoreOutcome[] = [];
  for await (const o of it) out.push(o);
  return out;
}

test('outcomes come in file order; a file whose SOP class was not proposed yields ContextNotProposedError (a NoPresentationContextError) and the rest are stored', { timeout: 30_000 }, async (t) => {
  const { port, dir } = await storageScp(t);
  const ct = await sample('CT_small.dcm');
  const mr = await sample('MR_small.dcm');
  const rt = await sample('rtplan.dcm');
  // No context is proposed for the RT Plan's SOP class.
  const assoc = await new ApplicationEntity({ aeTitle: 'SCU', log: silent }).associate({ host: '127.0.0.1', port, calledAETitle: 'STORESCP', contexts: contextsForFiles([ct, mr]), timeouts: TIMEOUTS });
  t.after(() => assoc.release());
  const outcomes = await collect(assoc.cStoreEach([ct, mr, rt, ct, mr]));
  assert.deepEqual(outcomes.map(summary), ['CT_small.dcm: 0', 'MR_small.dcm: 0', 'rtplan.dcm: ContextNotProposedError', 'CT_small.dcm: 0', 'MR_small.dcm: 0']);
  assert.ok((outcomes[2] as { error: Error }).error instanceof NoPresentationContextError);
  assert.equal(await stored(dir), 2, 'CT and MR stored (each twice, under the same name)');
});

test('files given by path are read when their turn nears: one whose SOP class was not proposed yields ContextNotProposedError, an unreadable one its read error', { timeout: 30_000 }, async (t) => {
  const { port, dir } = await storageScp(t);
  const ct = await sample('CT_small.dcm');
  const valid = path.join(samplesDir(), 'valid');
  const assoc = await new ApplicationEntity({ aeTitle: 'SCU', log: silent }).associate({ host: '127.0.0.1', port, calledAETitle: 'STORESCP', contexts: contextsForFiles([ct]), timeouts: TIMEOUTS });
  t.after(() => assoc.release());
  const outcomes = await collect(assoc.cStoreEach([{ path: path.join(valid, 'CT_small.dcm') }, { path: path.join(valid, 'MR_small.dcm') }, { path: path.join(dir, 'missing.dcm') }, ct]));
  assert.deepEqual(outcomes.map(summary), ['CT_small.dcm: 0', 'MR_small.dcm: ContextNotProposedError', 'missing.dcm: Error', 'CT_small.dcm: 0']);
  const notProposed = (outcomes[1] as { error: Error }).error;
  assert.ok(notProposed instanceof ContextNotProposedError && notProposed instanceof NoPresentationContextError);
  assert.equal((notProposed as ContextNotProposedError).code, 'ERR_CONTEXT_NOT_PROPOSED');
  assert.equal((outcomes[2] as { error: NodeJS.ErrnoException }).error.code, 'ENOENT');
  // What was read is reported as read: the CT's outcome carries its header.
  assert.equal((outcomes[0] as { file: Part10Info }).file.sopInstanceUid, ct.sopInstanceUid);
});

test('the peer aborts during the first C-STORE → that file yields AssociationAbortedError and the batch ends', { timeout: 30_000 }, async (t) => {
  const p = await rawPeer([expectPdu('A-ASSOCIATE-RQ'), send(acceptAll()), expectPdu('P-DATA-TF'), send(abortPdu(0, 0)), neverAnswer()]);
  t.after(() => p.close());
  const ct = await sample('CT_small.dcm');
  const assoc = await new ApplicationEntity({ aeTitle: 'SCU', log: silent }).associate({ host: '127.0.0.1', port: p.port, calledAETitle: 'RAWPEER', contexts: contextsForFiles([ct]), timeouts: TIMEOUTS });
  const outcomes = await collect(assoc.cStoreEach([ct, ct, ct]));
  assert.equal(outcomes.length, 1);
  assert.ok('error' in outcomes[0]! && outcomes[0].error instanceof AssociationAbortedError, summary(outcomes[0]!));
});

test('leaving the loop after the first outcome: the request already in flight is answered, nothing more is sent, release is clean', { timeout: 30_000 }, async (t) => {
  const { port, dir } = await storageScp(t);
  const files: Part10Info[] = await Promise.all(['CT_small.dcm', 'MR_small.dcm', 'rtdose.dcm', 'test-SR.dcm', 'reportsi.dcm'].map(sample));
  const assoc = await new ApplicationEntity({ aeTitle: 'SCU', log: silent }).associate({ host: '127.0.0.1', port, calledAETitle: 'STORESCP', contexts: contextsForFiles(files), timeouts: TIMEOUTS });
  for await (const o of assoc.cStoreEach(files)) {
    assert.equal(summary(o), 'CT_small.dcm: 0');
    break;
  }
  await assoc.release();
  // The second request went out from within the first response's indication, before the loop saw the first outcome.
  assert.equal(await stored(dir), 2);
});

test('each request is two socket writes, the command PDU alone, then its data set’s PDUs in one writev, although it is sent from within the previous response’s indication', { timeout: 30_000 }, async (t) => {
  const { port } = await storageScp(t, 16384);
  const ct = await sample('CT_small.dcm');
  const assoc = await new ApplicationEntity({ aeTitle: 'SCU', log: silent }).associate({ host: '127.0.0.1', port, calledAETitle: 'STORESCP', contexts: contextsForFiles([ct]), timeouts: TIMEOUTS });
  t.after(() => assoc.release());
  // Count the writes of the SCU's socket (the one whose remote port is the SCP's).
  const writes = { single: 0, vectored: 0 };
  const proto = net.Socket.prototype as unknown as { _write: (...a: unknown[]) => unknown; _writev: (...a: unknown[]) => unknown };
  const { _write, _writev } = proto;
  proto._write = function (this: net.Socket, ...a: unknown[]) {
    if (this.remotePort === port) writes.single++;
    return _write.apply(this, a);
  };
  proto._writev = function (this: net.Socket, ...a: unknown[]) {
    if (this.remotePort === port) writes.vectored++;
    return _writev.apply(this, a);
  };
  t.after(() => Object.assign(proto, { _write, _writev }));
  const outcomes = await collect(assoc.cStoreEach([ct, ct, ct, ct]));
  assert.deepEqual(outcomes.map(summary), Array(4).fill('CT_small.dcm: 0'));
  // CT_small's 39 KB data set in PDUs of at most 16 KiB: the command PDU (one write), then 3 data PDUs (one writev).
  // Before DT-1 corked its own writes, the data PDUs went out one write each.
  assert.deepEqual(writes, { single: 4, vectored: 4 });
});

test('the network timeout counts only while a request waits: idle for longer than it before a C-ECHO, the association still works', { timeout: 30_000 }, async (t) => {
  const { port } = await storageScp(t);
  const assoc = await new ApplicationEntity({ aeTitle: 'SCU', log: silent }).associate({
    host: '127.0.0.1', port, calledAETitle: 'STORESCP', contexts: [{ abstractSyntax: '1.2.840.10008.1.1', transferSyntaxes: ['1.2.840.10008.1.2'] }],
    timeouts: { ...TIMEOUTS, networkMs: 100 },
  });
  t.after(() => assoc.release());
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(await assoc.cEcho(), 0);
  await new Promise((r) => setTimeout(r, 400));
  assert.equal(await assoc.cEcho(), 0, 'a second C-ECHO after another idle spell');
});
