/**
 * The SCU API when the peer misbehaves, against a scripted raw-socket peer
 * (test/helpers/raw-peer.ts): every failure settles the promise with the
 * typed error of services/scu/errors.ts, within the configured timeout, and
 * the connection is closed afterwards. Timeouts are small; no test asserts a
 * duration — an outer guard only turns a hang into a failure.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ApplicationEntity } from '../../services/application-entity.js';
import { AssociationAbortedError, AssociationRejectedError, ConnectError, NoPresentationContextError, TimeoutError } from '../../services/scu/errors.js';
import type { Timeouts } from '../../services/scu/client-association.js';
import type { ScuAssociation } from '../../services/scu/scu-association.js';
import { readPart10Info } from '../../services/storage/part10-reader.js';
import { encodeFileMeta } from '../../services/storage/file-meta.js';
import { freePort, tempDir } from '../helpers/dcmtk.js';
import {
  abortPdu, acceptAll, associateRj, close, end, expectPdu, neverAnswer, rawPeer, releaseRp, releaseRq, send, wait, type RawPeer, type Step,
} from '../helpers/raw-peer.js';

const Verification = '1.2.840.10008.1.1';
const SecondaryCaptureImageStorage = '1.2.840.10008.5.1.4.1.1.7';
const ExplicitVRLittleEndian = '1.2.840.10008.1.2.1';
const ImplicitVRLittleEndian = '1.2.840.10008.1.2';
const ECHO = [{ abstractSyntax: Verification, transferSyntaxes: [ExplicitVRLittleEndian, ImplicitVRLittleEndian] }];

/** Small timeouts for every test; a test overrides the one it exercises. */
const SMALL: Timeouts = { connectMs: 2000, acseMs: 2000, dimseMs: 2000, networkMs: 2000 };
/** A hang fails the test after this long instead of blocking the run. */
const GUARD_MS = 10_000;

