import type { UpperLayerEvent } from '../machines/upper-layer/events.js';
import { type FramerLimits } from './framer.js';
import type { Pdu } from './pdu-types.js';
export declare class PduReader {
    /** Told of every decoded PDU (inspector, logs) with its size in bytes. */
    private readonly onPdu;
    private readonly framer;
    private failed;
    constructor(limits: FramerLimits, 
    /** Told of every decoded PDU (inspector, logs) with its size in bytes. */
    onPdu: (pdu: Pdu, len: number) => void);
    /** True when a partial PDU is waiting for more bytes. */
    get midPdu(): boolean;
    push(chunk: Buffer): UpperLayerEvent[];
}
