import { Command } from 'commander';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { readPart10Header, type Part10Info } from '../services/storage/part10-reader.js';
import { contextsForFiles } from '../services/scu/file-source.js';
import { statusCategory, statusText } from '../services/dimse/status.js';
import { errorLine, scuOptions, scuSession, timeoutsOf, type ScuCliOptions } from './scu-options.js';

/** Presentation contexts per association at most (PS3.8: odd IDs 1..255). */
const MAX_CONTEXTS = 128;

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
      const files: Part10Info[] = [];
      for (const p of expand(paths, (p, why) => (failed++, errorLine('storescu', `${p}: ${why}`)))) {
        try {
          files.push(await readPart10Header(p));
        } catch (err) {
          failed++;
          errorLine('storescu', `${p}: cannot send: ${(err as Error).message}`);
        }
      }
      if (files.length === 0 && failed === 0) errorLine('storescu', `no files to send in ${paths.join(', ')}`);
      const bar = process.stderr.isTTY && files.length > 1 ? await progressBar() : undefined;
      bar?.start(files.length, 0, { rate: '0', mbps: '0' });
      let sent = 0;
      let bytes = 0;
      for (const batch of batches(files)) {
        let assoc;
        try {
          assoc = await s.ae.associate({ host: addr, port, calledAETitle: o.call, timeouts: timeoutsOf(o), ...s.connection, contexts: contextsForFiles(batch) });
        } catch (err) {
          errorLine('storescu', `${(err as Error).message} (${batch.length} file(s) not sent)`);
          failed += batch.length;
          continue;
        }
        let done = 0;
        for await (const r of assoc.cStoreEach(batch)) {
          done++;
          if ('error' in r) {
            failed++;
            errorLine('storescu', `${r.file.path}: not sent: ${r.error.message}`);
            const code = (r.error as { code?: string }).code;
            if (code?.startsWith('ERR_ASSOCIATION') || code?.startsWith('ERR_TIMEOUT')) {
              failed += batch.length - done;
              errorLine('storescu', `association lost; ${batch.length - done} more file(s) not sent`);
              assoc = undefined;
              break;
            }
          } else if (['success', 'warning'].includes(statusCategory(r.status))) {
            sent++;
            bytes += r.file.datasetLength;
            s.log.info({ file: r.file.path, status: statusText(r.status), transcoded: r.transcoded }, 'stored');
          } else {
            failed++;
            errorLine('storescu', `${r.file.path}: C-STORE failed with status ${statusText(r.status)}`);
          }
          const secs = Math.max((Date.now() - started) / 1000, 0.001);
          bar?.update(sent + failed, { rate: (sent / secs).toFixed(1), mbps: (bytes / 1e6 / secs).toFixed(1) });
        }
        await assoc?.release();
      }
      bar?.stop();
      const secs = (Date.now() - started) / 1000;
      process.stderr.write(`storescu: ${sent} sent, ${failed} failed in ${secs.toFixed(2)} s (${(sent / Math.max(secs, 0.001)).toFixed(1)} files/s, ${(bytes / 1e6 / Math.max(secs, 0.001)).toFixed(1)} MB/s)\n`);
      await s.finish(failed > 0 || sent === 0 ? 1 : 0);
    });
}

/** A progress bar on stderr (a terminal only: cli-progress is loaded just then). */
async function progressBar() {
  const { default: cliProgress } = await import('cli-progress');
  return new cliProgress.SingleBar({ format: 'storescu [{bar}] {value}/{total} files | {rate} files/s | {mbps} MB/s', stream: process.stderr, hideCursor: true }, cliProgress.Presets.shades_classic);
}

/** Files under the given paths, folders walked recursively in name order. Synchronous: nothing else runs before the first association. */
function expand(paths: string[], bad: (p: string, why: string) => void): string[] {
  const out: string[] = [];
  const walk = (p: string): void => {
    let st;
    try {
      st = statSync(p);
    } catch (err) {
      return bad(p, `cannot read: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(join(p, name));
    } else if (st.isFile()) out.push(p);
  };
  for (const p of paths) walk(p);
  return out;
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