/** Resolves or rejects like `p`, but rejects with "hang" if `p` has not settled within GUARD_MS. */
function guarded<T>(p: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hang: ${what} did not settle within ${GUARD_MS} ms`)), GUARD_MS);
  });
  return Promise.race([p, hang]).finally(() => clearTimeout(timer));
}

/** A peer running `script`, closed after the test. */
async function peer(t: TestContext, script: Step[]): Promise<RawPeer> {
  const p = await rawPeer(script);
  t.after(() => p.close());
  return p;
}

function associate(port: number, timeouts: Partial<Timeouts> = {}, contexts = ECHO): Promise<ScuAssociation> {
  return new ApplicationEntity({ aeTitle: 'SCU' }).associate({ host: '127.0.0.1', port, calledAETitle: 'RAWPEER', contexts, timeouts: { ...SMALL, ...timeouts } });
}

/** The peer's connection is closed (it saw 'close'). */
async function peerSawClose(p: RawPeer): Promise<string[]> {
  const conn = await guarded(p.connection(), 'the peer connection');
  await guarded(conn.closed, 'the close of the peer socket');
  return conn.names();
}

/** Data set of Explicit VR LE: SOP Class and Instance UIDs, then `pixelBytes` of OB pixel data. */
async function bigPart10(dir: string, pixelBytes: number): Promise<string> {
  const ui = (el: number, v: string) => {
    const value = Buffer.from(v.length % 2 ? `${v}\0` : v, 'latin1');
    const h = Buffer.alloc(8);
    h.writeUInt16LE(0x0008, 0);
    h.writeUInt16LE(el, 2);
    h.write('UI', 4, 'latin1');
    h.writeUInt16LE(value.length, 6);
    return Buffer.concat([h, value]);
  };
  const pixelHeader = Buffer.alloc(12);
  pixelHeader.writeUInt16LE(0x7fe0, 0);
  pixelHeader.writeUInt16LE(0x0010, 2);
  pixelHeader.write('OB', 4, 'latin1');
  pixelHeader.writeUInt32LE(pixelBytes, 8);
  const file = path.join(dir, 'big.dcm');
  const meta = encodeFileMeta({
    mediaStorageSopClassUid: SecondaryCaptureImageStorage, mediaStorageSopInstanceUid: '1.2.3.4.5.6.7',
    transferSyntaxUid: ExplicitVRLittleEndian, implementationClassUid: '1.2.3.4',
  });
  await writeFile(file, Buffer.concat([meta, ui(0x0016, SecondaryCaptureImageStorage), ui(0x0018, '1.2.3.4.5.6.7'), pixelHeader, Buffer.alloc(pixelBytes, 0x5a)]));
  return file;
}

test('peer answers A-ASSOCIATE-RJ → AssociationRejectedError with its result, source and reason; socket closed', { timeout: 20_000 }, async (t) => {
  // rejected-permanent (1), service-user (1), called-AE-title-not-recognized (7): PS3.8 Table 9-21
  const p = await peer(t, [expectPdu('A-ASSOCIATE-RQ'), send(associateRj(1, 1, 7)), neverAnswer()]);
  const err = await guarded(associate(p.port).then(() => assert.fail('associate resolved'), (e: unknown) => e), 'associate');
  assert.ok(err instanceof AssociationRejectedError, String(err));
  assert.equal(err.code, 'ERR_ASSOCIATION_REJECTED');
  assert.deepEqual({ result: err.result, source: err.source, reason: err.reason }, { result: 1, source: 1, reason: 7 });
  assert.deepEqual(await peerSawClose(p), ['A-ASSOCIATE-RQ']);
});

test('peer sends A-ABORT (service-user) right after A-ASSOCIATE-AC → the next request rejects with AssociationAbortedError (source, reason)', { timeout: 20_000 }, async (t) => {
  const p = await peer(t, [expectPdu('A-ASSOCIATE-RQ'), send(acceptAll()), wait(20), send(abortPdu(0, 0)), neverAnswer()]);
  const assoc = await guarded(associate(p.port), 'associate');
  await guarded((await p.connection()).closed, 'the close after A-ABORT');
  const err = await guarded(assoc.cEcho().then(() => assert.fail('C-ECHO resolved'), (e: unknown) => e), 'C-ECHO');
  assert.ok(err instanceof AssociationAbortedError, String(err));
  assert.equal(err.code, 'ERR_ASSOCIATION_ABORTED');
  assert.deepEqual({ source: err.source, reason: err.reason }, { source: 0, reason: 0 });
  await guarded(assoc.release(), 'release after the abort');
});

test('peer aborts (service-provider) while a C-ECHO is outstanding → cEcho rejects with AssociationAbortedError; socket closed', { timeout: 20_000 }, async (t) => {
  // source 2 (service-provider), reason 6 (invalid-PDU-parameter-value): the Upper Layer makes it an A-P-ABORT (AA-3).
  const p = await peer(t, [expectPdu('A-ASSOCIATE-RQ'), send(acceptAll()), expectPdu('P-DATA-TF'), send(abortPdu(2, 6)), neverAnswer()]);
  const assoc = await guarded(associate(p.port), 'associate');
  const err = await guarded(assoc.cEcho().then(() => assert.fail('C-ECHO resolved'), (e: unknown) => e), 'C-ECHO');
  assert.ok(err instanceof AssociationAbortedError, String(err));
  assert.match(err.message, /invalid-PDU-parameter-value/);
  assert.deepEqual({ source: err.source, reason: err.reason }, { source: 2, reason: 6 });
  assert.deepEqual(await peerSawClose(p), ['A-ASSOCIATE-RQ', 'P-DATA-TF']);
});

test('peer never answers the A-ASSOCIATE-RQ → TimeoutError "acse"; we send A-ABORT and close', { timeout: 20_000 }, async (t) => {
  const p = await peer(t, [expectPdu('A-ASSOCIATE-RQ'), neverAnswer()]);
  const err = await guarded(associate(p.port, { acseMs: 200 }).then(() => assert.fail('associate resolved'), (e: unknown) => e), 'associate');
  assert.ok(err instanceof TimeoutError, String(err));
  assert.equal(err.kind, 'acse');
  assert.equal(err.code, 'ERR_TIMEOUT_ACSE');
  assert.deepEqual(await peerSawClose(p), ['A-ASSOCIATE-RQ', 'A-ABORT']);
});

test('peer accepts but never answers a C-ECHO → TimeoutError "dimse"; A-ABORT sent, socket closed', { timeout: 20_000 }, async (t) => {
  const p = await peer(t, [expectPdu('A-ASSOCIATE-RQ'), send(acceptAll()), expectPdu('P-DATA-TF'), neverAnswer()]);
  const assoc = await guarded(associate(p.port, { dimseMs: 200 }), 'associate');
  const err = await guarded(assoc.cEcho().then(() => assert.fail('C-ECHO resolved'), (e: unknown) => e), 'C-ECHO');
  assert.ok(err instanceof TimeoutError, String(err));
  assert.equal(err.kind, 'dimse');
  assert.deepEqual(await peerSawClose(p), ['A-ASSOCIATE-RQ', 'P-DATA-TF', 'A-ABORT']);
  // The association is over: another request fails at once with the same cause.
  const again = await guarded(assoc.cEcho().then(() => assert.fail('second C-ECHO resolved'), (e: unknown) => e), 'second C-ECHO');
  assert.ok(again instanceof TimeoutError, String(again));
});

test('peer silent with the DIMSE timeout off → TimeoutError "network"', { timeout: 20_000 }, async (t) => {
  const p = await peer(t, [expectPdu('A-ASSOCIATE-RQ'), send(acceptAll()), expectPdu('P-DATA-TF'), neverAnswer()]);
  const assoc = await guarded(associate(p.port, { dimseMs: 0, networkMs: 200 }), 'associate');
  const err = await guarded(assoc.cEcho().then(() => assert.fail('C-ECHO resolved'), (e: unknown) => e), 'C-ECHO');
  assert.ok(err instanceof TimeoutError, String(err));
  assert.equal(err.kind, 'network');
  await peerSawClose(p);
});

test('peer closes the connection mid-transfer during a C-STORE → AssociationAbortedError', { timeout: 30_000 }, async (t) => {
  const dir = await tempDir(t, 'netdicom-scu-failures-');
  const file = await readPart10Info(await bigPart10(dir, 32 << 20));
  // Maximum Length 16 KiB: the 32 MiB data set needs ~2000 P-DATA-TF PDUs; the peer leaves after the first.
  const p = await peer(t, [expectPdu('A-ASSOCIATE-RQ'), send(acceptAll({ maxLength: 16384 })), expectPdu('P-DATA-TF'), close()]);
  const assoc = await guarded(associate(p.port, {}, [{ abstractSyntax: SecondaryCaptureImageStorage, transferSyntaxes: [ExplicitVRLittleEndian] }]), 'associate');
  const err = await guarded(assoc.cStore(file).then(() => assert.fail('C-STORE resolved'), (e: unknown) => e), 'C-STORE');
  assert.ok(err instanceof AssociationAbortedError, String(err));
  await peerSawClose(p);
});

test('peer closes gracefully (FIN) while a C-ECHO is outstanding → AssociationAbortedError', { timeout: 20_000 }, async (t) => {
  const p = await peer(t, [expectPdu('A-ASSOCIATE-RQ'), send(acceptAll()), expectPdu('P-DATA-TF'), end()]);
  const assoc = await guarded(associate(p.port), 'associate');
  const err = await guarded(assoc.cEcho().then(() => assert.fail('C-ECHO resolved'), (e: unknown) => e), 'C-ECHO');
  assert.ok(err instanceof AssociationAbortedError, String(err));
  await peerSawClose(p);
});

test('connection refused → ConnectError naming host and port', { timeout: 20_000 }, async () => {
  const port = await freePort();
  const err = await guarded(associate(port).then(() => assert.fail('associate resolved'), (e: unknown) => e), 'associate');
  assert.ok(err instanceof ConnectError, String(err));
  assert.equal(err.code, 'ERR_CONNECT');
  assert.deepEqual({ host: err.host, port: err.port }, { host: '127.0.0.1', port });
});

test('peer never answers the A-RELEASE-RQ → release() resolves after the ACSE timeout by aborting; socket closed', { timeout: 20_000 }, async (t) => {
  const p = await peer(t, [expectPdu('A-ASSOCIATE-RQ'), send(acceptAll()), expectPdu('A-RELEASE-RQ'), neverAnswer()]);
  const assoc = await guarded(associate(p.port, { acseMs: 200 }), 'associate');
  await guarded(assoc.release(), 'release');
  assert.deepEqual(await peerSawClose(p), ['A-ASSOCIATE-RQ', 'A-RELEASE-RQ', 'A-ABORT']);
});

test('peer closes the connection instead of answering the A-ASSOCIATE-RQ → AssociationAbortedError', { timeout: 20_000 }, async (t) => {
  const p = await peer(t, [expectPdu('A-ASSOCIATE-RQ'), close()]);
  const err = await guarded(associate(p.port).then(() => assert.fail('associate resolved'), (e: unknown) => e), 'associate');
  assert.ok(err instanceof AssociationAbortedError, String(err));
});

test('peer accepts no presentation context → the request rejects with NoPresentationContextError, nothing is sent', { timeout: 20_000 }, async (t) => {
  // result 3: abstract-syntax-not-supported (PS3.8 Table 9-18)
  const p = await peer(t, [expectPdu('A-ASSOCIATE-RQ'), send(acceptAll({ result: 3 })), expectPdu('A-RELEASE-RQ'), send(releaseRp()), neverAnswer()]);
  const assoc = await guarded(associate(p.port), 'associate');
  const err = await guarded(assoc.cEcho().then(() => assert.fail('C-ECHO resolved'), (e: unknown) => e), 'C-ECHO');
  assert.ok(err instanceof NoPresentationContextError, String(err));
  await guarded(assoc.release(), 'release');
  assert.deepEqual(await peerSawClose(p), ['A-ASSOCIATE-RQ', 'A-RELEASE-RQ']);
});

test('peer sends a PDU of an unknown type → we send A-ABORT (2, 1 unrecognized-PDU) and the request rejects with AssociationAbortedError', { timeout: 20_000 }, async (t) => {
  const p = await peer(t, [expectPdu('A-ASSOCIATE-RQ'), send(acceptAll()), expectPdu('P-DATA-TF'), send(Buffer.from([0x09, 0, 0, 0, 0, 2, 0, 0])), neverAnswer()]);
  const assoc = await guarded(associate(p.port), 'associate');
  const err = await guarded(assoc.cEcho().then(() => assert.fail('C-ECHO resolved'), (e: unknown) => e), 'C-ECHO');
  assert.ok(err instanceof AssociationAbortedError, String(err));
  const conn = await p.connection();
  await guarded(conn.closed, 'the close');
  const abort = conn.received.find((r) => r.name === 'A-ABORT');
  assert.ok(abort, `no A-ABORT among ${conn.names().join(', ')}`);
  assert.deepEqual([...abort.bytes.subarray(8, 10)], [2, 1]);
});

test('peer requests release (A-RELEASE-RQ) → we answer A-RELEASE-RP; the outstanding request rejects with AssociationAbortedError', { timeout: 20_000 }, async (t) => {
  const p = await peer(t, [expectPdu('A-ASSOCIATE-RQ'), send(acceptAll()), expectPdu('P-DATA-TF'), send(releaseRq()), expectPdu('A-RELEASE-RP'), end()]);
  // Timeouts long enough that only an answer from our side can settle this before the guard.
  const assoc = await guarded(associate(p.port, { acseMs: 60_000, dimseMs: 60_000, networkMs: 60_000 }), 'associate');
  const err = await guarded(assoc.cEcho().then(() => assert.fail('C-ECHO resolved'), (e: unknown) => e), 'C-ECHO');
  assert.ok(err instanceof AssociationAbortedError, String(err));
  assert.match(err.message, /releas/);
  const conn = await p.connection();
  await guarded(conn.script, 'the peer script (A-RELEASE-RP expected)');
  assert.deepEqual(conn.names(), ['A-ASSOCIATE-RQ', 'P-DATA-TF', 'A-RELEASE-RP']);
  await guarded(assoc.release(), 'release after the peer released');
});
