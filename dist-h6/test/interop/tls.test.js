/**
 * DICOM secure transport (PS3.15 Annex B) with dcmtk on the other side, as a
 * site would set it up: a throwaway CA made with openssl, a server and a
 * client certificate signed by it, and a rogue client certificate signed by
 * another CA. dcmtk's +tls takes the key and the certificate, +cf the CA;
 * its SCU and its storescp verify the peer's certificate by default
 * (--require-peer-cert).
 */
import { mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import pino from 'pino';
import { ApplicationEntity } from '../../services/application-entity.js';
import { TimeoutError } from '../../services/scu/errors.js';
import { cEchoScp } from '../../services/verification/c-echo-scp.js';
import { ExplicitVRLittleEndian, ImplicitVRLittleEndian, Verification } from '../../services/registry/uids.js';
import { InspectorHub } from '../../visualize/hub.js';
import { Inspector } from '../../visualize/inspector.js';
import { cliPath, eventually, freePort, requireTool, run, samplesDir, sopUid, startCli, tempDir } from '../helpers/dcmtk.js';
const ECHO = [{ abstractSyntax: Verification, transferSyntaxes: [ExplicitVRLittleEndian, ImplicitVRLittleEndian] }];
const SAMPLE = () => path.join(samplesDir(), 'valid', 'CT_small.dcm');
async function openssl(args) {
    const r = await run('openssl', args);
    if (r.code !== 0)
        throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
}
/** A throwaway PKI in a temp dir: CA, server (SAN 127.0.0.1, localhost), client; a rogue CA and its client. */
async function makePki(t) {
    const dir = await tempDir(t, 'netdicom-tls-');
    const f = (n) => path.join(dir, n);
    await writeFile(f('server.ext'), 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n');
    await writeFile(f('client.ext'), 'extendedKeyUsage=clientAuth\n');
    const ca = async (name) => openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f(`${name}.key`), '-out', f(`${name}.pem`), '-days', '2', '-subj', `/CN=netdicom ${name}`]);
    const leaf = async (name, signer, ext, serial) => {
        await openssl(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', `/CN=${name}`]);
        await openssl(['x509', '-req', '-in', f(`${name}.csr`), '-CA', f(`${signer}.pem`), '-CAkey', f(`${signer}.key`), '-set_serial', serial, '-days', '2', '-out', f(`${name}.pem`), '-extfile', f(ext)]);
    };
    await Promise.all([ca('ca'), ca('rogue-ca')]);
    await Promise.all([leaf('server', 'ca', 'server.ext', '1'), leaf('client', 'ca', 'client.ext', '2'), leaf('rogue', 'rogue-ca', 'client.ext', '3')]);
    return {
        dir, ca: f('ca.pem'), serverKey: f('server.key'), serverCert: f('server.pem'), clientKey: f('client.key'), clientCert: f('client.pem'),
        rogueKey: f('rogue.key'), rogueCert: f('rogue.pem'),
    };
}
function serverTls(p, extra = {}) {
    return { cert: readFileSync(p.serverCert), key: readFileSync(p.serverKey), ca: readFileSync(p.ca), ...extra };
}
/** dcmtk echoscu over TLS with this key/certificate, verifying the server against our CA. */
function dcmtkEchoTls(port, key, cert, ca) {
    return run('echoscu', ['-to', '5', '+tls', key, cert, '+cf', ca, '127.0.0.1', String(port)]);
}
/** Our CLI, run to completion. */
function ours(args) {
    return run(process.execPath, [cliPath, ...args], {}, 30_000);
}
const TOOLS = ['openssl', 'echoscu', 'storescu', 'storescp'];
test('dcmtk echoscu +tls and storescu +tls (client certificate from our CA) → our storescp --tls-port --require-peer-cert; the plain port answers beside it', { timeout: 90_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const pki = await makePki(t);
    const out = await tempDir(t);
    const [plain, secure] = [await freePort(), await freePort()];
    const scp = await startCli(['storescp', String(plain), '-od', out, '-ba', '127.0.0.1', '--tls-port', String(secure), '--tls-cert', pki.serverCert, '--tls-key', pki.serverKey, '--tls-ca', pki.ca, '--require-peer-cert'], { echo: { port: plain } });
    t.after(() => scp.stop());
    const echo = await dcmtkEchoTls(secure, pki.clientKey, pki.clientCert, pki.ca);
    assert.equal(echo.code, 0, echo.stdout + echo.stderr);
    const store = await run('storescu', ['-to', '5', '+tls', pki.clientKey, pki.clientCert, '+cf', pki.ca, '127.0.0.1', String(secure), SAMPLE()]);
    assert.equal(store.code, 0, store.stdout + store.stderr);
    const uid = await sopUid(SAMPLE());
    assert.ok(readdirSync(out).some((n) => n.startsWith(uid)), `stored file ${uid} missing: ${readdirSync(out).join(', ')}`);
    // Plain and TLS side by side; our SCU over TLS with a client certificate.
    assert.equal((await run('echoscu', ['-to', '5', '127.0.0.1', String(plain)])).code, 0);
    const ourEcho = await ours(['echoscu', '127.0.0.1', String(secure), '--tls', '--tls-ca', pki.ca, '--tls-cert', pki.clientCert, '--tls-key', pki.clientKey]);
    assert.equal(ourEcho.code, 0, ourEcho.stderr);
    // Plain DICOM on the TLS port gets no association.
    assert.notEqual((await run('echoscu', ['-to', '3', '127.0.0.1', String(secure)])).code, 0);
    // A rogue client certificate: refused in TLS; the SCP's log names the refusal.
    const rogue = await dcmtkEchoTls(secure, pki.rogueKey, pki.rogueCert, pki.ca);
    assert.notEqual(rogue.code, 0, 'a client certificate from another CA was accepted');
    await eventually(() => /TLS connection refused: client certificate refused/.test(scp.output()), 'the SCP to log the TLS refusal');
});
test('a client certificate not signed by the CA (or none) is refused in TLS, before any A-ASSOCIATE: no association starts (no Sta1→Sta2→Sta3)', { timeout: 60_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const pki = await makePki(t);
    const hub = new InspectorHub();
    const lines = [];
    const log = pino({ level: 'debug' }, { write: (s) => void lines.push(s) });
    const ae = new ApplicationEntity({ aeTitle: 'SCP', log, inspector: new Inspector(hub) }).addService(cEchoScp());
    const server = await ae.listen({ port: 0, host: '127.0.0.1', tls: serverTls(pki, { requestCert: true }) });
    t.after(() => server.close());
    let started = 0;
    hub.subscribe((r) => {
        if (r.kind === 'transition' || r.kind === 'actor' || r.kind === 'pdu')
            started++;
    });
    const rogue = await dcmtkEchoTls(server.port, pki.rogueKey, pki.rogueCert, pki.ca);
    assert.notEqual(rogue.code, 0, 'the rogue client associated');
    const anonymous = await run('echoscu', ['-to', '5', '+tla', '+cf', pki.ca, '127.0.0.1', String(server.port)]);
    assert.notEqual(anonymous.code, 0, 'a client without a certificate associated');
    const ourRogue = await ours(['echoscu', '127.0.0.1', String(server.port), '--tls', '--tls-ca', pki.ca, '--tls-cert', pki.rogueCert, '--tls-key', pki.rogueKey]);
    assert.notEqual(ourRogue.code, 0);
    const refusals = await eventually(() => {
        const r = lines.filter((l) => l.includes('TLS connection refused'));
        return r.length >= 3 && r;
    }, 'three TLS refusals in the log');
    assert.ok(refusals.some((l) => /NO_PEER_CERTIFICATE/.test(l)), refusals.join(''));
    assert.equal(started, 0, `the inspector saw association records: ${JSON.stringify(hub.backlog())}`);
    assert.equal(server.associations.size, 0);
    assert.ok(!lines.some((l) => l.includes('association accepted') || l.includes('connection accepted')), lines.join(''));
    // The same listener with a good client: the association shows up as usual.
    const good = await dcmtkEchoTls(server.port, pki.clientKey, pki.clientCert, pki.ca);
    assert.equal(good.code, 0, good.stdout + good.stderr);
    const path_ = await eventually(() => {
        const ts = hub.backlog().filter((r) => r.kind === 'transition');
        return ts.length >= 3 && ts.slice(0, 3).map((r) => r.from + '→' + r.to);
    }, 'the good association in the stream');
    assert.deepEqual(path_, ['Sta1→Sta2', 'Sta2→Sta3', 'Sta3→Sta6']);
});
test('our echoscu and storescu --tls → dcmtk storescp +tls (which requires a client certificate)', { timeout: 90_000 }, async (t) => {
    if (!requireTool(TOOLS, t))
        return;
    const pki = await makePki(t);
    /** dcmtk's storescp ends after some TLS failures: one per check. */
    const dcmtkScp = async () => {
        const out = await tempDir(t);
        const port = await freePort();
        const proc = spawn('storescp', ['+tls', pki.serverKey, pki.serverCert, '+cf', pki.ca, '-od', out, String(port)], { stdio: 'ignore', env: { ...process.env, TCP_NODELAY: '1' } });
        t.after(() => void proc.kill('SIGKILL'));
        await eventually(async () => (await dcmtkEchoTls(port, pki.clientKey, pki.clientCert, pki.ca)).code === 0, 'dcmtk storescp +tls to answer');
        return { port, out };
    };
    const { port, out } = await dcmtkScp();
    const creds = ['--tls', '--tls-ca', pki.ca, '--tls-cert', pki.clientCert, '--tls-key', pki.clientKey];
    const echo = await ours(['echoscu', '127.0.0.1', String(port), ...creds]);
    assert.equal(echo.code, 0, echo.stderr);
    const store = await ours(['storescu', '127.0.0.1', String(port), ...creds, SAMPLE()]);
    assert.equal(store.code, 0, store.stderr);
    assert.match(store.stderr, /1 sent, 0 failed/);
    const uid = await sopUid(SAMPLE());
    assert.ok(readdirSync(out).some((n) => n.endsWith(uid)), `dcmtk stored nothing for ${uid}: ${readdirSync(out).join(', ')}`);
    // Without a client certificate dcmtk refuses us; we say so on one error line.
    const noCert = await ours(['echoscu', '127.0.0.1', String((await dcmtkScp()).port), '--tls', '--tls-ca', pki.ca]);
    assert.notEqual(noCert.code, 0);
    assert.match(noCert.stderr, /echoscu: error: /);
});
test('our SCU verifies the server: without --tls-ca (an unknown CA) the TLS connection fails; --ignore-peer-cert skips the check', { timeout: 60_000 }, async (t) => {
    if (!requireTool('openssl', t))
        return;
    const pki = await makePki(t);
    const ae = new ApplicationEntity({ aeTitle: 'SCP' }).addService(cEchoScp());
    const server = await ae.listen({ port: 0, host: '127.0.0.1', tls: serverTls(pki) });
    t.after(() => server.close());
    const unverified = await ours(['echoscu', '127.0.0.1', String(server.port), '--tls']);
    assert.notEqual(unverified.code, 0);
    assert.match(unverified.stderr, /certificate/i);
    assert.equal((await ours(['echoscu', '127.0.0.1', String(server.port), '--tls', '--ignore-peer-cert'])).code, 0);
    assert.equal((await ours(['echoscu', '127.0.0.1', String(server.port), '--tls', '--tls-ca', pki.ca])).code, 0);
    // The certificate names 127.0.0.1 and localhost: a host name check against "localhost" passes too.
    assert.equal((await ours(['echoscu', 'localhost', String(server.port), '--tls', '--tls-ca', pki.ca])).code, 0);
});
test('library: ae.listen twice (plain and TLS side by side) and ae.associate({ tls }) with a client certificate', { timeout: 60_000 }, async (t) => {
    if (!requireTool('openssl', t))
        return;
    const pki = await makePki(t);
    const ae = new ApplicationEntity({ aeTitle: 'SCP' }).addService(cEchoScp());
    const plain = await ae.listen({ port: 0, host: '127.0.0.1' });
    const secure = await ae.listen({ port: 0, host: '127.0.0.1', tls: serverTls(pki, { requestCert: true, rejectUnauthorized: true }) });
    t.after(() => Promise.all([plain.close(), secure.close()]));
    const scu = new ApplicationEntity({ aeTitle: 'SCU' });
    const a = await scu.associate({ host: '127.0.0.1', port: plain.port, contexts: ECHO });
    assert.equal(await a.cEcho(), 0);
    const b = await scu.associate({
        host: '127.0.0.1', port: secure.port, contexts: ECHO,
        tls: { ca: readFileSync(pki.ca), cert: readFileSync(pki.clientCert), key: readFileSync(pki.clientKey) },
    });
    assert.equal(await b.cEcho(), 0);
    assert.equal(plain.associations.size, 1);
    assert.equal(secure.associations.size, 1);
    await Promise.all([a.release(), b.release()]);
    await eventually(() => plain.associations.size === 0 && secure.associations.size === 0, 'both maps to empty');
});
test('every socket has Nagle off: setNoDelay(true) on the TLS sockets of both ends', { timeout: 60_000 }, async (t) => {
    if (!requireTool('openssl', t))
        return;
    const pki = await makePki(t);
    const calls = mock.method(net.Socket.prototype, 'setNoDelay');
    t.after(() => calls.mock.restore());
    const ae = new ApplicationEntity({ aeTitle: 'SCP' }).addService(cEchoScp());
    const server = await ae.listen({ port: 0, host: '127.0.0.1', tls: serverTls(pki) });
    t.after(() => server.close());
    const a = await new ApplicationEntity({ aeTitle: 'SCU' }).associate({ host: '127.0.0.1', port: server.port, contexts: ECHO, tls: { ca: readFileSync(pki.ca) } });
    await a.cEcho();
    await a.release();
    const tlsSockets = new Set(calls.mock.calls.filter((c) => c.this instanceof tls.TLSSocket && c.arguments[0] === true).map((c) => c.this));
    assert.ok(tlsSockets.size >= 2, `setNoDelay(true) on ${tlsSockets.size} TLS socket(s)`);
    const side = (s) => (s._tlsOptions?.isServer ? 'acceptor' : 'requestor');
    assert.deepEqual(new Set([...tlsSockets].map(side)), new Set(['acceptor', 'requestor']));
});
test('TLS handshake timeout: a TCP client that never starts TLS is dropped after the ARTIM time; no association starts', { timeout: 30_000 }, async (t) => {
    if (!requireTool('openssl', t))
        return;
    const pki = await makePki(t);
    const hub = new InspectorHub();
    const lines = [];
    const ae = new ApplicationEntity({ aeTitle: 'SCP', artimMs: 200, inspector: new Inspector(hub), log: pino({ level: 'warn' }, { write: (s) => void lines.push(s) }) }).addService(cEchoScp());
    const server = await ae.listen({ port: 0, host: '127.0.0.1', tls: serverTls(pki) });
    t.after(() => server.close());
    const socket = net.connect({ host: '127.0.0.1', port: server.port });
    t.after(() => socket.destroy());
    socket.on('error', () => { });
    await new Promise((r) => socket.once('close', () => r()));
    assert.deepEqual(hub.backlog(), []);
    await eventually(() => lines.some((l) => /TLS handshake failed/.test(l)), 'the handshake failure in the log');
});
test('connect timeout covers the TLS handshake: a server that accepts TCP but never answers TLS → TimeoutError(connect), closed', { timeout: 30_000 }, async (t) => {
    const accepted = [];
    let closed = 0;
    const mute = net.createServer((s) => {
        accepted.push(s);
        s.on('error', () => { });
        s.on('close', () => closed++);
        s.resume(); // read, so that the SCU's close is seen
    });
    await new Promise((r) => mute.listen(0, '127.0.0.1', r));
    t.after(() => {
        accepted.forEach((s) => s.destroy());
        mute.close();
    });
    const port = mute.address().port;
    await assert.rejects(new ApplicationEntity({ aeTitle: 'SCU' }).associate({ host: '127.0.0.1', port, contexts: ECHO, tls: {}, timeouts: { connectMs: 200 } }), (e) => e instanceof TimeoutError && e.kind === 'connect');
    await eventually(() => accepted.length === 1 && closed === 1, 'the SCU to close the connection');
});
//# sourceMappingURL=tls.test.js.map