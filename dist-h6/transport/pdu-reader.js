import { PduDecodeError } from './errors.js';
import { PduFramer } from './framer.js';
import { decodePdu } from './pdu-codec.js';
/**
 * Socket bytes → Upper Layer events (Evt3/4/6/10/12/13/16/19). Runs of
 * P-DATA-TF PDUs within one read become one Evt10 carrying all of them, so the
 * machine runs once per read, not once per PDU. After an invalid PDU (Evt19)
 * nothing more is read from the peer.
 */
const EMPTY = Buffer.alloc(0);
export class PduReader {
    onPdu;
    framer;
    failed = false;
    constructor(limits, 
    /** Told of every decoded PDU (inspector, logs) with its size in bytes. */
    onPdu) {
        this.onPdu = onPdu;
        this.framer = new PduFramer(limits);
    }
    /** True when a partial PDU is waiting for more bytes. */
    get midPdu() {
        return !this.framer.idle;
    }
    push(chunk) {
        if (this.failed)
            return [];
        const events = [];
        let batch = [];
        let batchBytes = 0;
        const flush = () => {
            if (batch.length === 0)
                return;
            events.push({ type: 'Evt10', pdus: batch, bytes: batchBytes });
            batch = [];
            batchBytes = 0;
        };
        try {
            const raws = this.framer.push(chunk);
            for (const raw of raws) {
                const pdu = decodePdu(raw.bytes);
                this.onPdu(pdu, raw.bytes.length);
                if (pdu.type === 'P-DATA-TF') {
                    batch.push(pdu);
                    batchBytes += raw.bytes.length;
                    continue;
                }
                flush();
                events.push(eventOf(pdu));
            }
            flush();
            this.framer.push(EMPTY); // throws a header error found after the PDUs above
        }
        catch (err) {
            if (!(err instanceof PduDecodeError))
                throw err;
            flush();
            this.failed = true;
            events.push({ type: 'Evt19', error: err });
        }
        return events;
    }
}
function eventOf(pdu) {
    switch (pdu.type) {
        case 'A-ASSOCIATE-RQ': return { type: 'Evt6', pdu };
        case 'A-ASSOCIATE-AC': return { type: 'Evt3', pdu };
        case 'A-ASSOCIATE-RJ': return { type: 'Evt4', pdu };
        case 'A-RELEASE-RQ': return { type: 'Evt12' };
        case 'A-RELEASE-RP': return { type: 'Evt13' };
        case 'A-ABORT': return { type: 'Evt16', pdu };
    }
}
//# sourceMappingURL=pdu-reader.js.map