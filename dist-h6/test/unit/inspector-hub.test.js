/**
 * The inspector's Node side: hub (stamping, backlog, replay), wire mapping,
 * slow-client dropping, the diagram built from the state table, and the HTTP +
 * WebSocket server. No timing assertions.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import WebSocket from 'ws';
import { ACTIONS, STATE_IDS, cells } from '../../machines/upper-layer/state-table.js';
import { ClientFeed } from '../../visualize/client-feed.js';
import { buildGraph, buildTableJson } from '../../visualize/graph.js';
import { InspectorHub } from '../../visualize/hub.js';
import { startInspectorServer } from '../../visualize/server.js';
import { plainData, toWire } from '../../visualize/wire.js';
const stats = (n) => ({ kind: 'stats', assoc: 'assoc-1', pdus: n, bytes: n * 100 });
describe('InspectorHub', () => {
    test('publish stamps v:1, a strictly increasing seq and ts from the injected clock', () => {
        let now = 1000;
        const hub = new InspectorHub({ now: () => now++ });
        for (let i = 1; i <= 5; i++)
            hub.publish(stats(i));
        const got = hub.backlog();
        assert.deepEqual(got.map((r) => r.ts), [1000, 1001, 1002, 1003, 1004]);
        assert.ok(got.every((r) => r.v === 1));
        for (let i = 1; i < got.length; i++)
            assert.equal(got[i].seq, got[i - 1].seq + 1);
    });
    test('seq is process-wide: records of two hubs never share or reuse a seq', () => {
        const a = new InspectorHub();
        const b = new InspectorHub();
        a.publish(stats(1));
        b.publish(stats(2));
        a.publish(stats(3));
        const [a1, a2] = a.backlog();
        const [b1] = b.backlog();
        assert.ok(a1.seq < b1.seq && b1.seq < a2.seq);
    });
    test('the backlog keeps the newest N records, oldest dropped first', () => {
        const hub = new InspectorHub({ backlog: 3 });
        for (let i = 1; i <= 7; i++)
            hub.publish(stats(i));
        assert.deepEqual(hub.backlog().map((r) => r.pdus), [5, 6, 7]);
    });
    test('the backlog defaults to 2000 records', () => {
        const hub = new InspectorHub();
        for (let i = 1; i <= 2005; i++)
            hub.publish(stats(i));
        const got = hub.backlog();
        assert.equal(got.length, 2000);
        assert.equal(got[0].pdus, 6);
    });
    test('a new subscriber gets the backlog in order, then live records; unsubscribe stops delivery', () => {
        const hub = new InspectorHub({ backlog: 2 });
        hub.publish(stats(1));
        hub.publish(stats(2));
        hub.publish(stats(3));
        const seen = [];
        const off = hub.subscribe((r) => seen.push(r.pdus));
        assert.deepEqual(seen, [2, 3]);
        hub.publish(stats(4));
        assert.deepEqual(seen, [2, 3, 4]);
        off();
        hub.publish(stats(5));
        assert.deepEqual(seen, [2, 3, 4]);
        assert.equal(hub.listenerCount, 0);
    });
    test('a listener that throws is removed and reported; publish does not throw', () => {
        const errors = [];
        const hub = new InspectorHub({ onListenerError: (e) => errors.push(e) });
        const good = [];
        hub.subscribe(() => {
            throw new Error('boom');
        });
        hub.subscribe((r) => good.push(r.seq));
        hub.publish(stats(1));
        hub.publish(stats(2));
        assert.equal(errors.length, 1);
        assert.equal(good.length, 2);
        assert.equal(hub.listenerCount, 1);
    });
    test('backlog 0 keeps nothing and replays nothing', () => {
        const hub = new InspectorHub({ backlog: 0 });
        hub.publish(stats(1));
        const seen = [];
        hub.subscribe((r) => seen.push(r));
        assert.equal(seen.length, 0);
        hub.publish(stats(2));
        assert.equal(seen.length, 1);
    });
});
describe('wire mapping', () => {
    test('only the fields protocol.ts names reach the wire', () => {
        const rec = { v: 1, seq: 9, ts: 5, kind: 'transition', assoc: 'assoc-1', from: 'Sta1', to: 'Sta2', evt: 'Evt5', acts: ['AE-5'], socket: { secret: 1 } };
        assert.deepEqual(toWire(rec), { v: 1, seq: 9, ts: 5, kind: 'transition', assoc: 'assoc-1', from: 'Sta1', to: 'Sta2', evt: 'Evt5', acts: ['AE-5'] });
    });
    test('PDU detail is copied as plain data: binary becomes its length, class instances their name', () => {
        class Sock {
        }
        const copy = plainData({ ae: 'A', n: 1, buf: Buffer.alloc(7), nested: [{ u8: new Uint8Array(3) }], s: new Sock(), f: () => 1, inf: Infinity });
        assert.deepEqual(copy, { ae: 'A', n: 1, buf: { bytes: 7 }, nested: [{ u8: { bytes: 3 } }], s: '[Sock]', inf: 'Infinity' });
    });
    test('an error record carries name, message and code as strings', () => {
        const rec = { v: 1, seq: 1, ts: 1, kind: 'error', assoc: 'assoc-1', error: { name: 'PduDecodeError', message: 'overrun', code: 'ERR_PDU_LENGTH' } };
        assert.deepEqual(toWire(rec).error, { name: 'PduDecodeError', message: 'overrun', code: 'ERR_PDU_LENGTH' });
    });
});
/** A socket whose send buffer the test controls; send callbacks run when the test says. */
class FakeSocket {
    bufferedAmount = 0;
    sent = [];
    callbacks = [];
    send(data, cb) {
        this.sent.push(JSON.parse(data));
        if (cb)
            this.callbacks.push(cb);
    }
}
const MiB = 1024 * 1024;
describe('ClientFeed (slow-client dropping)', () => {
    const hub = new InspectorHub();
    const records = (n) => {
        for (let i = 0; i < n; i++)
            hub.publish(stats(i));
        return hub.backlog().slice(-n);
    };
    test('sends while the buffer is under 1 MiB; above it drops and counts; reports the drop once drained to half', () => {
        const sock = new FakeSocket();
        const feed = new ClientFeed(sock, { now: () => 42 });
        const [r1, r2, r3, r4, r5, r6] = records(6);
        feed.push(r1);
        sock.bufferedAmount = MiB + 1;
        feed.push(r2);
        feed.push(r3);
        assert.equal(feed.pendingDrops, 2);
        sock.bufferedAmount = MiB - 1; // under the mark but not drained to half: still dropping
        feed.push(r4);
        assert.equal(feed.pendingDrops, 3);
        sock.bufferedAmount = MiB / 2;
        feed.push(r5);
        feed.push(r6);
        assert.deepEqual(sock.sent.map((m) => m.kind), ['stats', 'drop', 'stats', 'stats']);
        assert.deepEqual(sock.sent[1], { v: 1, seq: r4.seq, ts: 42, kind: 'drop', dropped: 3 });
        assert.deepEqual(sock.sent.map((m) => m.seq), [r1.seq, r4.seq, r5.seq, r6.seq]);
        assert.equal(feed.droppedTotal, 3);
        assert.equal(feed.pendingDrops, 0);
    });
    test('the drop record goes out when a write completes and the buffer has drained, without waiting for a new record', () => {
        const sock = new FakeSocket();
        const feed = new ClientFeed(sock, { highWaterMark: 1000 });
        const [r1, r2] = records(2);
        feed.push(r1);
        sock.bufferedAmount = 5000;
        feed.push(r2);
        sock.callbacks[0](); // r1 written, buffer still full
        assert.deepEqual(sock.sent.map((m) => m.kind), ['stats']);
        sock.bufferedAmount = 0;
        sock.callbacks[0](); // the same kind of completion after the drain; no new record published
        assert.deepEqual(sock.sent.map((m) => m.kind), ['stats', 'drop']);
        assert.equal(sock.sent[1].dropped, 1);
    });
    test('a failed send is reported so the server can drop the client', () => {
        const errors = [];
        const sock = new FakeSocket();
        const feed = new ClientFeed(sock, { onSendError: (e) => errors.push(e) });
        feed.push(records(1)[0]);
        sock.callbacks[0](new Error('closed'));
        assert.equal(errors.length, 1);
    });
});
function segmentHitsBox(p, q, n, inset = 1) {
    // Liang–Barsky clip against the box shrunk by `inset`.
    const [x0, x1, y0, y1] = [n.x + inset, n.x + n.width - inset, n.y + inset, n.y + n.height - inset];
    let t0 = 0;
    let t1 = 1;
    const dx = q.x - p.x;
    const dy = q.y - p.y;
    for (const [pk, qk] of [[-dx, p.x - x0], [dx, x1 - p.x], [-dy, p.y - y0], [dy, y1 - p.y]]) {
        if (pk === 0) {
            if (qk < 0)
                return false;
        }
        else {
            const r = qk / pk;
            if (pk < 0)
                t0 = Math.max(t0, r);
            else
                t1 = Math.min(t1, r);
        }
    }
    return t0 < t1;
}
describe('graph', () => {
    const g = buildGraph();
    test('one node per state, inside the drawing, none overlapping', () => {
        assert.deepEqual(g.nodes.map((n) => n.id), [...STATE_IDS]);
        const overlap = (n, m) => n.x < m.x + m.width && m.x < n.x + n.width && n.y < m.y + m.height && m.y < n.y + n.height;
        for (const n of g.nodes) {
            assert.ok(n.x >= 0 && n.y >= 0 && n.x + n.width <= g.width && n.y + n.height <= g.height, n.id);
            for (const m of g.nodes)
                if (m !== n)
                    assert.ok(!overlap(n, m), `${n.id} overlaps ${m.id}`);
        }
    });
    test('one edge per distinct from→to pair: 38, self-loops included, every cell and branch labelled once', () => {
        assert.equal(g.edges.length, 38);
        assert.equal(new Set(g.edges.map((e) => `${e.from}>${e.to}`)).size, 38);
        for (const loop of ['Sta6', 'Sta7', 'Sta8', 'Sta13'])
            assert.ok(g.edges.some((e) => e.from === loop && e.to === loop), loop);
        const want = cells().flatMap(([evt, sta, act]) => {
            const next = ACTIONS[act].next;
            return (typeof next === 'string' ? [next] : next.map(([, s]) => s)).map((to) => `${sta}>${to} ${evt}/${act}`);
        });
        assert.equal(want.length, 125); // 123 cells + the second branch of AE-6 and AR-8
        const got = g.edges.flatMap((e) => e.labels.map((l) => `${e.from}>${e.to} ${l}`));
        assert.deepEqual(got.sort(), want.sort());
    });
    test('abort is true exactly when every action on the edge is AA-*', () => {
        for (const e of g.edges)
            assert.equal(e.abort, e.labels.every((l) => l.split('/')[1].startsWith('AA-')), `${e.from}>${e.to}`);
        const get = (k) => g.edges.find((e) => `${e.from}>${e.to}` === k);
        assert.equal(get('Sta6>Sta13').abort, true);
        assert.equal(get('Sta2>Sta13').abort, false); // AE-6 reject branch
        assert.equal(get('Sta13>Sta1').abort, false); // AR-5
    });
    test('no edge passes through a state box other than its own ends', () => {
        const box = { id: 'Sta6', title: '', x: 10, y: 10, width: 20, height: 10 };
        assert.ok(segmentHitsBox({ x: 0, y: 15 }, { x: 40, y: 15 }, box)); // the check itself can fail
        assert.ok(!segmentHitsBox({ x: 0, y: 25 }, { x: 40, y: 25 }, box));
        for (const e of g.edges) {
            assert.ok(e.points.length >= 2);
            for (let i = 1; i < e.points.length; i++) {
                for (const n of g.nodes) {
                    if (n.id === e.from || n.id === e.to)
                        continue;
                    assert.ok(!segmentHitsBox(e.points[i - 1], e.points[i], n), `${e.from}>${e.to} crosses ${n.id}`);
                }
            }
        }
    });
    test('table.json carries the one-line meaning of every state, event and action', () => {
        const t = buildTableJson();
        assert.equal(Object.keys(t.states).length, 13);
        assert.equal(Object.keys(t.events).length, 19);
        assert.equal(Object.keys(t.actions).length, 28);
        assert.equal(t.actions['AR-2'], 'Issue A-RELEASE indication primitive');
    });
});
/** Collects `n` messages from a ws client. */
function nextMessages(ws, n) {
    return new Promise((resolve, reject) => {
        const got = [];
        ws.on('error', reject);
        ws.on('message', (data) => {
            got.push(JSON.parse(String(data)));
            if (got.length === n)
                resolve(got);
        });
    });
}
describe('startInspectorServer', () => {
    test('serves the page, graph.json and table.json; nothing outside the page folder', async (t) => {
        const server = await startInspectorServer({ hub: new InspectorHub(), port: 0 });
        t.after(() => server.close());
        assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
        const index = await fetch(server.url);
        assert.equal(index.status, 200);
        assert.match(index.headers.get('content-type'), /text\/html/);
        assert.match(await index.text(), /rel="icon" href="data:/);
        assert.match((await fetch(new URL('app.js', server.url))).headers.get('content-type'), /javascript/);
        assert.equal((await (await fetch(new URL('graph.json', server.url))).json()).edges.length, 38);
        assert.equal((await (await fetch(new URL('table.json', server.url))).json()).states.Sta6, 'Association established and ready for data transfer');
        for (const p of ['/..%2fserver.js', '/../package.json', '/%2e%2e/hub.js', '/nope.js']) {
            assert.equal((await fetch(new URL(p, server.url))).status, 404, p);
        }
        assert.equal((await fetch(server.url, { method: 'POST' })).status, 405);
    });
    test('a client gets the backlog, then live records, one JSON record per message', async (t) => {
        const hub = new InspectorHub({ now: () => 7 });
        hub.publish({ kind: 'actor', assoc: 'assoc-1', role: 'acceptor', status: 'active', peer: '10.0.0.1:1000' });
        hub.publish({ kind: 'transition', assoc: 'assoc-1', from: 'Sta1', to: 'Sta2', evt: 'Evt5', acts: ['AE-5'] });
        const server = await startInspectorServer({ hub, port: 0 });
        t.after(() => server.close());
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/inspect`);
        t.after(() => ws.terminate());
        const messages = nextMessages(ws, 3);
        await new Promise((resolve) => ws.once('open', resolve));
        hub.publish({ kind: 'pdu', assoc: 'assoc-1', dir: 'in', pduType: 'A-ASSOCIATE-RQ', len: 205, summary: 'A → B', detail: { raw: Buffer.alloc(205) } });
        const got = await messages;
        assert.deepEqual(got.map((m) => m.kind), ['actor', 'transition', 'pdu']);
        assert.ok(got[0].seq < got[1].seq && got[1].seq < got[2].seq);
        assert.deepEqual(got[2].detail, { raw: { bytes: 205 } });
        assert.equal(got[2].ts, 7);
    });
    test('a browser connection from another origin is refused', async (t) => {
        const server = await startInspectorServer({ hub: new InspectorHub(), port: 0 });
        t.after(() => server.close());
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/inspect`, { origin: 'http://evil.example' });
        const status = await new Promise((resolve) => ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)));
        assert.equal(status, 401);
    });
    test('close() terminates clients and frees the port', async () => {
        const hub = new InspectorHub();
        const server = await startInspectorServer({ hub, port: 0 });
        const ws = new WebSocket(`ws://127.0.0.1:${server.port}/inspect`);
        await new Promise((resolve) => ws.once('open', resolve));
        const closed = new Promise((resolve) => ws.once('close', resolve));
        await server.close();
        await closed;
        assert.equal(hub.listenerCount, 0);
        const probe = createServer();
        await new Promise((resolve, reject) => probe.once('error', reject).listen(server.port, '127.0.0.1', resolve));
        await new Promise((resolve) => probe.close(resolve));
    });
});
//# sourceMappingURL=inspector-hub.test.js.map