/**
 * Inspector records → the JSON text sent to clients. Every field is copied by
 * name (see protocol.ts), so nothing else that rides on a record object — a
 * Buffer, a socket, an XState snapshot — can reach the wire. `detail` on PDU
 * records is copied as plain data only: strings, finite numbers, booleans,
 * arrays and plain objects to a fixed depth; binary data becomes its length.
 */
import type { InspectorRecord } from './protocol.js';
/** A JSON-safe copy of `value` bounded in depth, width and string length. */
export declare function plainData(value: unknown, depth?: number): unknown;
/** The wire object for one record: the fields protocol.ts names for its kind, nothing else. */
export declare function toWire(r: InspectorRecord): Record<string, unknown>;
/** JSON text of a record, computed once per record however many clients receive it. */
export declare function recordJson(r: InspectorRecord): string;
