/**
 * One WebSocket client's record stream with slow-client protection: when more
 * than `highWaterMark` bytes wait in the socket's send buffer, records are
 * dropped (and counted) instead of queued without bound. Once the buffer has
 * drained to half the mark, the client gets one `{kind:'drop', dropped:N}`
 * record (seq = the last dropped record's seq) and the stream resumes.
 *
 * Knows nothing of `ws` beyond `bufferedAmount` and `send(data, cb)`, so tests
 * drive it with a fake socket.
 */
import type { InspectorRecord } from './protocol.js';
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
}
export declare const DEFAULT_HIGH_WATER_MARK: number;
export declare class ClientFeed {
    #private;
    /** Dropped over the client's lifetime. */
    droppedTotal: number;
    sent: number;
    constructor(socket: FeedSocket, opts?: ClientFeedOptions);
    /** Records dropped and not yet reported to the client. */
    get pendingDrops(): number;
    /** Sends `record`, or drops it while the client is behind. Use as a hub listener. */
    readonly push: (record: InspectorRecord) => void;
}
