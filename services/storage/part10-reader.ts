import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { NetdicomError } from '../../transport/errors.js';
import { ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian, isDeflated } from '../registry/uids.js';

/** What a sender needs to know of a file before sending it. */
export interface Part10Info {
  path: string;
  sopClassUid: string;
  sopInstanceUid: string;
  transferSyntaxUid: string;
  /** Byte offset where the data set starts (after the File Meta Information, if any). */
  datasetOffset: number;
  /** Size of the data set in bytes. */
  datasetLength: number;
  /** False when the file had no File Meta Information and the encoding was inferred. */
  hasMeta: boolean;
}

/** A file that cannot be sent as it is; `message` names the reason, the caller names the file. */
export class Part10Error extends NetdicomError {
  constructor(message: string) {
    super('ERR_PART10', message);
  }
}

const UNDEFINED = 0xffffffff;
/** VRs with a 2-byte reserved field and a 4-byte length in explicit VR (PS3.5 §7.1.2). */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV'].map(vrCode));
const UI = vrCode('UI');

/** A VR's two characters as one number (the walk compares numbers, not strings: it runs for every element). */
function vrCode(vr: string): number {
  return (vr.charCodeAt(0) << 8) | vr.charCodeAt(1);
}

/** Whether a 16-bit big-endian value is two upper-case letters, as every VR is. */
function isVr(code: number): boolean {
  const a = code >> 8;
  const b = code & 0xff;
  return a >= 0x41 && a <= 0x5a && b >= 0x41 && b <= 0x5a;
}

/**
 * Reads a file's File Meta Information (PS3.10 §7.1) and walks the top level
 * of its data set, so a truncated or corrupt file is found before it is sent.
 * A file without meta information is accepted when its encoding can be
 * inferred (Implicit VR LE, Explicit VR LE or BE, as dcmtk does) and it holds
 * a SOP Class and Instance UID. Throws Part10Error with the reason.
 */
export async function readPart10Info(path: string): Promise<Part10Info> {
  return readPart10(path, WINDOW, true);
}

/**
 * What readPart10Info gives, from the head of the file only: the File Meta
 * Information and the data set up to its SOP Class and Instance UIDs
 * (usually the first few KiB), for a sender that scans many files before it
 * associates; `size` (bytes), if the caller knows it, saves a stat. The rest
 * of the data set is not checked here; checkDataset does that, when the file
 * is sent. Throws Part10Error.
 */
export async function readPart10Header(path: string, size?: number): Promise<Part10Info> {
  return readPart10(path, HEAD_READ, false, size);
}

/**
 * readPart10Info for a file of at most `into.length` bytes, read whole in one
 * read into `into`: header and data set walk come from those bytes, which a
 * sender then sends as they are (one open and one read per file, and one
 * walk, where readPart10Header and then sending take two of each). Resolves
 * to the info and the file's bytes (a view of `into`), or undefined when the
 * file is larger. `size` (bytes), if known, saves a stat. Throws Part10Error,
 * and the file system's errors.
 */
export function readSmallPart10(path: string, into: Buffer, size?: number): { info: Part10Info; bytes: Buffer } | undefined {
  return withFile(path, (fd) => {
    const length = size ?? fstatSync(fd).size;
    if (length > into.length) return undefined;
    let got = 0;
    while (got < length) {
      const n = readSync(fd, into, got, length - got, got);
      if (n === 0) break; // shorter than its size said: what is there is walked, and refused if cut short
      got += n;
    }
    const bytes = into.subarray(0, got);
    return { info: parsePart10(bytes, path, true), bytes };
  });
}

/** `size`: the file's size in bytes when the caller has just stat'ed it (one stat less per file of a scan). */
function readPart10(path: string, readSize: number, whole: boolean, size?: number): Part10Info {
  return withFile(path, (fd) => parsePart10(new FileWindow(fd, size ?? fstatSync(fd).size, readSize), path, whole));
}

