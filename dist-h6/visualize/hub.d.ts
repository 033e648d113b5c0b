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
export declare const DEFAULT_BACKLOG = 2000;
export declare class InspectorHub {
    #private;
    constructor(opts?: InspectorHubOptions);
    /** Stamps `body` with v:1, the next process-wide seq and ts = now(), keeps it in the backlog and delivers it. Never throws because of a listener. */
    publish(body: RecordBody): void;
    /**
     * Replays the backlog to `fn` (oldest first), synchronously, then delivers every
     * later record as it is published. Returns the unsubscribe function.
     */
    subscribe(fn: RecordListener): () => void;
    /** The backlog, oldest first (a copy). */
    backlog(): InspectorRecord[];
    get listenerCount(): number;
}
