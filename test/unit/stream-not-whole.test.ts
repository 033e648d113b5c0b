/**
 * A data set streamed from its source (a file over 1 MiB) that fails or comes
 * short (the file shrank while it was sent): before any of the message went
 * out, the request fails and the association goes on; after, the association
 * is aborted, so the peer never takes a cut data set for the whole.
 * Regression: storescu sent the short data set as complete and the peer
 * stored it with a Success status. Against our own SCP in process.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import pino from 'pino';
import { ApplicationEntity } from '../../services/application-entity.js';
import { CommandField, Priority } from '../../services/dimse/commands.js';
import { DatasetSourceError } from '../../services/dimse/provider.js';
import { ExplicitVRLittleEndian } from '../../services/registry/uids.js';
import { cStoreScp } from '../../services/storage/c-store-scp.js';
import { cEchoScp } from '../../services/verification/c-echo-scp.js';
import type { ScuAssociation } from '../../services/scu/scu-association.js';
import { tempDir } from '../helpers/dcmtk.js';

const SC = '1.2.840.10008.5.1.4.1.1.7';
const silent = pino({ level: 'silent' });
const TIMEOUTS = { connectMs: 5000, acseMs: 10_000, dimseMs: 10_000, networkMs: 10_000 };

async function associate(t: TestContext): Promise<{ assoc: ScuAssociation; dir: string }> {
  const dir = await tempDir(t, 'netdicom-not-whole-');
  const server = await new ApplicationEntity({ aeTitle: 'STORESCP', log: silent })
    .addService(cEchoScp())
    .addService(cStoreScp({ dir, implementationVersionName: 'NOTWHOLE' }))
    .listen({ port: 0, host: '127.0.0.1' });
  t.after(() => server.close());
  const contexts = [
    { abstractSyntax: SC, transferSyntaxes: [ExplicitVRLittleEndian] },
    { abstractSyntax: '1.2.840.10008.1.1', transferSyntaxes: [ExplicitVRLittleEndian] },
  ];
  const assoc = await new ApplicationEntity({ aeTitle: 'SCU', log: silent }).associate({ host: '127.0.0.1', port: server.port, calledAETitle: 'STORESCP', contexts, timeouts: TIMEOUTS });
  t.after(() => assoc.abort());
  return { assoc, dir };
}

function store(assoc: ScuAssociation, pieces: AsyncIterable<Buffer>, bytes: number) {
  const pcId = assoc.client.contextFor(SC)!.id;
  const command = { CommandField: CommandField['C-STORE-RQ'], MessageID: assoc.client.nextMessageId(), AffectedSOPClassUID: SC, AffectedSOPInstanceUID: '2.25.1', Priority: Priority.Medium };
  return assoc.client.requestFinal({ pcId, command, dataset: { pieces, bytes } });
}

const stored = async (dir: string) => (await readdir(dir)).filter((n) => n.endsWith('.dcm'));

test('a data set that comes short after part of it went out: DatasetSourceError (aborted), the association is aborted, the peer stores nothing', { timeout: 30_000 }, async (t) => {
  const { assoc, dir } = await associate(t);
  async function* shrinks() {
    yield Buffer.alloc(1 << 20);
    yield Buffer.alloc(1 << 19); // then the file ends, 512 KiB short of what was announced
  }
  const err = await store(assoc, shrinks(), 2 << 20).then(() => assert.fail('stored'), (e: unknown) => e);
  assert.ok(err instanceof DatasetSourceError, String(err));
  assert.equal(err.aborted, true);
  assert.equal(err.code, 'ERR_ASSOCIATION_ABORTED');
  assert.match(err.message, /came to 1572864 bytes, not the 2097152 announced/);
  await assert.rejects(assoc.cEcho(), { code: 'ERR_ASSOCIATION_ABORTED' });
  assert.deepEqual(await stored(dir), []);
});

test('a source that fails before any of the message went out: DatasetSourceError (not aborted), and the association goes on', { timeout: 30_000 }, async (t) => {
  const { assoc, dir } = await associate(t);
  async function* unreadable(): AsyncGenerator<Buffer> {
    throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
  }
  const err = await store(assoc, unreadable(), 1000).then(() => assert.fail('stored'), (e: unknown) => e);
  assert.ok(err instanceof DatasetSourceError, String(err));
  assert.equal(err.aborted, false);
  assert.equal(err.code, 'ERR_DATASET_SOURCE');
  assert.match(err.message, /could not be read: EIO/);
  assert.equal(await assoc.cEcho(), 0);
  assert.deepEqual(await stored(dir), []);
});