/** `fn` on the file opened for reading, closed after whatever happens. */
function withFile<T>(path: string, fn: (fd: number) => T): T {
  const fd = openSync(path, 'r');
  try {
    return fn(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Walks a data set that is about to be sent (`bytes` in memory, or read
 * through a window from the file) and checks it holds the SOP Class and
 * Instance UIDs `file` names: the check readPart10Header left out, on the
 * bytes as they are now. A deflated data set is not walked. Throws
 * Part10Error.
 */
export function checkDataset(file: Part10Info, bytes?: Buffer): void {
  if (isDeflated(file.transferSyntaxUid)) return;
  let found: { sopClass?: string; sopInstance?: string };
  if (bytes) found = walkTopLevel(bytes, 0, file.transferSyntaxUid, false, file.datasetOffset);
  else {
    const end = file.datasetOffset + file.datasetLength;
    found = withFile(file.path, (fd) => walkTopLevel(new FileWindow(fd, end, WINDOW), file.datasetOffset, file.transferSyntaxUid, false));
  }
  if (found.sopClass !== file.sopClassUid || found.sopInstance !== file.sopInstanceUid) {
    throw new Part10Error('the data set changed since the file was read: its SOP Class or Instance UID differs');
  }
}

/** Bytes of the window a FileWindow reads through. */
const WINDOW = 64 << 10;
/** Bytes read at a time for a header: meta information and the first elements fit (a window grows on demand). */
const HEAD_READ = 4 << 10;
/**
 * One window buffer for every walk: a walk is synchronous, so they never
 * overlap, and reusing memory spares a page fault per 4 KiB of each file
 * (which made the scan of many small files several times slower).
 */
const sharedWindow = Buffer.allocUnsafe(WINDOW);

/**
 * Random access to a file's bytes through a 64 KiB window: the walk reads
 * element headers only and jumps over values, so memory stays flat whatever
 * the file size. Mimics the few Buffer methods the walk uses.
 */
class FileWindow {
  private win = Buffer.alloc(0);
  private start = 0;
  constructor(
    private readonly fd: number,
    readonly length: number,
    /** Bytes per read (at most WINDOW, or the one value asked for if larger). */
    private readonly readSize: number,
  ) {}

  private at(pos: number, n: number): number {
    if (pos < this.start || pos + n > this.start + this.win.length) {
      const size = Math.max(Math.min(Math.max(n, this.readSize), this.length - pos), 0);
      this.win = size <= WINDOW ? sharedWindow.subarray(0, size) : Buffer.allocUnsafe(size);
      this.start = pos;
      readSync(this.fd, this.win, 0, this.win.length, pos);
    }
    return pos - this.start;
  }

  // Byte arithmetic rather than Buffer's methods: a scan of many files runs this cold, where every call counts.
  readUInt16LE(pos: number): number {
    const o = this.at(pos, 2); // before reading this.win: `at` may replace it
    const w = this.win;
    return w[o]! | (w[o + 1]! << 8);
  }
  readUInt16BE(pos: number): number {
    const o = this.at(pos, 2);
    const w = this.win;
    return (w[o]! << 8) | w[o + 1]!;
  }
  readUInt32LE(pos: number): number {
    const o = this.at(pos, 4);
    const w = this.win;
    return (w[o]! | (w[o + 1]! << 8) | (w[o + 2]! << 16)) + w[o + 3]! * 0x1000000;
  }
  readUInt32BE(pos: number): number {
    const o = this.at(pos, 4);
    const w = this.win;
    return w[o]! * 0x1000000 + ((w[o + 1]! << 16) | (w[o + 2]! << 8) | w[o + 3]!);
  }
  toString(enc: 'latin1' | 'hex', from: number, to: number): string {
    const o = this.at(from, to - from);
    return this.win.toString(enc, o, o + (to - from));
  }
  /** True when every byte from `pos` to the end is zero (trailing padding). */
  zerosFrom(pos: number): boolean {
    const o = this.at(pos, this.length - pos);
    for (let i = o; i < o + (this.length - pos); i++) if (this.win[i] !== 0) return false;
    return true;
  }
}

/** What the walk needs of the bytes: a Buffer or a FileWindow. */
type Bytes = Pick<FileWindow, 'length' | 'readUInt16LE' | 'readUInt16BE' | 'readUInt32LE' | 'readUInt32BE' | 'toString'> & { zerosFrom?(pos: number): boolean };

/**
 * Parses the header and walks the data set of a file held in `buf` (a Buffer
 * or a file window): all of it, or (`whole` false) only up to the SOP Class
 * and Instance UIDs. Throws Part10Error.
 */
export function parsePart10(buf: Bytes, path = '', whole = true): Part10Info {
  let offset = 0;
  let meta: Record<number, string> = {};
  let hasMeta = false;
  if (buf.length >= 132 && buf.toString('latin1', 128, 132) === 'DICM') {
    hasMeta = true;
    ({ meta, end: offset } = readMeta(buf, 132));
  }
  const ts = meta[0x0010] || inferTransferSyntax(buf, offset);
  if (!ts) throw new Part10Error('no File Meta Information and the data set encoding cannot be recognised');
  const found = isDeflated(ts) ? {} : walkTopLevel(buf, offset, ts, !whole);

  // The data set is authoritative (real files carry meta UIDs that disagree with it), and a
  // receiver checks the request against it: both UIDs must be in it as UI elements (PS3.4 B.4).
  // A deflated data set is not walked; its meta UIDs are used.
  const deflated = isDeflated(ts);
  const sopClassUid = (deflated ? meta[0x0002] : found.sopClass) ?? '';
  const sopInstanceUid = (deflated ? meta[0x0003] : found.sopInstance) ?? '';
  if (!sopClassUid) throw new Part10Error('the data set has no SOP Class UID (0008,0016) encoded as UI');
  if (!sopInstanceUid) throw new Part10Error('the data set has no SOP Instance UID (0008,0018) encoded as UI');
  return { path, sopClassUid, sopInstanceUid, transferSyntaxUid: ts, datasetOffset: offset, datasetLength: buf.length - offset, hasMeta };
}

/** Group 0002, always Explicit VR LE; returns element number → text value, and where the data set starts. */
function readMeta(buf: Bytes, start: number): { meta: Record<number, string>; end: number } {
  const meta: Record<number, string> = {};
  let pos = start;
  while (pos + 8 <= buf.length && buf.readUInt16LE(pos) === 0x0002) {
    const el = buf.readUInt16LE(pos + 2);
    const vr = buf.readUInt16BE(pos + 4);
    let len: number;
    let head: number;
    if (LONG_VRS.has(vr)) {
      if (pos + 12 > buf.length) throw new Part10Error(`File Meta Information truncated at byte ${pos}`);
      len = buf.readUInt32LE(pos + 8);
      head = 12;
    } else if (isVr(vr)) {
      len = buf.readUInt16LE(pos + 6);
      head = 8;
    } else {
      throw new Part10Error(`corrupt File Meta Information at byte ${pos} (bytes ${buf.toString('hex', pos + 4, pos + 6)} are not a VR)`);
    }
    if (pos + head + len > buf.length) throw new Part10Error(`File Meta Information element (0002,${hex(el)}) overruns the file`);
    meta[el] = unpadded(buf.toString('latin1', pos + head, pos + head + len));
    pos += head + len;
  }
  return { meta, end: pos };
}

/** Implicit VR LE, Explicit VR LE or Explicit VR BE, judged from the first element. */
function inferTransferSyntax(buf: Bytes, at: number): string | undefined {
  if (buf.length < at + 8) return undefined;
  const explicit = isVr(buf.readUInt16BE(at + 4));
  const groupLE = buf.readUInt16LE(at);
  const groupBE = buf.readUInt16BE(at);
  if (groupLE <= 0x0008 && groupLE > 0) return explicit ? ExplicitVRLittleEndian : ImplicitVRLittleEndian;
  if (groupBE <= 0x0008 && groupBE > 0 && explicit) return ExplicitVRBigEndian;
  return undefined;
}

/**
 * Walks the top-level elements (skipping into sequences and encapsulated
 * pixel data by their items) to check the structure ends exactly at the end
 * of the file, and picks up SOP Class and Instance UIDs on the way; with
 * `untilUids`, stops once it has both. `base` is added to the byte offsets
 * errors name (the file offset of `buf`'s first byte).
 */
function walkTopLevel(buf: Bytes, start: number, ts: string, untilUids: boolean, base = 0): { sopClass?: string; sopInstance?: string } {
  const at = (p: number) => p + base; // file offsets in messages, also for a data set held alone
  const implicit = ts === ImplicitVRLittleEndian;
  const be = ts === ExplicitVRBigEndian;
  const u16 = (p: number) => (be ? buf.readUInt16BE(p) : buf.readUInt16LE(p));
  const u32 = (p: number) => (be ? buf.readUInt32BE(p) : buf.readUInt32LE(p));
  const out: { sopClass?: string; sopInstance?: string } = {};

  // Returns the position after one element; throws on overrun.
  const element = (pos: number, end: number): number => {
    if (pos + 8 > end) throw new Part10Error(`data set truncated at byte ${at(pos)}`);
    const group = u16(pos);
    const el = u16(pos + 2);
    let len: number;
    let head: number;
    let vr = 0;
    if (group === 0xfffe) {
      len = u32(pos + 4);
      head = 8;
    } else if (implicit) {
      len = u32(pos + 4);
      head = 8;
    } else {
      vr = buf.readUInt16BE(pos + 4);
      if (!isVr(vr)) throw new Part10Error(`corrupt element (${hex(group)},${hex(el)}) at byte ${at(pos)}: bytes ${buf.toString('hex', pos + 4, pos + 6)} are not a VR`);
      if (LONG_VRS.has(vr)) {
        if (pos + 12 > end) throw new Part10Error(`data set truncated at byte ${at(pos)}`);
        len = u32(pos + 8);
        head = 12;
      } else {
        len = u16(pos + 6);
        head = 8;
      }
    }
    const valueAt = pos + head;
    if (len === UNDEFINED) return skipUndefined(valueAt, end);
    if (valueAt + len > end) throw new Part10Error(`element (${hex(group)},${hex(el)}) at byte ${at(pos)} runs past the end of the file (truncated)`);
    if (group === 0x0008 && (el === 0x0016 || el === 0x0018) && (implicit || vr === UI)) {
      const v = unpadded(buf.toString('latin1', valueAt, valueAt + len));
      if (/^[0-9.]+$/.test(v)) out[el === 0x0016 ? 'sopClass' : 'sopInstance'] = v;
    }
    return valueAt + len;
  };
  // Undefined length: items until a sequence delimiter (fffe,e0dd).
  const skipUndefined = (pos: number, end: number): number => {
    while (pos + 8 <= end) {
      const group = u16(pos);
      const el = u16(pos + 2);
      const len = u32(pos + 4);
      if (group !== 0xfffe) throw new Part10Error(`corrupt sequence at byte ${at(pos)}`);
      if (el === 0xe0dd) return pos + 8;
      if (el !== 0xe000) throw new Part10Error(`corrupt sequence item at byte ${at(pos)}`);
      if (len === UNDEFINED) {
        pos += 8;
        while (true) {
          if (pos + 8 > end) throw new Part10Error(`data set truncated inside a sequence item at byte ${at(pos)}`);
          if (u16(pos) === 0xfffe && u16(pos + 2) === 0xe00d) {
            pos += 8;
            break;
          }
          pos = element(pos, end);
        }
      } else {
        if (pos + 8 + len > end) throw new Part10Error(`sequence item at byte ${at(pos)} runs past the end of the file (truncated)`);
        pos += 8 + len;
      }
    }
    throw new Part10Error('data set truncated: a sequence has no delimiter');
  };

  let pos = start;
  while (pos < buf.length) {
    if (buf.length - pos < 8 && zerosFrom(buf, pos)) break; // trailing padding
    pos = element(pos, buf.length);
    if (untilUids && out.sopClass && out.sopInstance) break;
  }
  return out;
}

const hex = (n: number) => n.toString(16).padStart(4, '0');

/** A text value without its trailing NUL or space padding (PS3.5 §6.2). */
function unpadded(v: string): string {
  let end = v.length;
  while (end > 0 && (v.charCodeAt(end - 1) === 0 || v.charCodeAt(end - 1) === 0x20)) end--;
  return end === v.length ? v : v.slice(0, end);
}

function zerosFrom(buf: Bytes, pos: number): boolean {
  if (buf.zerosFrom) return buf.zerosFrom(pos);
  const b = buf as Buffer;
  for (let i = pos; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
}
