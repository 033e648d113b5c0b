import { NetdicomError } from '../transport/errors.js';
import type { EventId, StateId } from './upper-layer/state-table.js';
/** A local primitive issued in a state where PS3.8 Table 9-10 has no cell for it. Nothing was sent. */
export declare class InvalidPrimitiveError extends NetdicomError {
    readonly state: StateId | 'stopped';
    readonly event: EventId;
    constructor(state: StateId | 'stopped', event: EventId);
}
