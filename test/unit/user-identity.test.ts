/**
 * User Identity negotiation, PS3.7 D.3.3.7: the RQ sub-item from a username
 * and passcode, the acceptor's (possibly async) check, the A-ASSOCIATE-RJ
 * 1/1/1 on refusal, the empty AC sub-item when a positive response was
 * requested, and the passcode kept out of logs and inspector records. The
 * last test drives dcmtk's storescu --user/--password (dcmtk 3.6.7's echoscu
 * has no User Identity options).
 */
import { mock, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import path from 'node:path';
import pino from 'pino';
import { ApplicationEntity, type AEOptions, type ScpServer } from '../../services/application-entity.js';
import {
  decideUserIdentity, loadUserTable, toUserIdentityRq, userIdentityOf, userIdentityRq, userTable, type UserIdentity,
} from '../../services/acse/user-identity.js';
import { AssociationRejectedError } from '../../services/scu/errors.js';
import { cEchoScp } from '../../services/verification/c-echo-scp.js';
import { cStoreScp } from '../../services/storage/c-store-scp.js';
import { ExplicitVRLittleEndian, ImplicitVRLittleEndian, Verification } from '../../services/registry/uids.js';
import { decodePdu, encodePdu } from '../../transport/pdu-codec.js';
import type { AssociateRqPdu, Pdu } from '../../transport/pdu-types.js';
import { InspectorHub } from '../../visualize/hub.js';
import { Inspector } from '../../visualize/inspector.js';
import { requireTool, run, samplesDir, tempDir } from '../helpers/dcmtk.js';
import { sampleRq } from '../helpers/ul-events.js';
import { until } from '../helpers/until.js';

const ECHO = [{ abstractSyntax: Verification, transferSyntaxes: [ExplicitVRLittleEndian, ImplicitVRLittleEndian] }];
const PASSCODE = 'pa55-XYZZY-7f3c';
const USERS = userTable({ alice: PASSCODE, bob: true });

const rqWith = (id?: Parameters<typeof userIdentityRq>[0]): AssociateRqPdu => {
  const rq = sampleRq();
  if (id) rq.userInformation.userIdentityRq = userIdentityRq(id);
  return rq;
};

async function scp(t: TestContext, opts: Partial<AEOptions> = {}): Promise<ScpServer> {
  const ae = new ApplicationEntity({ aeTitle: 'SCP', checkUserIdentity: USERS, ...opts }).addService(cEchoScp());
  const server = await ae.listen({ port: 0, host: '127.0.0.1' });
  t.after(() => server.close());
  return server;
}

const scu = (opts: Partial<AEOptions> = {}) => new ApplicationEntity({ aeTitle: 'SCU', ...opts });

/** A raw requestor: sends `rq`, collects the PDUs it gets back. */
async function rawAssociate(t: TestContext, port: number, rq: AssociateRqPdu): Promise<{ socket: net.Socket; pdus: Pdu[]; closed: () => boolean }> {
  const socket = net.connect({ host: '127.0.0.1', port, noDelay: true });
  t.after(() => socket.destroy());
  const pdus: Pdu[] = [];
  let buf = Buffer.alloc(0);
  let closed = false;
  socket.on('data', (c: Buffer) => {
    buf = Buffer.concat([buf, c]);
    while (buf.length >= 6 && buf.length >= 6 + buf.readUInt32BE(2)) {
      const n = 6 + buf.readUInt32BE(2);
      pdus.push(decodePdu(Buffer.from(buf.subarray(0, n))));
      buf = buf.subarray(n);
    }
  });
  socket.on('close', () => (closed = true));
  socket.on('error', () => {});
  await new Promise<void>((r) => socket.once('connect', r));
  socket.write(encodePdu(rq));
  return { socket, pdus, closed: () => closed };
}

// ---- the sub-item and the check, as data ----

test('userIdentityRq: a username alone is type 1, with a passcode type 2; fields UTF-8', () => {
  assert.deepEqual(userIdentityRq({ username: 'jürgen' }), {
    identityType: 1, positiveResponseRequested: false, primaryField: Buffer.from('jürgen', 'utf8'), secondaryField: Buffer.alloc(0),
  });
  assert.deepEqual(userIdentityRq({ username: 'alice', passcode: 's', positiveResponseRequested: true }), {
    identityType: 2, positiveResponseRequested: true, primaryField: Buffer.from('alice'), secondaryField: Buffer.from('s'),
  });
  const raw = { identityType: 5, positiveResponseRequested: true, primaryField: Buffer.from('jwt'), secondaryField: Buffer.alloc(0) };
  assert.equal(toUserIdentityRq(raw), raw);
});

test('userIdentityOf: the identity of an RQ; a passcode only for type 2; undefined without the sub-item', () => {
  assert.equal(userIdentityOf(rqWith()), undefined);
  assert.deepEqual(userIdentityOf(rqWith({ username: 'bob' })), { type: 1, username: 'bob', positiveResponseRequested: false });
  assert.deepEqual(userIdentityOf(rqWith({ username: 'alice', passcode: PASSCODE })), { type: 2, username: 'alice', passcode: PASSCODE, positiveResponseRequested: false });
});

test('userTable: a user with a passcode needs type 2 and that passcode; a user mapped to true needs only the name; types 3–5 refused', () => {
  const id = (type: number, username: string, passcode?: string): UserIdentity => ({ type, username, ...(passcode !== undefined ? { passcode } : {}), positiveResponseRequested: false });
  const rq = sampleRq();
  assert.equal(USERS(id(2, 'alice', PASSCODE), rq), true);
  assert.equal(USERS(id(2, 'alice', PASSCODE + 'x'), rq), false);
  assert.equal(USERS(id(2, 'alice', ''), rq), false);
  assert.equal(USERS(id(1, 'alice'), rq), false);
  assert.equal(USERS(id(1, 'bob'), rq), true);
  assert.equal(USERS(id(2, 'bob', 'anything'), rq), true);
  assert.equal(USERS(id(2, 'mallory', PASSCODE), rq), false);
  assert.equal(USERS(id(5, 'alice'), rq), false);
});

test('loadUserTable: reads a JSON object; an error names the file, never its content', async (t) => {
  const dir = await tempDir(t, 'netdicom-users-');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path.join(dir, 'ok.json'), JSON.stringify({ alice: PASSCODE, bob: true }));
  assert.deepEqual(loadUserTable(path.join(dir, 'ok.json')), { alice: PASSCODE, bob: true });
  await writeFile(path.join(dir, 'bad.json'), `{"alice": "${PASSCODE}",`);
  assert.throws(() => loadUserTable(path.join(dir, 'bad.json')), (e: Error) => /bad\.json/.test(e.message) && !e.message.includes(PASSCODE));
  await writeFile(path.join(dir, 'num.json'), JSON.stringify({ alice: 42 }));
  assert.throws(() => loadUserTable(path.join(dir, 'num.json')), /alice/);
});

