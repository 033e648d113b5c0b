/**
 * Inspector records → the JSON text sent to clients. Every field is copied by
 * name (see protocol.ts), so nothing else that rides on a record object — a
 * Buffer, a socket, an XState snapshot — can reach the wire. `detail` on PDU
 * records is copied as plain data only: strings, finite numbers, booleans,
 * arrays and plain objects to a fixed depth; binary data becomes its length.
 */
import type { InspectorRecord } from './protocol.js';

/**
 * Details built by visualize/pdu-summary.ts: plain data by construction (strings, numbers,
 * booleans, arrays and plain objects, bounded by the PDU they came from), so they are
 * serialised as they are instead of copied first. An A-ASSOCIATE-RQ/AC of 128 presentation
 * contexts is the largest record a busy SCP publishes.
 */
const PLAIN = new WeakSet<object>();

/** Marks `detail` as plain data built by this project (see PLAIN); returns it. */
export function trustedDetail<T extends object>(detail: T): T {
  PLAIN.add(detail);
  return detail;
}

/** Values many records carry (see sharedValue), with the id and message a client gets them under. */
const SHAREABLE = new WeakMap<object, SharedText | null>();
let lastSharedId = 0;

/**
 * Marks `value`, a part of a detail that many records share as one frozen object (the
 * contexts table of an A-ASSOCIATE-RQ/AC, visualize/pdu-summary.ts), as sent once per
 * client that asked for shared values (compactRecordJson); returns it.
 */
export function sharedValue<T extends object>(value: T): T {
  if (!SHAREABLE.has(value)) SHAREABLE.set(value, null);
  return value;
}

/** A shared value's id and its message (visualize/protocol.ts SharedValue). */
export interface SharedText {
  id: number;
  json: string;
}

function sharedText(value: object): SharedText {
  let s = SHAREABLE.get(value);
  if (!s) {
    const id = ++lastSharedId;
    s = { id, json: JSON.stringify({ kind: 'shared', id, value }) };
    SHAREABLE.set(value, s);
  }
  return s;
}

const MAX_DEPTH = 6;
const MAX_ITEMS = 200;
const MAX_STRING = 2000;

/** A JSON-safe copy of `value` bounded in depth, width and string length. */
export function plainData(value: unknown, depth = 0): unknown {
  switch (typeof value) {
    case 'string':
      return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'boolean':
      return value;
    case 'bigint':
      return value.toString();
    case 'object': {
      if (value === null) return null;
      if (ArrayBuffer.isView(value)) return { bytes: value.byteLength };
      if (value instanceof ArrayBuffer) return { bytes: value.byteLength };
      if (depth >= MAX_DEPTH) return '…';
      if (Array.isArray(value)) return value.slice(0, MAX_ITEMS).map((v) => plainData(v, depth + 1));
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return `[${(value as object).constructor?.name ?? 'object'}]`;
      const out: Record<string, unknown> = {};
      let n = 0;
      for (const [k, v] of Object.entries(value)) {
        if (n++ >= MAX_ITEMS) break;
        const copy = plainData(v, depth + 1);
        if (copy !== undefined) out[k] = copy;
      }
      return out;
    }
    default:
      return undefined; // functions, symbols, undefined
  }
}

/**
 * The wire object for one record: the fields protocol.ts names for its kind, nothing else.
 * Each object is written out in full (an object spread here cost ~15 µs a record, most of
 * what an open page cost a busy SCP).
 */
export function toWire(r: InspectorRecord): Record<string, unknown> {
  switch (r.kind) {
    case 'actor':
      return {
        v: r.v, seq: r.seq, ts: r.ts, kind: r.kind, assoc: r.assoc,
        role: r.role,
        status: r.status,
        peer: r.peer,
        ending: r.ending,
        callingAE: r.callingAE,
        calledAE: r.calledAE,
        bytesIn: r.bytesIn,
        bytesOut: r.bytesOut,
        dimseMessages: r.dimseMessages,
      };
    case 'transition':
      return { v: r.v, seq: r.seq, ts: r.ts, kind: r.kind, assoc: r.assoc, from: r.from, to: r.to, evt: r.evt, acts: [...r.acts] };
    case 'pdu':
      return {
        v: r.v, seq: r.seq, ts: r.ts, kind: r.kind, assoc: r.assoc,
        dir: r.dir, pduType: r.pduType, len: r.len, summary: r.summary,
        detail: r.detail === undefined ? undefined : PLAIN.has(r.detail) ? r.detail : plainData(r.detail),
      };
    case 'dimse':
      return {
        v: r.v, seq: r.seq, ts: r.ts, kind: r.kind, assoc: r.assoc,
        dir: r.dir,
        command: r.command,
        messageId: r.messageId,
        sopClass: r.sopClass,
        status: r.status,
        datasetBytes: r.datasetBytes,
        pdus: r.pdus,
        pduBytes: r.pduBytes,
        incomplete: r.incomplete,
        summary: r.summary,
      };
    case 'stats':
      return { v: r.v, seq: r.seq, ts: r.ts, kind: r.kind, assoc: r.assoc, pdus: r.pdus, bytes: r.bytes };
    case 'drop':
      return { v: r.v, seq: r.seq, ts: r.ts, kind: r.kind, assoc: r.assoc, dropped: r.dropped };
    case 'error':
      return {
        v: r.v, seq: r.seq, ts: r.ts, kind: r.kind, assoc: r.assoc,
        error: { name: String(r.error.name), message: String(r.error.message), code: r.error.code === undefined ? undefined : String(r.error.code) },
      };
    default: {
      const u = r as { v?: unknown; seq?: unknown; ts?: unknown; kind?: unknown; assoc?: unknown };
      return { v: u.v, seq: u.seq, ts: u.ts, kind: 'error', assoc: u.assoc, error: { name: 'InspectorError', message: `unknown record kind ${String(u.kind)}` } };
    }
  }
}

const cache = new WeakMap<InspectorRecord, string>();

/** JSON text of a record, computed once per record however many clients receive it. */
export function recordJson(r: InspectorRecord): string {
  let s = cache.get(r);
  if (s === undefined) {
    s = JSON.stringify(toWire(r));
    cache.set(r, s);
  }
  return s;
}

/** A record's JSON for a client that takes shared values, and the shared values it refers to. */
export interface CompactJson {
  text: string;
  shared: readonly SharedText[];
}

const compactCache = new WeakMap<InspectorRecord, CompactJson>();
const NONE: readonly SharedText[] = [];

/**
 * The JSON of a record with each shared value in its detail (sharedValue) written as
 * `{"$shared": id}`; `shared` lists those values, whose messages the client must have
 * received first. Computed once per record; a record without shared values is recordJson's text.
 */
export function compactRecordJson(r: InspectorRecord): CompactJson {
  let c = compactCache.get(r);
  if (c) return c;
  const detail = r.kind === 'pdu' && r.detail && PLAIN.has(r.detail) ? r.detail : undefined;
  let shared: SharedText[] | undefined;
  let compact: Record<string, unknown> | undefined;
  if (detail) {
    for (const [k, v] of Object.entries(detail)) {
      if (v === null || typeof v !== 'object' || !SHAREABLE.has(v)) continue;
      const s = sharedText(v);
      (shared ??= []).push(s);
      (compact ??= Object.assign({}, detail))[k] = { $shared: s.id };
    }
  }
  if (compact) {
    const wire = toWire(r);
    wire.detail = compact;
    c = { text: JSON.stringify(wire), shared: shared! };
  } else c = { text: recordJson(r), shared: NONE };
  compactCache.set(r, c);
  return c;
}
