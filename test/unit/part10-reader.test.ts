import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkDataset, parsePart10, readPart10Header, readPart10Info, readSmallPart10 } from '../../services/storage/part10-reader.js';

const SAMPLES = process.env.NETDICOM_SAMPLES ?? resolve(process.cwd(), '../shared/dicom-samples');

test('reading through the 64 KiB file window gives what parsing the whole buffer gives, for every sample', async () => {
  for (const dir of ['valid', 'malformed']) {
    for (const name of readdirSync(join(SAMPLES, dir))) {
      const path = join(SAMPLES, dir, name);
      const whole = (() => {
        try {
          return parsePart10(readFileSync(path), path);
        } catch (err) {
          return (err as Error).message;
        }
      })();
      const windowed = await readPart10Info(path).catch((err: Error) => err.message);
      assert.deepEqual(windowed, whole, name);
    }
  }
});

test('a file larger than the window: the walk jumps over a 1 MiB value and still finds the end', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'p10-'));
  try {
    const src = readFileSync(join(SAMPLES, 'valid/CT_small.dcm'));
    // Append a private OB element of 1 MiB + 3 bytes (odd values are tolerated here) after the data set.
    const value = Buffer.alloc((1 << 20) + 4, 0x5a);
    const head = Buffer.alloc(12);
    head.writeUInt16LE(0x7fe1, 0);
    head.writeUInt16LE(0x1010, 2);
    head.write('OB', 4, 'latin1');
    head.writeUInt32LE(value.length, 8);
    const path = join(dir, 'big.dcm');
    writeFileSync(path, Buffer.concat([src, head, value]));
    const info = await readPart10Info(path);
    assert.equal(info.sopClassUid, '1.2.840.10008.5.1.4.1.1.2');
    assert.equal(info.datasetLength + info.datasetOffset, src.length + head.length + value.length);
    writeFileSync(path, Buffer.concat([src, head, value.subarray(0, 1000)]));
    await assert.rejects(readPart10Info(path), /truncated/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('one window is shared by every read: all samples read at once give what each read alone gives', async () => {
  const paths = readdirSync(join(SAMPLES, 'valid')).map((name) => join(SAMPLES, 'valid', name));
  const alone: unknown[] = [];
  for (const p of paths) alone.push(await readPart10Info(p));
  const together = await Promise.all([...paths].reverse().map((p) => readPart10Info(p)));
  assert.deepEqual(together.reverse(), alone);
});

test('readPart10Header then checkDataset (as storescu scans, then sends) find what readPart10Info finds, and fail with its message, for every sample', async () => {
  const outcomes: string[] = [];
  for (const dir of ['valid', 'malformed']) {
    for (const name of readdirSync(join(SAMPLES, dir))) {
      const path = join(SAMPLES, dir, name);
      const full = await readPart10Info(path).catch((err: Error) => err.message);
      const split = await readPart10Header(path).then(
        (info) => {
          const bytes = readFileSync(path).subarray(info.datasetOffset);
          checkDataset(info, bytes); // in memory, as a small data set is sent
          checkDataset(info); // through the file window, as a large one is streamed
          return info;
        },
        (err: Error) => err.message,
      ).catch((err: Error) => err.message);
      assert.deepEqual(split, full, name);
      outcomes.push(typeof full === 'string' ? 'error' : 'ok');
    }
  }
  // Both kinds were exercised (the malformed samples include a file truncated after its UIDs).
  assert.ok(outcomes.includes('ok') && outcomes.includes('error'));
});

test('readSmallPart10 (one read of the whole file, as storescu sends a file given by path) finds what readPart10Info finds, and fails with its message, for every sample', async () => {
  const into = Buffer.alloc(4 << 20);
  const outcomes: string[] = [];
  for (const dir of ['valid', 'malformed']) {
    for (const name of readdirSync(join(SAMPLES, dir))) {
      const path = join(SAMPLES, dir, name);
      const file = readFileSync(path);
      const full = await readPart10Info(path).catch((err: Error) => err.message);
      into.fill(0xaa);
      let small;
      try {
        small = readSmallPart10(path, into, file.length);
      } catch (err) {
        small = (err as Error).message;
      }
      if (typeof small === 'object') {
        assert.ok(small, name);
        assert.deepEqual(small.info, full, name);
        assert.ok(small.bytes.equals(file), `${name}: the bytes are the file's`);
        assert.equal(small.bytes.buffer, into.buffer, `${name}: read into the buffer given`);
      } else assert.equal(small, full, name);
      outcomes.push(typeof full === 'string' ? 'error' : 'ok');
    }
  }
  assert.ok(outcomes.includes('ok') && outcomes.includes('error'));
});

test('readSmallPart10: a file larger than the buffer is not read (undefined); without a size it stats the file', () => {
  const path = join(SAMPLES, 'valid', 'CT_small.dcm');
  const size = readFileSync(path).length;
  assert.equal(readSmallPart10(path, Buffer.alloc(size - 1)), undefined);
  const fits = readSmallPart10(path, Buffer.alloc(size));
  assert.equal(fits?.bytes.length, size);
});

test('a file truncated after its UIDs passes readPart10Header; checkDataset names the truncation with the file offset', async () => {
  const path = join(SAMPLES, 'malformed/rtplan_truncated.dcm');
  const info = await readPart10Header(path);
  assert.equal(info.sopClassUid, '1.2.840.10008.5.1.4.1.1.481.5');
  const message = await readPart10Info(path).then(() => 'read', (err: Error) => err.message);
  assert.match(message, /truncated/);
  assert.throws(() => checkDataset(info, readFileSync(path).subarray(info.datasetOffset)), { message });
});

test('checkDataset refuses a data set whose SOP Instance UID changed since the header was read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'p10-'));
  try {
    const src = readFileSync(join(SAMPLES, 'valid/CT_small.dcm'));
    const path = join(dir, 'ct.dcm');
    writeFileSync(path, src);
    const info = await readPart10Header(path);
    const uid = Buffer.from(info.sopInstanceUid, 'latin1');
    const at = src.indexOf(uid, info.datasetOffset);
    const changed = Buffer.from(src);
    changed[at + uid.length - 1] = changed[at + uid.length - 1] === 0x31 ? 0x32 : 0x31;
    writeFileSync(path, changed);
    assert.throws(() => checkDataset(info), /changed since the file was read/);
    assert.throws(() => checkDataset(info, changed.subarray(info.datasetOffset)), /changed since the file was read/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
