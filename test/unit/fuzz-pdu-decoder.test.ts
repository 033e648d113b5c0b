/**
 * Property-based fuzzing of the PDU decoders (PS3.8 §9.3) with mutated valid
 * PDUs and random bytes: decodePdu and the PduReader never throw anything but
 * PduDecodeError, a decoded PDU re-encodes to bytes that decode to the same
 * value (read(write(read(bytes))), as dicom-rs fuzzes), and the reader turns
 * any stream, cut anywhere, into events ending at the first Evt19.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PduDecodeError } from '../../transport/errors.js';
import { decodePdu, encodePdu } from '../../transport/pdu-codec.js';
import { PduReader } from '../../transport/pdu-reader.js';
import { pduArb } from '../helpers/pdu-arbitraries.js';
import { mutatedPduArb, pdu } from '../helpers/scripted-peer.js';
import { splitAt } from '../helpers/bytes.js';

/** decodePdu, or the PduDecodeError it threw; anything else thrown fails the property. */
function tryDecode(b: Buffer) {
  try {
    return decodePdu(b);
  } catch (err) {
    if (err instanceof PduDecodeError) return err;
    throw err;
  }
}

test('property: decodePdu on mutated valid PDUs returns a PDU or throws PduDecodeError, nothing else', () => {
  fc.assert(
    fc.property(mutatedPduArb, (b) => {
      tryDecode(b);
    }),
    { numRuns: 5000 },
  );
});

test('property: a PDU decoded from mutated bytes re-encodes to bytes that decode to the same PDU', () => {
  fc.assert(
    fc.property(mutatedPduArb, (b) => {
      const first = tryDecode(b);
      if (first instanceof PduDecodeError) return;
      assert.deepEqual(decodePdu(encodePdu(first)), first);
    }),
    { numRuns: 3000 },
  );
});

test('property: decodePdu on random bytes behind a valid PDU header throws only PduDecodeError', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 255 }), fc.uint8Array({ maxLength: 600 }), (type, body) => {
      tryDecode(pdu.raw(type, Buffer.from(body)));
    }),
    { numRuns: 3000 },
  );
});

test('property: the PduReader turns any stream of (mutated) PDUs, cut anywhere, into events; nothing after an Evt19; never throws', () => {
  const chunkArb = fc.oneof(mutatedPduArb, pduArb.map(encodePdu), fc.uint8Array({ maxLength: 40 }).map((a) => Buffer.from(a)));
  fc.assert(
    fc.property(
      fc.array(chunkArb, { minLength: 1, maxLength: 6 }).chain((parts) => {
        const stream = Buffer.concat(parts);
        return fc.tuple(fc.constant(stream), fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, stream.length - 1) }), { maxLength: 12 }));
      }),
      ([stream, cuts]) => {
        const reader = new PduReader({ maxPDataLength: 16384, maxOtherLength: 1 << 16 }, () => {});
        const events = splitAt(stream, cuts.filter((c) => c < stream.length).sort((a, b) => a - b)).flatMap((c) => reader.push(Buffer.from(c)));
        const bad = events.findIndex((e) => e.type === 'Evt19');
        if (bad >= 0) {
          assert.equal(bad, events.length - 1, 'Evt19 is the last event');
          const e = events[bad]!;
          assert.ok(e.type === 'Evt19' && e.error instanceof PduDecodeError);
        }
      },
    ),
    { numRuns: 2000 },
  );
});
