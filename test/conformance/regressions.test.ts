/**
 * Regression tests for bugs found while driving netdicom with hostile input
 * and the Table 9-10 cells over sockets (issue #6). The others live next to
 * the case that found them in hostile-input.test.ts:
 *   - framer: a partial PDU's buffer grew to the announced length at once
 *     ("… allocate for what arrived, not for what was announced");
 *   - odd-length fragments were accepted ("an odd-length … fragment");
 *   - a DIMSE-level abort, issued inside the DT-2 action, lost its transition
 *     record (the "Sta6-Evt15/AA-1->Sta13" step of the DIMSE cases).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import pino from 'pino';
import type { Association } from '../../machines/association.js';
import { DimseProvider } from '../../services/dimse/provider.js';
import { MessageWriter } from '../../services/dimse/message-writer.js';
import { decodePdu, pduBytes, type EncodedPdu } from '../../transport/pdu-codec.js';
import type { PDataTfPdu } from '../../transport/pdu-types.js';
import type { DimseRecord } from '../../visualize/protocol.js';
import { dimse, echoRqPData, pdu, pdvsOf, ScriptedPeer } from '../helpers/scripted-peer.js';
import { HELD_SOP_CLASS, RQ_CONTEXTS, startScp } from './harness.js';

const data = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 13 + 1) & 0xff));

test('fragments stay even when the peer advertises an odd Maximum Length (PS3.8 Annex E.1)', () => {
  for (const max of [16383, 16385, 4097, 0xffffffff]) {
    const w = new MessageWriter(max);
    const pdus = w.dataset(1, data(50_000), true).map((b) => decodePdu(pduBytes(b)) as PDataTfPdu);
    for (const p of pdus) {
      const frag = p.pdvs[0]!.data.length;
      assert.equal(frag % 2, 0, `max ${max}: fragment of ${frag} bytes`);
      assert.ok(frag + 6 <= max, `max ${max}: PDU length ${frag + 6}`);
    }
    assert.deepEqual(Buffer.concat(pdus.map((p) => p.pdvs[0]!.data)), data(50_000));
  }
});

test('a data set streamed in odd-sized pieces goes out in even fragments, unchanged', async () => {
  const sent: Buffer[] = [];
  const assoc = {
    id: 'assoc-stub',
    sendPData: (pdus: EncodedPdu[]) => (sent.push(...pdus.map(pduBytes)), true),
    drained: async () => {},
    done: new Promise<void>(() => {}),
    pauseInput: () => {},
    resumeInput: () => {},
    abort: () => {},
  } as unknown as Association;
  const provider = new DimseProvider({
    assoc, info: { id: 'assoc-stub', callingAETitle: 'A', calledAETitle: 'B', peer: '', implementationClassUid: '1.2', contexts: [], roles: [] },
    contexts: new Map([[1, { id: 1, abstractSyntax: '1.2.840.10008.5.1.4.1.1.7', transferSyntax: '1.2.840.10008.1.2' }]]),
    services: [], peerMaxLength: 16384, maxCommandBytes: 4096, maxBufferedDataset: 1 << 20, log: pino({ level: 'silent' }),
  });
  const payload = data(4 * 7001); // even in total, as every data set is; odd pieces
  async function* pieces() {
    for (let at = 0; at < payload.length; at += 7001) yield payload.subarray(at, at + 7001);
  }
  assert.equal(await provider.sendMessageStream(1, { CommandField: 0x0001, MessageID: 1 }, pieces(), payload.length), true);
  provider.stop();
  const frags = sent.map((b) => (decodePdu(b) as PDataTfPdu).pdvs[0]!).filter((p) => !p.isCommand);
  assert.deepEqual(frags.filter((p) => p.data.length % 2 !== 0).map((p) => p.data.length), [], 'odd fragments');
  assert.deepEqual(Buffer.concat(frags.map((p) => p.data)), payload);
  assert.deepEqual(frags.map((p) => p.isLast), frags.map((_, i) => i === frags.length - 1));
});

test('an A-RELEASE-RQ while a request is still being answered: the response goes out in Sta8 (AR-7), then the A-RELEASE-RP (AR-4)', async (t) => {
  const scp = await startScp(t);
  const peer = await ScriptedPeer.connect(scp.port);
  t.after(() => peer.destroy());
  const assoc = await scp.association('acceptor');
  await peer.associate({ contexts: RQ_CONTEXTS });
  peer.send(echoRqPData(3, 9, HELD_SOP_CLASS), pdu.releaseRq());
  await scp.reached(assoc, 'Sta8');
  scp.gates.service.open(); // the service answers now
  const rsp = await peer.expect('P-DATA-TF');
  const [pdv] = pdvsOf(rsp);
  assert.equal(dimse.commandField(pdv!.data), 0x8030, 'the C-ECHO-RSP');
  await peer.expect('A-RELEASE-RP');
  await scp.cell(assoc, 'Sta8', 'Evt14');
  peer.end();
  await scp.ended(assoc);
  assert.match(scp.path(assoc), /Sta6-Evt12\/AR-2->Sta8 Sta8-Evt14\/AR-4->Sta13 Sta13-Evt17\/AR-5->Sta1$/);
  assert.ok(scp.records.some((r): r is DimseRecord => r.kind === 'dimse' && r.assoc === assoc && r.dir === 'out' && r.command === 'C-ECHO-RSP'));
});

test('associations share one Upper Layer machine, each bound to its own socket: an abort on one leaves the other working', async (t) => {
  // The machine used to be built per association (milliseconds of CPU per connection, which made
  // connect-then-close loops CPU-bound); now it is built once and each actor is bound to its io.
  const scp = await startScp(t);
  const [a, b] = [await ScriptedPeer.connect(scp.port), await ScriptedPeer.connect(scp.port)];
  t.after(() => [a, b].forEach((p) => p.destroy()));
  await Promise.all([a.associate(), b.associate()]);
  a.send(pdu.unknownType(0x08));
  await a.expect('A-ABORT');
  b.send(echoRqPData(1, 3));
  const [pdv] = pdvsOf(await b.expect('P-DATA-TF'));
  assert.equal(dimse.commandField(pdv!.data), 0x8030);
  b.send(pdu.releaseRq());
  await b.expect('A-RELEASE-RP');
  assert.deepEqual(a.names(), ['A-ASSOCIATE-AC', 'A-ABORT']);
  assert.deepEqual(b.names(), ['A-ASSOCIATE-AC', 'P-DATA-TF', 'A-RELEASE-RP']);
});
