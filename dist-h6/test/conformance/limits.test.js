/**
 * Limits over real sockets:
 * - more concurrent associations than `maxAssociations` are refused with
 *   A-ASSOCIATE-RJ result 2 (rejected-transient), source 3 (service-provider,
 *   presentation), reason 2 (local-limit-exceeded), PS3.8 Table 9-21;
 * - connect-then-close loops (load-balancer health checks) leak nothing:
 *   after 10,000 cycles the association map is empty and the heap, after a
 *   full GC, is where it was after a warm-up, within a generous bound.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { ApplicationEntity } from '../../services/application-entity.js';
import { cEchoScp } from '../../services/verification/c-echo-scp.js';
import { InspectorHub } from '../../visualize/hub.js';
import { Inspector } from '../../visualize/inspector.js';
import { echo, eventually, requireTool } from '../helpers/dcmtk.js';
import { echoRqPData, pdu, rejectOf, ScriptedPeer } from '../helpers/scripted-peer.js';
import { startScp } from './harness.js';
test('limit: a third association over maxAssociations = 2 gets A-ASSOCIATE-RJ (2, 3, 2) and the first two go on', { timeout: 20_000 }, async (t) => {
    const scp = await startScp(t, { maxAssociations: 2 });
    const peers = [];
    t.after(() => peers.forEach((p) => p.destroy()));
    for (let i = 0; i < 2; i++) {
        const p = await ScriptedPeer.connect(scp.port);
        peers.push(p);
        await p.associate();
    }
    const third = await ScriptedPeer.connect(scp.port);
    peers.push(third);
    third.send(pdu.associateRq());
    const rj = await third.expect('A-ASSOCIATE-RJ');
    assert.deepEqual(rejectOf(rj), { result: 2, source: 3, reason: 2 }); // rejected-transient, presentation provider, local-limit-exceeded
    third.end();
    const id = await scp.association('acceptor', 2);
    await scp.ended(id);
    assert.equal(scp.path(id), 'Sta1-Evt5/AE-5->Sta2 Sta2-Evt6/AE-6->Sta3 Sta3-Evt8/AE-8->Sta13 Sta13-Evt17/AR-5->Sta1');
    if (requireTool('echoscu', t)) {
        const full = await echo(scp.port);
        assert.notEqual(full.code, 0, 'echoscu got through a full server');
        assert.match(full.stdout + full.stderr, /Rejected Transient|local-limit-exceeded|Local Limit Exceeded/i);
    }
    // The two established associations still work, and releasing one makes room.
    for (const p of peers.slice(0, 2)) {
        p.send(echoRqPData(1, 1));
        await p.expect('P-DATA-TF');
    }
    peers[0].send(pdu.releaseRq());
    await peers[0].expect('A-RELEASE-RP');
    peers[0].end();
    await eventually(() => scp.server.associations.size === 1, 'one association left');
    if (requireTool('echoscu', t)) {
        const r = await echo(scp.port);
        assert.equal(r.code, 0, r.stdout + r.stderr);
    }
});
/** `global.gc`, whether or not node ran with --expose-gc. */
function gc() {
    v8.setFlagsFromString('--expose-gc');
    return vm.runInNewContext('gc');
}
/** `n` connect-then-close cycles, `parallel` at a time; every other one closes with a FIN, the rest with a RST. */
async function healthChecks(port, n, parallel = 16) {
    let next = 0;
    const one = (i) => new Promise((resolve, reject) => {
        const s = net.connect({ port, host: '127.0.0.1' });
        s.on('error', (err) => (err.code === 'ECONNRESET' ? undefined : reject(err)));
        s.once('connect', () => (i % 2 === 0 ? s.end() : s.resetAndDestroy()));
        s.once('close', () => resolve());
    });
    const worker = async () => {
        while (next < n)
            await one(next++);
    };
    await Promise.all(Array.from({ length: parallel }, worker));
}
test('limit: 10,000 connect-then-close cycles leave no association and a flat heap', { timeout: 120_000 }, async (t) => {
    // A bounded inspector (backlog 2000, no subscriber) is attached: it must not leak either.
    const ae = new ApplicationEntity({ aeTitle: 'NETDICOM', inspector: new Inspector(new InspectorHub()) }).addService(cEchoScp());
    const server = await ae.listen({ port: 0, host: '127.0.0.1' });
    t.after(() => server.close());
    const collect = gc();
    const settle = async () => {
        await eventually(() => server.associations.size === 0, 'the association map to be empty', 20_000);
        await new Promise((r) => setImmediate(r));
        collect();
        collect();
        return process.memoryUsage().heapUsed;
    };
    await healthChecks(server.port, 1_000); // warm-up: JIT, pools, the hub's ring buffer
    const base = await settle();
    const started = Date.now();
    await healthChecks(server.port, 10_000);
    const elapsed = Date.now() - started;
    const after = await settle();
    const grown = after - base;
    t.diagnostic(`10,000 cycles in ${elapsed} ms; heap ${(base / 2 ** 20).toFixed(1)} → ${(after / 2 ** 20).toFixed(1)} MiB`);
    assert.equal(server.associations.size, 0);
    assert.ok(grown < 4 * 2 ** 20, `heap grew by ${(grown / 2 ** 20).toFixed(2)} MiB over 10,000 cycles (${Math.round(grown / 10_000)} bytes per cycle)`);
    if (requireTool('echoscu', t)) {
        const r = await echo(server.port);
        assert.equal(r.code, 0, r.stdout + r.stderr);
    }
});
//# sourceMappingURL=limits.test.js.map