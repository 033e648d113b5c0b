/**
 * Child processes for benchmarks: spawned with a hard time limit, their
 * output kept (bounded), their memory sampled from /proc, and every one of
 * them killed when the benchmark ends, however it ends.
 */
import { type ChildProcess } from 'node:child_process';
/** Project root: this file compiles to dist/bench/lib/process.js. */
export declare const projectRoot: string;
/** The compiled CLI under test: NETDICOM_CLI (e.g. a build of another checkout), else this build's. */
export declare const cliPath: string;
/** dcmtk leaves Nagle on unless told otherwise (see /work/shared/reference/performance.md). */
export declare const DCMTK_ENV: {
    TCP_NODELAY: string;
};
/** How a process ended and how long it ran (spawn to exit), ms. */
export interface Exit {
    code: number | null;
    signal: NodeJS.Signals | null;
    wallMs: number;
    timedOut: boolean;
}
export interface SpawnOptions {
    env?: NodeJS.ProcessEnv;
    /** Killed with SIGKILL after this many ms. */
    timeoutMs: number;
    cwd?: string;
}
/** One child process: output tails, wall time, exit. */
export declare class Proc {
    readonly label: string;
    readonly child: ChildProcess;
    readonly pid: number;
    readonly exited: Promise<Exit>;
    stdout: string;
    stderr: string;
    private readonly t0;
    private timedOut;
    constructor(label: string, cmd: string, args: readonly string[], o: SpawnOptions);
    /** Waits for a clean exit (code 0); throws with the output tail otherwise. */
    success(): Promise<Exit>;
    get running(): boolean;
    /** Sends a signal to the process group. */
    signal(sig: NodeJS.Signals): void;
    /** SIGTERM, then SIGKILL after `graceMs`; resolves when it is gone. */
    stop(graceMs?: number): Promise<Exit>;
}
/** Runs `fn` (synchronous, e.g. rmSync of a temp dir) when the benchmark exits, however it exits. */
export declare function onExit(fn: () => void): void;
/** Kills every process group still running (SIGKILL) and runs the exit hooks. Called on exit and on signals. */
export declare function killAll(): void;
/** A TCP port on 127.0.0.1 that nothing listened on a moment ago. */
export declare function freePort(): Promise<number>;
/** Resolves once something accepts TCP connections on 127.0.0.1:port; throws after `timeoutMs` or if `proc` exits. */
export declare function waitForPort(port: number, proc: Proc, timeoutMs?: number): Promise<void>;
/** Flushes every dirty page (`sync`), so a run does not pay for the previous run's writeback. */
export declare function settleDisk(): Promise<void>;
export declare const sleep: (ms: number) => Promise<void>;
/** Memory of a process from /proc/PID/status, MiB; undefined once it is gone. */
export declare function procMemory(pid: number): {
    rssMiB: number;
    hwmMiB: number;
} | undefined;
/**
 * Samples VmRSS every `intervalMs` until stopped. `stop()` returns the
 * largest sample and VmHWM (the kernel's own peak, exact) read at that moment,
 * so call it before the process exits.
 */
export declare class RssSampler {
    private readonly pid;
    private peak;
    private lastHwm;
    private readonly timer;
    readonly samples: number[];
    constructor(pid: number, intervalMs?: number);
    private sample;
    /** Peak sampled VmRSS and VmHWM, MiB. */
    stop(): {
        peakRssMiB: number;
        hwmMiB: number;
    };
}
