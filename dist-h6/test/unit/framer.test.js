import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PduFramer } from '../../transport/framer.js';
import { decodePdu, encodePdu } from '../../transport/pdu-codec.js';
import { PduDecodeError, PduTooLargeError } from '../../transport/errors.js';
import { emptyUserInformation } from '../../transport/pdu-types.js';
import { bytes, freshChunks, splitAt } from '../helpers/bytes.js';
import { pduArb } from '../helpers/pdu-arbitraries.js';
const LIMITS = { maxPDataLength: 1 << 20, maxOtherLength: 1 << 20 };
const SAMPLE = [
    {
        type: 'A-ASSOCIATE-RQ',
        protocolVersion: 1,
        calledAETitle: 'SCP',
        callingAETitle: 'SCU',
        applicationContext: '1.2.840.10008.3.1.1.1',
        presentationContexts: [{ id: 1, abstractSyntax: '1.2.840.10008.1.1', transferSyntaxes: ['1.2.840.10008.1.2'] }],
        userInformation: { ...emptyUserInformation(), maxLength: 16384, implementationClassUid: '1.2.3' },
    },
    { type: 'P-DATA-TF', pdvs: [{ pcId: 1, isCommand: true, isLast: true, data: Buffer.from([1, 2, 3, 4, 5]) }] },
    { type: 'P-DATA-TF', pdvs: [{ pcId: 1, isCommand: false, isLast: false, data: Buffer.alloc(40, 9) }, { pcId: 1, isCommand: false, isLast: true, data: Buffer.alloc(1) }] },
    { type: 'A-RELEASE-RQ' },
    { type: 'A-ASSOCIATE-RJ', result: 1, source: 1, reason: 1 },
    { type: 'A-RELEASE-RP' },
    { type: 'A-ABORT', source: 2, reason: 6 },
];
const ENCODED = SAMPLE.map(encodePdu);
const STREAM = Buffer.concat(ENCODED);
/** Feeds the chunks to a fresh framer and returns the raw PDUs, as copies. */
function frame(chunks, limits = LIMITS) {
    const f = new PduFramer(limits);
    const out = [];
    for (const c of chunks)
        for (const p of f.push(c))
            out.push({ type: p.type, bytes: Buffer.from(p.bytes) });
    assert.ok(f.idle, 'no partial PDU left over');
    return out;
}
function assertSamePdus(raws, expected) {
    assert.equal(raws.length, expected.length);
    raws.forEach((r, i) => {
        assert.deepEqual(r.bytes, expected[i]);
        assert.equal(r.type, expected[i][0]);
    });
}
test('a stream of seven PDUs of six types, all in one chunk, gives the same PDUs', () => {
    assertSamePdus(frame([STREAM]), ENCODED);
    assert.deepEqual(frame([STREAM]).map((r) => decodePdu(r.bytes)), SAMPLE);
});
test('the stream split at every single split point gives the same PDUs', () => {
    for (let cut = 1; cut < STREAM.length; cut++) {
        assertSamePdus(frame(freshChunks(splitAt(STREAM, [cut]))), ENCODED);
    }
});
test('the stream split at every pair of split points gives the same PDUs', () => {
    // Every pair (i, j) covers cuts inside a header, across header and body, and inside bodies.
    for (let i = 1; i < STREAM.length; i++) {
        for (let j = i + 1; j < STREAM.length; j += 3) {
            assertSamePdus(frame(freshChunks(splitAt(STREAM, [i, j]))), ENCODED);
        }
    }
});
test('the stream in 1-byte chunks gives the same PDUs', () => {
    const chunks = [...STREAM].map((b) => Buffer.from([b]));
    assertSamePdus(frame(chunks), ENCODED);
});
test('empty chunks change nothing', () => {
    assertSamePdus(frame([Buffer.alloc(0), STREAM.subarray(0, 3), Buffer.alloc(0), STREAM.subarray(3), Buffer.alloc(0)]), ENCODED);
});
test('a PDU inside one read is returned as a view of that read (no copy)', () => {
    const f = new PduFramer(LIMITS);
    const [first] = f.push(STREAM);
    assert.equal(first.bytes.buffer, STREAM.buffer);
});
test('a P-DATA-TF header announcing more than maxPDataLength throws PduTooLargeError from the header alone', () => {
    const f = new PduFramer({ maxPDataLength: 16384, maxOtherLength: 1 << 20 });
    assert.throws(() => f.push(bytes('04 00 00004001')), (err) => err instanceof PduTooLargeError && err.pduType === 4 && err.pduLength === 16385 && err.maxLength === 16384 && err.abort.source === 2 && err.abort.reason === 6);
});
test('a P-DATA-TF of exactly maxPDataLength is accepted', () => {
    const pdu = encodePdu({ type: 'P-DATA-TF', pdvs: [{ pcId: 1, isCommand: false, isLast: true, data: Buffer.alloc(16384 - 6) }] });
    assert.equal(pdu.readUInt32BE(2), 16384);
    assertSamePdus(frame([pdu], { maxPDataLength: 16384, maxOtherLength: 64 }), [pdu]);
});
test('a non-P-DATA PDU over maxOtherLength throws PduTooLargeError even when maxPDataLength is larger', () => {
    const f = new PduFramer({ maxPDataLength: 1 << 20, maxOtherLength: 1024 });
    assert.throws(() => f.push(bytes('01 00 00000401')), (err) => err instanceof PduTooLargeError && err.pduType === 1 && err.maxLength === 1024);
});
test('a header announcing 0xFFFFFFFF bytes, split across reads, throws before any buffer of that size is allocated', () => {
    const sizes = [];
    const origUnsafe = Buffer.allocUnsafe;
    const origAlloc = Buffer.alloc;
    Buffer.allocUnsafe = ((n) => {
        sizes.push(n);
        return origUnsafe(n);
    });
    Buffer.alloc = ((n, fill, encoding) => {
        sizes.push(n);
        return origAlloc(n, fill, encoding);
    });
    try {
        const f = new PduFramer({ maxPDataLength: 16384, maxOtherLength: 16384 });
        assert.deepEqual(f.push(bytes('04 00 ff')), []);
        assert.throws(() => f.push(bytes('ff ff ff 00 00 00 00')), PduTooLargeError);
    }
    finally {
        Buffer.allocUnsafe = origUnsafe;
        Buffer.alloc = origAlloc;
    }
    assert.ok(sizes.every((n) => n < 16384), `allocations: ${sizes.join(', ')}`);
});
test('an unknown PDU type (0x08) throws PduDecodeError with unrecognized-PDU (1)', () => {
    const f = new PduFramer(LIMITS);
    assert.throws(() => f.push(bytes('08 00 00000004 00000000')), (err) => err instanceof PduDecodeError && !(err instanceof PduTooLargeError) && err.abort.reason === 1);
});
test('an unknown PDU type (0x00) after a valid PDU in the same read: the valid PDU first, then unrecognized-PDU (1) on the next push', () => {
    const f = new PduFramer(LIMITS);
    assert.equal(f.push(Buffer.concat([ENCODED[3], bytes('00 00 00000004 00000000')])).length, 1);
    assert.throws(() => f.push(Buffer.alloc(0)), (err) => err instanceof PduDecodeError && err.abort.reason === 1);
});
test('idle is false while a header or a body is incomplete', () => {
    const f = new PduFramer(LIMITS);
    assert.ok(f.idle);
    f.push(ENCODED[0].subarray(0, 3));
    assert.ok(!f.idle);
    f.push(ENCODED[0].subarray(3, 20));
    assert.ok(!f.idle);
    assert.equal(f.push(ENCODED[0].subarray(20)).length, 1);
    assert.ok(f.idle);
});
/** Random cut points for a buffer of length n. */
const cutsArb = (n) => fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, n - 1) }), { maxLength: Math.min(20, n) }).map((a) => a.filter((x) => x < n).sort((x, y) => x - y));
test('property: random sequences of valid PDUs, randomly chunked, come out as the same PDUs', () => {
    fc.assert(fc.property(fc.array(pduArb, { minLength: 1, maxLength: 8 }).chain((pdus) => {
        const encoded = pdus.map(encodePdu);
        const stream = Buffer.concat(encoded);
        return fc.tuple(fc.constant(pdus), fc.constant(encoded), fc.constant(stream), cutsArb(stream.length));
    }), ([pdus, encoded, stream, cuts]) => {
        const raws = frame(freshChunks(splitAt(stream, cuts)));
        assertSamePdus(raws, encoded);
        assert.deepEqual(raws.map((r) => decodePdu(r.bytes)), pdus);
    }), { numRuns: 300 });
});
test('property: random bytes fed to the framer and decodePdu never throw anything but PduDecodeError', () => {
    const limits = { maxPDataLength: 4096, maxOtherLength: 4096 };
    // Bytes whose first byte is a valid PDU type half the time, so decoders get exercised past the header.
    const streamArb = fc.oneof(fc.uint8Array({ maxLength: 300 }), fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 0, max: 200 }), fc.uint8Array({ maxLength: 260 })).map(([type, len, body]) => {
        const b = Buffer.alloc(6 + body.length);
        b[0] = type;
        b.writeUInt32BE(len, 2);
        b.set(body, 6);
        return new Uint8Array(b);
    }));
    fc.assert(fc.property(streamArb.chain((s) => fc.tuple(fc.constant(Buffer.from(s)), cutsArb(s.length))), ([stream, cuts]) => {
        const f = new PduFramer(limits);
        try {
            for (const chunk of splitAt(stream, cuts))
                for (const raw of f.push(chunk))
                    decodePdu(raw.bytes);
        }
        catch (err) {
            if (!(err instanceof PduDecodeError))
                throw err;
        }
    }), { numRuns: 2000 });
});
test('property: random bytes after a valid A-ASSOCIATE-RQ header decode or throw PduDecodeError only', () => {
    const header = encodePdu(SAMPLE[0]).subarray(0, 74);
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (tail) => {
        const buf = Buffer.concat([header, tail]);
        buf.writeUInt32BE(buf.length - 6, 2);
        try {
            decodePdu(buf);
        }
        catch (err) {
            if (!(err instanceof PduDecodeError))
                throw err;
        }
    }), { numRuns: 2000 });
});
//# sourceMappingURL=framer.test.js.map