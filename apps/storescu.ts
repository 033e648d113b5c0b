import { Command } from 'commander';
import { createRequire } from 'node:module';
import { readPart10Header, type Part10Info } from '../services/storage/part10-reader.js';
import { contextsForFiles } from '../services/scu/file-source.js';
import { ContextNotProposedError } from '../services/scu/errors.js';
import type { FileRef } from '../services/scu/store-batch.js';
import { statusCategory, statusText } from '../services/dimse/status.js';
import { expandFileArgs } from './file-args.js';
import { errorLine, scuOptions, scuSession, timeoutsOf, type ScuCliOptions } from './scu-options.js';

const require = createRequire(import.meta.url);

/** Presentation contexts per association at most (PS3.8: odd IDs 1..255). */
const MAX_CONTEXTS = 128;
/** Files whose headers are read before the first association (see readHeads). */
const HEADS_FIRST = 64;

/**
 * `netdicom storescu ADDR PORT FILE|DIR...`: C-STORE files and folders
 * (recursive). A file that cannot be sent is named on one error line and the
 * rest go on; the exit code is non-zero if any file failed.
 */
export function storescuCommand(): Command {
  return scuOptions(new Command('storescu'), 'STORESCU')
    .description('Storage SCU: send DICOM files (and folders, recursively) with C-STORE')
    .argument('<paths...>', 'files or folders to send')
    .action(async (addr: string, port: number, paths: string[], o: ScuCliOptions) => {
      const s = await scuSession('storescu', o);
      const started = Date.now();
      let failed = 0;
      let sent = 0;
      let bytes = 0;
      const cannotSend = (path: string, why: string) => {
        failed++;
        errorLine('storescu', `${path}: ${why}`);
      };
      let queue: (Part10Info | FileRef)[] = expandFileArgs(paths, cannotSend);
      if (queue.length === 0 && failed === 0) errorLine('storescu', `no files to send in ${paths.join(', ')}`);
      const bar = process.stderr.isTTY && queue.length > 1 ? progressBar() : undefined;
      bar?.start(queue.length, 0, { rate: '0', mbps: '0' });
      // One association per round. Its contexts come from the headers read so far (at least the first
      // HEADS_FIRST files'); the other files are read while earlier ones are answered, and one whose SOP
      // class or syntax was not proposed waits for the next round.
      while (queue.length > 0) {
        queue = await readHeads(queue, HEADS_FIRST, (path, err) => cannotSend(path, `cannot send: ${err.message}`));
        const proposed = batches(queue.filter(isRead))[0];
        if (!proposed) break;
        let assoc;
        try {
          assoc = await s.ae.associate({ host: addr, port, calledAETitle: o.call, timeouts: timeoutsOf(o), ...s.connection, contexts: contextsForFiles(proposed) });
        } catch (err) {
          errorLine('storescu', `${(err as Error).message} (${queue.length} file(s) not sent)`);
          failed += queue.length;
          break;
        }
        const later: (Part10Info | FileRef)[] = [];
        let done = 0;
        for await (const r of assoc.cStoreEach(queue)) {
          done++;
          if ('error' in r) {
            if (r.error instanceof ContextNotProposedError) {
              later.push(r.file);
              continue;
            }
            cannotSend(r.file.path, `not sent: ${r.error.message}`);
            const code = (r.error as { code?: string }).code;
            if (code?.startsWith('ERR_ASSOCIATION') || code?.startsWith('ERR_TIMEOUT')) {
              const left = queue.length - done + later.length;
              failed += left;
              errorLine('storescu', `association lost; ${left} more file(s) not sent`);
              assoc = undefined;
              later.length = 0;
              break;
            }
          } else if (['success', 'warning'].includes(statusCategory(r.status))) {
            sent++;
            bytes += r.file.datasetLength;
            s.log.info({ file: r.file.path, status: statusText(r.status), transcoded: r.transcoded }, 'stored');
          } else {
            cannotSend(r.file.path, `C-STORE failed with status ${statusText(r.status)}`);
          }
          const secs = Math.max((Date.now() - started) / 1000, 0.001);
          bar?.update(sent + failed, { rate: (sent / secs).toFixed(1), mbps: (bytes / 1e6 / secs).toFixed(1) });
        }
        await assoc?.release();
        queue = later;
      }
      bar?.stop();
      const secs = (Date.now() - started) / 1000;
      process.stderr.write(`storescu: ${sent} sent, ${failed} failed in ${secs.toFixed(2)} s (${(sent / Math.max(secs, 0.001)).toFixed(1)} files/s, ${(bytes / 1e6 / Math.max(secs, 0.001)).toFixed(1)} MB/s)\n`);
      await s.finish(failed > 0 || sent === 0 ? 1 : 0);
    });
}

const isRead = (f: Part10Info | FileRef): f is Part10Info => 'sopClassUid' in f;

/**
 * Reads the headers of the first `count` files of `queue` not read yet (a
 * folder of many files starts sending after a few reads, not after all of
 * them); a file that cannot be read is reported and dropped.
 */
async function readHeads(queue: (Part10Info | FileRef)[], count: number, unreadable: (path: string, err: Error) => void): Promise<(Part10Info | FileRef)[]> {
  const out: (Part10Info | FileRef)[] = [];
  let reads = 0;
  for (const f of queue) {
    if (isRead(f) || reads >= count) {
      out.push(f);
      continue;
    }
    reads++;
    try {
      out.push(await readPart10Header(f.path, f.size));
    } catch (err) {
      unreadable(f.path, err as Error);
    }
  }
  return out;
}

/**
 * A progress bar on stderr (a terminal only: cli-progress is loaded just then). Required, not import()ed:
 * the CLI bundle runs from a V8 code cache, where Node 20 has no dynamic import callback (bundle-cli.mjs).
 */
function progressBar() {
  const cliProgress = require('cli-progress') as typeof import('cli-progress');
  return new cliProgress.SingleBar({ format: 'storescu [{bar}] {value}/{total} files | {rate} files/s | {mbps} MB/s', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
}

/** Splits files so that each association proposes at most MAX_CONTEXTS presentation contexts (see contextsForFiles). */
function batches(files: Part10Info[]): Part10Info[][] {
  const out: Part10Info[][] = [];
  let cur: Part10Info[] = [];
  let pairs = new Set<string>();
  let classes = new Set<string>();
  for (const f of files) {
    const pair = `${f.sopClassUid}|${f.transferSyntaxUid}`;
    const more = (pairs.has(pair) ? 0 : 1) + (classes.has(f.sopClassUid) ? 0 : 1);
    if (pairs.size + classes.size + more > MAX_CONTEXTS && cur.length > 0) {
      out.push(cur);
      cur = [];
      pairs = new Set();
      classes = new Set();
    }
    cur.push(f);
    pairs.add(pair);
    classes.add(f.sopClassUid);
  }
  if (cur.length) out.push(cur);
  return out;
}
