/**
 * Byte-level transcoding of a data set between the uncompressed encodings
 * (Implicit VR LE, Explicit VR LE, Explicit VR BE). It parses the element
 * tree (recursing into sequences and items), then writes it again changing
 * only element headers and, when the byte order changes, the byte order of
 * each value according to its VR. Values are never decoded: character sets,
 * odd lengths, private elements and fragments are kept byte for byte.
 *
 * Rules (PS3.5):
 * - §7.1.2/§7.1.3: explicit headers carry a VR with a 16-bit length, or
 *   2 reserved bytes and a 32-bit length for OB OD OF OL OV OW SQ SV UC UN UR UT UV;
 *   implicit headers have a 32-bit length and no VR.
 * - Implicit → explicit: the VR comes from the data dictionary (`lookup`),
 *   ambiguous ones resolved as in Annex A.1 and §6.2 (see `resolveImplicitVR`);
 *   private creators (gggg,0010-00FF) are LO, other private and unknown
 *   elements UN (§6.2.2), group lengths (gggg,0000) UL (§7.2).
 * - A value longer than 0xFFFF in a 16-bit-length VR is written as UN (§6.2.2 Note),
 *   for Little Endian targets only.
 * - Byte order (§7.3, Annex A.3): each value is swapped per its VR's word size;
 *   strings, OB, UN and encapsulated fragments are byte streams and never swapped.
 * - Sequences and items (§7.5): undefined lengths stay undefined; defined lengths
 *   are recomputed for the new header sizes. Group length values are recomputed.
 *   Explicit UN of undefined length holds Implicit VR LE content (§6.2.2) and is copied as is.
 *
 * Whatever cannot be encoded faithfully throws TranscodeError.
 */

/** One of the uncompressed encodings. Implicit VR is always Little Endian. */
export interface Encoding {
  explicitVR: boolean;
  littleEndian: boolean;
}

export const IMPLICIT_LE: Encoding = { explicitVR: false, littleEndian: true };
export const EXPLICIT_LE: Encoding = { explicitVR: true, littleEndian: true };
export const EXPLICIT_BE: Encoding = { explicitVR: true, littleEndian: false };

/**
 * The data dictionary's VR for a tag (group << 16 | element), or undefined when
 * the tag is unknown. Ambiguous VRs are spelled as in PS3.6: 'US or SS',
 * 'OB or OW', 'US or OW', 'US or SS or OW'.
 */
export type VrLookup = (tag: number) => string | undefined;

/** A data set that cannot be transcoded faithfully; `offset` is the byte offset in the input. */
export class TranscodeError extends Error {
  constructor(message: string, readonly offset?: number) {
    super(offset === undefined ? message : `${message} (at byte ${offset})`);
    this.name = 'TranscodeError';
  }
}

const ITEM = 0xfffee000;
const ITEM_DELIMITER = 0xfffee00d;
const SEQUENCE_DELIMITER = 0xfffee0dd;
const UNDEFINED = 0xffffffff;
const PIXEL_REPRESENTATION = 0x00280103;

/** VRs with 2 reserved bytes and a 32-bit length in explicit headers (PS3.5 Table 7.1-1). */
const LONG_VRS = new Set(['OB', 'OD', 'OF', 'OL', 'OV', 'OW', 'SQ', 'SV', 'UC', 'UN', 'UR', 'UT', 'UV']);
const SHORT_VRS = new Set(['AE', 'AS', 'AT', 'CS', 'DA', 'DS', 'DT', 'FL', 'FD', 'IS', 'LO', 'LT', 'PN', 'SH', 'SL', 'SS', 'ST', 'TM', 'UI', 'UL', 'US']);
/** Bytes per swapped word (PS3.5 §7.3); VRs not listed are byte streams. */
const WORD_SIZE: Readonly<Record<string, number>> = {
  US: 2, SS: 2, OW: 2, AT: 2,
  UL: 4, SL: 4, FL: 4, OF: 4, OL: 4,
  FD: 8, OD: 8, SV: 8, UV: 8, OV: 8,
};

