import type { InspectorHub } from '../../visualize/hub.js';
import type { RecordBody } from '../../visualize/protocol.js';
/** What the inspector publishes for one acceptor association that stores `n` CT images and releases. */
export declare function storeAssociation(i: number, n: number): RecordBody[];
/** Records of `streams` published round-robin, `perTick` at a time every `tickMs`, so the associations overlap. */
export declare function interleave(hub: InspectorHub, streams: RecordBody[][], perTick: number, tickMs: number): Promise<number>;
