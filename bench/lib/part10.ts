/**
 * Test objects for benchmarks, built byte by byte (no DICOM library): a large
 * multi-frame Part 10 file streamed to disk, and copies of a small file with
 * new SOP Instance UIDs written over the old ones in place.
 * All Explicit VR Little Endian, PS3.5 §7.1.2 and PS3.10 §7.1.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Proc } from './process.js';

export const ExplicitVRLittleEndian = '1.2.840.10008.1.2.1';
export const MultiFrameGrayscaleWordSecondaryCaptureImageStorage = '1.2.840.10008.5.1.4.1.1.7.3';

/** VRs whose length field is 4 bytes after 2 reserved bytes. */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);

/** A UID under 2.25 (PS3.5 Annex B.2) from 128 random bits. */
export function randomUid(): string {
  return `2.25.${BigInt(`0x${randomBytes(16).toString('hex')}`).toString()}`;
}

/** One Explicit VR LE element; the value padded to even length (UI with NUL, text with space). */
function element(group: number, el: number, vr: string, value: Buffer | string): Buffer {
  let v = typeof value === 'string' ? Buffer.from(value, 'latin1') : value;
  if (v.length % 2) v = Buffer.concat([v, Buffer.from([vr === 'UI' ? 0 : 0x20])]);
  const long = LONG_VRS.has(vr);
  const h = Buffer.alloc(long ? 12 : 8);
  h.writeUInt16LE(group, 0);
  h.writeUInt16LE(el, 2);
  h.write(vr, 4, 'latin1');
  if (long) h.writeUInt32LE(v.length, 8);
  else h.writeUInt16LE(v.length, 6);
  return Buffer.concat([h, v]);
}

const us = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n, 0);
  return b;
};

/** Preamble, "DICM" and group 0002 (with its group length) for these UIDs. */
export function fileMeta(sopClassUid: string, sopInstanceUid: string, transferSyntaxUid: string): Buffer {
  const body = Buffer.concat([
    element(0x0002, 0x0001, 'OB', Buffer.from([0, 1])),
    element(0x0002, 0x0002, 'UI', sopClassUid),
    element(0x0002, 0x0003, 'UI', sopInstanceUid),
    element(0x0002, 0x0010, 'UI', transferSyntaxUid),
    element(0x0002, 0x0012, 'UI', '2.25.94717713488441327563406585553128429001'),
    element(0x0002, 0x0013, 'SH', 'NETDICOM_BENCH'),
  ]);
  const gl = Buffer.alloc(4);
  gl.writeUInt32LE(body.length, 0);
  const preamble = Buffer.alloc(132);
  preamble.write('DICM', 128, 'latin1');
  return Buffer.concat([preamble, element(0x0002, 0x0000, 'UL', gl), body]);
}

export interface LargeObject {
  path: string;
  sopInstanceUid: string;
  fileBytes: number;
  /** Where the data set starts in the file, and its size, bytes. */
  datasetOffset: number;
  datasetBytes: number;
  frames: number;
}

/**
 * Writes a Multi-frame Grayscale Word Secondary Capture object of 512×512
 * 16-bit frames, `frames` of them (2048 frames = 1 GiB of Pixel Data, OW),
 * streaming pseudo-random pixel bytes to disk in 4 MiB blocks.
 */
