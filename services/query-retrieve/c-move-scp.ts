import { fromCallback } from 'xstate';
import type { CommandSet } from '../dimse/command-set.js';
import { CommandField } from '../dimse/commands.js';
import { decodeDataset } from '../dimse/dataset-codec.js';
import type { DimseService, ServiceEvent, ServiceInput } from '../dimse/service.js';
import { Status, statusText } from '../dimse/status.js';
import type { ProposedContext } from '../scu/client-association.js';
import { contextsForFiles } from '../scu/file-source.js';
import type { ScuAssociation } from '../scu/scu-association.js';
import { readPart10Header, type Part10Info } from '../storage/part10-reader.js';
import { failureFields, modelOf, qrServiceBase, statusOf, type IndexedFile, type QueryIndex } from './query-service.js';
import { RetrieveProgress, RSP } from './retrieve-progress.js';

export interface MoveDestination {
  host: string;
  port: number;
}

export interface MoveScpOptions {
  index: QueryIndex;
  /** Move destination table: AE title → address. */
  destinations: ReadonlyMap<string, MoveDestination>;
  /** Opens the sub-association to a destination (the AE's `associate`). */
  associate(dest: MoveDestination & { calledAETitle: string }, contexts: ProposedContext[]): Promise<ScuAssociation>;
}

/**
 * C-MOVE SCP, PS3.4 C.4.2: looks up the Move Destination in the table (an
 * unknown one gets A801 and a log line naming it), opens a sub-association to
 * it and sends each matching instance with C-STORE (Move Originator set),
 * with Pending responses carrying the counts; C-CANCEL stops with Cancel.
 */
export function cMoveScp(o: MoveScpOptions): DimseService {
  return {
    name: 'c-move-scp',
    commands: [CommandField['C-MOVE-RQ']],
    ...qrServiceBase('move'),
    logic: fromCallback<ServiceEvent, ServiceInput>(({ input, sendBack, receive }) => {
      const { command, log, assoc } = input;
      let cancelled = false;
      let stopped = false;
      receive((ev) => {
        if (ev.type === 'CANCEL') cancelled = true;
      });
      const send = (r: { command: CommandSet; dataset?: Buffer }, final: boolean) =>
        !stopped && sendBack({ type: 'RESPONSE', id: input.opId, final, command: r.command, ...(r.dataset ? { dataset: r.dataset } : {}) });
      const fail = (status: number, why: string | Partial<CommandSet>) => {
        const f = new RetrieveProgress(0, RSP.move, command, input.abstractSyntax, input.transferSyntax).final(false, why);
        f.command.Status = status;
        send(f, true);
      };
      void (async () => {
        const destAet = String(command.MoveDestination ?? '').trim();
        const dest = o.destinations.get(destAet);
        if (!dest) {
          log.warn({ moveDestination: destAet }, `C-MOVE destination "${destAet}" is not in the move destination table: ${statusText(Status.MoveDestinationUnknown)}`);
          return fail(Status.MoveDestinationUnknown, `move destination ${destAet} unknown`);
        }
        let files: IndexedFile[];
        try {
          files = o.index.instances(decodeDataset(input.dataset ?? Buffer.alloc(0), input.transferSyntax), modelOf(input.abstractSyntax)!);
        } catch (err) {
          return fail(statusOf(err), failureFields(err));
        }
        const progress = new RetrieveProgress(files.length, RSP.move, command, input.abstractSyntax, input.transferSyntax);
        log.info({ instances: files.length, moveDestination: destAet }, 'C-MOVE');
        // A file that cannot be read (gone behind the index's back, damaged) is one failed sub-operation, as in C-GET; the others go on.
        const read = await Promise.all(files.map((f) => readPart10Header(f.path).catch((err: Error) => {
          log.warn({ sopInstanceUid: f.sopInstanceUid, file: f.path, err: err.message }, 'C-MOVE sub-operation failed: stored file unreadable');
          progress.count(-1, f.sopInstanceUid);
          return undefined;
        })));
        const infos = read.filter((i): i is Part10Info => i !== undefined);
        if (infos.length === 0) return send(progress.final(false), true);
        let sub: ScuAssociation;
        try {
          sub = await o.associate({ ...dest, calledAETitle: destAet }, contextsForFiles(infos));
        } catch (err) {
          log.warn({ moveDestination: destAet, err: (err as Error).message }, 'C-MOVE sub-association failed');
          for (const i of infos) progress.count(-1, i.sopInstanceUid);
          return send(progress.final(false, `cannot associate with ${destAet}`), true);
        }
        for (const info of infos) {
          if (cancelled || stopped) break;
          let status = -1;
          try {
            status = (await sub.cStore(info, { moveOriginator: { aeTitle: assoc.callingAETitle, messageId: command.MessageID as number } })).status;
          } catch (err) {
            log.warn({ sopInstanceUid: info.sopInstanceUid, err: (err as Error).message }, 'C-MOVE sub-operation failed');
          }
          progress.count(status, info.sopInstanceUid);
          if (progress.remaining > 0 && !cancelled) send(progress.pending(), false);
        }
        await sub.release().catch(() => {});
        send(progress.final(cancelled), true);
      })();
      return () => {
        stopped = true;
      };
    }),
  };
}
