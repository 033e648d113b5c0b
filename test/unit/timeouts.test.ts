/**
 * Every timeout ends the association cleanly and frees what it held: the
 * SCP's association map empties, the socket closes, the wait rejects with a
 * TimeoutError of the right kind. The peer is a scripted raw socket.
 *
 * Timers that are JavaScript timers (connect, ACSE, DIMSE, ARTIM in the
 * XState machine, the identity check) run on node:test's mock clock: no real
 * time passes and nothing is asserted about durations. The network idle
 * timeouts use the socket's own inactivity timer, which the mock clock does
 * not drive: those tests use small real timeouts, again without duration
 * assertions.
 */
import { mock, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import { ApplicationEntity, type ScpServer } from '../../services/application-entity.js';
import { AssociationAbortedError, TimeoutError } from '../../services/scu/errors.js';
import { cEchoScp } from '../../services/verification/c-echo-scp.js';
import { ExplicitVRLittleEndian, ImplicitVRLittleEndian, Verification } from '../../services/registry/uids.js';
import { decodePdu, encodePdu } from '../../transport/pdu-codec.js';
import type { Pdu } from '../../transport/pdu-types.js';
import { sampleAc, sampleRq } from '../helpers/ul-events.js';
import { until } from '../helpers/until.js';

const ECHO = [{ abstractSyntax: Verification, transferSyntaxes: [ExplicitVRLittleEndian, ImplicitVRLittleEndian] }];

/** A scripted peer on a raw socket: collects whole PDUs, never closes unless told. */
class RawPeer {
  readonly pdus: Pdu[] = [];
  closed = false;
  private buf = Buffer.alloc(0);
  constructor(readonly socket: net.Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buf = Buffer.concat([this.buf, chunk]);
      while (this.buf.length >= 6 && this.buf.length >= 6 + this.buf.readUInt32BE(2)) {
        const n = 6 + this.buf.readUInt32BE(2);
        this.pdus.push(decodePdu(Buffer.from(this.buf.subarray(0, n))));
        this.buf = this.buf.subarray(n);
      }
    });
    socket.on('close', () => (this.closed = true));
    socket.on('error', () => {});
  }
  send(pdu: Pdu): void {
    this.socket.write(encodePdu(pdu));
  }
  types(): string[] {
    return this.pdus.map((p) => p.type);
  }
}

function mockClock(t: TestContext): void {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
}

async function scp(t: TestContext, opts: Partial<ConstructorParameters<typeof ApplicationEntity>[0]> = {}): Promise<ScpServer> {
  const ae = new ApplicationEntity({ aeTitle: 'SCP', ...opts }).addService(cEchoScp());
  const server = await ae.listen({ port: 0, host: '127.0.0.1' });
  t.after(() => server.close());
  return server;
}

async function rawClient(t: TestContext, port: number): Promise<RawPeer> {
  const socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
  t.after(() => socket.destroy());
  await new Promise<void>((r) => socket.once('connect', r));
  return new RawPeer(socket);
}

