import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { IndexFileError } from './errors.js';
import { trimText, trimUid } from './values.js';

/**
 * Reads the attributes the index needs from a stored file, synchronously and
 * without the pixel data: the File Meta Information (PS3.10 §7.1), then the
 * top level of the data set up to `lastTag`, skipping sequences by their
 * lengths or items (PS3.5 §7.5). Usually only the first 64 KiB are read;
 * 4 MiB, then the whole file, only when the wanted elements lie further in.
 */

const ImplicitLE = '1.2.840.10008.1.2';
const ExplicitLE = '1.2.840.10008.1.2.1';
const ExplicitBE = '1.2.840.10008.1.2.2';
const DeflatedLE = '1.2.840.10008.1.2.1.99';

const UNDEFINED = 0xffffffff;
const ITEM = 0xfffee000;
const ITEM_DELIMITATION = 0xfffee00d;
const SEQUENCE_DELIMITATION = 0xfffee0dd;
/** VRs with a 2-byte length in explicit VR (PS3.5 §7.1.2); any other VR has a 4-byte length after 2 reserved bytes. */
const SHORT_VRS = new Set(['AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FL', 'FD', 'IS', 'LO', 'LT', 'PN', 'SH', 'SL', 'SS', 'ST', 'TM', 'UI', 'UL', 'US']);
const PREFIXES = [64 * 1024, 4 * 1024 * 1024];

/** What the reader found: the transfer syntax, the wanted elements' raw values by tag, the file size. */
export interface HeaderValues {
  transferSyntaxUid: string;
  /** Media Storage SOP Class/Instance UID from the meta information, when present. */
  metaSopClassUid?: string;
  metaSopInstanceUid?: string;
  /** Tag → value bytes (still in the file's character set), for the wanted tags that are present. */
  raw: Map<number, Buffer>;
  fileSize: number;
}

/** Signals that the buffer ended before the walk did. */
class ShortBuffer extends Error {}

/**
 * Reads `wanted` top-level elements (tags as numbers) of a Part 10 file, or of
 * a bare data set in `fallbackTs` (inferred when absent). Throws
 * IndexFileError when the file cannot be opened or is not DICOM.
 */
