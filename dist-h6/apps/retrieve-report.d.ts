import type { RetrieveResult } from '../services/scu/scu-association.js';
/** Follows C-GET/C-MOVE responses; returns the exit code (0 only for a final Success with no failed sub-operation). */
export declare function reportRetrieve(app: string, responses: AsyncIterable<RetrieveResult>, log: {
    info(o: object, m: string): void;
}): Promise<number>;
