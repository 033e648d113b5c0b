import { NetdicomError } from '../../transport/errors.js';

/**
 * DIMSE command set codec: group 0000 elements, always Implicit VR Little
 * Endian, with CommandGroupLength first. PS3.7 §6.3, §9.3 and Annex E.
 * Elements are addressed by their DICOM keywords.
 */

type Vr = 'UL' | 'US' | 'UI' | 'AE' | 'LO' | 'AT';

/** Command elements of PS3.7 Annex E (Table E.1-1), tag → keyword and VR. */
const ELEMENTS = [
  [0x0000, 'CommandGroupLength', 'UL'],
  [0x0002, 'AffectedSOPClassUID', 'UI'],
  [0x0003, 'RequestedSOPClassUID', 'UI'],
  [0x0100, 'CommandField', 'US'],
  [0x0110, 'MessageID', 'US'],
  [0x0120, 'MessageIDBeingRespondedTo', 'US'],
  [0x0600, 'MoveDestination', 'AE'],
  [0x0700, 'Priority', 'US'],
  [0x0800, 'CommandDataSetType', 'US'],
  [0x0900, 'Status', 'US'],
  [0x0901, 'OffendingElement', 'AT'],
  [0x0902, 'ErrorComment', 'LO'],
  [0x0903, 'ErrorID', 'US'],
  [0x1000, 'AffectedSOPInstanceUID', 'UI'],
  [0x1001, 'RequestedSOPInstanceUID', 'UI'],
  [0x1002, 'EventTypeID', 'US'],
  [0x1005, 'AttributeIdentifierList', 'AT'],
  [0x1008, 'ActionTypeID', 'US'],
  [0x1020, 'NumberOfRemainingSuboperations', 'US'],
  [0x1021, 'NumberOfCompletedSuboperations', 'US'],
  [0x1022, 'NumberOfFailedSuboperations', 'US'],
  [0x1023, 'NumberOfWarningSuboperations', 'US'],
  [0x1030, 'MoveOriginatorApplicationEntityTitle', 'AE'],
  [0x1031, 'MoveOriginatorMessageID', 'US'],
] as const;

export type CommandKeyword = Exclude<(typeof ELEMENTS)[number][1], 'CommandGroupLength'>;

/** A decoded command set: keyword → value (numbers for US/UL, strings for UI/AE/LO, tag numbers for AT). */
export type CommandSet = Partial<Record<CommandKeyword, string | number | number[]>> & {
  CommandField: number;
};

const BY_TAG = new Map<number, readonly [string, Vr]>(ELEMENTS.map(([e, k, vr]) => [e, [k, vr as Vr]]));
const BY_KEYWORD = new Map<string, readonly [number, Vr]>(ELEMENTS.map(([e, k, vr]) => [k, [e, vr as Vr]]));

/** CommandDataSetType value meaning "no data set", PS3.7 §E.1. */
export const NO_DATASET = 0x0101;

/** A command set that cannot be decoded or encoded. The association is aborted (A-ABORT, source 2). */
export class CommandSetError extends NetdicomError {
  constructor(message: string) {
    super('ERR_DIMSE_COMMAND_SET', message);
  }
}

/** Decodes a command set. Unknown group 0000 elements are skipped. Throws CommandSetError. */
export function decodeCommandSet(buf: Buffer): CommandSet {
  const out: Record<string, string | number | number[]> = {};
  let pos = 0;
  while (pos < buf.length) {
    if (pos + 8 > buf.length) throw new CommandSetError(`truncated element header at offset ${pos}`);
    const group = buf.readUInt16LE(pos);
    const element = buf.readUInt16LE(pos + 2);
    const len = buf.readUInt32LE(pos + 4);
    pos += 8;
    if (group !== 0) throw new CommandSetError(`element (${hex(group)},${hex(element)}) outside group 0000 in a command set`);
    if (len > buf.length - pos) throw new CommandSetError(`element (0000,${hex(element)}) length ${len} overruns the command set`);
    const def = element === 0 ? undefined : BY_TAG.get(element); // CommandGroupLength is not part of the result
    if (def) out[def[0]] = readValue(buf, pos, pos + len, def[1]);
    pos += len;
  }
  if (typeof out.CommandField !== 'number') throw new CommandSetError('command set without CommandField (0000,0100)');
  return out as CommandSet;
}