export function readHeader(path: string, wanted: ReadonlySet<number>, lastTag: number, fallbackTs?: string): HeaderValues {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (err) {
    throw new IndexFileError(`${path}: cannot be opened (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  try {
    const fileSize = fstatSync(fd).size;
    for (const limit of [...PREFIXES, fileSize]) {
      const length = Math.min(limit, fileSize);
      const buf = Buffer.allocUnsafe(length);
      let got = 0;
      while (got < length) {
        const n = readSync(fd, buf, got, length - got, got);
        if (n === 0) break;
        got += n;
      }
      const complete = got >= fileSize;
      try {
        return { ...parseHeader(buf.subarray(0, got), wanted, lastTag, complete, path, fallbackTs), fileSize };
      } catch (err) {
        if (!(err instanceof ShortBuffer) || complete) throw err;
      }
      if (length === fileSize) break;
    }
    throw new IndexFileError(`${path}: header could not be read`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Parses what `readHeader` read. `complete` says the buffer is the whole
 * file: then a truncated data set keeps what was read before the cut;
 * otherwise running out of bytes throws ShortBuffer so the caller reads more.
 */
export function parseHeader(
  buf: Buffer,
  wanted: ReadonlySet<number>,
  lastTag: number,
  complete: boolean,
  path = '',
  fallbackTs?: string,
): Omit<HeaderValues, 'fileSize'> {
  let offset = 0;
  const meta = new Map<number, string>();
  if (buf.length >= 132 && buf.toString('latin1', 128, 132) === 'DICM') {
    offset = readMeta(buf, 132, meta, complete, path);
  } else if (buf.length < 8) {
    throw new IndexFileError(`${path}: too short to be DICOM`);
  }
  const ts = meta.get(0x0010) || fallbackTs || inferTransferSyntax(buf, offset);
  if (!ts) throw new IndexFileError(`${path}: no File Meta Information; data set encoding not recognised`);
  let data = buf;
  if (ts === DeflatedLE) {
    if (!complete) throw new ShortBuffer();
    try {
      data = inflateRawSync(buf.subarray(offset));
    } catch (err) {
      throw new IndexFileError(`${path}: deflated data set cannot be inflated: ${(err as Error).message}`);
    }
    offset = 0;
  }
  const walker = new TopLevelWalker(data, ts === ImplicitLE, ts === ExplicitBE, complete || ts === DeflatedLE);
  const raw = walker.collect(offset, wanted, lastTag);
  return { transferSyntaxUid: ts, metaSopClassUid: meta.get(0x0002), metaSopInstanceUid: meta.get(0x0003), raw };
}

/** Group 0002, always Explicit VR LE; fills element number → text value, returns where the data set starts. */
function readMeta(buf: Buffer, start: number, meta: Map<number, string>, complete: boolean, path: string): number {
  let pos = start;
  while (pos + 8 <= buf.length && buf.readUInt16LE(pos) === 0x0002) {
    const el = buf.readUInt16LE(pos + 2);
    const vr = buf.toString('latin1', pos + 4, pos + 6);
    if (!/^[A-Z]{2}$/.test(vr)) throw new IndexFileError(`${path}: corrupt File Meta Information at byte ${pos}`);
    const long = !SHORT_VRS.has(vr);
    if (long && pos + 12 > buf.length) break;
    const len = long ? buf.readUInt32LE(pos + 8) : buf.readUInt16LE(pos + 6);
    const head = long ? 12 : 8;
    if (pos + head + len > buf.length) {
      if (!complete) throw new ShortBuffer();
      throw new IndexFileError(`${path}: File Meta Information element (0002,${el.toString(16).padStart(4, '0')}) overruns the file`);
    }
    if (vr === 'UI') meta.set(el, trimUid(buf.toString('latin1', pos + head, pos + head + len)));
    pos += head + len;
  }
  return pos;
}

/** Implicit VR LE, Explicit VR LE or BE, judged from the first element (as dcmtk does for files without meta). */
function inferTransferSyntax(buf: Buffer, at: number): string | undefined {
  if (buf.length < at + 8) return undefined;
  const explicit = /^[A-Z]{2}$/.test(buf.toString('latin1', at + 4, at + 6));
  const groupLE = buf.readUInt16LE(at);
  const groupBE = buf.readUInt16BE(at);
  if (groupLE > 0 && groupLE <= 0x0008) return explicit ? ExplicitLE : ImplicitLE;
  if (groupBE > 0 && groupBE <= 0x0008 && explicit) return ExplicitBE;
  return undefined;
}

/** Walks elements; `implicit`/`be` give the encoding of the current nesting (UN contents are Implicit VR LE). */
class TopLevelWalker {
  constructor(
    private readonly buf: Buffer,
    private readonly implicit: boolean,
    private readonly be: boolean,
    private readonly complete: boolean,
  ) {}

  /** Collects the wanted top-level values until the first tag past `lastTag` or the end of the data. */
  collect(start: number, wanted: ReadonlySet<number>, lastTag: number): Map<number, Buffer> {
    const raw = new Map<number, Buffer>();
    let pos = start;
    try {
      while (pos + 8 <= this.buf.length) {
        const tag = this.tag(pos, this.be);
        if (tag > lastTag) return raw;
        const { len, head, vr } = this.header(pos, this.implicit, this.be);
        const valueAt = pos + head;
        if (len === UNDEFINED) {
          pos = this.skipSequence(valueAt, this.implicit || vr === 'UN', this.be && vr !== 'UN');
          continue;
        }
        this.need(valueAt + len);
        if (wanted.has(tag)) raw.set(tag, this.buf.subarray(valueAt, valueAt + len));
        pos = valueAt + len;
      }
      if (pos < this.buf.length || !this.complete) this.need(pos + 8);
    } catch (err) {
      // A truncated file keeps what was read before the cut.
      if (err instanceof ShortBuffer && this.complete) return raw;
      throw err;
    }
    return raw;
  }

  private need(end: number): void {
    if (end > this.buf.length) throw new ShortBuffer();
  }

  private tag(pos: number, be: boolean): number {
    this.need(pos + 4);
    const g = be ? this.buf.readUInt16BE(pos) : this.buf.readUInt16LE(pos);
    const e = be ? this.buf.readUInt16BE(pos + 2) : this.buf.readUInt16LE(pos + 2);
    return ((g << 16) | e) >>> 0;
  }

  private header(pos: number, implicit: boolean, be: boolean): { len: number; head: number; vr: string } {
    this.need(pos + 8);
    const u32 = (p: number) => (be ? this.buf.readUInt32BE(p) : this.buf.readUInt32LE(p));
    const group = be ? this.buf.readUInt16BE(pos) : this.buf.readUInt16LE(pos);
    if (implicit || group === 0xfffe) return { len: u32(pos + 4), head: 8, vr: '' };
    const vr = this.buf.toString('latin1', pos + 4, pos + 6);
    if (!/^[A-Z]{2}$/.test(vr)) throw new IndexFileError(`corrupt element at byte ${pos}: bytes ${this.buf.toString('hex', pos + 4, pos + 6)} are not a VR`);
    if (!SHORT_VRS.has(vr)) {
      this.need(pos + 12);
      return { len: u32(pos + 8), head: 12, vr };
    }
    return { len: be ? this.buf.readUInt16BE(pos + 6) : this.buf.readUInt16LE(pos + 6), head: 8, vr };
  }

  /** Skips the items of an undefined-length value up to and past its Sequence Delimitation Item. */
  private skipSequence(pos: number, implicit: boolean, be: boolean): number {
    for (;;) {
      const tag = this.tag(pos, be);
      const { len } = this.header(pos, true, be);
      if (tag === SEQUENCE_DELIMITATION) return pos + 8;
      if (tag !== ITEM) throw new IndexFileError(`unexpected element in a sequence at byte ${pos}`);
      if (len === UNDEFINED) pos = this.skipItem(pos + 8, implicit, be);
      else {
        this.need(pos + 8 + len);
        pos += 8 + len;
      }
    }
  }

  /** Skips the elements of an undefined-length item up to and past its Item Delimitation Item. */
  private skipItem(pos: number, implicit: boolean, be: boolean): number {
    for (;;) {
      const tag = this.tag(pos, be);
      if (tag === ITEM_DELIMITATION) return pos + 8;
      const { len, head, vr } = this.header(pos, implicit, be);
      if (len === UNDEFINED) pos = this.skipSequence(pos + head, implicit || vr === 'UN', be && vr !== 'UN');
      else {
        this.need(pos + head + len);
        pos += head + len;
      }
    }
  }
}

const DECODERS = new Map<string, TextDecoder>();

/** Specific Character Set defined term → WHATWG encoding label (PS3.3 C.12.1.1.2); unknown terms fall back to latin1. */
const CHARSET_LABELS: Readonly<Record<string, string>> = {
  ISO_IR_6: 'latin1',
  ISO_IR_100: 'latin1',
  ISO_IR_101: 'iso-8859-2',
  ISO_IR_109: 'iso-8859-3',
  ISO_IR_110: 'iso-8859-4',
  ISO_IR_144: 'iso-8859-5',
  ISO_IR_127: 'iso-8859-6',
  ISO_IR_126: 'iso-8859-7',
  ISO_IR_138: 'iso-8859-8',
  ISO_IR_148: 'windows-1254',
  ISO_IR_203: 'iso-8859-15',
  ISO_IR_166: 'windows-874',
  ISO_IR_13: 'shift_jis',
  ISO_IR_192: 'utf-8',
  GB18030: 'gb18030',
  GBK: 'gbk',
};

/**
 * A decoder for a Specific Character Set value (possibly multi-valued).
 * ISO 2022 Japanese (IR 87/159 with code extensions) uses the iso-2022-jp
 * decoder; other code extensions use the first character set named.
 */
export function decoderFor(charset: string | undefined): TextDecoder {
  const terms = (charset ?? '').split('\\').map((t) => t.trim().replace(/^ISO 2022 IR /, 'ISO_IR ').replace(/ /g, '_'));
  let label = 'latin1';
  if (terms.some((t) => t === 'ISO_IR_87' || t === 'ISO_IR_159')) label = 'iso-2022-jp';
  else if (terms.includes('ISO_IR_149')) label = 'euc-kr';
  else label = CHARSET_LABELS[terms.find((t) => t !== '') ?? 'ISO_IR_6'] ?? 'latin1';
  let d = DECODERS.get(label);
  if (!d) DECODERS.set(label, (d = new TextDecoder(label)));
  return d;
}

/** A raw UI value → the UID without padding. */
export const decodeUid = (b: Buffer): string => trimUid(b.toString('latin1'));

/** A raw text value → a trimmed string in UTF-16, decoded with the data set's character set. */
export const decodeText = (b: Buffer, decoder: TextDecoder): string => trimText(decoder.decode(b));
