/**
 * Hostile and malformed input, over real sockets, against a netdicom SCP
 * (docs/hostile-input.md is the same list as a table). Each case checks the
 * answer on the wire (the A-ABORT source/reason of PS3.8 Table 9-26, or the
 * A-ASSOCIATE-RJ of Table 9-21, or a close), the state path the Inspector
 * recorded, that the association is gone afterwards, and that dcmtk echoscu
 * then still gets a C-ECHO success from the same server.
 *
 * Before the association (Sta2) an unexpected or invalid PDU is AA-1: an
 * A-ABORT with the service-user source (0, 0). Afterwards it is AA-8: an
 * A-ABORT from the service-provider (2) with the reason that fits: 1
 * unrecognized-PDU, 2 unexpected-PDU, 5 unexpected-PDU-parameter, 6
 * invalid-PDU-parameter-value. A DIMSE-level violation inside well-formed
 * P-DATA is a local A-ABORT request (Evt15, AA-1) with source 2, reason 6.
 */
import { test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import v8 from 'node:v8';
import vm from 'node:vm';
import { echo, eventually, requireTool } from '../helpers/dcmtk.js';
import { abortOf, describe, dimse, echoRqPData, pdu, pdvsOf, rejectOf, ScriptedPeer, UID } from '../helpers/scripted-peer.js';
import { startScp, type Scp, type ScpOptions } from './harness.js';

const OPEN = 'Sta1-Evt5/AE-5->Sta2';
const ESTABLISHED = `${OPEN} Sta2-Evt6/AE-6->Sta3 Sta3-Evt7/AE-7->Sta6`;
/** We aborted (AA-1/AA-7/AA-8 → Sta13), then the peer closed. */
const CLOSED_AFTER_ABORT = 'Sta13-Evt17/AR-5->Sta1';
const RELEASED = 'Sta6-Evt12/AR-2->Sta8 Sta8-Evt14/AR-4->Sta13 Sta13-Evt17/AR-5->Sta1';

type Answer =
  | { abort: [source: number, reason: number] }
  | { reject: [result: number, source: number, reason: number] }
  /** We close the connection without a PDU. */
  | { close: true }
  /** A C-ECHO (with whatever the case sends) is answered and the association released normally. */
  | { accepted: true };

interface Case {
  name: string;
  /** Where the bytes arrive: before the A-ASSOCIATE-RQ, or on an established association (contexts 1 Verification). */
  at: 'Sta2' | 'Sta6';
  bytes: () => Buffer | Buffer[];
  answer: Answer;
  path: string;
  scp?: ScpOptions;
}

const rq = pdu.associateRq;
/** The body of a valid A-ASSOCIATE-RQ up to the items (74 - 6 = 68 bytes). */
const rqFixed = () => rq().subarray(6, 74);
const appContext = () => pdu.item(0x10, Buffer.from(UID.ApplicationContext));
/** Presentation context 1: Verification, Implicit VR Little Endian. */
const pcItem = () =>
  pdu.item(0x20, Buffer.concat([Buffer.from([1, 0, 0, 0]), pdu.item(0x30, Buffer.from(UID.Verification)), pdu.item(0x40, Buffer.from(UID.ImplicitVRLittleEndian))]));

const CASES: Case[] = [
  // ---- not DICOM at all (Sta2)
  { name: 'an HTTP request (a load balancer health check)', at: 'Sta2', bytes: pdu.httpGet, answer: { abort: [0, 0] }, path: `${OPEN} Sta2-Evt19/AA-1->Sta13 ${CLOSED_AFTER_ABORT}` },
  { name: 'a TLS ClientHello', at: 'Sta2', bytes: pdu.tlsClientHello, answer: { abort: [0, 0] }, path: `${OPEN} Sta2-Evt19/AA-1->Sta13 ${CLOSED_AFTER_ABORT}` },
  // ---- unknown PDU types
  ...[0x00, 0x08, 0xff].map((type): Case => ({
    name: `unknown PDU type 0x${type.toString(16).padStart(2, '0')} before the association`, at: 'Sta2', bytes: () => pdu.unknownType(type),
    answer: { abort: [0, 0] }, path: `${OPEN} Sta2-Evt19/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  })),
  { name: 'unknown PDU type 0x08 on an established association', at: 'Sta6', bytes: () => pdu.unknownType(0x08), answer: { abort: [2, 1] }, path: `${ESTABLISHED} Sta6-Evt19/AA-8->Sta13 ${CLOSED_AFTER_ABORT}` },
  { name: 'an HTTP request on an established association', at: 'Sta6', bytes: pdu.httpGet, answer: { abort: [2, 1] }, path: `${ESTABLISHED} Sta6-Evt19/AA-8->Sta13 ${CLOSED_AFTER_ABORT}` },
  // ---- PDU lengths that lie
  {
    name: 'an A-ASSOCIATE-RQ whose PDU length (10) is too short for its fixed fields', at: 'Sta2',
    bytes: () => pdu.raw(0x01, rqFixed().subarray(0, 10)), answer: { abort: [0, 0] }, path: `${OPEN} Sta2-Evt19/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'an A-RELEASE-RQ with PDU length 2 (too short)', at: 'Sta6',
    bytes: () => pdu.raw(0x05, Buffer.alloc(2)), answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt19/AA-8->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'an A-RELEASE-RQ with PDU length 10 that swallows the next PDU', at: 'Sta6',
    bytes: () => [pdu.releaseRq({ length: 10 }), pdu.releaseRq()], answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt19/AA-8->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'an A-ASSOCIATE-RQ whose PDU length runs 200 bytes past the end, then silence: ARTIM closes', at: 'Sta2', scp: { artimMs: 500 },
    bytes: () => {
      const b = rq();
      return pdu.raw(0x01, b.subarray(6), { length: b.length - 6 + 200 });
    },
    answer: { close: true }, path: `${OPEN} Sta2-Evt18/AA-2->Sta1`,
  },
  {
    name: 'a PDU length of 4 GB (0xFFFFFFFF) on an A-ASSOCIATE-RQ', at: 'Sta2',
    bytes: () => pdu.header(0x01, 0xffffffff), answer: { abort: [0, 0] }, path: `${OPEN} Sta2-Evt19/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'an A-ASSOCIATE-RQ over the 1 MiB cap on PDUs other than P-DATA-TF', at: 'Sta2',
    bytes: () => pdu.header(0x01, (1 << 20) + 1), answer: { abort: [0, 0] }, path: `${OPEN} Sta2-Evt19/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'a P-DATA-TF with PDU length 4 GB (0xFFFFFFFF)', at: 'Sta6',
    bytes: () => pdu.header(0x04, 0xffffffff), answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt19/AA-8->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'a P-DATA-TF one byte over our Maximum Length (16384)', at: 'Sta6', scp: { maxPduLength: 16384 },
    bytes: () => pdu.header(0x04, 16385), answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt19/AA-8->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'an A-ABORT with PDU length 6', at: 'Sta6',
    bytes: () => pdu.raw(0x07, Buffer.alloc(6)), answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt19/AA-8->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  // ---- item lengths that overrun
  {
    name: 'a presentation context item whose length (0xFFFF) overruns the PDU', at: 'Sta2',
    bytes: () => rq({ items: Buffer.concat([appContext(), pdu.item(0x20, pcItem().subarray(4), { length: 0xffff })]) }),
    answer: { abort: [0, 0] }, path: `${OPEN} Sta2-Evt19/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'a User Information sub-item whose length overruns its item', at: 'Sta2',
    bytes: () => rq({ items: Buffer.concat([appContext(), pcItem(), pdu.item(0x50, pdu.item(0x51, Buffer.alloc(4), { length: 200 }))]) }),
    answer: { abort: [0, 0] }, path: `${OPEN} Sta2-Evt19/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'a PDV item length that overruns the P-DATA-TF', at: 'Sta6',
    bytes: () => pdu.pData([{ pcId: 1, command: true, last: true, data: dimse.cEchoRq(1), itemLength: 5000 }]),
    answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt19/AA-8->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'a PDV item length below 2', at: 'Sta6',
    bytes: () => pdu.pData([{ pcId: 1, command: true, last: true, data: Buffer.alloc(0), itemLength: 1 }]),
    answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt19/AA-8->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'a P-DATA-TF without any PDV item', at: 'Sta6',
    bytes: () => pdu.pData([]), answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt19/AA-8->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  // ---- malformed A-ASSOCIATE-RQ content
  {
    name: 'an A-ASSOCIATE-RQ without an Application Context item', at: 'Sta2',
    bytes: () => rq({ items: pcItem() }), answer: { abort: [0, 0] }, path: `${OPEN} Sta2-Evt19/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'an A-ASSOCIATE-AC presentation context item (0x21) inside an A-ASSOCIATE-RQ', at: 'Sta2',
    bytes: () => rq({ extraItems: [pdu.item(0x21, Buffer.from([1, 0, 0, 0]))] }), answer: { abort: [0, 0] }, path: `${OPEN} Sta2-Evt19/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'protocol version 2 (bit 0 clear): rejected-permanent, ACSE provider, protocol-version-not-supported', at: 'Sta2',
    bytes: () => rq({ protocolVersion: 2 }), answer: { reject: [1, 2, 2] }, path: `${OPEN} Sta2-Evt6/AE-6->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'an application context name other than DICOM\'s: application-context-name-not-supported', at: 'Sta2',
    bytes: () => rq({ applicationContext: '1.2.3.4' }), answer: { reject: [1, 1, 2] }, path: `${OPEN} Sta2-Evt6/AE-6->Sta3 Sta3-Evt8/AE-8->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'an unknown called AE title: called-AE-title-not-recognized', at: 'Sta2', scp: { requireCalledAETitle: true },
    bytes: () => rq({ calledAETitle: 'SOMEONE-ELSE' }), answer: { reject: [1, 1, 7] }, path: `${OPEN} Sta2-Evt6/AE-6->Sta3 Sta3-Evt8/AE-8->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  // ---- PDUs in the wrong state
  { name: 'a second A-ASSOCIATE-RQ after establishment', at: 'Sta6', bytes: () => rq(), answer: { abort: [2, 2] }, path: `${ESTABLISHED} Sta6-Evt6/AA-8->Sta13 ${CLOSED_AFTER_ABORT}` },
  { name: 'an A-ASSOCIATE-AC sent to the acceptor', at: 'Sta6', bytes: () => pdu.associateAc(), answer: { abort: [2, 2] }, path: `${ESTABLISHED} Sta6-Evt3/AA-8->Sta13 ${CLOSED_AFTER_ABORT}` },
  { name: 'a P-DATA-TF before the association', at: 'Sta2', bytes: () => echoRqPData(), answer: { abort: [0, 0] }, path: `${OPEN} Sta2-Evt10/AA-1->Sta13 ${CLOSED_AFTER_ABORT}` },
  { name: 'an A-RELEASE-RQ before the association', at: 'Sta2', bytes: () => pdu.releaseRq(), answer: { abort: [0, 0] }, path: `${OPEN} Sta2-Evt12/AA-1->Sta13 ${CLOSED_AFTER_ABORT}` },
  // ---- DIMSE-level violations inside well-formed P-DATA (PS3.8 Annex E)
  {
    name: 'a PDV on a presentation context that was not accepted (ID 99)', at: 'Sta6',
    bytes: () => echoRqPData(99), answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt15/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'a PDV on an even presentation context ID (2)', at: 'Sta6',
    bytes: () => echoRqPData(2), answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt15/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'a data set fragment before its command', at: 'Sta6',
    bytes: () => pdu.pData([{ pcId: 1, command: false, last: true, data: Buffer.alloc(8) }]), answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt15/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'an odd-length command fragment (PS3.8 Annex E.1: fragments are even)', at: 'Sta6',
    bytes: () => {
      const cmd = dimse.cEchoRq(1);
      return pdu.pData([{ pcId: 1, command: true, last: false, data: cmd.subarray(0, 11) }, { pcId: 1, command: true, last: true, data: cmd.subarray(11) }]);
    },
    answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt15/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'an odd-length data set fragment', at: 'Sta6',
    bytes: () => pdu.pData([{ pcId: 1, command: true, last: true, data: dimse.cEchoRq(1, UID.Verification, 0x0000) }, { pcId: 1, command: false, last: true, data: Buffer.alloc(3) }]),
    answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt15/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'a command fragment that is not a command set', at: 'Sta6',
    bytes: () => pdu.pData([{ pcId: 1, command: true, last: true, data: Buffer.from('not a command set, 32 bytes long', 'latin1') }]),
    answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt15/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  {
    name: 'a command set larger than 64 KiB', at: 'Sta6',
    bytes: () => pdu.pData([{ pcId: 1, command: true, last: false, data: Buffer.alloc(40_000) }, { pcId: 1, command: true, last: false, data: Buffer.alloc(40_000) }]),
    answer: { abort: [2, 6] }, path: `${ESTABLISHED} Sta6-Evt15/AA-1->Sta13 ${CLOSED_AFTER_ABORT}`,
  },
  // ---- reserved fields set: accepted (PS3.8 §9.3.1 "not tested when received", Annex E.2 "never checked")
  {
    name: 'every reserved field set to 0xFF (A-ASSOCIATE-RQ, its items, P-DATA-TF, the Message Control Header, A-RELEASE-RQ): accepted', at: 'Sta2',
    bytes: () => rq({ reserved: 0xff }), answer: { accepted: true }, path: `${ESTABLISHED} ${RELEASED}`,
  },
  {
    name: 'items and User Information sub-items of unknown types: ignored, accepted (PS3.8 §9.3.1, Annex D.2)', at: 'Sta2',
    bytes: () => rq({ extraItems: [pdu.item(0x7f, Buffer.from('future item'))], extraUserInformation: [pdu.item(0xe0, Buffer.from('future sub-item'))] }),
    answer: { accepted: true }, path: `${ESTABLISHED} ${RELEASED}`,
  },
  {
    name: 'an A-ABORT with its reserved bytes set: taken as an A-ABORT (AA-3), connection closed', at: 'Sta6',
    bytes: () => pdu.abort(0, 0, { reserved: 0xff }), answer: { close: true }, path: `${ESTABLISHED} Sta6-Evt16/AA-3->Sta1`,
  },
  {
    name: 'an A-ASSOCIATE-RQ sent one byte per write: accepted', at: 'Sta2',
    bytes: () => [...rq()].map((b) => Buffer.from([b])), answer: { accepted: true }, path: `${ESTABLISHED} ${RELEASED}`,
  },
];

/** Connects, and for `Sta6` cases associates first. Returns the association id. */
async function open(scp: Scp, at: 'Sta2' | 'Sta6'): Promise<{ peer: ScriptedPeer; assoc: string }> {
  const peer = await ScriptedPeer.connect(scp.port);
  const assoc = await scp.association('acceptor');
  await scp.reached(assoc, 'Sta2');
  if (at === 'Sta6') {
    await peer.associate();
    await scp.reached(assoc, 'Sta6');
  }
  return { peer, assoc };
}

/** Sends the case's bytes: each Buffer of an array in its own write (after the previous one is flushed). */
async function sendBytes(peer: ScriptedPeer, bytes: Buffer | Buffer[]): Promise<void> {
  if (Buffer.isBuffer(bytes)) return peer.send(bytes);
  for (const b of bytes) await new Promise<void>((r) => peer.socket.write(b, () => r()));
}

/** After every hostile test: the same server still answers dcmtk echoscu, and holds no association. */
async function stillServing(t: TestContext, scp: Scp): Promise<void> {
  await eventually(() => scp.server.associations.size === 0, 'the association map to be empty');
  if (!requireTool('echoscu', t)) return;
  const r = await echo(scp.port, { aec: 'NETDICOM' });
  assert.equal(r.code, 0, `echoscu after the hostile input: ${r.stdout}${r.stderr}`);
}

for (const c of CASES) {
  test(`hostile: ${c.name}`, { timeout: 20_000 }, async (t) => {
    const scp = await startScp(t, c.scp);
    const { peer, assoc } = await open(scp, c.at);
    t.after(() => peer.destroy());
    const a = c.answer;
    if ('accepted' in a) {
      // The RQ (or anything before it) was already sent; this case goes on with the same reserved-field abuse.
      await sendBytes(peer, c.bytes());
      await peer.play([
        { expect: 'A-ASSOCIATE-AC' },
        { send: pdu.pData([{ pcId: 1, command: true, last: true, data: dimse.cEchoRq(1), mchReserved: 0x3f }], { reserved: 0xff }) },
        { expect: 'P-DATA-TF', check: (p) => assert.equal(dimse.commandField(pdvsOf(p)[0]!.data), 0x8030, 'C-ECHO-RSP') },
        { send: pdu.releaseRq({ reserved: 0xff }) },
        { expect: 'A-RELEASE-RP' },
        { close: 'end' },
      ]);
    } else {
      const before = peer.received.length;
      await sendBytes(peer, c.bytes());
      if ('close' in a) {
        await peer.expectClosed();
        assert.deepEqual(peer.names().slice(before), [], 'nothing sent before the close');
      } else {
        const p = await peer.next();
        if ('abort' in a) {
          assert.equal(p.name, 'A-ABORT', describe(p));
          assert.deepEqual(abortOf(p), { source: a.abort[0], reason: a.abort[1] });
        } else {
          assert.equal(p.name, 'A-ASSOCIATE-RJ', describe(p));
          assert.deepEqual(rejectOf(p), { result: a.reject[0], source: a.reject[1], reason: a.reject[2] });
        }
        peer.end();
      }
    }
    await scp.ended(assoc);
    assert.equal(scp.path(assoc), c.path);
    await stillServing(t, scp);
  });
}

/** `global.gc`, whether or not node ran with --expose-gc. */
function gc(): () => void {
  v8.setFlagsFromString('--expose-gc');
  return vm.runInNewContext('gc') as () => void;
}

test('hostile: 16 connections announcing 1 MiB A-ASSOCIATE-RQs and sending 1 KiB allocate for what arrived, not for what was announced', { timeout: 20_000 }, async (t) => {
  const scp = await startScp(t);
  const collect = gc();
  const N = 16;
  const peers: ScriptedPeer[] = [];
  t.after(() => peers.forEach((p) => p.destroy()));
  collect();
  const before = process.memoryUsage().arrayBuffers;
  for (let i = 0; i < N; i++) {
    const p = await ScriptedPeer.connect(scp.port);
    peers.push(p);
    p.send(pdu.raw(0x01, Buffer.alloc(1024), { length: 1 << 20 })); // allowed by the 1 MiB cap, 1 KiB sent
  }
  await eventually(() => scp.server.associations.size === N, `${N} associations`);
  // Every connection is mid-PDU now: give the reads time to land (bounded poll on a quiet socket count).
  await eventually(() => [...scp.server.associations.values()].every((a) => a.bytesIn >= 1030), 'the bytes to arrive');
  collect();
  const grown = process.memoryUsage().arrayBuffers - before;
  assert.ok(grown < 4 << 20, `array buffers grew by ${(grown / (1 << 20)).toFixed(1)} MiB for ${N} announced MiB`);
  for (const p of peers) p.destroy();
  await stillServing(t, scp);
});
