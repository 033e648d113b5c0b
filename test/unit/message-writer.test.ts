import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_SEND_PDU, MessageWriter } from '../../services/dimse/message-writer.js';
import { MessageAssembler } from '../../services/dimse/message-assembler.js';
import { decodeCommandSet, encodeCommandSet, type CommandSet } from '../../services/dimse/command-set.js';
import { decodePdu, pduBytes, type EncodedPdu } from '../../transport/pdu-codec.js';
import type { PDataTfPdu } from '../../transport/pdu-types.js';

const MAX = 16384;
const STORE_RQ: CommandSet = {
  AffectedSOPClassUID: '1.2.840.10008.5.1.4.1.1.2', CommandField: 0x0001, MessageID: 7, Priority: 0,
  CommandDataSetType: 0x0000, AffectedSOPInstanceUID: '1.2.826.0.1.3680043.2.1125.1.1',
};

const pduLength = (b: Buffer) => b.readUInt32BE(2);
const decodeAll = (pdus: EncodedPdu[]) => pdus.map((p) => decodePdu(pduBytes(p)) as PDataTfPdu);
/** The writer's PDUs as whole buffers. */
const bytes = (pdus: EncodedPdu[]) => pdus.map(pduBytes);
const data = (n: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 7 + 3) & 0xff));

test('every fragment PDU has a PDU-length ≤ the peer Maximum Length, and exactly one PDV', () => {
  const w = new MessageWriter(MAX);
  const pdus = bytes(w.dataset(1, data(3 * MAX + 17), true));
  for (const p of pdus) {
    assert.ok(pduLength(p) <= MAX, `PDU-length ${pduLength(p)}`);
    assert.equal(pduLength(p), p.length - 6);
    assert.equal((decodePdu(p) as PDataTfPdu).pdvs.length, 1);
  }
});

test('full fragments fill the PDU exactly: PDU-length = Maximum Length (PDV header 6 + data)', () => {
  const w = new MessageWriter(MAX);
  assert.equal(w.maxPdvData, MAX - 6);
  const pdus = bytes(w.dataset(1, data(2 * MAX), true));
  assert.equal(pduLength(pdus[0]!), MAX);
});

test('a peer Maximum Length of 0 (unlimited) uses 1 MiB PDUs', () => {
  assert.equal(DEFAULT_SEND_PDU, 1 << 20);
  const w = new MessageWriter(0);
  assert.equal(w.maxPdvData, (1 << 20) - 6);
  const pdus = bytes(w.dataset(1, Buffer.alloc((1 << 20) + 10), true));
  assert.equal(pdus.length, 2);
  assert.equal(pduLength(pdus[0]!), 1 << 20);
  for (const p of pdus) assert.ok(pduLength(p) <= 1 << 20);
});

test('the last flag is set only on the final fragment of a message', () => {
  const w = new MessageWriter(MAX);
  const flags = decodeAll(w.dataset(1, data(3 * MAX), true)).map((p) => p.pdvs[0]!.isLast);
  assert.deepEqual(flags, [false, false, false, true]);
});

test('a data set piece written with last=false never carries the last flag', () => {
  const w = new MessageWriter(MAX);
  const flags = decodeAll(w.dataset(1, data(2 * MAX), false)).map((p) => p.pdvs[0]!.isLast);
  assert.ok(flags.every((f) => !f));
});

test('a command is sent with the command bit on every fragment and last on the final one', () => {
  const w = new MessageWriter(64);
  const pdus = decodeAll(w.command(3, STORE_RQ));
  assert.ok(pdus.length > 1);
  pdus.forEach((p, i) => {
    const pdv = p.pdvs[0]!;
    assert.equal(pdv.pcId, 3);
    assert.equal(pdv.isCommand, true);
    assert.equal(pdv.isLast, i === pdus.length - 1);
  });
  assert.deepEqual(decodeCommandSet(Buffer.concat(pdus.map((p) => p.pdvs[0]!.data))), STORE_RQ);
  assert.deepEqual(Buffer.concat(pdus.map((p) => p.pdvs[0]!.data)), encodeCommandSet(STORE_RQ));
});

test('data set fragments have the command bit clear', () => {
  const w = new MessageWriter(MAX);
  assert.ok(decodeAll(w.dataset(1, data(100), true)).every((p) => !p.pdvs[0]!.isCommand));
});

test('an empty data set with last=true is one PDU with an empty last PDV; with last=false, nothing', () => {
  const w = new MessageWriter(MAX);
  const [only, ...rest] = bytes(w.dataset(1, Buffer.alloc(0), true));
  assert.equal(rest.length, 0);
  assert.deepEqual(decodePdu(only!), { type: 'P-DATA-TF', pdvs: [{ pcId: 1, isCommand: false, isLast: true, data: Buffer.alloc(0) }] });
  assert.deepEqual(w.dataset(1, Buffer.alloc(0), false), []);
});

for (const [label, size, expectedPdus] of [
  ['0', 0, 1],
  ['1', 1, 1],
  ['max-6', MAX - 6, 1],
  ['max-5', MAX - 5, 2],
  ['3*max', 3 * MAX, 4],
] as const) {
  test(`writer + assembler round trip, data set of ${label} bytes (${size}), in ${expectedPdus} data PDU(s)`, () => {
    const w = new MessageWriter(MAX);
    const payload = data(size);
    const cmdPdus = bytes(w.command(1, STORE_RQ));
    const dataPdus = bytes(w.dataset(1, payload, true));
    assert.equal(dataPdus.length, expectedPdus);
    for (const p of [...cmdPdus, ...dataPdus]) assert.ok(pduLength(p) <= MAX);

    const commands: CommandSet[] = [];
    const chunks: Buffer[] = [];
    let lastSeen = 0;
    const a = new MessageAssembler(
      { maxCommandBytes: 4096, isAcceptedContext: (id) => id === 1 },
      {
        command: (pcId, command, hasDataset) => {
          assert.equal(pcId, 1);
          assert.equal(hasDataset, true);
          commands.push(command);
        },
        data: (_pcId, chunk, last) => {
          chunks.push(Buffer.from(chunk));
          if (last) lastSeen++;
        },
      },
    );
    for (const p of [...cmdPdus, ...dataPdus]) a.push([decodePdu(p) as PDataTfPdu]);
    assert.deepEqual(commands, [STORE_RQ]);
    assert.deepEqual(Buffer.concat(chunks), payload);
    assert.equal(lastSeen, 1);
  });
}

test('a data set written in several streamed pieces reassembles, last flag only on the final piece', () => {
  const w = new MessageWriter(MAX);
  const payload = data(2 * MAX + 100);
  const pdus = bytes([...w.dataset(1, payload.subarray(0, 5000), false), ...w.dataset(1, payload.subarray(5000), true)]);
  const decoded = decodeAll(pdus);
  assert.deepEqual(Buffer.concat(decoded.map((p) => p.pdvs[0]!.data)), payload);
  assert.deepEqual(decoded.map((p) => p.pdvs[0]!.isLast), decoded.map((_, i) => i === decoded.length - 1));
});