/** A fake SCP on a raw server: `script` decides what it answers to each PDU (nothing, by default). */
async function fakeScp(t: TestContext, script: (peer: RawPeer, pdu: Pdu) => void = () => {}): Promise<{ port: number; peers: RawPeer[] }> {
  const peers: RawPeer[] = [];
  const server = net.createServer({ noDelay: true }, (socket) => {
    const peer = new RawPeer(socket);
    peers.push(peer);
    let seen = 0;
    socket.on('data', () => {
      while (seen < peer.pdus.length) script(peer, peer.pdus[seen++]!);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => {
    for (const p of peers) p.socket.destroy();
    server.close();
  });
  return { port: (server.address() as net.AddressInfo).port, peers };
}

const acceptRq = (peer: RawPeer, pdu: Pdu) => {
  if (pdu.type === 'A-ASSOCIATE-RQ') peer.send(sampleAc());
};

function scu(): ApplicationEntity {
  return new ApplicationEntity({ aeTitle: 'SCU' });
}

/** Follows a promise: `outcome()` is undefined while pending, then the value or the error. */
function track(p: Promise<unknown>): { outcome: () => unknown; done: Promise<unknown> } {
  let v: unknown;
  const done = p.then((x) => (v = x ?? 'settled'), (e: unknown) => (v = e));
  return { outcome: () => v, done };
}

/** Lets pending promise callbacks and socket events run. */
const settle = () => new Promise((r) => setImmediate(r));

test('TCP connect timeout: no connection within connectMs → TimeoutError(connect), the socket destroyed', async (t) => {
  mockClock(t);
  const sockets: net.Socket[] = [];
  // A connection that never completes (SYNs into a void): the socket is never told to connect.
  mock.method(net, 'connect', () => {
    const s = new net.Socket();
    sockets.push(s);
    return s;
  });
  t.after(() => mock.restoreAll());
  const p = track(scu().associate({ host: '127.0.0.1', port: 104, contexts: ECHO, timeouts: { connectMs: 5_000 } }));
  await settle();
  assert.equal(sockets.length, 1);
  mock.timers.tick(4_999);
  await settle();
  assert.equal(p.outcome(), undefined, 'gave up before connectMs');
  mock.timers.tick(1);
  await p.done;
  const outcome = p.outcome();
  assert.ok(outcome instanceof TimeoutError, String(outcome));
  assert.equal(outcome.kind, 'connect');
  await until(() => sockets[0]!.destroyed, 'the socket to be destroyed');
});

test('ARTIM in Sta2: a connection that sends no A-ASSOCIATE-RQ → Evt18 → AA-2: closed, the association map empties', async (t) => {
  mockClock(t);
  const server = await scp(t, { artimMs: 2_000 });
  const peer = await rawClient(t, server.port);
  const assoc = await until(() => server.associations.size === 1 && [...server.associations.values()][0], 'the association');
  assert.equal(assoc.state, 'Sta2');
  mock.timers.tick(1_999);
  await settle();
  assert.equal(assoc.state, 'Sta2');
  mock.timers.tick(1);
  await until(() => peer.closed, 'the SCP to close the connection');
  await until(() => server.associations.size === 0, 'the association map to empty');
  assert.deepEqual(peer.types(), [], 'AA-2 sends nothing');
});

test('ARTIM in Sta13: after an A-ASSOCIATE-RJ the peer never closes → Evt18 → AA-2 closes it', async (t) => {
  mockClock(t);
  const server = await scp(t, { artimMs: 2_000, requireCalledAETitle: true });
  const peer = await rawClient(t, server.port);
  peer.send({ ...sampleRq(), calledAETitle: 'SOMEONE-ELSE' });
  await until(() => peer.pdus.length === 1, 'the A-ASSOCIATE-RJ');
  assert.deepEqual(peer.pdus[0], { type: 'A-ASSOCIATE-RJ', result: 1, source: 1, reason: 7 });
  const assoc = [...server.associations.values()][0]!;
  assert.equal(assoc.state, 'Sta13');
  mock.timers.tick(2_000);
  await until(() => peer.closed, 'the SCP to close the connection');
  await until(() => server.associations.size === 0, 'the association map to empty');
});

test('ARTIM in Sta13: after the A-RELEASE-RP the peer never closes → Evt18 → AA-2 closes it', async (t) => {
  mockClock(t);
  const server = await scp(t, { artimMs: 2_000 });
  const peer = await rawClient(t, server.port);
  peer.send({ ...sampleRq(), calledAETitle: 'SCP' });
  await until(() => peer.pdus.length === 1, 'the A-ASSOCIATE-AC');
  assert.equal(peer.pdus[0]!.type, 'A-ASSOCIATE-AC');
  peer.send({ type: 'A-RELEASE-RQ' });
  await until(() => peer.pdus.length === 2, 'the A-RELEASE-RP');
  assert.equal(peer.pdus[1]!.type, 'A-RELEASE-RP');
  assert.equal([...server.associations.values()][0]!.state, 'Sta13');
  mock.timers.tick(2_000);
  await until(() => peer.closed, 'the SCP to close the connection');
  await until(() => server.associations.size === 0, 'the association map to empty');
});

test('ACSE timeout: no A-ASSOCIATE-AC/RJ within acseMs → TimeoutError(acse), A-ABORT sent, connection closed', async (t) => {
  mockClock(t);
  const fake = await fakeScp(t);
  const p = track(scu().associate({ host: '127.0.0.1', port: fake.port, contexts: ECHO, timeouts: { acseMs: 3_000 } }));
  const peer = await until(() => fake.peers[0]?.pdus.length === 1 && fake.peers[0], 'the A-ASSOCIATE-RQ');
  mock.timers.tick(2_999);
  await settle();
  assert.equal(p.outcome(), undefined);
  mock.timers.tick(1);
  await p.done;
  const outcome = p.outcome();
  assert.ok(outcome instanceof TimeoutError && outcome.kind === 'acse', String(outcome));
  await until(() => peer.closed, 'the connection to close');
  assert.deepEqual(peer.types(), ['A-ASSOCIATE-RQ', 'A-ABORT']);
});

test('ACSE timeout on release: no A-RELEASE-RP within acseMs → aborted; release() still resolves, connection closed', async (t) => {
  mockClock(t);
  const fake = await fakeScp(t, acceptRq);
  const assoc = await scu().associate({ host: '127.0.0.1', port: fake.port, contexts: ECHO, timeouts: { acseMs: 3_000 } });
  const peer = fake.peers[0]!;
  let released = false;
  const r = assoc.release().then(() => (released = true));
  await until(() => peer.types().includes('A-RELEASE-RQ'), 'the A-RELEASE-RQ');
  mock.timers.tick(2_999);
  await settle();
  assert.equal(released, false);
  mock.timers.tick(1);
  await r;
  await until(() => peer.closed, 'the connection to close');
  assert.deepEqual(peer.types(), ['A-ASSOCIATE-RQ', 'A-RELEASE-RQ', 'A-ABORT']);
  assert.equal(assoc.client.assoc.state, 'stopped');
});

test('DIMSE timeout: no C-ECHO-RSP within dimseMs → TimeoutError(dimse), association aborted and closed', async (t) => {
  mockClock(t);
  const fake = await fakeScp(t, acceptRq);
  const assoc = await scu().associate({ host: '127.0.0.1', port: fake.port, contexts: ECHO, timeouts: { dimseMs: 4_000, networkMs: 0 } });
  const peer = fake.peers[0]!;
  const p = track(assoc.cEcho());
  await until(() => peer.types().includes('P-DATA-TF'), 'the C-ECHO-RQ');
  mock.timers.tick(3_999);
  await settle();
  assert.equal(p.outcome(), undefined);
  mock.timers.tick(1);
  await p.done;
  const outcome = p.outcome();
  assert.ok(outcome instanceof TimeoutError && outcome.kind === 'dimse', String(outcome));
  await until(() => peer.closed, 'the connection to close');
  assert.equal(peer.types().at(-1), 'A-ABORT');
  await assoc.client.assoc.done;
});

test('SCU network timeout (real, small): the SCP goes silent with a request outstanding → TimeoutError(network), closed', async (t) => {
  const fake = await fakeScp(t, acceptRq);
  const assoc = await scu().associate({ host: '127.0.0.1', port: fake.port, contexts: ECHO, timeouts: { dimseMs: 0, networkMs: 150 } });
  await assert.rejects(assoc.cEcho(), (e: unknown) => e instanceof TimeoutError && e.kind === 'network');
  const peer = fake.peers[0]!;
  await until(() => peer.closed, 'the connection to close');
  await assoc.client.assoc.done;
});

test('SCP network timeout (real, small): an established association whose peer goes silent forever is aborted, then closed by ARTIM; the map empties', async (t) => {
  const server = await scp(t, { networkTimeoutMs: 150, artimMs: 150 });
  const peer = await rawClient(t, server.port);
  peer.send({ ...sampleRq(), calledAETitle: 'SCP' });
  await until(() => peer.pdus.length === 1, 'the A-ASSOCIATE-AC');
  assert.equal(peer.pdus[0]!.type, 'A-ASSOCIATE-AC');
  const assoc = [...server.associations.values()][0]!;
  // The peer reads but never sends nor closes: A-ABORT (Sta13), then ARTIM closes the connection.
  await until(() => peer.closed, 'the SCP to close the connection');
  assert.deepEqual(peer.types(), ['A-ASSOCIATE-AC', 'A-ABORT']);
  await until(() => server.associations.size === 0, 'the association map to empty');
  assert.match(assoc.ending, /network timeout/);
});

test('SCP network timeout does not cut an association that keeps talking', async (t) => {
  const server = await scp(t, { networkTimeoutMs: 300 });
  const assoc = await scu().associate({ host: '127.0.0.1', port: server.port, calledAETitle: 'SCP', contexts: ECHO });
  for (let i = 0; i < 6; i++) {
    assert.equal(await assoc.cEcho(), 0);
    await new Promise((r) => setTimeout(r, 100));
  }
  await assoc.release();
  await until(() => server.associations.size === 0, 'the association map to empty');
});

test('timeouts end with nothing left behind: no socket or server handle remains once the SCP is closed', async (t) => {
  const tcpHandles = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;
  const before = tcpHandles();
  const server = await scp(t, { networkTimeoutMs: 100, artimMs: 100 });
  const peer = await rawClient(t, server.port);
  peer.send({ ...sampleRq(), calledAETitle: 'SCP' });
  await until(() => peer.closed, 'the SCP to close the connection');
  await until(() => server.associations.size === 0, 'the association map to empty');
  await server.close();
  peer.socket.destroy();
  await until(() => tcpHandles() <= before, 'TCP handles to be released');
});

test('an aborted wait is never left hanging: AssociationAbortedError when the SCP closes during a request', async (t) => {
  const fake = await fakeScp(t, (peer, pdu) => {
    if (pdu.type === 'A-ASSOCIATE-RQ') peer.send(sampleAc());
    if (pdu.type === 'P-DATA-TF') peer.socket.destroy();
  });
  const assoc = await scu().associate({ host: '127.0.0.1', port: fake.port, contexts: ECHO });
  await assert.rejects(assoc.cEcho(), AssociationAbortedError);
  await assoc.client.assoc.done;
});