const hex = (n: number, w: number) => n.toString(16).toUpperCase().padStart(w, '0');
export const tagName = (tag: number) => `(${hex(tag >>> 16, 4)},${hex(tag & 0xffff, 4)})`;

/** One parsed element. `vr` is the VR read from an explicit header, or undefined for implicit input. */
interface Element {
  tag: number;
  vr: string | undefined;
  /** Input offset of the header, for error messages. */
  at: number;
  undefinedLength: boolean;
  /** Value bytes (kind 'value'), or the raw content of an undefined-length explicit UN with its delimiter (kind 'raw'). */
  value?: Buffer;
  /** Items of a sequence. */
  items?: Item[];
  /** Fragments of encapsulated data (undefined-length OB/OW, or Pixel Data in implicit). */
  fragments?: Buffer[];
  kind: 'value' | 'sequence' | 'fragments' | 'raw';
}

interface Item {
  undefinedLength: boolean;
  elements: Element[];
}

class Reader {
  pos = 0;
  constructor(readonly buf: Buffer, readonly enc: Encoding) {}
  need(n: number, what: string): void {
    if (this.pos + n > this.buf.length) throw new TranscodeError(`truncated data set: ${what} needs ${n} bytes, ${this.buf.length - this.pos} left`, this.pos);
  }
  u16(): number {
    this.need(2, 'a 16-bit field');
    const v = this.enc.littleEndian ? this.buf.readUInt16LE(this.pos) : this.buf.readUInt16BE(this.pos);
    this.pos += 2;
    return v;
  }
  u32(): number {
    this.need(4, 'a 32-bit field');
    const v = this.enc.littleEndian ? this.buf.readUInt32LE(this.pos) : this.buf.readUInt32BE(this.pos);
    this.pos += 4;
    return v;
  }
  tag(): number {
    const group = this.u16();
    return ((group << 16) | this.u16()) >>> 0;
  }
  bytes(n: number, what: string): Buffer {
    this.need(n, what);
    const b = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return b;
  }
}

/**
 * Re-encodes a data set (no File Meta Information) from one uncompressed
 * encoding to another. Throws TranscodeError when the input is malformed or
 * cannot be represented faithfully in the target encoding.
 */
export function transcode(bytes: Buffer, from: Encoding, to: Encoding, lookup: VrLookup): Buffer {
  if (!from.explicitVR && !from.littleEndian) throw new TranscodeError('Implicit VR Big Endian does not exist');
  if (!to.explicitVR && !to.littleEndian) throw new TranscodeError('Implicit VR Big Endian does not exist');
  const r = new Reader(bytes, from);
  const elements = parseDataset(r, bytes.length, false, lookup);
  const w = new Writer(from, to, lookup);
  return Buffer.concat(w.dataset(elements, []));
}

// ---------------------------------------------------------------- parsing

/** Elements up to `end`, or up to an Item Delimitation Item when `delimited`. */
function parseDataset(r: Reader, end: number, delimited: boolean, lookup: VrLookup): Element[] {
  const out: Element[] = [];
  while (r.pos < end) {
    const at = r.pos;
    const tag = r.tag();
    if (tag === ITEM_DELIMITER && delimited) {
      r.u32();
      return out;
    }
    if (tag >>> 16 === 0xfffe) throw new TranscodeError(`unexpected ${tagName(tag)} among data elements`, at);
    out.push(parseElement(r, tag, at, lookup));
  }
  if (delimited) throw new TranscodeError('item of undefined length has no Item Delimitation Item', r.pos);
  if (r.pos > end) throw new TranscodeError('element runs past the end of its item', r.pos);
  return out;
}

