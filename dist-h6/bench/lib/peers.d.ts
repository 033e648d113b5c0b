import { Proc } from './process.js';
export type ReceiverKind = 'netdicom' | 'dcmtk' | 'dcmtk+B';
export type SenderKind = 'netdicom' | 'dcmtk';
export declare const RECEIVER_NAME: Record<ReceiverKind, string>;
export declare const SENDER_NAME: Record<SenderKind, string>;
export declare function onPath(name: string): boolean;
/** Throws naming what is missing: dcmtk tools, cmp, the compiled CLI. */
export declare function requireTools(names: readonly string[]): void;
export interface Receiver {
    kind: ReceiverKind;
    proc: Proc;
    port: number;
}
/** Starts a Storage SCP writing into `dir` and waits until it listens. `nodeArgs` go to node (e.g. --cpu-prof); `cli` replaces the CLI under test. */
export declare function startReceiver(kind: ReceiverKind, dir: string, o: {
    timeoutMs: number;
    nodeArgs?: string[];
    cli?: string;
}): Promise<Receiver>;
export interface SenderRun {
    proc: Proc;
    /** Resolves with the wall time (spawn to exit), the peak RSS (from /usr/bin/time, exact) and, for ours, its own summary. */
    result: Promise<SenderResult>;
}
export interface SenderResult {
    wallMs: number;
    maxRssMiB: number;
    /** Our storescu's summary line "N sent, F failed in X s": the time it measured itself (after start-up), ms. */
    selfReportedMs?: number;
    sent?: number;
}
/** Runs a Storage SCU sending `files` to 127.0.0.1:port on one association; fails unless it exits 0. */
export declare function runSender(kind: SenderKind, port: number, files: readonly string[], o: {
    timeoutMs: number;
    nodeArgs?: string[];
    cli?: string;
}): SenderRun;
