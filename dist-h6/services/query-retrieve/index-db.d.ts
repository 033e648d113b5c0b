import type { Logger } from 'pino';
import type { NaturalDataset } from '../dimse/dataset-codec.js';
import { type QueryModel } from './query-builder.js';
export { QueryError, QueryStatus, IndexFileError } from './errors.js';
export type { QueryModel } from './query-builder.js';
/** A stored file as C-GET/C-MOVE need it. */
export interface IndexedInstance {
    path: string;
    sopClassUid: string;
    sopInstanceUid: string;
    transferSyntaxUid: string;
}
/**
 * The Query/Retrieve index of `netdicom qrscp`: one SQLite database (WAL,
 * synchronous=NORMAL) of patients, studies, series and instances, filled
 * from the stored files and queried per PS3.4 Annex C (C.2.2 matching,
 * C.4 hierarchical search, C.6 Patient Root and Study Root).
 */
export declare class InstanceIndex {
    private readonly db;
    private readonly dbPath;
    private readonly log;
    private readonly retrieveAETitle?;
    private readonly upsert;
    /** Parent pk of a study, series or instance by its UID. */
    private readonly selectParent;
    private readonly deleteIfEmpty;
    private readonly selectParentOf;
    private readonly selectInstance;
    private readonly deleteInstance;
    private readonly selectPaths;
    private readonly countInstances;
    private readonly statements;
    private readonly warnedForms;
    private readonly insertRecord;
    private constructor();
    /**
     * Opens (creating if needed) the index at `dbPath`. A database of another
     * schema version is emptied and one that is not a database is moved aside
     * (`<dbPath>.corrupt-<time>`); `reconcile` then refills it from the files.
     * `retrieveAETitle`, when given, is returned in every C-FIND match.
     */
    static open(dbPath: string, log: Logger, retrieveAETitle?: string): InstanceIndex;
    private static prepareDb;
    /**
     * Indexes a stored file: reads its attributes (never the pixel data) and
     * upserts its patient, study, series and instance in one transaction; a
     * later copy of a SOP Instance replaces the earlier row. Synchronous, for
     * use before the C-STORE response. Throws IndexFileError for a file that
     * cannot be read or lacks Study/Series/SOP Instance UID.
     */
    add(inst: {
        path: string;
        sopClassUid: string;
        sopInstanceUid: string;
        transferSyntaxUid: string;
    }): void;
    private store;
    /** Deletes `pk` at `level` if it has no children, then its parent likewise. */
    private pruneUp;
    /** Removes an instance row and any series, study or patient it leaves empty. */
    private remove;
    /** Logs each DA/TM keyword's first non-conformant value once, by its shape (digits as n), not its value. */
    private warnNonConformant;
    /**
     * Brings the index in line with `dir` at start: regular files at its top
     * level (hidden names and the index's own files skipped) that the index
     * lacks are added; rows whose file is gone are removed, each logged at
     * warn. Files that cannot be indexed are logged and skipped, never thrown.
     */
    reconcile(dir: string): {
        added: number;
        missing: number;
    };
    /**
     * C-FIND: the matches of `query` (a naturalized identifier) in the
     * information model, each holding exactly the requested keys (unknown
     * ones zero-length) plus QueryRetrieveLevel, the level's unique key,
     * RetrieveAETitle when configured, and SpecificCharacterSet 'ISO_IR 192'
     * when a value is not ASCII. Throws QueryError (0xA900 for a bad level or
     * missing unique key, 0xC000 for values or failures it cannot process).
     */
    find(query: NaturalDataset, model: QueryModel): NaturalDataset[];
    /**
     * C-GET/C-MOVE: the instances under the entities the identifier matches,
     * by study, series and Instance Number. Same level rules and matching as
     * `find`; throws QueryError likewise.
     */
    instances(query: NaturalDataset, model: QueryModel): IndexedInstance[];
    /** Number of indexed instances. */
    count(): number;
    close(): void;
    private run;
}