/** The value of bytes start..end of `buf` (no view is made: this runs for every element of every message). */
function readValue(buf: Buffer, start: number, end: number, vr: Vr): string | number | number[] {
  switch (vr) {
    case 'UL': return end - start >= 4 ? buf.readUInt32LE(start) : 0;
    case 'US': return end - start >= 2 ? buf.readUInt16LE(start) : 0;
    case 'AT': {
      const tags: number[] = [];
      for (let i = start; i + 4 <= end; i += 4) tags.push(((buf.readUInt16LE(i) << 16) | buf.readUInt16LE(i + 2)) >>> 0);
      return tags;
    }
    default: {
      // Trailing NUL/space padding and leading spaces are not part of the value (PS3.5 §6.2).
      while (end > start && (buf[end - 1] === 0 || buf[end - 1] === 0x20)) end--;
      while (start < end && buf[start] === 0x20) start++;
      return buf.toString('latin1', start, end);
    }
  }
}

/**
 * Encodes a command set (elements in tag order, CommandGroupLength first)
 * into one buffer, after `headroom` bytes left for the caller (the P-DATA-TF
 * and PDV headers, so a command PDU is one allocation). Throws
 * CommandSetError on an unknown keyword.
 */
export function encodeCommandSet(cmd: CommandSet, headroom = 0): Buffer {
  // The command's own keys, not the 24 keywords: looking up absent keys is what costs here.
  const fields: [element: number, vr: Vr, value: string | number | number[], length: number][] = [];
  let total = 0;
  const values = cmd as Record<string, string | number | number[] | undefined>;
  for (const k in values) {
    const v = values[k];
    if (v === undefined) continue;
    const def = BY_KEYWORD.get(k);
    if (!def) throw new CommandSetError(`unknown command element keyword ${k}`);
    if (def[0] === 0x0000) continue; // CommandGroupLength is computed
    const length = valueLength(def[1], v);
    fields.push([def[0], def[1], v, length]);
    total += 8 + length;
  }
  fields.sort((a, b) => a[0] - b[0]);
  const out = Buffer.allocUnsafe(headroom + 12 + total);
  let at = header(out, headroom, 0x0000, 4);
  at = out.writeUInt32LE(total, at);
  for (const [element, vr, v, length] of fields) at = writeValue(out, header(out, at, element, length), vr, v);
  return out;
}

function header(out: Buffer, at: number, element: number, length: number): number {
  out.writeUInt16LE(0, at);
  out.writeUInt16LE(element, at + 2);
  return out.writeUInt32LE(length, at + 4);
}

/** Encoded value length in bytes: text is latin1, padded to even length (PS3.5 §6.2). */
function valueLength(vr: Vr, value: string | number | number[]): number {
  switch (vr) {
    case 'UL': return 4;
    case 'US': return 2;
    case 'AT': return 4 * (Array.isArray(value) ? value.length : 1);
    default: {
      const n = String(value).length;
      return n + (n % 2);
    }
  }
}

function writeValue(out: Buffer, at: number, vr: Vr, value: string | number | number[]): number {
  switch (vr) {
    case 'UL': return out.writeUInt32LE(Number(value) >>> 0, at);
    case 'US': return out.writeUInt16LE(Number(value) & 0xffff, at);
    case 'AT': {
      for (const t of Array.isArray(value) ? value : [Number(value)]) {
        out.writeUInt16LE(t >>> 16, at);
        at = out.writeUInt16LE(t & 0xffff, at + 2);
      }
      return at;
    }
    default: {
      const s = String(value);
      at += out.write(s, at, 'latin1');
      // UI pads with NUL, other text VRs with a space (PS3.5 §6.2).
      if (s.length % 2) out[at++] = vr === 'UI' ? 0 : 0x20;
      return at;
    }
  }
}

const hex = (n: number) => n.toString(16).padStart(4, '0');
