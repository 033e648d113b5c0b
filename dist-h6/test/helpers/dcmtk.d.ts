/**
 * Helpers for interop tests that drive real dcmtk tools (echoscu, storescu,
 * dcmdump, dcmconv) against our CLI, the way /work/shared/checks/lib.sh does.
 * Every dcmtk process runs with TCP_NODELAY=1 (dcmtk leaves Nagle on
 * otherwise). No fixed ports: `freePort` asks the OS.
 */
import { type ChildProcess } from 'node:child_process';
import type { TestContext } from 'node:test';
/** Project root: this file compiles to dist/test/helpers/dcmtk.js. */
export declare const projectRoot: string;
/** The compiled CLI, as `npm run build` leaves it. */
export declare const cliPath: string;
/** The shared sample files: NETDICOM_SAMPLES, else `../shared/dicom-samples` beside the project. */
export declare function samplesDir(): string;
export declare const TS: {
    readonly ImplicitVRLittleEndian: '1.2.840.10008.1.2';
    readonly ExplicitVRLittleEndian: '1.2.840.10008.1.2.1';
    readonly ExplicitVRBigEndian: '1.2.840.10008.1.2.2';
    readonly DeflatedExplicitVRLittleEndian: '1.2.840.10008.1.2.1.99';
};
/** The storescu option that makes it propose a transfer syntax (lib.sh `scu_option`); '' for the uncompressed ones it proposes anyway. */
export declare const SCU_OPTION: Readonly<Record<string, string>>;
/**
 * True when every named tool is on PATH. When one is missing: on CI
 * (CI=true) throws, so the test fails; elsewhere marks the test skipped
 * (`t.skip`, when given) and returns false.
 */
export declare function requireTool(names: string | readonly string[], t?: TestContext): boolean;
/** A TCP port on 127.0.0.1 that nothing listened on a moment ago. */
export declare function freePort(): Promise<number>;
/** Resolves when a listener can bind 127.0.0.1:port (then closes it); rejects with the bind error. */
export declare function canBind(port: number): Promise<void>;
export interface RunResult {
    code: number | null;
    signal: NodeJS.Signals | null;
    stdout: string;
    stderr: string;
}
/**
 * Runs a command to completion with TCP_NODELAY=1 (plus `env`) in its
 * environment. Never rejects on a non-zero exit; kills it (SIGKILL) after
 * `timeoutMs` (default 60 s).
 */
export declare function run(cmd: string, args: readonly string[], env?: NodeJS.ProcessEnv, timeoutMs?: number): Promise<RunResult>;
export interface EchoOptions {
    /** Our calling AE title (echoscu -aet). */
    aet?: string;
    /** The called AE title (echoscu -aec). */
    aec?: string;
}
/** One dcmtk echoscu C-ECHO to 127.0.0.1:port. */
export declare function echo(port: number, o?: EchoOptions): Promise<RunResult>;
/**
 * Retries dcmtk echoscu until a C-ECHO succeeds (at most `tries`, 100 ms
 * apart). Gives up early when `alive()` turns false. Throws with the last
 * echoscu output.
 */
export declare function waitForEcho(port: number, o?: EchoOptions & {
    tries?: number;
    alive?: () => boolean;
}): Promise<void>;
export interface CliProcess {
    proc: ChildProcess;
    /** stdout and stderr so far, interleaved. */
    output(): string;
    /** Whether the process is still running. */
    alive(): boolean;
    /** Resolves when the process exits. */
    exited: Promise<{
        code: number | null;
        signal: NodeJS.Signals | null;
    }>;
    /**
     * SIGTERM, then waits for exit; SIGKILL after `graceMs` (default 5 s).
     * `forced` tells whether SIGKILL was needed.
     */
    stop(graceMs?: number): Promise<{
        code: number | null;
        signal: NodeJS.Signals | null;
        forced: boolean;
    }>;
}
/**
 * Spawns `node dist/apps/cli.js ...args`. With `echo`, resolves only once
 * dcmtk echoscu gets a C-ECHO success on that port (the process is stopped
 * and the error thrown if that never happens).
 */
export declare function startCli(args: readonly string[], opts?: {
    echo?: EchoOptions & {
        port: number;
    };
}): Promise<CliProcess>;
/** A fresh temporary folder, removed after the test. */
export declare function tempDir(t: TestContext, prefix?: string): Promise<string>;
/** Runs `fn` over `items` with at most `limit` at a time; results in input order. */
export declare function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]>;
/**
 * Top-level attributes of Part 10 files by tag ("0002,0010" → value), the
 * meta header included, read with one dcmdump run for all files. Missing
 * attributes are absent from the record.
 */
export declare function readAttributes(files: readonly string[], tags: readonly string[]): Promise<Map<string, Record<string, string>>>;
/** The Transfer Syntax UID in a Part 10 file's meta header (lib.sh `ts_of`); '' when unreadable. */
export declare function tsOf(file: string): Promise<string>;
/** The SOP Instance UID (0008,0018) of a Part 10 file's data set (lib.sh `sop_uid`); '' when unreadable. */
export declare function sopUid(file: string): Promise<string>;
/**
 * The data set as dcmdump prints it, independent of how the sender encoded
 * it (lib.sh `dataset_dump`): uncompressed data rewritten as Explicit VR
 * Little Endian with explicit lengths and no group lengths, encapsulated
 * data kept as is; the meta header, the transfer syntax line and Data Set
 * Trailing Padding left out. "UNREADABLE name" when dcmconv cannot read it.
 */
export declare function datasetDump(file: string, ts?: string): Promise<string>;
/** The Part 10 preamble check: "DICM" at byte 128. */
export declare function isPart10(bytes: Buffer): boolean;
/**
 * Polls `probe` every 25 ms until it returns a value other than undefined or
 * false, and returns that value; throws `what` after `timeoutMs` (default 10 s).
 * A bounded wait, never a timing assertion.
 */
export declare function eventually<T>(probe: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs?: number): Promise<T>;
