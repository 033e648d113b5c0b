/**
 * The inspector's optional token (`startInspectorServer({ token })`, CLI
 * --inspect-token): without it on the request (`?token=`, or the cookie the
 * page got with it) the page, its files and the /inspect stream answer 401.
 * The CLI refuses --inspect-host on a non-loopback address without a token.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { InspectorHub } from '../../visualize/hub.js';
import { startInspectorServer } from '../../visualize/server.js';
import { inspectAddressOf } from '../../apps/security-options.js';
import { run, cliPath } from '../helpers/dcmtk.js';
const TOKEN = 'k3y-For-The-Inspector';
async function server(t, token) {
    const s = await startInspectorServer({ hub: new InspectorHub(), host: '127.0.0.1', port: 0, ...(token ? { token } : {}) });
    t.after(() => s.close());
    return s;
}
function wsOpens(url, headers = {}) {
    return new Promise((resolve) => {
        const ws = new WebSocket(url, { headers });
        ws.once('open', () => {
            ws.terminate();
            resolve(true);
        });
        ws.once('error', () => resolve(false));
    });
}
test('with a token: the page, its files and /inspect need ?token= (or the cookie set with it); otherwise 401', async (t) => {
    const s = await server(t, TOKEN);
    const base = `http://127.0.0.1:${s.port}`;
    assert.equal((await fetch(`${base}/`)).status, 401);
    assert.equal((await fetch(`${base}/?token=wrong`)).status, 401);
    assert.equal((await fetch(`${base}/graph.json`)).status, 401);
    const page = await fetch(`${base}/?token=${TOKEN}`);
    assert.equal(page.status, 200);
    const cookie = page.headers.get('set-cookie')?.split(';')[0];
    assert.ok(cookie, 'the page sets a cookie');
    assert.match(page.headers.get('set-cookie'), /HttpOnly/);
    assert.match(page.headers.get('set-cookie'), /SameSite=Strict/);
    assert.equal((await fetch(`${base}/graph.json`, { headers: { cookie } })).status, 200);
    assert.equal((await fetch(`${base}/app.js`, { headers: { cookie } })).status, 200);
    assert.equal((await fetch(`${base}/graph.json`, { headers: { cookie: cookie.replace(/=.*/, '=nope') } })).status, 401);
    const ws = `ws://127.0.0.1:${s.port}/inspect`;
    assert.equal(await wsOpens(ws), false);
    assert.equal(await wsOpens(`${ws}?token=wrong`), false);
    assert.equal(await wsOpens(`${ws}?token=${TOKEN}`), true);
    assert.equal(await wsOpens(ws, { cookie }), true);
});
test('without a token nothing changes: page and stream open to loopback clients', async (t) => {
    const s = await server(t);
    assert.equal((await fetch(`http://127.0.0.1:${s.port}/`)).status, 200);
    assert.equal(await wsOpens(`ws://127.0.0.1:${s.port}/inspect`), true);
});
test('--inspect-host: loopback needs no token; any other address requires --inspect-token', () => {
    assert.deepEqual(inspectAddressOf({}), { host: '127.0.0.1' });
    assert.deepEqual(inspectAddressOf({ inspectHost: '::1' }), { host: '::1' });
    assert.throws(() => inspectAddressOf({ inspectHost: '0.0.0.0' }), /--inspect-token/);
    assert.deepEqual(inspectAddressOf({ inspectHost: '0.0.0.0', inspectToken: TOKEN }), { host: '0.0.0.0', token: TOKEN });
});
test('CLI: echoscp --inspect-host 0.0.0.0 without --inspect-token exits with an error, listening on nothing', async () => {
    const r = await run(process.execPath, [cliPath, 'echoscp', '0', '-ba', '127.0.0.1', '--inspect', '0', '--inspect-host', '0.0.0.0'], {}, 20_000);
    assert.notEqual(r.code, 0);
    assert.match(r.stderr, /--inspect-token TOKEN is required/);
});
//# sourceMappingURL=inspector-token.test.js.map