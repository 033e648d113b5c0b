import type { DimseService } from '../dimse/service.js';
import type { ProposedContext } from '../scu/client-association.js';
import type { ScuAssociation } from '../scu/scu-association.js';
import { type QueryIndex } from './query-service.js';
export interface MoveDestination {
    host: string;
    port: number;
}
export interface MoveScpOptions {
    index: QueryIndex;
    /** Move destination table: AE title → address. */
    destinations: ReadonlyMap<string, MoveDestination>;
    /** Opens the sub-association to a destination (the AE's `associate`). */
    associate(dest: MoveDestination & {
        calledAETitle: string;
    }, contexts: ProposedContext[]): Promise<ScuAssociation>;
}
/**
 * C-MOVE SCP, PS3.4 C.4.2: looks up the Move Destination in the table (an
 * unknown one gets A801 and a log line naming it), opens a sub-association to
 * it and sends each matching instance with C-STORE (Move Originator set),
 * with Pending responses carrying the counts; C-CANCEL stops with Cancel.
 */
export declare function cMoveScp(o: MoveScpOptions): DimseService;
