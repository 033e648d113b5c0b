import type { InspectionEvent } from 'xstate';
import type { Logger } from 'pino';
import type { Association } from '../../machines/association.js';
import type { Indication } from '../../machines/upper-layer/events.js';
import { type DimseObserver } from '../dimse/provider.js';
import type { DimseService } from '../dimse/service.js';
import { type AcceptorPolicy } from './negotiate.js';
import { type UserIdentityPolicy } from './user-identity.js';
export interface AcceptorOptions {
    policy: AcceptorPolicy;
    services: readonly DimseService[];
    maxCommandBytes: number;
    maxBufferedDataset: number;
    log: Logger;
    inspect?: (ev: InspectionEvent) => void;
    dimseObserver?: (assoc: Association) => DimseObserver | undefined;
    /** Extra admission check before negotiation (e.g. the association limit); returns an A-ASSOCIATE-RJ reason or null. */
    admit?: () => {
        result: number;
        source: number;
        reason: number;
        why: string;
    } | null;
    /** User Identity check (PS3.7 D.3.3.7), run after the AE title checks; may be async. Refusal: A-ASSOCIATE-RJ 1/1/1. */
    userIdentity?: UserIdentityPolicy;
    /** Established associations where no byte comes or goes for this long (ms) are aborted. 0 or absent: never. */
    networkTimeoutMs?: number;
}
/**
 * The local user of an acceptor association: answers A-ASSOCIATE indications
 * with Evt7/Evt8 from the ACSE negotiation, runs DIMSE once established, and
 * answers A-RELEASE indications with Evt14. The User Identity check may be
 * async: the association waits in Sta3 (other associations go on), and the
 * answer is dropped if the association ended meanwhile.
 */
export declare function acceptorUser(getAssoc: () => Association, o: AcceptorOptions): (ind: Indication) => void;
