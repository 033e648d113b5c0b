/**
 * One association watched through the inspector stream, as a user debugging a
 * peer would (see /work/shared/checks/inspector-stream.sh): `storescp
 * --inspect WSPORT`, a WebSocket client on /inspect, then dcmtk echoscu. The
 * acceptor's transitions must follow PS3.8 Table 9-10.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { echo, eventually, freePort, requireTool, startCli, tempDir, waitForEcho, type EchoOptions } from '../helpers/dcmtk.js';
import { ACCEPTOR_RELEASED, InspectorClient } from '../helpers/inspector-client.js';

/**
 * storescp with --inspect, a client connected before the first association,
 * and a warm-up C-ECHO that has ended: what follows is the test's own.
 */
async function watchedStorescp(t: TestContext, extra: string[], ready: EchoOptions): Promise<{ port: number; client: InspectorClient; before: Set<string> }> {
  const dir = await tempDir(t);
  const [port, wsPort] = [await freePort(), await freePort()];
  const scp = await startCli(['storescp', String(port), '-od', dir, '-ba', '127.0.0.1', '--inspect', String(wsPort), ...extra]);
  t.after(() => scp.stop());
  const client = await InspectorClient.connect(wsPort);
  t.after(() => client.close());
  await waitForEcho(port, { ...ready, alive: scp.alive });
  const before = await eventually(() => {
    const s = client.started();
    return s.length > 0 && s.every((a) => client.ended(a)) && new Set(s);
  }, 'the warm-up association to end in the stream');
  return { port, client, before };
}

/** The one association that started after `before`, once it is back in Sta1 and its actor is done. */
function next(client: InspectorClient, before: Set<string>): Promise<string> {
  return eventually(() => {
    const fresh = client.started().filter((a) => !before.has(a));
    return fresh.length === 1 && client.ended(fresh[0]!) && client.actor(fresh[0]!, 'done') !== undefined && fresh[0];
  }, 'the association to end in the stream');
}

test('an echoscu association streams as Sta1→Sta2→Sta3→Sta6→Sta8→Sta13→Sta1 (AE-5, AE-6, AE-7, AR-2, AR-4, AR-5)', { timeout: 30_000 }, async (t) => {
  if (!requireTool('echoscu', t)) return;
  const { port, client, before } = await watchedStorescp(t, [], {});
  const r = await echo(port);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const assoc = await next(client, before);
  assert.deepEqual(client.path(assoc), ACCEPTOR_RELEASED);
  assert.equal(client.actor(assoc, 'done')?.ending, 'release');
});

test('a rejected association (calling AE not allowed) streams Sta3 + Evt8 → AE-8 → Sta13 and ends with A-ASSOCIATE-RJ', { timeout: 30_000 }, async (t) => {
  if (!requireTool('echoscu', t)) return;
  const { port, client, before } = await watchedStorescp(t, ['--allow-calling-aet', 'OTHER'], { aet: 'OTHER' });
  const r = await echo(port, { aet: 'ECHOSCU' });
  assert.notEqual(r.code, 0, 'echoscu with a calling AE title not allowed succeeded');
  const assoc = await next(client, before);
  assert.ok(client.path(assoc).includes('Sta3-Evt8/AE-8->Sta13'), `transitions: ${client.path(assoc).join(', ')}`);
  const done = client.actor(assoc, 'done');
  assert.equal(done?.status, 'done');
  assert.match(done?.ending ?? '', /A-ASSOCIATE-RJ/);
});
