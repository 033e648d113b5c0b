import { AbortReason, PduDecodeError, PduTooLargeError } from './errors.js';
import { PDU_HEADER } from './pdu-codec.js';
import { PduType } from './pdu-types.js';
/** Default cap on non-P-DATA PDUs: 1 MiB. */
export const DEFAULT_MAX_OTHER_PDU = 1 << 20;
/** First buffer for a PDU that spans reads, bytes (unless the PDU is smaller). */
const PARTIAL_MIN = 64 << 10;
/**
 * Turns a TCP byte stream into whole PDUs. The only code that sees partial
 * reads: a PDU inside one read is a view (no copy); one that spans reads is
 * copied into a buffer that grows with the bytes actually received (at most
 * 4 × those bytes, or 64 KiB), never to the announced length up front: a
 * header that announces 1 MiB and is followed by nothing costs 64 KiB, not
 * 1 MiB. The header is checked against the limits before anything else.
 *
 * `push` returns the PDUs completed by this read, or throws PduDecodeError
 * (unknown type, length over the limit). PDUs before a bad header in the same
 * read are returned first and the error is thrown by the next `push` (an
 * empty chunk will do). After a throw the framer is unusable.
 */
export class PduFramer {
    limits;
    pending = null; // partial PDU being filled, capacity ≤ pendingTotal
    pendingTotal = 0; // its length from the (checked) header
    filled = 0;
    head = null; // fewer than 6 header bytes so far
    failure = null;
    constructor(limits) {
        this.limits = limits;
    }
    push(chunk) {
        if (this.failure)
            throw this.failure;
        const out = [];
        let pos = 0;
        if (this.head) {
            chunk = Buffer.concat([this.head, chunk]);
            this.head = null;
        }
        if (this.pending) {
            const n = Math.min(this.pendingTotal - this.filled, chunk.length);
            this.reserve(this.filled + n);
            chunk.copy(this.pending, this.filled, 0, n);
            this.filled += n;
            pos = n;
            if (this.filled < this.pendingTotal)
                return out;
            out.push({ type: this.pending[0], bytes: this.pending });
            this.pending = null;
        }
        while (pos < chunk.length) {
            if (chunk.length - pos < PDU_HEADER) {
                this.head = Buffer.from(chunk.subarray(pos));
                break;
            }
            const type = chunk[pos];
            const len = chunk.readUInt32BE(pos + 2);
            try {
                this.check(type, len);
            }
            catch (err) {
                // PDUs framed before the bad header still count: deliver them now, throw on the next push.
                if (out.length === 0)
                    throw err;
                this.failure = err;
                return out;
            }
            const total = PDU_HEADER + len;
            if (chunk.length - pos >= total) {
                out.push({ type, bytes: chunk.subarray(pos, pos + total) });
                pos += total;
            }
            else {
                this.pendingTotal = total;
                this.pending = Buffer.allocUnsafe(this.capacityFor(chunk.length - pos));
                this.filled = chunk.copy(this.pending, 0, pos);
                break;
            }
        }
        return out;
    }
    /** True when no partial PDU is buffered. */
    get idle() {
        return this.pending === null && this.head === null;
    }
    /** Capacity for a partial PDU holding `have` bytes: 4 × have (at least 64 KiB), never more than its total. */
    capacityFor(have) {
        return Math.min(this.pendingTotal, Math.max(PARTIAL_MIN, 4 * have));
    }
    /** Grows the partial PDU's buffer to hold `need` bytes (one copy of what it holds). */
    reserve(need) {
        if (need <= this.pending.length)
            return;
        const next = Buffer.allocUnsafe(Math.max(need, this.capacityFor(need)));
        this.pending.copy(next, 0, 0, this.filled);
        this.pending = next;
    }
    check(type, len) {
        if (type < PduType.AssociateRq || type > PduType.Abort) {
            throw new PduDecodeError('ERR_PDU_UNRECOGNIZED', `unrecognized PDU type 0x${type.toString(16).padStart(2, '0')}`, AbortReason.UnrecognizedPdu);
        }
        const max = type === PduType.PDataTf ? this.limits.maxPDataLength : this.limits.maxOtherLength;
        if (len > max)
            throw new PduTooLargeError(type, len, max);
    }
}
//# sourceMappingURL=framer.js.map