function parseElement(r: Reader, tag: number, at: number, lookup: VrLookup): Element {
  let vr: string | undefined;
  let length: number;
  if (r.enc.explicitVR) {
    r.need(2, 'a VR');
    vr = r.buf.toString('latin1', r.pos, r.pos + 2);
    r.pos += 2;
    if (LONG_VRS.has(vr)) {
      r.u16();
      length = r.u32();
    } else if (SHORT_VRS.has(vr)) {
      length = r.u16();
    } else {
      throw new TranscodeError(`${tagName(tag)} has an unknown VR ${JSON.stringify(vr)}: its length field and byte order are unknown`, at);
    }
  } else {
    length = r.u32();
  }
  const isSequence = vr === 'SQ' || (vr === undefined && implicitIsSequence(tag, length, lookup));
  if (isSequence) {
    return { tag, vr, at, undefinedLength: length === UNDEFINED, kind: 'sequence', items: parseItems(r, length, lookup) };
  }
  if (length !== UNDEFINED) return { tag, vr, at, undefinedLength: false, kind: 'value', value: r.bytes(length, `value of ${tagName(tag)}`) };
  if (vr === 'UN') {
    // PS3.5 §6.2.2: the content, up to and including its Sequence Delimitation Item, is Implicit VR
    // Little Endian whatever the transfer syntax; keep it as is.
    const start = r.pos;
    const inner = new Reader(r.buf, IMPLICIT_LE);
    inner.pos = start;
    parseItems(inner, UNDEFINED, lookup);
    r.pos = inner.pos;
    return { tag, vr, at, undefinedLength: true, kind: 'raw', value: r.buf.subarray(start, r.pos) };
  }
  if (vr === 'OB' || vr === 'OW' || (vr === undefined && dictionaryVR(tag, lookup) === 'OB or OW')) {
    return { tag, vr, at, undefinedLength: true, kind: 'fragments', fragments: parseFragments(r) };
  }
  throw new TranscodeError(`${tagName(tag)} ${vr ?? ''} has an undefined length but is neither a sequence nor encapsulated data`, at);
}

/** Implicit VR: a sequence by the dictionary, or any undefined-length element other than encapsulated data (PS3.5 §7.5.1). */
function implicitIsSequence(tag: number, length: number, lookup: VrLookup): boolean {
  const dict = dictionaryVR(tag, lookup);
  if (dict === 'SQ') return true;
  return length === UNDEFINED && dict !== 'OB or OW' && dict !== 'OB' && dict !== 'OW';
}

function parseItems(r: Reader, length: number, lookup: VrLookup): Item[] {
  const items: Item[] = [];
  const end = length === UNDEFINED ? Infinity : r.pos + length;
  if (end !== Infinity) r.need(length, 'sequence');
  while (r.pos < end) {
    const at = r.pos;
    const tag = r.tag();
    const itemLength = r.u32();
    if (tag === SEQUENCE_DELIMITER && length === UNDEFINED) return items;
    if (tag !== ITEM) throw new TranscodeError(`expected an Item in a sequence, found ${tagName(tag)}`, at);
    if (itemLength === UNDEFINED) {
      items.push({ undefinedLength: true, elements: parseDataset(r, r.buf.length, true, lookup) });
    } else {
      r.need(itemLength, 'item');
      items.push({ undefinedLength: false, elements: parseDataset(r, r.pos + itemLength, false, lookup) });
    }
  }
  if (length === UNDEFINED) throw new TranscodeError('sequence of undefined length has no Sequence Delimitation Item', r.pos);
  if (r.pos !== end) throw new TranscodeError('item runs past the end of its sequence', r.pos);
  return items;
}

function parseFragments(r: Reader): Buffer[] {
  const fragments: Buffer[] = [];
  for (;;) {
    const at = r.pos;
    const tag = r.tag();
    const length = r.u32();
    if (tag === SEQUENCE_DELIMITER) return fragments;
    if (tag !== ITEM || length === UNDEFINED) throw new TranscodeError(`expected a fragment Item in encapsulated data, found ${tagName(tag)}`, at);
    fragments.push(r.bytes(length, 'fragment'));
  }
}

// ---------------------------------------------------------------- VR resolution

