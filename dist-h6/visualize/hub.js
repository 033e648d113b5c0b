export const DEFAULT_BACKLOG = 2000;
/** Process-wide, so records from several hubs in one process still order by seq. */
let lastSeq = 0;
export class InspectorHub {
    #now;
    #ring;
    /** Index of the oldest record in #ring. */
    #head = 0;
    #size = 0;
    #listeners = new Set();
    #onListenerError;
    constructor(opts = {}) {
        const backlog = opts.backlog ?? DEFAULT_BACKLOG;
        if (!Number.isInteger(backlog) || backlog < 0)
            throw new RangeError(`InspectorHub: backlog must be an integer ≥ 0, got ${backlog}`);
        this.#now = opts.now ?? Date.now;
        this.#ring = new Array(backlog);
        this.#onListenerError =
            opts.onListenerError ?? ((err) => process.emitWarning(`inspector listener threw and was removed: ${String(err)}`, 'InspectorHubWarning'));
    }
    /** Stamps `body` with v:1, the next process-wide seq and ts = now(), keeps it in the backlog and delivers it. Never throws because of a listener. */
    publish(body) {
        const record = { ...body, v: 1, seq: ++lastSeq, ts: this.#now() };
        const cap = this.#ring.length;
        if (cap > 0) {
            if (this.#size < cap) {
                this.#ring[(this.#head + this.#size) % cap] = record;
                this.#size++;
            }
            else {
                this.#ring[this.#head] = record;
                this.#head = (this.#head + 1) % cap;
            }
        }
        if (this.#listeners.size === 0)
            return;
        for (const fn of this.#listeners)
            this.#deliver(fn, record);
    }
    /**
     * Replays the backlog to `fn` (oldest first), synchronously, then delivers every
     * later record as it is published. Returns the unsubscribe function.
     */
    subscribe(fn) {
        const cap = this.#ring.length;
        for (let i = 0; i < this.#size; i++) {
            if (!this.#deliver(fn, this.#ring[(this.#head + i) % cap]))
                return () => { };
        }
        this.#listeners.add(fn);
        return () => {
            this.#listeners.delete(fn);
        };
    }
    /** The backlog, oldest first (a copy). */
    backlog() {
        const cap = this.#ring.length;
        const out = [];
        for (let i = 0; i < this.#size; i++)
            out.push(this.#ring[(this.#head + i) % cap]);
        return out;
    }
    get listenerCount() {
        return this.#listeners.size;
    }
    #deliver(fn, record) {
        try {
            fn(record);
            return true;
        }
        catch (err) {
            this.#listeners.delete(fn);
            this.#onListenerError(err);
            return false;
        }
    }
}
//# sourceMappingURL=hub.js.map