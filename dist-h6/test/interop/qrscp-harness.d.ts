import { type CliProcess, type RunResult } from '../helpers/dcmtk.js';
/** dcmtk options that keep a stuck peer from stalling a test. */
export declare const SCU: string[];
/** The dcmtk tools every qrscp interop test needs; false (test skipped) when one is missing off CI. */
export declare function haveDcmtk(extra?: readonly string[]): boolean;
export declare const TS_UNCOMPRESSED: ReadonlySet<string>;
/** Every valid sample, sorted. */
export declare function validSamples(): Promise<string[]>;
/** The attributes a sample's expected answers depend on: keyword → value ('' when absent or empty). */
export interface Sample {
    file: string;
    name: string;
    TransferSyntaxUID: string;
    PatientID: string;
    PatientName: string;
    PatientBirthDate: string;
    PatientSex: string;
    StudyInstanceUID: string;
    StudyDate: string;
    StudyID: string;
    AccessionNumber: string;
    SeriesInstanceUID: string;
    Modality: string;
    SeriesNumber: string;
    SOPInstanceUID: string;
    SOPClassUID: string;
    InstanceNumber: string;
}
/** Reads the samples' attributes with dcmdump (one run for all files). */
export declare function readSamples(files: readonly string[]): Promise<Sample[]>;
/** A running server: its port and how to stop it. */
export interface Server {
    port: number;
    stop(): Promise<unknown>;
    output(): string;
}
/**
 * `netdicom qrscp PORT -aet NETDICOM -od DIR -ba 127.0.0.1 ...extra`, ready
 * once dcmtk echoscu gets a C-ECHO success.
 */
export interface QrServer extends Server {
    cli: CliProcess;
    dir: string;
    /** SIGTERM, then waits for the exit (SIGKILL after 5 s: `forced`). */
    stop: CliProcess['stop'];
}
export declare function startQrscp(dir: string, extra?: readonly string[], port?: number): Promise<QrServer>;
/** A dcmtk server (storescp, dcmqrscp): spawned with TCP_NODELAY=1, ready once echoscu succeeds. */
export declare function startDcmtk(cmd: string, args: readonly string[], port: number, aec: string): Promise<Server>;
/** dcmtk storescp accepting every transfer syntax (+xa), writing into `dir`. */
export declare function startStorescp(dir: string, port: number, aet?: string): Promise<Server>;
/** dcmtk dcmqrscp with one AE (`aet`) whose storage area is `dir`; stores only uncompressed data (its default). */
export declare function startDcmqrscp(dir: string, aet?: string): Promise<Server>;
/**
 * Sends `files` with dcmtk storescu, one association per transfer syntax
 * (dcmtk proposes a compressed syntax only when told which). Returns the
 * failed storescu runs (empty when all went through).
 */
export declare function storeWithStorescu(port: number, aec: string, samples: readonly Sample[]): Promise<string[]>;
/** The E:/F:/W: lines of a dcmtk run, for assertion messages. */
export declare function errorLines(r: RunResult): string;
/** One C-FIND response as findscu -v prints it: tag ("0020,000d") → value ('' for a zero-length one). */
export type Match = Record<string, string>;
export interface FindResult {
    matches: Match[];
    /** The final response's status as findscu names it ("Success", "Cancel", …), '' when none came. */
    final: string;
    log: string;
}
/**
 * dcmtk findscu -v (`model` P or S) with `-k` keys; parses every Pending
 * response's top-level attributes and the final status.
 */
export declare function findscu(port: number, aec: string, model: 'P' | 'S', keys: readonly string[], extra?: readonly string[]): Promise<FindResult>;
/** A fresh temporary folder for a whole describe block; removed by the returned function. */
export declare function suiteDir(prefix: string): Promise<{
    dir: string;
    remove: () => Promise<void>;
}>;
/** Sorted copy, for comparing answers as multisets. */
export declare const sorted: (xs: Iterable<string>) => string[];
