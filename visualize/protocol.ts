/**
 * The inspector's wire schema: one JSON object per WebSocket text message at
 * ws://HOST:PORT/inspect (with `?batch=1`, as the page asks: one JSON array of
 * records per message, a batch per ~50 ms, ~250 ms while records stream fast; with `?shared=1`, also as the page asks,
 * see SharedValue). Records are built field by field
 * (never by stringifying XState events or Buffers), so this file is the whole
 * contract between the server and any page or tool that watches it.
 */
import type { ActionId, EventId, StateId } from '../machines/upper-layer/state-table.js';

interface Base {
  v: 1;
  /** Monotonic per server process; a gap means records were dropped for this client. */
  seq: number;
  /** ms since the epoch. */
  ts: number;
  /** Association id, e.g. "assoc-17"; absent on server-wide records. */
  assoc?: string;
}

/**
 * An association actor started (status "active"), learned its AE titles from the
 * A-ASSOCIATE-RQ (a second "active" record: fields update the first), or ended
 * (status "done", with how, socket bytes and the DIMSE message count).
 */
export interface ActorRecord extends Base {
  kind: 'actor';
  role: 'acceptor' | 'requestor';
  status: 'active' | 'done';
  /** Peer address as host:port. */
  peer: string;
  /**
   * How it ended, when status is "done": "release"; "A-ASSOCIATE-RJ sent|received: <result>, <source>,
   * <reason>" (PS3.8 Table 9-21); "A-ABORT sent|received: source …, reason …" (Table 9-26);
   * "transport closed"; "A-P-ABORT: …".
   */
  ending?: string;
  callingAE?: string;
  calledAE?: string;
  /** Bytes received and sent on the socket so far. */
  bytesIn?: number;
  bytesOut?: number;
  dimseMessages?: number;
}

/** One Upper Layer transition: Table 9-10 cell taken. Self-transitions of P-DATA may be folded into "stats". */
export interface TransitionRecord extends Base {
  kind: 'transition';
  from: StateId;
  to: StateId;
  evt: EventId;
  acts: ActionId[];
}

/** One PDU in or out, with a decoded one-line summary (never data set values or passwords). */
export interface PduRecord extends Base {
  kind: 'pdu';
  dir: 'in' | 'out';
  pduType: string;
  /** PDU length in bytes including the 6-byte header. */
  len: number;
  summary: string;
  /** Structured details for A-ASSOCIATE-RQ/AC/RJ and A-ABORT; see visualize/pdu-summary.ts. */
  detail?: Record<string, unknown>;
}

/**
 * One DIMSE message in or out, published once the P-DATA that carries it is
 * complete (the last data set fragment, or the command's when it has no data set).
 */
export interface DimseRecord extends Base {
  kind: 'dimse';
  dir: 'in' | 'out';
  command: string; // "C-STORE-RQ"
  messageId: number;
  sopClass?: string; // name, or UID when unknown
  status?: string; // "0000 Success"
  /** Bytes of the data set that went with it, if any. */
  datasetBytes?: number;
  /** P-DATA-TF PDUs that carried the message, and their bytes including PDU headers. */
  pdus?: number;
  pduBytes?: number;
  /** The association ended before the message's last fragment. */
  incomplete?: boolean;
  /** Other command fields in words (Message ID Being Responded To, Priority, sub-operation counts…). */
  summary: string;
}

/** Aggregated P-DATA traffic (both directions) since the previous stats record of this association. */
export interface StatsRecord extends Base {
  kind: 'stats';
  pdus: number;
  bytes: number;
}

/**
 * Records the server itself emits: how many records a slow client missed. Sent once the
 * client's send buffer has drained; seq is that of the last record dropped.
 */
export interface DropRecord extends Base {
  kind: 'drop';
  dropped: number;
}

export interface ErrorRecord extends Base {
  kind: 'error';
  error: { name: string; message: string; code?: string };
}

export type InspectorRecord =
  | ActorRecord
  | TransitionRecord
  | PduRecord
  | DimseRecord
  | StatsRecord
  | DropRecord
  | ErrorRecord;

/**
 * Not a record (no v, seq or ts; not counted): with `?shared=1`, a value many records carry
 * — today the `contexts` table of an A-ASSOCIATE-RQ/AC `detail`, ~25 KB of JSON when a
 * peer proposes 128 contexts, and the same for every peer of one kind. It is sent once,
 * just before the first record that refers to it; records then carry `{"$shared": id}` in
 * its place. A client keeps at least the last 512 values it received (the server re-sends
 * a value after it has sent 256 others), and forgets them when it reconnects.
 */
export interface SharedValue {
  kind: 'shared';
  id: number;
  value: unknown;
}

/** A record before the hub stamps v/seq/ts on it. */
export type RecordBody = InspectorRecord extends infer R ? (R extends InspectorRecord ? Omit<R, 'v' | 'seq' | 'ts'> : never) : never;

/**
 * One association's timeline as the page exports it (a .json file): the records
 * it received for that association, in order, as they came over the wire.
 */
export interface TimelineExport {
  format: 'netdicom-inspector-timeline';
  v: 1;
  /** When and where from it was exported (ISO time; the page's URL). */
  exportedAt: string;
  source: string;
  assoc: string;
  records: InspectorRecord[];
}
