import { NetdicomError } from '../transport/errors.js';
import type { EventId, StateId } from './upper-layer/state-table.js';

/** A local primitive issued in a state where PS3.8 Table 9-10 has no cell for it. Nothing was sent. */
export class InvalidPrimitiveError extends NetdicomError {
  constructor(
    readonly state: StateId | 'stopped',
    readonly event: EventId,
  ) {
    super('ERR_UL_INVALID_PRIMITIVE', `${event} is not allowed in ${state} (PS3.8 Table 9-10 has no cell); nothing was sent`);
  }
}