test('decideUserIdentity: missing identity refused when required, accepted when optional', async () => {
  const policy = { check: USERS, timeoutMs: 1000 };
  assert.deepEqual(await decideUserIdentity(rqWith(), { ...policy, required: true }), { accepted: false, why: 'no user identity given' });
  assert.deepEqual(await decideUserIdentity(rqWith(), { ...policy, required: false }), { accepted: true });
});

test('decideUserIdentity: a positive response request gets an empty server response (types 1 and 2)', async () => {
  const policy = { check: USERS, timeoutMs: 1000, required: true };
  const d = await decideUserIdentity(rqWith({ username: 'alice', passcode: PASSCODE, positiveResponseRequested: true }), policy);
  assert.deepEqual(d, { accepted: true, serverResponse: Buffer.alloc(0) });
  assert.deepEqual(await decideUserIdentity(rqWith({ username: 'bob' }), policy), { accepted: true });
});

test('decideUserIdentity: a refusal or a throwing check is a refusal whose reason never holds the passcode', async () => {
  const rq = rqWith({ username: 'alice', passcode: PASSCODE });
  const refused = await decideUserIdentity(rq, { check: () => false, timeoutMs: 1000, required: true });
  assert.equal(refused.accepted, false);
  const thrown = await decideUserIdentity(rq, { check: (id) => { throw new Error(`bad passcode ${id.passcode}`); }, timeoutMs: 1000, required: true });
  assert.equal(thrown.accepted, false);
  for (const d of [refused, thrown]) assert.ok(!JSON.stringify(d).includes(PASSCODE), JSON.stringify(d));
  assert.match(JSON.stringify(thrown), /alice/);
});