/** Repeating groups (50xx, 60xx, 7Fxx: PS3.5 §7.6) are looked up in their first group. */
function dictionaryVR(tag: number, lookup: VrLookup): string | undefined {
  const group = tag >>> 16;
  const element = tag & 0xffff;
  if (element === 0x0000) return 'UL';
  if (group & 1) return element >= 0x0010 && element <= 0x00ff ? 'LO' : undefined;
  const vr = lookup(tag);
  if (vr !== undefined) return vr;
  const base = group & 0xff00;
  if ((base === 0x5000 || base === 0x6000 || base === 0x7f00) && (group & 0xff) <= 0x1e) {
    return lookup((((base << 16) | element) >>> 0));
  }
  return undefined;
}

/** LUT Descriptors: the first and third values are always unsigned (PS3.3 C.7.6.3.1.5, C.11.1.1.1). */
const LUT_DESCRIPTORS = new Set([0x00281101, 0x00281102, 0x00281103, 0x00281111, 0x00281112, 0x00281113, 0x00283002]);

/** Context for resolving ambiguous VRs: the enclosing data sets, innermost last. */
type Scope = Element[][];

function lookupValue(scope: Scope, tag: number): Element | undefined {
  for (let i = scope.length - 1; i >= 0; i--) {
    const e = scope[i]!.find((x) => x.tag === tag);
    if (e) return e;
  }
  return undefined;
}

/** A US value of an element read from Implicit VR LE input, or undefined. */
function usValue(e: Element | undefined): number | undefined {
  return e?.value && e.value.length >= 2 ? e.value.readUInt16LE(0) : undefined;
}

/**
 * The explicit VR of an element read from Implicit VR LE input (PS3.5 Annex A.1, §6.2):
 * - 'US or SS': SS when Pixel Representation (0028,0103) in the same data set (or the nearest
 *   enclosing one) is 1, else US; LUT Descriptors always US;
 * - 'OB or OW': OW (Annex A.1: Pixel Data, Overlay Data and Waveform Data are OW in Implicit VR,
 *   whatever Bits Allocated; dcmtk writes the same), OB for encapsulated fragments (Annex A.4);
 * - 'US or OW', 'US or SS or OW' (LUT Data): OW;
 * - unknown and private: UN; private creators LO; group lengths UL.
 */
function resolveImplicitVR(e: Element, scope: Scope, lookup: VrLookup): string {
  const dict = dictionaryVR(e.tag, lookup);
  if (dict === undefined) return 'UN';
  switch (dict) {
    case 'US or SS':
      if (LUT_DESCRIPTORS.has(e.tag)) return 'US';
      return usValue(lookupValue(scope, PIXEL_REPRESENTATION)) === 1 ? 'SS' : 'US';
    case 'OB or OW':
      return e.kind === 'fragments' ? 'OB' : 'OW';
    case 'US or OW':
    case 'US or SS or OW':
      return 'OW';
    default:
      if (dict.length !== 2) throw new TranscodeError(`${tagName(e.tag)}: dictionary VR ${JSON.stringify(dict)} is not understood`, e.at);
      return dict;
  }
}

// ---------------------------------------------------------------- writing

class Writer {
  private readonly swap: boolean;
  constructor(from: Encoding, private readonly to: Encoding, private readonly lookup: VrLookup) {
    this.swap = from.littleEndian !== to.littleEndian;
  }

  private u16(n: number): Buffer {
    const b = Buffer.alloc(2);
    if (this.to.littleEndian) b.writeUInt16LE(n);
    else b.writeUInt16BE(n);
    return b;
  }

  private u32(n: number): Buffer {
    const b = Buffer.alloc(4);
    if (this.to.littleEndian) b.writeUInt32LE(n);
    else b.writeUInt32BE(n);
    return b;
  }

  private tagBytes(tag: number): Buffer {
    return Buffer.concat([this.u16(tag >>> 16), this.u16(tag & 0xffff)]);
  }

  private header(tag: number, vr: string, length: number): Buffer {
    if (!this.to.explicitVR) return Buffer.concat([this.tagBytes(tag), this.u32(length)]);
    const v = Buffer.from(vr, 'latin1');
    if (LONG_VRS.has(vr)) return Buffer.concat([this.tagBytes(tag), v, Buffer.alloc(2), this.u32(length)]);
    return Buffer.concat([this.tagBytes(tag), v, this.u16(length)]);
  }

