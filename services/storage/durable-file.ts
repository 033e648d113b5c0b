import { closeSync, existsSync, fsync, mkdirSync, openSync, renameSync, writevSync } from 'node:fs';
import { open, readdir, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/** Hidden subfolder of the output folder that holds files still being received. */
export const TEMP_DIR = '.netdicom-tmp';

/** Objects up to this size are kept in memory until complete, then written in one go (bytes). */
const IN_MEMORY = 1 << 20;

const fsyncAsync = promisify(fsync);
const readyDirs = new Set<string>();
/** Folder descriptors kept open to fsync the folder after each rename. */
const dirFds = new Map<string, number>();

/** Temporary files made by this process, for unique names. */
let tempCount = 0;

/**
 * A file written in order from chunks that arrive faster or slower than the
 * disk, then made durable: fsync of the file, rename into place, fsync of the
 * folder (PS3.4 B.2.3 promises storage on success; this makes it true after a
 * crash). Until `place` the data lives only under TEMP_DIR; `discard`
 * removes it.
 *
 * Small objects (the common case) stay in memory until complete and take two
 * thread-pool round trips (the two fsyncs); the quick metadata calls (open,
 * write into the page cache, rename) run synchronously. A larger object is
 * streamed to its temporary file with asynchronous writes.
 */
export class DurableFile {
  private chunks: Buffer[] = [];
  private fh: Promise<FileHandle> | null = null;
  private chain: Promise<unknown> = Promise.resolve();
  private failure: Error | undefined;
  /** Bytes accepted by `write` but not yet handed to the OS. */
  pendingBytes = 0;
  readonly tempPath: string;

  constructor(readonly dir: string) {
    // Unique without node:crypto (whose loading costs start-up time): this process's id and its own count.
    this.tempPath = join(dir, TEMP_DIR, `${process.pid}-${Date.now()}-${++tempCount}.part`);
  }

  /** Queues a chunk; `onWritten` is called once it reached the OS. Never throws: a failure shows at `seal`. */
  write(chunk: Buffer, onWritten?: () => void): void {
    this.pendingBytes += chunk.length;
    if (!this.fh) {
      this.chunks.push(chunk);
      if (this.pendingBytes <= IN_MEMORY) return onWritten?.();
      this.startStreaming(onWritten);
      return;
    }
    this.chain = this.chain.then(() => this.writeOut([chunk], onWritten));
  }

  private startStreaming(onWritten?: () => void): void {
    this.fh = (async () => {
      ensureTempDir(this.dir);
      return open(this.tempPath, 'wx');
    })();
    this.fh.catch((e: Error) => (this.failure ??= e));
    const first = this.chunks;
    this.chunks = [];
    this.chain = this.chain.then(() => this.writeOut(first, onWritten));
  }

  private async writeOut(chunks: Buffer[], onWritten?: () => void): Promise<void> {
    let n = 0;
    for (const c of chunks) n += c.length;
    if (!this.failure) {
      try {
        const fh = await this.fh!;
        await fh.writev(chunks);
      } catch (e) {
        this.failure ??= e as Error;
      }
    }
    this.pendingBytes -= n;
    onWritten?.();
  }

  /**
   * Writes out what is still queued and fsyncs the temporary file (`tempPath`):
   * complete and durable, but not yet in `dir`, so a caller can still inspect
   * it and refuse it. Throws the first write or fsync error, after removing
   * the temporary file.
   */
  async seal(): Promise<void> {
    try {
      if (this.fh) {
        await this.chain;
        if (this.failure) throw this.failure;
        const fh = await this.fh;
        await fh.sync();
        await fh.close();
      } else {
        ensureTempDir(this.dir);
        const fd = openSync(this.tempPath, 'wx');
        try {
          writevAll(fd, this.chunks);
          this.chunks = [];
          await fsyncAsync(fd);
        } finally {
          closeSync(fd);
        }
      }
    } catch (e) {
      await this.discard();
      throw e;
    }
  }

  /**
   * Renames the sealed file to `finalName` in `dir` (replacing a file of that
   * name), then fsyncs the folder. `placed` runs synchronously right after the
   * rename, so what it records follows the order in which copies of one name
   * were placed. Resolves to true when an earlier file was replaced. Throws a
   * rename, `placed` or fsync error (the temporary file, if still there, removed).
   */
  async place(finalName: string, placed?: (replaced: boolean) => void): Promise<boolean> {
    const finalPath = join(this.dir, finalName);
    try {
      const replaced = existsSync(finalPath);
      renameSync(this.tempPath, finalPath);
      placed?.(replaced);
      await fsyncAsync(dirFd(this.dir));
      return replaced;
    } catch (e) {
      await this.discard();
      throw e;
    }
  }

  /** Drops the temporary file (association aborted, or a failure). Never throws. */
  async discard(): Promise<void> {
    this.chunks = [];
    await this.chain;
    if (this.fh) await this.fh.then((fh) => fh.close()).catch(() => {});
    await rm(this.tempPath, { force: true }).catch(() => {});
  }
}

function ensureTempDir(dir: string): void {
  if (readyDirs.has(dir)) return;
  mkdirSync(join(dir, TEMP_DIR), { recursive: true });
  readyDirs.add(dir);
}

function dirFd(dir: string): number {
  let fd = dirFds.get(dir);
  if (fd === undefined) {
    fd = openSync(dir, 'r');
    dirFds.set(dir, fd);
  }
  return fd;
}

function writevAll(fd: number, chunks: Buffer[]): void {
  let rest = chunks.filter((c) => c.length > 0);
  while (rest.length > 0) {
    let n = writevSync(fd, rest);
    const next: Buffer[] = [];
    for (const c of rest) {
      if (n >= c.length) n -= c.length;
      else {
        next.push(n > 0 ? c.subarray(n) : c);
        n = 0;
      }
    }
    rest = next;
  }
}

/** Removes what a crash left in TEMP_DIR; returns how many files. */
export async function cleanTempDir(dir: string): Promise<number> {
  const tmp = join(dir, TEMP_DIR);
  const names = await readdir(tmp).catch(() => [] as string[]);
  await Promise.all(names.map((n) => rm(join(tmp, n), { force: true })));
  return names.length;
}
