import { fromCallback } from 'xstate';
import { CommandField, Priority } from '../dimse/commands.js';
import { decodeDataset } from '../dimse/dataset-codec.js';
import type { DimseService, ServiceEvent, ServiceInput } from '../dimse/service.js';
import { statusText } from '../dimse/status.js';
import { isStorageSopClass, uidName } from '../registry/uids.js';
import { planSend } from '../scu/file-source.js';
import { readPart10Header } from '../storage/part10-reader.js';
import { failureFields, modelOf, qrServiceBase, statusOf, type QueryIndex } from './query-service.js';
import { RetrieveProgress, RSP } from './retrieve-progress.js';

/**
 * C-GET SCP, PS3.4 C.4.3: each matching instance goes back as a C-STORE
 * sub-operation on the same association, on a context whose SOP class the
 * requestor proposed with SCP role 1 and we accepted; uncompressed data is
 * transcoded when another uncompressed syntax was accepted, compressed data
 * never. Pending responses carry the counts; C-CANCEL stops with Cancel.
 */
export function cGetScp(index: QueryIndex): DimseService {
  return {
    name: 'c-get-scp',
    commands: [CommandField['C-GET-RQ']],
    ...qrServiceBase('get'),
    actsAsScuFor: isStorageSopClass,
    logic: fromCallback<ServiceEvent, ServiceInput>(({ input, sendBack, receive }) => {
      const { command, log, assoc } = input;
      let cancelled = false;
      let stopped = false;
      let subopDone: ((ev: { status: number; error?: string }) => void) | undefined;
      receive((ev) => {
        if (ev.type === 'CANCEL') cancelled = true;
        if (ev.type === 'SUBOP_DONE') subopDone?.(ev);
      });
      const send = (r: { command: import('../dimse/command-set.js').CommandSet; dataset?: Buffer }, final: boolean) =>
        !stopped && sendBack({ type: 'RESPONSE', id: input.opId, final, command: r.command, ...(r.dataset ? { dataset: r.dataset } : {}) });
      const scpRoleFor = new Set(assoc.roles.filter((r) => r.scpRole === 1).map((r) => r.sopClassUid));
      const usable = assoc.contexts.filter((c) => scpRoleFor.has(c.abstractSyntax));

      void (async () => {
        let files;
        try {
          files = index.instances(decodeDataset(input.dataset ?? Buffer.alloc(0), input.transferSyntax), modelOf(input.abstractSyntax)!);
        } catch (err) {
          const p = new RetrieveProgress(0, RSP.get, command, input.abstractSyntax, input.transferSyntax);
          const f = p.final(false, failureFields(err));
          f.command.Status = statusOf(err);
          return send(f, true);
        }
        const progress = new RetrieveProgress(files.length, RSP.get, command, input.abstractSyntax, input.transferSyntax);
        log.info({ instances: files.length }, 'C-GET');
        for (const f of files) {
          if (cancelled || stopped) break;
          let status = -1;
          try {
            if (!scpRoleFor.has(f.sopClassUid)) throw new Error(`the requestor did not take the SCP role for ${uidName(f.sopClassUid)} (SCP/SCU Role Selection)`);
            const info = await readPart10Header(f.path);
            const plan = await planSend(info, usable);
            const result = new Promise<{ status: number; error?: string }>((r) => (subopDone = r));
            sendBack({
              type: 'SUBOP', id: input.opId, pcId: plan.context.id, pieces: plan.pieces, bytes: plan.bytes,
              command: { CommandField: CommandField['C-STORE-RQ'], AffectedSOPClassUID: info.sopClassUid, AffectedSOPInstanceUID: info.sopInstanceUid, Priority: Priority.Medium },
            });
            const r = await result;
            status = r.status;
            if (r.error) throw new Error(r.error);
            if (status !== 0) log.warn({ sopInstanceUid: f.sopInstanceUid, status: statusText(status) }, 'C-GET sub-operation not successful');
          } catch (err) {
            log.warn({ sopInstanceUid: f.sopInstanceUid, file: f.path, transferSyntax: f.transferSyntaxUid, err: (err as Error).message }, 'C-GET sub-operation failed');
          }
          progress.count(status, f.sopInstanceUid);
          if (progress.remaining > 0 && !cancelled) send(progress.pending(), false);
        }
        send(progress.final(cancelled), true);
      })();
      return () => {
        stopped = true;
        subopDone?.({ status: -1, error: 'stopped' });
      };
    }),
  };
}
