import { open, rename, rm, mkdir, readdir, access, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

/** Hidden subfolder of the output folder that holds files still being received. */
export const TEMP_DIR = '.netdicom-tmp';

/**
 * A file written in order from chunks that arrive faster or slower than the
 * disk, then made durable: fsync of the file, rename into place, fsync of the
 * folder (PS3.4 B.2.3 promises storage on success; this makes it true after a
 * crash). Until `commit` succeeds the data lives only under TEMP_DIR; `discard`
 * removes it.
 */
export class DurableFile {
  private fh: Promise<FileHandle>;
  private chain: Promise<unknown>;
  private failure: Error | undefined;
  /** Bytes accepted by `write` but not yet on their way to the disk. */
  pendingBytes = 0;
  readonly tempPath: string;

  constructor(readonly dir: string) {
    this.tempPath = join(dir, TEMP_DIR, `${Date.now()}-${randomBytes(6).toString('hex')}.part`);
    this.fh = mkdir(join(dir, TEMP_DIR), { recursive: true }).then(() => open(this.tempPath, 'wx'));
    this.chain = this.fh.catch((e: Error) => (this.failure = e));
  }

  /** Queues a chunk; `onWritten` is called once it reached the OS. Never throws: a failure shows at commit. */
  write(chunk: Buffer, onWritten?: () => void): void {
    this.pendingBytes += chunk.length;
    this.chain = this.chain.then(async () => {
      if (!this.failure) {
        try {
          const fh = await this.fh;
          let off = 0;
          while (off < chunk.length) off += (await fh.write(chunk, off, chunk.length - off)).bytesWritten;
        } catch (e) {
          this.failure = e as Error;
        }
      }
      this.pendingBytes -= chunk.length;
      onWritten?.();
    });
  }

  /**
   * Makes the file durable under `finalName` in `dir`. Resolves to true when
   * an earlier file of that name was replaced. Throws the first write, fsync
   * or rename error, after removing the temporary file.
   */
  async commit(finalName: string): Promise<boolean> {
    await this.chain;
    const finalPath = join(this.dir, finalName);
    try {
      if (this.failure) throw this.failure;
      const fh = await this.fh;
      await fh.sync();
      await fh.close();
      const replaced = await access(finalPath).then(() => true, () => false);
      await rename(this.tempPath, finalPath);
      const d = await open(this.dir, 'r');
      try {
        await d.sync();
      } finally {
        await d.close();
      }
      return replaced;
    } catch (e) {
      await this.discard();
      throw e;
    }
  }

  /** Drops the temporary file (association aborted, or a failure). Never throws. */
  async discard(): Promise<void> {
    await this.chain;
    await this.fh.then((fh) => fh.close()).catch(() => {});
    await rm(this.tempPath, { force: true }).catch(() => {});
  }
}

/** Removes what a crash left in TEMP_DIR; returns how many files. */
export async function cleanTempDir(dir: string): Promise<number> {
  const tmp = join(dir, TEMP_DIR);
  const names = await readdir(tmp).catch(() => [] as string[]);
  await Promise.all(names.map((n) => rm(join(tmp, n), { force: true })));
  return names.length;
}
