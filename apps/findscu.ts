import { Command } from 'commander';
import { ExplicitVRLittleEndian, ImplicitVRLittleEndian } from '../services/registry/uids.js';
import { keywordOfTag } from '../services/dimse/dataset-codec.js';
import { statusCategory, statusText } from '../services/dimse/status.js';
import { MODELS, type CFindResult, type QueryModel } from '../services/scu/scu-association.js';
import { collectKeys, formatIdentifier, queryFromKeys } from './query-keys.js';
import { errorLine, scuOptions, scuSession, timeoutsOf, type ScuCliOptions } from './scu-options.js';

export interface QueryCliOptions extends ScuCliOptions {
  key: string[];
  patient?: boolean;
  study?: boolean;
}

export const modelOf = (o: QueryCliOptions): QueryModel => (o.patient ? 'patient' : 'study');

/** `netdicom findscu ADDR PORT -S -k Keyword=value...`: C-FIND; each match on stdout. */
export function findscuCommand(): Command {
  return queryOptions(scuOptions(new Command('findscu'), 'FINDSCU'))
    .description('Query SCU: send a C-FIND and print each match')
    .option('--json', 'print each match as one JSON line')
    .action(async (addr: string, port: number, o: QueryCliOptions & { json?: boolean }) => {
      const s = await scuSession('findscu', o);
      let code = 0;
      try {
        const query = queryFromKeys(o.key);
        const model = modelOf(o);
        const assoc = await s.ae.associate({
          host: addr, port, calledAETitle: o.call, timeouts: timeoutsOf(o), ...s.connection,
          contexts: [{ abstractSyntax: MODELS[model].find, transferSyntaxes: [ExplicitVRLittleEndian, ImplicitVRLittleEndian] }],
        });
        let n = 0;
        for await (const r of assoc.cFind(query, model)) {
          if (r.identifier) {
            n++;
            process.stdout.write(o.json ? `${JSON.stringify(r.identifier)}\n` : `Match ${n}:\n${formatIdentifier(r.identifier)}\n`);
          } else if (statusCategory(r.status) !== 'success') {
            errorLine('findscu', `C-FIND final status ${statusText(r.status)}${statusDetail(r)}`);
            code = 1;
          }
        }
        s.log.info({ matches: n }, 'C-FIND done');
        await assoc.release();
      } catch (err) {
        errorLine('findscu', (err as Error).message);
        code = 1;
      }
      await s.finish(code);
    });
}

/**
 * What the peer said about a failure, as dcmtk shows a response's status
 * detail: `; Error Comment: …; Offending Element: (gggg,eeee) Keyword`, or ''.
 * Control characters in the peer's comment are printed as `?`.
 */
export function statusDetail(r: Pick<CFindResult, 'errorComment' | 'offendingElement'>): string {
  let out = r.errorComment ? `; Error Comment: ${r.errorComment.replace(/[\x00-\x1f\x7f-\x9f]/g, '?')}` : '';
  if (r.offendingElement?.length) out += `; Offending Element: ${r.offendingElement.map(formatTag).join(', ')}`;
  return out;
}

function formatTag(tag: number): string {
  const hex = (tag >>> 0).toString(16).padStart(8, '0');
  const name = `(${hex.slice(0, 4)},${hex.slice(4)})`;
  const keyword = keywordOfTag(hex);
  return keyword ? `${name} ${keyword}` : name;
}

/** -k, -P, -S shared by findscu, getscu and movescu. */
export function queryOptions(cmd: Command): Command {
  return cmd
    .option('-k, --key <key>', 'query key: Keyword=value, Keyword, or (gggg,eeee)=value; repeatable', collectKeys, [])
    .option('-P, --patient', 'Patient Root information model')
    .option('-S, --study', 'Study Root information model (default)');
}
