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

/** The wire object for one record: the fields protocol.ts names for its kind, nothing else. */
export function toWire(r: InspectorRecord): Record<string, unknown> {
  const base = { v: r.v, seq: r.seq, ts: r.ts, kind: r.kind, assoc: r.assoc };
  switch (r.kind) {
    case 'actor':
      return {
        ...base,
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
      return { ...base, from: r.from, to: r.to, evt: r.evt, acts: [...r.acts] };
    case 'pdu':
      return { ...base, dir: r.dir, pduType: r.pduType, len: r.len, summary: r.summary, detail: r.detail === undefined ? undefined : PLAIN.has(r.detail) ? r.detail : plainData(r.detail) };
    case 'dimse':
      return {
        ...base,
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
      return { ...base, pdus: r.pdus, bytes: r.bytes };
    case 'drop':
      return { ...base, dropped: r.dropped };
    case 'error':
      return { ...base, error: { name: String(r.error.name), message: String(r.error.message), code: r.error.code === undefined ? undefined : String(r.error.code) } };
    default: {
      const unknown = r as { kind?: unknown };
      return { ...base, kind: 'error', error: { name: 'InspectorError', message: `unknown record kind ${String(unknown.kind)}` } };
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
