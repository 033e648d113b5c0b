import { recordJson } from './wire.js';
export const DEFAULT_HIGH_WATER_MARK = 1024 * 1024;
export class ClientFeed {
    #socket;
    #high;
    #low;
    #now;
    #onSendError;
    /** Dropped since the last drop record was sent. */
    #pending = 0;
    #lastDroppedSeq = 0;
    /** Dropped over the client's lifetime. */
    droppedTotal = 0;
    sent = 0;
    constructor(socket, opts = {}) {
        this.#socket = socket;
        this.#high = opts.highWaterMark ?? DEFAULT_HIGH_WATER_MARK;
        this.#low = Math.floor(this.#high / 2);
        this.#now = opts.now ?? Date.now;
        this.#onSendError = opts.onSendError ?? (() => { });
    }
    /** Records dropped and not yet reported to the client. */
    get pendingDrops() {
        return this.#pending;
    }
    /** Sends `record`, or drops it while the client is behind. Use as a hub listener. */
    push = (record) => {
        const buffered = this.#socket.bufferedAmount;
        if (this.#pending > 0 ? buffered > this.#low : buffered > this.#high) {
            this.#pending++;
            this.droppedTotal++;
            this.#lastDroppedSeq = record.seq;
            return;
        }
        if (this.#pending > 0)
            this.#sendDropRecord();
        this.#send(recordJson(record));
    };
    #sendDropRecord() {
        const drop = { v: 1, seq: this.#lastDroppedSeq, ts: this.#now(), kind: 'drop', dropped: this.#pending };
        this.#pending = 0;
        this.#send(recordJson(drop));
    }
    #send(text) {
        this.sent++;
        try {
            this.#socket.send(text, this.#afterSend);
        }
        catch (err) {
            this.#onSendError(err);
        }
    }
    /** A write finished: if records were dropped and the buffer has drained, say so now rather than on the next record. */
    #afterSend = (err) => {
        if (err) {
            this.#onSendError(err);
            return;
        }
        if (this.#pending > 0 && this.#socket.bufferedAmount <= this.#low)
            this.#sendDropRecord();
    };
}
//# sourceMappingURL=client-feed.js.map