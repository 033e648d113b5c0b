import { NetdicomError } from '../transport/errors.js';
/** A local primitive issued in a state where PS3.8 Table 9-10 has no cell for it. Nothing was sent. */
export class InvalidPrimitiveError extends NetdicomError {
    state;
    event;
    constructor(state, event) {
        super('ERR_UL_INVALID_PRIMITIVE', `${event} is not allowed in ${state} (PS3.8 Table 9-10 has no cell); nothing was sent`);
        this.state = state;
        this.event = event;
    }
}
//# sourceMappingURL=errors.js.map