test('decideUserIdentity: a check that never answers is refused after timeoutMs (mock clock)', async (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  let done = false;
  const p = decideUserIdentity(rqWith({ username: 'alice', passcode: PASSCODE }), { check: () => new Promise<boolean>(() => {}), timeoutMs: 5_000, required: true }).then((d) => ((done = true), d));
  await new Promise((r) => setImmediate(r));
  mock.timers.tick(4_999);
  await new Promise((r) => setImmediate(r));
  assert.equal(done, false);
  mock.timers.tick(1);
  const d = await p;
  assert.equal(d.accepted, false);
  assert.match((d as { why: string }).why, /no decision within 5000 ms/);
});

// ---- over the wire: our SCU against our SCP ----

test('username+passcode accepted; with a positive response requested the AC carries an empty User Identity AC sub-item', async (t) => {
  const server = await scp(t);
  const a = await scu().associate({ host: '127.0.0.1', port: server.port, contexts: ECHO, userIdentity: { username: 'alice', passcode: PASSCODE, positiveResponseRequested: true } });
  assert.deepEqual(a.client.assoc.associateAc?.userInformation.userIdentityAc, Buffer.alloc(0));
  assert.equal(await a.cEcho(), 0);
  await a.release();
  const b = await scu().associate({ host: '127.0.0.1', port: server.port, contexts: ECHO, userIdentity: { username: 'bob' } });
  assert.equal(b.client.assoc.associateAc?.userInformation.userIdentityAc, undefined, 'no AC sub-item unless asked for');
  await b.release();
});

test('a wrong passcode, an unknown user, or no identity → A-ASSOCIATE-RJ result 1, source 1, reason 1', async (t) => {
  const server = await scp(t);
  const attempts = [{ username: 'alice', passcode: 'wrong' }, { username: 'mallory', passcode: PASSCODE }, undefined];
  for (const userIdentity of attempts) {
    await assert.rejects(
      scu().associate({ host: '127.0.0.1', port: server.port, contexts: ECHO, ...(userIdentity ? { userIdentity } : {}) }),
      (e: unknown) => e instanceof AssociationRejectedError && e.result === 1 && e.source === 1 && e.reason === 1,
    );
  }
  await until(() => server.associations.size === 0, 'the association map to empty');
});

test('userIdentityOptional: an RQ without User Identity is accepted; one with a bad identity still refused', async (t) => {
  const server = await scp(t, { userIdentityOptional: true });
  const a = await scu().associate({ host: '127.0.0.1', port: server.port, contexts: ECHO });
  await a.release();
  await assert.rejects(scu().associate({ host: '127.0.0.1', port: server.port, contexts: ECHO, userIdentity: { username: 'alice', passcode: 'x' } }), AssociationRejectedError);
});

test('the AE title checks come first: a refused calling AE title is rejected 1/1/3 without calling the identity check', async (t) => {
  let calls = 0;
  const server = await scp(t, { allowedCallingAETitles: ['OTHER'], checkUserIdentity: () => (calls++, true) });
  await assert.rejects(
    scu().associate({ host: '127.0.0.1', port: server.port, contexts: ECHO, userIdentity: { username: 'bob' } }),
    (e: unknown) => e instanceof AssociationRejectedError && e.reason === 3,
  );
  assert.equal(calls, 0);
});

test('an async check blocks only its own association: another is accepted and served while the first waits in Sta3', async (t) => {
  let release!: (ok: boolean) => void;
  const gate = new Promise<boolean>((r) => (release = r));
  const seen: string[] = [];
  const server = await scp(t, {
    checkUserIdentity: (id) => {
      seen.push(id.username);
      return id.username === 'slow' ? gate : true;
    },
  });
  let slowDone = false;
  const slow = scu().associate({ host: '127.0.0.1', port: server.port, contexts: ECHO, userIdentity: { username: 'slow' } }).finally(() => (slowDone = true));
  const waiting = await until(() => [...server.associations.values()].find((a) => a.state === 'Sta3'), 'the slow association in Sta3');
  const fast = await scu().associate({ host: '127.0.0.1', port: server.port, contexts: ECHO, userIdentity: { username: 'fast' } });
  assert.equal(await fast.cEcho(), 0);
  await fast.release();
  assert.equal(slowDone, false);
  assert.equal(waiting.state, 'Sta3');
  release(true);
  const a = await slow;
  assert.equal(await a.cEcho(), 0);
  await a.release();
  assert.deepEqual(seen, ['slow', 'fast']);
  await until(() => server.associations.size === 0, 'the association map to empty');
});

