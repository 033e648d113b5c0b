import { access, constants, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { cleanTempDir, TEMP_DIR } from '../services/storage/durable-file.js';

/**
 * Makes the output folder of an SCP ready before it listens: created if
 * missing, a folder, writable (its temporary folder is created), and emptied
 * of what an interrupted run left. Throws one clear line otherwise, so a bad
 * -od fails at start rather than as A700 on every C-STORE.
 */
export async function prepareStorageDir(dir: string, log: Logger): Promise<void> {
  const st = await stat(dir).catch(() => undefined);
  if (st && !st.isDirectory()) throw new Error(`output folder ${dir} is not a folder`);
  try {
    await mkdir(join(dir, TEMP_DIR), { recursive: true });
    await access(dir, constants.W_OK);
  } catch (err) {
    throw new Error(`cannot write to output folder ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const cleaned = await cleanTempDir(dir);
  if (cleaned) log.warn({ cleaned }, 'removed partial files left by an interrupted run');
}