export async function writeLargeObject(file: string, frames: number): Promise<LargeObject> {
  const rows = 512;
  const cols = 512;
  const pixelBytes = rows * cols * 2 * frames;
  if (pixelBytes >= 0xffffffff) throw new Error(`${frames} frames: Pixel Data over 4 GiB does not fit a 32-bit length`);
  const sopInstanceUid = randomUid();
  const meta = fileMeta(MultiFrameGrayscaleWordSecondaryCaptureImageStorage, sopInstanceUid, ExplicitVRLittleEndian);
  const ds = Buffer.concat([
    element(0x0008, 0x0016, 'UI', MultiFrameGrayscaleWordSecondaryCaptureImageStorage),
    element(0x0008, 0x0018, 'UI', sopInstanceUid),
    element(0x0008, 0x0020, 'DA', '20240101'),
    element(0x0008, 0x0060, 'CS', 'OT'),
    element(0x0008, 0x0064, 'CS', 'WSD'),
    element(0x0010, 0x0010, 'PN', 'BENCH^LARGE'),
    element(0x0010, 0x0020, 'LO', 'BENCH-LARGE'),
    element(0x0020, 0x000d, 'UI', randomUid()),
    element(0x0020, 0x000e, 'UI', randomUid()),
    element(0x0020, 0x0011, 'IS', '1'),
    element(0x0020, 0x0013, 'IS', '1'),
    element(0x0028, 0x0002, 'US', us(1)),
    element(0x0028, 0x0004, 'CS', 'MONOCHROME2'),
    element(0x0028, 0x0008, 'IS', String(frames)),
    element(0x0028, 0x0010, 'US', us(rows)),
    element(0x0028, 0x0011, 'US', us(cols)),
    element(0x0028, 0x0100, 'US', us(16)),
    element(0x0028, 0x0101, 'US', us(16)),
    element(0x0028, 0x0102, 'US', us(15)),
    element(0x0028, 0x0103, 'US', us(0)),
  ]);
  const pixelHeader = Buffer.alloc(12);
  pixelHeader.writeUInt16LE(0x7fe0, 0);
  pixelHeader.writeUInt16LE(0x0010, 2);
  pixelHeader.write('OW', 4, 'latin1');
  pixelHeader.writeUInt32LE(pixelBytes, 8);

  const block = xorshiftBlock(4 << 20, 0x9e3779b9);
  const fh = await open(file, 'w');
  try {
    await fh.write(Buffer.concat([meta, ds, pixelHeader]));
    for (let left = pixelBytes, n = 0; left > 0; n++) {
      block.writeUInt32LE(n, 0); // no two blocks alike
      const len = Math.min(left, block.length);
      await fh.write(block, 0, len);
      left -= len;
    }
  } finally {
    await fh.close();
  }
  const datasetBytes = ds.length + pixelHeader.length + pixelBytes;
  return { path: file, sopInstanceUid, fileBytes: meta.length + datasetBytes, datasetOffset: meta.length, datasetBytes, frames };
}

function xorshiftBlock(bytes: number, seed: number): Buffer {
  const b = Buffer.allocUnsafe(bytes);
  let x = seed >>> 0;
  for (let i = 0; i < bytes; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b.writeUInt32LE(x >>> 0, i);
  }
  return b;
}

/** Where the data set starts in a Part 10 file: after the preamble and group 0002 (its group length says how long). */
export async function datasetOffset(file: string): Promise<number> {
  const fh = await open(file, 'r');
  try {
    const head = Buffer.alloc(144);
    await fh.read(head, 0, head.length, 0);
    if (head.toString('latin1', 128, 132) !== 'DICM') throw new Error(`${file}: not a Part 10 file`);
    if (head.readUInt16LE(132) !== 0x0002 || head.readUInt16LE(134) !== 0x0000 || head.toString('latin1', 136, 138) !== 'UL') {
      throw new Error(`${file}: no (0002,0000) group length first`);
    }
    return 144 + head.readUInt32LE(140);
  } finally {
    await fh.close();
  }
}

/** True when the data sets (everything after the File Meta Information) of two Part 10 files are byte-identical (`cmp`). */
export async function sameDataset(a: string, b: string): Promise<boolean> {
  const [oa, ob] = await Promise.all([datasetOffset(a), datasetOffset(b)]);
  const p = new Proc('cmp', 'cmp', ['-s', `--ignore-initial=${oa}:${ob}`, a, b], { timeoutMs: 120_000 });
  const e = await p.exited;
  if (e.code === 0) return true;
  if (e.code === 1) return false;
  throw new Error(`cmp failed (${e.timedOut ? 'timed out' : `code ${e.code}`}): ${p.stderr}`);
}