test('a check still running when the requestor goes away: its answer is dropped, nothing is accepted, the map empties', async (t) => {
  let release!: (ok: boolean) => void;
  const gate = new Promise<boolean>((r) => (release = r));
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (s: string) => void lines.push(s) });
  const server = await scp(t, { checkUserIdentity: () => gate, log });
  const raw = await rawAssociate(t, server.port, rqWith({ username: 'alice', passcode: PASSCODE }));
  await until(() => [...server.associations.values()].some((a) => a.state === 'Sta3'), 'Sta3');
  raw.socket.destroy();
  await until(() => server.associations.size === 0, 'the association map to empty');
  release(true);
  await new Promise((r) => setImmediate(r));
  assert.ok(!lines.some((l) => l.includes('association accepted')), lines.join(''));
  assert.deepEqual(raw.pdus, []);
});

test('the identity check is bounded by the ACSE (ARTIM) timeout: no decision → A-ASSOCIATE-RJ 1/1/1 (mock clock)', async (t) => {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  const server = await scp(t, { artimMs: 10_000, checkUserIdentity: () => new Promise<boolean>(() => {}) });
  const raw = await rawAssociate(t, server.port, rqWith({ username: 'alice', passcode: PASSCODE }));
  await until(() => [...server.associations.values()].some((a) => a.state === 'Sta3'), 'Sta3');
  mock.timers.tick(10_000);
  await until(() => raw.pdus.length === 1, 'the A-ASSOCIATE-RJ');
  assert.deepEqual(raw.pdus[0], { type: 'A-ASSOCIATE-RJ', result: 1, source: 1, reason: 1 });
  raw.socket.end();
  await until(() => server.associations.size === 0, 'the association map to empty');
});

test('the passcode never reaches the inspector stream or the logs (debug level), accepted or refused, on either side', async (t) => {
  const hub = new InspectorHub();
  const lines: string[] = [];
  const log = pino({ level: 'trace' }, { write: (s: string) => void lines.push(s) });
  const inspector = new Inspector(hub);
  const server = await scp(t, { log, inspector });
  const requestor = scu({ log, inspector });
  const a = await requestor.associate({ host: '127.0.0.1', port: server.port, contexts: ECHO, userIdentity: { username: 'alice', passcode: PASSCODE, positiveResponseRequested: true } });
  await a.cEcho();
  await a.release();
  await assert.rejects(requestor.associate({ host: '127.0.0.1', port: server.port, contexts: ECHO, userIdentity: { username: 'alice', passcode: `${PASSCODE}-wrong` } }));
  await until(() => server.associations.size === 0, 'the association map to empty');
  const stream = JSON.stringify(hub.backlog());
  assert.match(stream, /A-ASSOCIATE-RQ/, 'the stream has the A-ASSOCIATE-RQ records');
  const forms = [PASSCODE, Buffer.from(PASSCODE).toString('hex'), Buffer.from(PASSCODE).toString('base64')];
  for (const f of forms) {
    assert.ok(!stream.includes(f), `inspector stream contains the passcode (${f})`);
    assert.ok(!lines.join('').includes(f), `log contains the passcode (${f})`);
  }
});

// ---- dcmtk ----

test('dcmtk storescu --user/--password against our SCP: accepted with the right passcode (and -rsp), rejected otherwise', { timeout: 60_000 }, async (t) => {
  if (!requireTool('storescu', t)) return;
  const dir = await tempDir(t);
  const ae = new ApplicationEntity({ aeTitle: 'SCP', checkUserIdentity: USERS }).addService(cEchoScp()).addService(cStoreScp({ dir, implementationVersionName: 'TEST' }));
  const server = await ae.listen({ port: 0, host: '127.0.0.1' });
  t.after(() => server.close());
  const file = path.join(samplesDir(), 'valid', 'CT_small.dcm');
  const store = (...args: string[]) => run('storescu', ['-to', '5', ...args, '127.0.0.1', String(server.port), file]);
  const ok = await store('--user', 'alice', '--password', PASSCODE, '--pos-response');
  assert.equal(ok.code, 0, ok.stdout + ok.stderr);
  const bob = await store('--user', 'bob');
  assert.equal(bob.code, 0, bob.stdout + bob.stderr);
  const wrong = await store('--user', 'alice', '--password', 'nope');
  assert.notEqual(wrong.code, 0);
  assert.match(wrong.stdout + wrong.stderr, /Rejected Permanent[\s\S]*Service User[\s\S]*No Reason/i);
  const none = await store();
  assert.notEqual(none.code, 0);
  await until(() => server.associations.size === 0, 'the association map to empty');
});
