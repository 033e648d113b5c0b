import type { NaturalDataset } from '../dimse/dataset-codec.js';
import type { QueryModel } from '../scu/scu-association.js';
import { isUncompressed } from '../registry/uids.js';
/** A stored file the index knows. */
export interface IndexedFile {
    path: string;
    sopClassUid: string;
    sopInstanceUid: string;
    transferSyntaxUid: string;
}
/** What the Q/R services need of the index (services/query-retrieve/index-db.ts). */
export interface QueryIndex {
    /** C-FIND matches, each holding the requested keys. Throws an error with a DIMSE `status` for a bad query. */
    find(query: NaturalDataset, model: QueryModel): NaturalDataset[];
    /** The instances a C-GET/C-MOVE identifier selects. */
    instances(query: NaturalDataset, model: QueryModel): IndexedFile[];
}
/** The information model of a Q/R abstract syntax (PS3.4 C.6), or undefined. */
export declare function modelOf(abstractSyntax: string): QueryModel | undefined;
/**
 * What the three Q/R services share: the SOP classes of one operation in both
 * information models (FIND ends in .1, MOVE in .2, GET in .3), identifiers in
 * an uncompressed transfer syntax, kept whole in memory.
 */
export declare function qrServiceBase(op: 'find' | 'get' | 'move'): {
    serves: (uid: string) => boolean;
    acceptsTransferSyntax: typeof isUncompressed;
    dataset: 'buffer';
};
/** The DIMSE status an index error carries, or C000 (unable to process). */
export declare function statusOf(err: unknown): number;
