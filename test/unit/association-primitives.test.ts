/**
 * Local primitives on an Association (PS3.8 §9.2.2): one with no Table 9-10
 * cell is refused with a typed error and logged as a warning; one issued
 * after the association ended is a race with the peer (e.g. its close beat
 * our A-RELEASE-RP) and is logged at debug level only.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import pino from 'pino';
import { Association } from '../../machines/association.js';
import { InvalidPrimitiveError } from '../../machines/errors.js';
import { sampleRq } from '../helpers/ul-events.js';
import { freePort } from '../helpers/dcmtk.js';

function capture() {
  const lines: Array<{ level: number; msg: string }> = [];
  return { lines, log: pino({ level: 'debug' }, { write: (s: string) => void lines.push(JSON.parse(s) as { level: number; msg: string }) }) };
}

test('a primitive after the association ended: InvalidPrimitiveError, logged at debug (not warn)', async () => {
  // Regression: qrscp logged a WARN "local primitive refused" when a peer closed right after its A-RELEASE-RQ.
  const { lines, log } = capture();
  const port = await freePort(); // nothing listens: AE-1 fails, Evt17 in Sta4, back to Sta1
  const assoc = new Association({
    id: 'assoc-t1', role: 'requestor', maxPduLength: 16384, artimMs: 30_000, log, onIndication: () => {},
    connect: () => net.connect({ host: '127.0.0.1', port }),
  });
  assoc.associate(sampleRq());
  await assoc.done;
  assert.equal(assoc.state, 'stopped');
  assert.throws(() => assoc.releaseResponse(), (e: unknown) => e instanceof InvalidPrimitiveError && e.state === 'stopped' && e.event === 'Evt14');
  const about = lines.filter((l) => /primitive/.test(l.msg));
  assert.deepEqual(about.map((l) => l.level), [20]);
});

test('a primitive with no cell in a live state (A-RELEASE-RP in Sta4): InvalidPrimitiveError and a warning', async (t) => {
  const { lines, log } = capture();
  const server = net.createServer(() => {}); // accepts and stays silent: the requestor waits in Sta5
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  t.after(() => server.close());
  const assoc = new Association({
    id: 'assoc-t2', role: 'requestor', maxPduLength: 16384, artimMs: 30_000, log, onIndication: () => {},
    connect: () => net.connect({ host: '127.0.0.1', port: (server.address() as net.AddressInfo).port }),
  });
  assoc.associate(sampleRq());
  assert.equal(assoc.state, 'Sta4');
  assert.throws(() => assoc.releaseResponse(), (e: unknown) => e instanceof InvalidPrimitiveError && e.state === 'Sta4');
  assert.deepEqual(lines.filter((l) => /primitive/.test(l.msg)).map((l) => l.level), [40]);
  assoc.abort();
  assoc.closeTransport();
  await assoc.done;
});
