import type { Part10Info } from '../storage/part10-reader.js';
import { type NaturalDataset } from '../dimse/dataset-codec.js';
import type { ClientAssociation } from './client-association.js';
/** Query/Retrieve information model: Patient Root or Study Root (PS3.4 C.6). */
export type QueryModel = 'patient' | 'study';
export declare const MODELS: {
    readonly patient: {
        readonly find: "1.2.840.10008.5.1.4.1.2.1.1";
        readonly get: "1.2.840.10008.5.1.4.1.2.1.3";
        readonly move: "1.2.840.10008.5.1.4.1.2.1.2";
    };
    readonly study: {
        readonly find: "1.2.840.10008.5.1.4.1.2.2.1";
        readonly get: "1.2.840.10008.5.1.4.1.2.2.3";
        readonly move: "1.2.840.10008.5.1.4.1.2.2.2";
    };
};
/** Sub-operation counts of C-GET/C-MOVE responses, PS3.7 §9.1.3–9.1.4. */
export interface SubOperations {
    remaining?: number;
    completed: number;
    failed: number;
    warning: number;
}
export interface CFindResult {
    status: number;
    /** The matching identifier of a Pending response. */
    identifier?: NaturalDataset;
}
export interface RetrieveResult {
    status: number;
    counts: SubOperations;
    /** Failed SOP Instance UID list of the final response, if any. */
    failedInstances?: string[];
}
/**
 * An established association with the DIMSE-C operations as methods (the
 * pynetdicom model): cEcho, cStore, cFind, cGet, cMove, release, abort.
 * Each throws AssociationAbortedError or TimeoutError when the association
 * fails under it; a DIMSE failure is a returned status, not a throw.
 */
export declare class ScuAssociation {
    readonly client: ClientAssociation;
    constructor(client: ClientAssociation);
    /** C-ECHO (PS3.7 §9.1.5). Resolves to the status (0 = success). */
    cEcho(): Promise<number>;
    /**
     * C-STORE of a file (PS3.7 §9.1.1), sent from disk without decoding when
     * its transfer syntax was accepted, else transcoded between uncompressed
     * syntaxes. Resolves to the status. Throws NoPresentationContextError.
     */
    cStore(file: Part10Info, opts?: {
        moveOriginator?: {
            aeTitle: string;
            messageId: number;
        };
    }): Promise<{
        status: number;
        transcoded: boolean;
    }>;
    /** C-FIND (PS3.7 §9.1.2): yields each Pending match, then the final status. */
    cFind(query: NaturalDataset, model?: QueryModel): AsyncGenerator<CFindResult>;
    /**
     * C-GET (PS3.7 §9.1.3): the peer sends the matches back as C-STORE
     * sub-operations on this association, answered by the AE's storage
     * service. Yields each response's status and counts; the last is final.
     */
    cGet(query: NaturalDataset, model?: QueryModel): AsyncGenerator<RetrieveResult>;
    /** C-MOVE (PS3.7 §9.1.4) to `destination` (an AE title the peer knows). Yields each response. */
    cMove(query: NaturalDataset, destination: string, model?: QueryModel): AsyncGenerator<RetrieveResult>;
    /** The Message ID of the last request sent (for C-CANCEL). */
    get lastMessageId(): number;
    private lastId;
    /** C-CANCEL of the outstanding C-FIND/C-GET/C-MOVE with this Message ID. */
    cancel(model: QueryModel, kind: 'find' | 'get' | 'move', messageId: number): void;
    release(): Promise<void>;
    abort(): Promise<void>;
    private retrieve;
    private final;
    private requireContext;
}
