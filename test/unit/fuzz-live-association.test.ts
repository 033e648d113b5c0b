/**
 * Property-based fuzzing of a live association: a netdicom SCP on
 * 127.0.0.1:0 gets, per run, one connection carrying random, valid and
 * mutated PDUs (sometimes after a proper A-ASSOCIATE-RQ), cut into random
 * writes; then the peer closes (FIN or RST) or waits for netdicom to close.
 * Every run must end with the association back in Sta1, its socket closed and
 * gone from the association map; the process never crashes, and dcmtk
 * echoscu still gets a C-ECHO success afterwards.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { encodePdu } from '../../transport/pdu-codec.js';
import { echo, eventually, requireTool } from '../helpers/dcmtk.js';
import { pduArb } from '../helpers/pdu-arbitraries.js';
import { dimse, echoRqPData, mutatedPduArb, pdu, ScriptedPeer } from '../helpers/scripted-peer.js';
import { startScp } from '../conformance/harness.js';

/** One write's worth of bytes. */
const chunkArb: fc.Arbitrary<Buffer> = fc.oneof(
  { arbitrary: mutatedPduArb, weight: 4 },
  { arbitrary: pduArb.map(encodePdu), weight: 2 },
  { arbitrary: fc.uint8Array({ maxLength: 48 }).map((a) => Buffer.from(a)), weight: 1 },
  {
    arbitrary: fc.constantFrom(
      pdu.httpGet(), pdu.tlsClientHello(), echoRqPData(1, 1), pdu.releaseRq(), pdu.releaseRp(), pdu.abort(0, 0), pdu.associateRq(),
      pdu.pData([{ pcId: 1, command: false, last: true, data: Buffer.alloc(4) }]), pdu.pData([{ pcId: 1, command: true, last: false, data: dimse.cEchoRq(2) }]),
    ),
    weight: 2,
  },
);

const scriptArb = fc.record({
  /** Associate first (A-ASSOCIATE-RQ, -AC), so the chunks reach an established association. */
  associate: fc.boolean(),
  chunks: fc.array(chunkArb, { minLength: 1, maxLength: 5 }),
  /** Cut each chunk in two writes at this fraction (0 = as is). */
  cut: fc.double({ min: 0, max: 1, noNaN: true }),
  ending: fc.constantFrom('end' as const, 'reset' as const, 'wait' as const),
});

test('property: a live association fed random and mutated PDUs never crashes and always ends in Sta1 with its socket closed', { timeout: 120_000 }, async (t) => {
  const scp = await startScp(t, { artimMs: 300 });
  scp.gates.identity.open(); // User Identity checks answer at once
  let n = 0;
  await fc.assert(
    fc.asyncProperty(scriptArb, async (s) => {
      const peer = await ScriptedPeer.connect(scp.port);
      try {
        const assoc = await scp.association('acceptor', n++);
        if (s.associate) await peer.associate(); // established (Sta6) before the chunks
        for (const c of s.chunks) {
          const at = Math.floor(c.length * s.cut);
          if (at > 0 && at < c.length) {
            peer.send(c.subarray(0, at));
            peer.send(c.subarray(at));
          } else peer.send(c);
        }
        if (s.ending === 'wait') {
          // netdicom closes by itself from every state that has a timer (Sta2, Sta13); an idle established association (Sta6) is the peer's to close.
          await eventually(() => peer.isClosed() || scp.server.associations.get(assoc)?.state === 'Sta6', `${assoc} to close or settle in Sta6\n  seen: ${scp.path(assoc)}`);
          if (!peer.isClosed()) peer.end();
        } else if (s.ending === 'end') peer.end();
        else peer.reset();
        await scp.ended(assoc);
        await peer.expectClosed();
        assert.equal(scp.transitions(assoc).at(-1)?.to, 'Sta1', scp.path(assoc));
        assert.equal(scp.server.associations.has(assoc), false);
      } finally {
        peer.destroy();
      }
    }),
    { numRuns: 120 },
  );
  await eventually(() => scp.server.associations.size === 0, 'no association left');
  if (!requireTool('echoscu', t)) return;
  const r = await echo(scp.port);
  assert.equal(r.code, 0, `echoscu after the fuzzing: ${r.stdout}${r.stderr}`);
});
