import { fromCallback } from 'xstate';
import { CommandField } from '../dimse/commands.js';
import { decodeDataset, encodeDataset } from '../dimse/dataset-codec.js';
import type { DimseService, ServiceEvent, ServiceInput } from '../dimse/service.js';
import { Status, statusText } from '../dimse/status.js';
import { failureFields, modelOf, qrServiceBase, statusOf, type QueryIndex } from './query-service.js';

/** Pending responses sent per turn of the event loop, so a C-CANCEL can get in between. */
const BATCH = 32;

/**
 * C-FIND SCP, PS3.4 C.4.1: matches the identifier against the index, sends
 * one Pending (FF00) response per match with the requested keys, then
 * Success; a C-CANCEL-RQ stops it with Cancel (FE00). A bad identifier or
 * level gets the index's failure status (A900/C000) and an Error Comment.
 */
export function cFindScp(index: QueryIndex): DimseService {
  return {
    name: 'c-find-scp',
    commands: [CommandField['C-FIND-RQ']],
    ...qrServiceBase('find'),
    logic: fromCallback<ServiceEvent, ServiceInput>(({ input, sendBack, receive }) => {
      const { command, log, transferSyntax } = input;
      let cancelled = false;
      let done = false;
      const respond = (status: number, identifier?: Buffer, failure?: unknown) => {
        done = status !== Status.Pending;
        sendBack({
          type: 'RESPONSE', id: input.opId, final: done, ...(identifier ? { dataset: identifier } : {}),
          command: {
            CommandField: CommandField['C-FIND-RSP'], MessageIDBeingRespondedTo: command.MessageID as number,
            AffectedSOPClassUID: input.abstractSyntax, Status: status, ...(failure === undefined ? {} : failureFields(failure)),
          },
        });
      };
      receive((ev) => {
        if (ev.type === 'CANCEL') cancelled = true;
      });
      let matches;
      try {
        const query = decodeDataset(input.dataset ?? Buffer.alloc(0), transferSyntax);
        matches = index.find(query, modelOf(input.abstractSyntax)!);
        log.info({ level: query.QueryRetrieveLevel, matches: matches.length }, 'C-FIND');
      } catch (err) {
        const status = statusOf(err);
        log.warn({ status: statusText(status), err: (err as Error).message }, 'C-FIND refused');
        respond(status, undefined, err);
        return () => {};
      }
      let i = 0;
      const step = () => {
        if (done) return;
        if (cancelled) return respond(Status.Cancel);
        for (let n = 0; n < BATCH && i < matches.length; n++, i++) respond(Status.Pending, encodeDataset(matches[i]!, transferSyntax));
        if (i < matches.length) setImmediate(step);
        else setImmediate(() => respond(cancelled ? Status.Cancel : Status.Success));
      };
      step();
      return () => {
        done = true;
      };
    }),
  };
}
