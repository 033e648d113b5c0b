import { readdirSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { FileRef } from '../services/scu/store-batch.js';

/** Paths given in one folder from which on that folder is listed once rather than each path stat'ed. */
const LIST_FROM = 16;

/**
 * The files under the paths a sender is given (storescu's FILE|DIR...), in
 * the order given, folders walked recursively in name order; symbolic links
 * are followed, except a link back to a folder being walked (a loop). Types
 * come from folder listings where they can (a shell glob of 1000 files: one
 * listing of their folder instead of 1000 stats, ~20 ms before the first
 * association); a symbolic link, an unknown type or a path not listed is
 * stat'ed. A path given that is missing or neither a file nor a folder is
 * passed to `bad` with the reason (in a folder, such an entry is left out).
 * Sizes are left to whoever opens the file.
 */
export function expandFileArgs(paths: readonly string[], bad: (path: string, why: string) => void): FileRef[] {
  const out: FileRef[] = [];
  const listings = listCommonFolders(paths);
  /** The folders being walked, outer to inner (device:inode): a link back to one of them is a loop. */
  const walking = new Set<string>();
  const walkFolder = (dir: string): void => {
    let entries: Dirent[];
    let id: string;
    try {
      const st = statSync(dir);
      id = `${st.dev}:${st.ino}`;
      if (walking.has(id)) return;
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      return bad(dir, cannotRead(err));
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    walking.add(id);
    for (const e of entries) add(join(dir, e.name), e, false);
    walking.delete(id);
  };
  const add = (path: string, entry: Dirent | undefined, given: boolean): void => {
    if (entry?.isFile()) return void out.push({ path });
    if (entry?.isDirectory()) return walkFolder(path);
    let st;
    try {
      st = statSync(path);
    } catch (err) {
      return bad(path, cannotRead(err));
    }
    if (st.isDirectory()) walkFolder(path);
    else if (st.isFile()) out.push({ path, size: st.size });
    else if (given) bad(path, 'not a file or a folder');
  };
  for (const p of paths) add(p, listings.get(dirname(p))?.get(basename(p)), true);
  return out;
}

/** Listings (name → entry) of the folders that hold at least LIST_FROM of the paths; a folder that cannot be listed is left out. */
function listCommonFolders(paths: readonly string[]): Map<string, Map<string, Dirent>> {
  const counts = new Map<string, number>();
  for (const p of paths) counts.set(dirname(p), (counts.get(dirname(p)) ?? 0) + 1);
  const listings = new Map<string, Map<string, Dirent>>();
  for (const [dir, n] of counts) {
    if (n < LIST_FROM) continue;
    try {
      listings.set(dir, new Map(readdirSync(dir, { withFileTypes: true }).map((e) => [e.name, e])));
    } catch {
      // Stat'ed one by one, which names the problem per path.
    }
  }
  return listings;
}

function cannotRead(err: unknown): string {
  return `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`;
}
