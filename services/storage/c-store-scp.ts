import { join } from 'node:path';
import { fromCallback } from 'xstate';
import { CommandField } from '../dimse/commands.js';
import type { DimseService, ServiceEvent, ServiceInput, ServiceOutput } from '../dimse/service.js';
import { Status, statusText } from '../dimse/status.js';
import { isStorageSopClass, isTransferSyntax } from '../registry/uids.js';
import { errorComment } from '../dimse/error-comment.js';
import { DurableFile } from './durable-file.js';
import { encodeFileMeta } from './file-meta.js';

/** A received instance as `accept` sees it: `path` is its complete, fsynced temporary file under TEMP_DIR. */
export interface ReceivedInstance {
  path: string;
  sopClassUid: string;
  sopInstanceUid: string;
  transferSyntaxUid: string;
  callingAETitle: string;
}

/** A stored instance, as told to what `accept` returned: `path` is its final place. */
export interface StoredInstance extends ReceivedInstance {
  /** True when a file of the same SOP Instance UID was replaced. */
  replaced: boolean;
}

export interface StorageScpOptions {
  /** Output folder; one file per instance lies directly in it. */
  dir: string;
  implementationVersionName: string;
  /** Accept any abstract syntax, not only the Storage SOP Classes of the registry. */
  promiscuous?: boolean;
  /**
   * Decides whether a received instance is kept (e.g. whether the index can take it), before anything
   * stored is touched: runs once the data set is complete and fsynced in its temporary file, before the
   * rename that would replace an earlier copy. A throw refuses the C-STORE with the error's numeric
   * `status` if it has one, else C000 (cannot understand), its message (less a leading `<path>: `) as
   * Error Comment; the temporary file is removed and the output folder is left as it was.
   * It may return `stored`, run synchronously right after the rename (so concurrent copies of one
   * instance are recorded in the order they were placed) and before the success response, which waits
   * for the folder fsync too. `stored` should fail only for a local reason (a database error): the
   * response is then A700, and the file stays, since it may already have replaced an earlier copy.
   */
  accept?: (received: ReceivedInstance) => Promise<Stored | void> | Stored | void;
}

/** What `accept` may return: records an accepted instance once it lies in its final place. */
export type Stored = (instance: StoredInstance) => void;

/** Pause reading from the peer above this many bytes queued for the disk; resume below a quarter of it. */
const HIGH_WATER = 8 << 20;

/**
 * C-STORE SCP, PS3.4 Annex B: the data set streams to a temporary file behind
 * a File Meta Information header (the negotiated transfer syntax, the UIDs of
 * the request, our Implementation Class UID), exactly as received: never
 * decoded, never transcoded. The file is durable before the success response;
 * a disk error answers A700 (out of resources) and leaves no partial file; an
 * instance `accept` refuses never reaches the output folder.
 */
export function cStoreScp(opts: StorageScpOptions): DimseService {
  return {
    name: 'c-store-scp',
    commands: [CommandField['C-STORE-RQ']],
    serves: (uid) => opts.promiscuous === true || isStorageSopClass(uid),
    acceptsTransferSyntax: isTransferSyntax,
    dataset: 'stream',
    logic: fromCallback<ServiceEvent, ServiceInput>(({ input, sendBack, receive }) => {
      const { command, log } = input;
      const sopClassUid = String(command.AffectedSOPClassUID ?? input.abstractSyntax);
      const sopInstanceUid = String(command.AffectedSOPInstanceUID ?? '');
      const file = new DurableFile(opts.dir);
      let paused = false;
      let finished = false;
      const respond = (status: number, comment?: string) => {
        finished = true;
        const out: ServiceOutput = {
          type: 'RESPONSE',
          id: input.opId,
          final: true,
          command: {
            CommandField: CommandField['C-STORE-RSP'],
            MessageIDBeingRespondedTo: command.MessageID as number,
            AffectedSOPClassUID: sopClassUid,
            AffectedSOPInstanceUID: sopInstanceUid,
            Status: status,
            ...(comment ? { ErrorComment: errorComment(comment) } : {}),
          },
        };
        sendBack(out);
      };
      file.write(
        encodeFileMeta({
          mediaStorageSopClassUid: sopClassUid,
          mediaStorageSopInstanceUid: sopInstanceUid,
          transferSyntaxUid: input.transferSyntax,
          implementationClassUid: input.assoc.implementationClassUid,
          implementationVersionName: opts.implementationVersionName,
          sourceApplicationEntityTitle: input.assoc.callingAETitle,
        }),
      );
      const onWritten = () => {
        if (paused && file.pendingBytes < HIGH_WATER / 4) {
          paused = false;
          sendBack({ type: 'RESUME', id: input.opId });
        }
      };
      /** Seal, let `accept` refuse the temporary file, and only then place it over any earlier copy. */
      const store = async () => {
        await file.seal();
        const received: ReceivedInstance = { path: file.tempPath, sopClassUid, sopInstanceUid, transferSyntaxUid: input.transferSyntax, callingAETitle: input.assoc.callingAETitle };
        let stored: Stored | void;
        try {
          stored = await opts.accept?.(received);
        } catch (err) {
          // Refused (e.g. not indexable): not a disk problem, so not A700.
          await file.discard();
          const s = (err as { status?: unknown }).status;
          const status = typeof s === 'number' ? s : Status.CannotUnderstand;
          log.error({ sopInstanceUid, err: (err as Error).message }, `C-STORE refused: ${statusText(status)}`);
          return respond(status, (err as Error).message.split(`${received.path}: `).join('')); // the Error Comment names no server path
        }
        const name = `${fileSafe(sopInstanceUid)}.dcm`;
        const path = join(opts.dir, name);
        const replaced = await file.place(name, (replaced) => stored?.({ ...received, path, replaced }));
        if (replaced) log.info({ sopInstanceUid, path }, 'a later copy replaced the stored instance');
        log.info({ sopInstanceUid, path }, 'stored');
        respond(Status.Success);
      };
      receive((ev) => {
        if (ev.type !== 'DATA' || finished) return;
        file.write(ev.chunk, onWritten);
        if (!paused && file.pendingBytes > HIGH_WATER) {
          paused = true;
          sendBack({ type: 'PAUSE', id: input.opId });
        }
        if (!ev.last) return;
        if (paused) {
          paused = false;
          sendBack({ type: 'RESUME', id: input.opId });
        }
        void store().catch((err: NodeJS.ErrnoException) => {
          log.error({ sopInstanceUid, code: err.code, err: err.message }, `C-STORE failed: ${statusText(Status.OutOfResources)}`);
          respond(Status.OutOfResources, `${err.code ?? 'error'}: ${err.message}`);
        });
      });
      // Stopped before the end (abort, transport closed): no partial file stays behind.
      return () => {
        if (!finished) void file.discard();
      };
    }),
  };
}

/** SOP Instance UIDs are digits and dots; anything else a peer sends must not reach the path. */
function fileSafe(uid: string): string {
  const s = uid.replace(/[^0-9A-Za-z.\-]/g, '_').replace(/^\.+/, '_');
  return s.length > 0 ? s.slice(0, 128) : 'no-sop-instance-uid';
}