/**
 * For small files: true when the stored data set equals the sent one, or
 * equals it up to a Data Set Trailing Padding element (FFFC,FFFC) at the end
 * of the sent one, which dcmtk storescu does not send.
 */
export async function sameDatasetUpToPadding(sent: string, stored: string): Promise<boolean> {
  const [a, b] = await Promise.all([readFile(sent), readFile(stored)]);
  const da = a.subarray(await datasetOffset(sent));
  const db = b.subarray(await datasetOffset(stored));
  if (da.equals(db)) return true;
  return da.length > db.length && da.subarray(0, db.length).equals(db) && da.readUInt16LE(db.length) === 0xfffc && da.readUInt16LE(db.length + 2) === 0xfffc;
}

/** Runs dcmdump on a file; throws unless it parses cleanly. Returns the printed values of the given tags. */
export async function dcmdumpCheck(file: string, tags: readonly string[]): Promise<string> {
  const p = new Proc('dcmdump', 'dcmdump', ['-q', ...tags.flatMap((t) => ['+P', t]), file], { timeoutMs: 60_000 });
  const e = await p.exited;
  if (e.code !== 0 || /E:|error/i.test(p.stderr)) throw new Error(`dcmdump rejects ${file} (code ${e.code}): ${p.stderr.slice(0, 2000)}`);
  return p.stdout.trim();
}

/** A UID element's value and where it lies (Explicit VR LE, found by its tag and VR). */
function findUid(buf: Buffer, group: number, el: number, from: number): { at: number; len: number; uid: string } {
  const pat = Buffer.alloc(6);
  pat.writeUInt16LE(group, 0);
  pat.writeUInt16LE(el, 2);
  pat.write('UI', 4, 'latin1');
  const pos = buf.indexOf(pat, from);
  if (pos < 0) throw new Error(`no (${group.toString(16)},${el.toString(16)}) UI element`);
  const len = buf.readUInt16LE(pos + 6);
  return { at: pos + 8, len, uid: buf.toString('latin1', pos + 8, pos + 8 + len).replace(/[\0 ]+$/, '') };
}

export interface SmallCopy {
  path: string;
  sopInstanceUid: string;
}

/**
 * Writes `n` copies of an Explicit VR LE Part 10 file into `dir`, each with a
 * distinct SOP Instance UID written over the old one in place (same length):
 * in the meta (0002,0003) and in the data set (0008,0018). The last UID
 * component becomes a counter of the same width. Returns them in order.
 */
export async function writeSmallCopies(src: string, dir: string, n: number): Promise<SmallCopy[]> {
  const buf = await readFile(src);
  const dsAt = await datasetOffset(src);
  const meta = findUid(buf, 0x0002, 0x0003, 132);
  const ds = findUid(buf, 0x0008, 0x0018, dsAt);
  if (meta.uid !== ds.uid) throw new Error(`${src}: meta and data set SOP Instance UIDs differ`);
  const cut = ds.uid.lastIndexOf('.');
  const width = ds.uid.length - cut - 1;
  const first = 10 ** (width - 1);
  if (9 * first < n) throw new Error(`${src}: last UID component too short for ${n} distinct UIDs`);
  const out: SmallCopy[] = [];
  for (let i = 0; i < n; i++) {
    const uid = `${ds.uid.slice(0, cut + 1)}${first + i}`;
    buf.write(uid, meta.at, 'latin1');
    buf.write(uid, ds.at, 'latin1');
    const p = path.join(dir, `${String(i).padStart(5, '0')}.dcm`);
    await writeFile(p, buf);
    out.push({ path: p, sopInstanceUid: uid });
  }
  return out;
}
