/**
 * One WebSocket client's record stream with slow-client protection: when more
 * than `highWaterMark` bytes wait in the socket's send buffer, records are
 * dropped (and counted) instead of queued without bound. Once the buffer has
 * drained to half the mark, the client gets one `{kind:'drop', dropped:N}`
 * record (seq = the last dropped record's seq) and the stream resumes.
 *
 * With `batch`, records are collected for up to `batchMs` (default 50 ms)
 * and go out as one JSON array per WebSocket message (at most ~64 KiB each):
 * a hundred busy associations then cost the server one socket write per
 * window instead of one per record, and the browser one message instead of
 * hundreds. While records stream fast (a window held at least
 * BUSY_RECORDS), the window is `busyBatchMs` (default 250 ms): each message
 * costs the browser a task and a few IPC hops, and a page that draws about
 * once a second then loses nothing. Queued bytes count against the
 * high-water mark like buffered ones.
 *
 * Knows nothing of `ws` beyond `bufferedAmount` and `send(data, cb)`, so tests
 * drive it with a fake socket.
 */
import type { DropRecord, InspectorRecord } from './protocol.js';
import { compactRecordJson, recordJson } from './wire.js';

export interface FeedSocket {
  /** Bytes queued but not yet written to the network. */
  readonly bufferedAmount: number;
  /** Queues `data`; `cb` runs once it is written (or failed). */
  send(data: string, cb?: (err?: Error) => void): void;
}

export interface ClientFeedOptions {
  /** Drop records while more than this many bytes are buffered. Default 1 MiB. */
  highWaterMark?: number;
  /** Clock for the drop record's ts. Default Date.now. */
  now?: () => number;
  /** A send failed (the socket is going away); the server closes it. */
  onSendError?: (err: Error) => void;
  /** Send records as JSON array messages, one per `batchMs` window. Default false (one record per message). */
  batch?: boolean;
  /** The batch window, ms. Default 50. */
  batchMs?: number;
  /** The batch window while records stream fast, ms. Default 250. */
  busyBatchMs?: number;
  /**
   * Send a value many records share (the contexts table of an A-ASSOCIATE-RQ/AC) once, as a
   * `shared` message, and refer to it as `{"$shared": id}` in the records (visualize/protocol.ts).
   * Default false.
   */
  shared?: boolean;
}

/** Shared values this client is known to hold; past this many the list restarts (the client keeps twice as many, see protocol.ts). */
export const SHARED_REMEMBERED = 256;

export const DEFAULT_BATCH_MS = 50;
export const DEFAULT_BUSY_BATCH_MS = 250;

/** A window that held this many records makes the next one `busyBatchMs` long. */
export const BUSY_RECORDS = 10;

/** A batch is sent at once when it reaches this many bytes. */
const BATCH_BYTES = 64 * 1024;

export const DEFAULT_HIGH_WATER_MARK = 1024 * 1024;

export class ClientFeed {
  readonly #socket: FeedSocket;
  readonly #high: number;
  readonly #low: number;
  readonly #now: () => number;
  readonly #onSendError: (err: Error) => void;
  /** Dropped since the last drop record was sent. */
  #pending = 0;
  #lastDroppedSeq = 0;
  readonly #batch: boolean;
  readonly #batchMs: number;
  readonly #busyBatchMs: number;
  /** The current window: batchMs, or busyBatchMs after a busy one. */
  #windowMs: number;
  readonly #shared: boolean;
  /** Ids of the shared values sent to this client. */
  readonly #sharedSent = new Set<number>();
  #queue: string[] = [];
  #queuedBytes = 0;
  #flushScheduled = false;
  /** Dropped over the client's lifetime. */
  droppedTotal = 0;
  sent = 0;

  constructor(socket: FeedSocket, opts: ClientFeedOptions = {}) {
    this.#socket = socket;
    this.#high = opts.highWaterMark ?? DEFAULT_HIGH_WATER_MARK;
    this.#low = Math.floor(this.#high / 2);
    this.#now = opts.now ?? Date.now;
    this.#onSendError = opts.onSendError ?? (() => {});
    this.#batch = opts.batch === true;
    this.#batchMs = opts.batchMs ?? DEFAULT_BATCH_MS;
    this.#busyBatchMs = Math.max(this.#batchMs, opts.busyBatchMs ?? DEFAULT_BUSY_BATCH_MS);
    this.#windowMs = this.#batchMs;
    this.#shared = opts.shared === true;
  }

  /** Records dropped and not yet reported to the client. */
  get pendingDrops(): number {
    return this.#pending;
  }

  /** Sends `record`, or drops it while the client is behind. Use as a hub listener. */
  readonly push = (record: InspectorRecord): void => {
    const buffered = this.#socket.bufferedAmount + this.#queuedBytes;
    if (this.#pending > 0 ? buffered > this.#low : buffered > this.#high) {
      this.#pending++;
      this.droppedTotal++;
      this.#lastDroppedSeq = record.seq;
      return;
    }
    if (this.#pending > 0) this.#sendDropRecord();
    if (!this.#shared) return this.#send(recordJson(record));
    const { text, shared } = compactRecordJson(record);
    for (const s of shared) {
      if (this.#sharedSent.has(s.id)) continue;
      if (this.#sharedSent.size >= SHARED_REMEMBERED) this.#sharedSent.clear();
      this.#sharedSent.add(s.id);
      this.#send(s.json);
    }
    this.#send(text);
  };

  #sendDropRecord(): void {
    const drop: DropRecord = { v: 1, seq: this.#lastDroppedSeq, ts: this.#now(), kind: 'drop', dropped: this.#pending };
    this.#pending = 0;
    this.#send(recordJson(drop));
  }

  #send(text: string): void {
    if (this.#batch) return this.#enqueue(text);
    this.#write(text);
  }

  #enqueue(text: string): void {
    this.#queue.push(text);
    this.#queuedBytes += text.length + 1;
    if (this.#queuedBytes >= BATCH_BYTES) this.#flush();
    else if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      setTimeout(this.#flush, this.#windowMs).unref();
    }
  }

  readonly #flush = (): void => {
    this.#flushScheduled = false;
    if (this.#queue.length === 0) {
      this.#windowMs = this.#batchMs;
      return;
    }
    this.#windowMs = this.#queue.length >= BUSY_RECORDS ? this.#busyBatchMs : this.#batchMs;
    const text = `[${this.#queue.join(',')}]`;
    this.#queue = [];
    this.#queuedBytes = 0;
    this.#write(text);
  };

  #write(text: string): void {
    this.sent++;
    try {
      this.#socket.send(text, this.#afterSend);
    } catch (err) {
      this.#onSendError(err as Error);
    }
  }

  /** A write finished: if records were dropped and the buffer has drained, say so now rather than on the next record. */
  readonly #afterSend = (err?: Error): void => {
    if (err) {
      this.#onSendError(err);
      return;
    }
    if (this.#pending > 0 && this.#socket.bufferedAmount <= this.#low) this.#sendDropRecord();
  };
}
