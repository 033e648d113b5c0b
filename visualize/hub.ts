/**
 * The inspector hub: the one place association code publishes inspector
 * records to. It stamps each record (v, seq, ts), keeps a bounded backlog that
 * is replayed to each new subscriber, and fans records out synchronously.
 *
 * publish() sits on the association's hot path: it allocates the stamped
 * record, writes it into a ring buffer and calls the subscribers, nothing
 * else. No serialisation happens here; subscribers (the WebSocket server)
 * serialise only when a client is connected.
 */
import type { InspectorRecord, RecordBody } from './protocol.js';

export type RecordListener = (record: InspectorRecord) => void;

export interface InspectorHubOptions {
  /** Clock for `ts`, ms since the epoch. Default Date.now. */
  now?: () => number;
  /** Records kept for replay to new subscribers; the oldest are dropped first. Default 2000. */
  backlog?: number;
  /** Called when a subscriber throws; that subscriber is removed. Default: process.emitWarning. */
  onListenerError?: (err: unknown) => void;
}

export const DEFAULT_BACKLOG = 2000;

/** Process-wide, so records from several hubs in one process still order by seq. */
let lastSeq = 0;

export class InspectorHub {
  readonly #now: () => number;
  readonly #ring: (InspectorRecord | undefined)[];
  /** Index of the oldest record in #ring. */
  #head = 0;
  #size = 0;
  readonly #listeners = new Set<RecordListener>();
  readonly #onListenerError: (err: unknown) => void;

  constructor(opts: InspectorHubOptions = {}) {
    const backlog = opts.backlog ?? DEFAULT_BACKLOG;
    if (!Number.isInteger(backlog) || backlog < 0) throw new RangeError(`InspectorHub: backlog must be an integer ≥ 0, got ${backlog}`);
    this.#now = opts.now ?? Date.now;
    this.#ring = new Array<InspectorRecord | undefined>(backlog);
    this.#onListenerError =
      opts.onListenerError ?? ((err) => process.emitWarning(`inspector listener threw and was removed: ${String(err)}`, 'InspectorHubWarning'));
  }

  /** Stamps `body` with v:1, the next process-wide seq and ts = now(), keeps it in the backlog and delivers it. Never throws because of a listener. */
  publish(body: RecordBody): void {
    const record = { ...body, v: 1, seq: ++lastSeq, ts: this.#now() } as InspectorRecord;
    const cap = this.#ring.length;
    if (cap > 0) {
      if (this.#size < cap) {
        this.#ring[(this.#head + this.#size) % cap] = record;
        this.#size++;
      } else {
        this.#ring[this.#head] = record;
        this.#head = (this.#head + 1) % cap;
      }
    }
    if (this.#listeners.size === 0) return;
    for (const fn of this.#listeners) this.#deliver(fn, record);
  }

  /**
   * Replays the backlog to `fn` (oldest first), synchronously, then delivers every
   * later record as it is published. Returns the unsubscribe function.
   */
  subscribe(fn: RecordListener): () => void {
    const cap = this.#ring.length;
    for (let i = 0; i < this.#size; i++) {
      if (!this.#deliver(fn, this.#ring[(this.#head + i) % cap]!)) return () => {};
    }
    this.#listeners.add(fn);
    return () => {
      this.#listeners.delete(fn);
    };
  }

  /** The backlog, oldest first (a copy). */
  backlog(): InspectorRecord[] {
    const cap = this.#ring.length;
    const out: InspectorRecord[] = [];
    for (let i = 0; i < this.#size; i++) out.push(this.#ring[(this.#head + i) % cap]!);
    return out;
  }

  get listenerCount(): number {
    return this.#listeners.size;
  }

  #deliver(fn: RecordListener, record: InspectorRecord): boolean {
    try {
      fn(record);
      return true;
    } catch (err) {
      this.#listeners.delete(fn);
      this.#onListenerError(err);
      return false;
    }
  }
}
