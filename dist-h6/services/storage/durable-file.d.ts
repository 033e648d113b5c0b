/** Hidden subfolder of the output folder that holds files still being received. */
export declare const TEMP_DIR = ".netdicom-tmp";
/**
 * A file written in order from chunks that arrive faster or slower than the
 * disk, then made durable: fsync of the file, rename into place, fsync of the
 * folder (PS3.4 B.2.3 promises storage on success; this makes it true after a
 * crash). Until `commit` succeeds the data lives only under TEMP_DIR; `discard`
 * removes it.
 *
 * Small objects (the common case) stay in memory until complete and take two
 * thread-pool round trips (the two fsyncs); the quick metadata calls (open,
 * write into the page cache, rename) run synchronously. A larger object is
 * streamed to its temporary file with asynchronous writes.
 */
export declare class DurableFile {
    readonly dir: string;
    private chunks;
    private fh;
    private chain;
    private failure;
    /** Bytes accepted by `write` but not yet handed to the OS. */
    pendingBytes: number;
    readonly tempPath: string;
    constructor(dir: string);
    /** Queues a chunk; `onWritten` is called once it reached the OS. Never throws: a failure shows at commit. */
    write(chunk: Buffer, onWritten?: () => void): void;
    private startStreaming;
    private writeOut;
    /**
     * Makes the file durable under `finalName` in `dir`. Resolves to true when
     * an earlier file of that name was replaced. Throws the first write, fsync
     * or rename error, after removing the temporary file.
     */
    commit(finalName: string): Promise<boolean>;
    /** Drops the temporary file (association aborted, or a failure). Never throws. */
    discard(): Promise<void>;
}
/** Removes what a crash left in TEMP_DIR; returns how many files. */
export declare function cleanTempDir(dir: string): Promise<number>;