  /** Encoded elements of one data set; group length values recomputed. */
  dataset(elements: Element[], outer: Scope): Buffer[] {
    const scope = [...outer, elements];
    const encoded = elements.map((e) => this.element(e, scope));
    for (let i = 0; i < elements.length; i++) {
      const e = elements[i]!;
      if ((e.tag & 0xffff) !== 0 || e.kind !== 'value' || e.value!.length !== 4) continue;
      let size = 0;
      for (let j = i + 1; j < elements.length && elements[j]!.tag >>> 16 === e.tag >>> 16; j++) size += byteLength(encoded[j]!);
      const parts = encoded[i]!;
      parts[parts.length - 1] = this.u32(size);
    }
    return encoded.flat();
  }

  /** The element's explicit VR in the output. */
  private vrOf(e: Element, scope: Scope): string {
    if (e.kind === 'sequence') return 'SQ';
    if (e.vr !== undefined) return e.vr;
    return resolveImplicitVR(e, scope, this.lookup);
  }

  private element(e: Element, scope: Scope): Buffer[] {
    let vr = this.vrOf(e, scope);
    switch (e.kind) {
      case 'sequence': {
        const body = e.items!.flatMap((item) => this.item(item, scope));
        if (e.undefinedLength) return [this.header(e.tag, vr, UNDEFINED), ...body, this.tagBytes(SEQUENCE_DELIMITER), this.u32(0)];
        return [this.header(e.tag, vr, byteLength(body)), ...body];
      }
      case 'raw':
        return [this.header(e.tag, vr, UNDEFINED), e.value!];
      case 'fragments': {
        const body = e.fragments!.flatMap((f) => [this.tagBytes(ITEM), this.u32(f.length), f]);
        return [this.header(e.tag, vr, UNDEFINED), ...body, this.tagBytes(SEQUENCE_DELIMITER), this.u32(0)];
      }
      case 'value': {
        const value = e.value!;
        if (this.to.explicitVR && !LONG_VRS.has(vr) && value.length > 0xffff) {
          if (!this.to.littleEndian) throw new TranscodeError(`${tagName(e.tag)} ${vr}: a ${value.length}-byte value does not fit a 16-bit length, and UN cannot carry it in Big Endian`, e.at);
          vr = 'UN'; // PS3.5 §6.2.2 Note
        }
        return [this.header(e.tag, vr, value.length), this.swap ? this.swapped(e, vr, value) : value];
      }
    }
  }

  private item(item: Item, scope: Scope): Buffer[] {
    const body = this.dataset(item.elements, scope);
    if (item.undefinedLength) return [this.tagBytes(ITEM), this.u32(UNDEFINED), ...body, this.tagBytes(ITEM_DELIMITER), this.u32(0)];
    return [this.tagBytes(ITEM), this.u32(byteLength(body)), ...body];
  }

  /** The value with each word in the other byte order, per its VR (PS3.5 §7.3). */
  private swapped(e: Element, vr: string, value: Buffer): Buffer {
    if (vr === 'UN' && e.vr === undefined && value.length > 0) {
      throw new TranscodeError(
        `${tagName(e.tag)} is unknown to the dictionary (or private) in Implicit VR: its value's byte order cannot be changed for ${this.to.littleEndian ? 'Little' : 'Big'} Endian`,
        e.at,
      );
    }
    const size = WORD_SIZE[vr];
    if (size === undefined) return value;
    if (value.length % size !== 0) throw new TranscodeError(`${tagName(e.tag)} ${vr}: length ${value.length} is not a multiple of ${size}, cannot swap its byte order`, e.at);
    const out = Buffer.from(value);
    if (size === 2) out.swap16();
    else if (size === 4) out.swap32();
    else out.swap64();
    return out;
  }
}

function byteLength(parts: Buffer[]): number {
  let n = 0;
  for (const p of parts) n += p.length;
  return n;
}
