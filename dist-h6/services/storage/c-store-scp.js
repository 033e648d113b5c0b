import { fromCallback } from 'xstate';
import { CommandField } from '../dimse/commands.js';
import { Status, statusText } from '../dimse/status.js';
import { isStorageSopClass, isTransferSyntax } from '../registry/uids.js';
import { DurableFile } from './durable-file.js';
import { encodeFileMeta } from './file-meta.js';
/** Pause reading from the peer above this many bytes queued for the disk; resume below a quarter of it. */
const HIGH_WATER = 8 << 20;
/**
 * C-STORE SCP, PS3.4 Annex B: the data set streams to a temporary file behind
 * a File Meta Information header (the negotiated transfer syntax, the UIDs of
 * the request, our Implementation Class UID), exactly as received: never
 * decoded, never transcoded. The file is durable before the success response;
 * a disk error answers A700 (out of resources) and leaves no partial file.
 */
export function cStoreScp(opts) {
    return {
        name: 'c-store-scp',
        commands: [CommandField['C-STORE-RQ']],
        serves: (uid) => opts.promiscuous === true || isStorageSopClass(uid),
        acceptsTransferSyntax: isTransferSyntax,
        dataset: 'stream',
        logic: fromCallback(({ input, sendBack, receive }) => {
            const { command, log } = input;
            const sopClassUid = String(command.AffectedSOPClassUID ?? input.abstractSyntax);
            const sopInstanceUid = String(command.AffectedSOPInstanceUID ?? '');
            const file = new DurableFile(opts.dir);
            let paused = false;
            let finished = false;
            const respond = (status, errorComment) => {
                finished = true;
                const out = {
                    type: 'RESPONSE',
                    id: input.opId,
                    final: true,
                    command: {
                        CommandField: CommandField['C-STORE-RSP'],
                        MessageIDBeingRespondedTo: command.MessageID,
                        AffectedSOPClassUID: sopClassUid,
                        AffectedSOPInstanceUID: sopInstanceUid,
                        Status: status,
                        ...(errorComment ? { ErrorComment: errorComment.slice(0, 64) } : {}),
                    },
                };
                sendBack(out);
            };
            file.write(encodeFileMeta({
                mediaStorageSopClassUid: sopClassUid,
                mediaStorageSopInstanceUid: sopInstanceUid,
                transferSyntaxUid: input.transferSyntax,
                implementationClassUid: input.assoc.implementationClassUid,
                implementationVersionName: opts.implementationVersionName,
                sourceApplicationEntityTitle: input.assoc.callingAETitle,
            }));
            const onWritten = () => {
                if (paused && file.pendingBytes < HIGH_WATER / 4) {
                    paused = false;
                    sendBack({ type: 'RESUME', id: input.opId });
                }
            };
            receive((ev) => {
                if (ev.type !== 'DATA' || finished)
                    return;
                file.write(ev.chunk, onWritten);
                if (!paused && file.pendingBytes > HIGH_WATER) {
                    paused = true;
                    sendBack({ type: 'PAUSE', id: input.opId });
                }
                if (!ev.last)
                    return;
                if (paused) {
                    paused = false;
                    sendBack({ type: 'RESUME', id: input.opId });
                }
                const name = `${fileSafe(sopInstanceUid)}.dcm`;
                file
                    .commit(name)
                    .then(async (replaced) => {
                    const path = `${opts.dir}/${name}`;
                    if (replaced)
                        log.info({ sopInstanceUid, path }, 'a later copy replaced the stored instance');
                    await opts.onStored?.({ path, sopClassUid, sopInstanceUid, transferSyntaxUid: input.transferSyntax, callingAETitle: input.assoc.callingAETitle, replaced });
                    log.debug({ sopInstanceUid, path }, 'stored');
                    respond(Status.Success);
                })
                    .catch((err) => {
                    log.error({ sopInstanceUid, code: err.code, err: err.message }, `C-STORE failed: ${statusText(Status.OutOfResources)}`);
                    respond(Status.OutOfResources, `${err.code ?? 'error'}: ${err.message}`);
                });
            });
            // Stopped before the end (abort, transport closed): no partial file stays behind.
            return () => {
                if (!finished)
                    void file.discard();
            };
        }),
    };
}
/** SOP Instance UIDs are digits and dots; anything else a peer sends must not reach the path. */
function fileSafe(uid) {
    const s = uid.replace(/[^0-9A-Za-z.\-]/g, '_').replace(/^\.+/, '_');
    return s.length > 0 ? s.slice(0, 128) : 'no-sop-instance-uid';
}
//# sourceMappingURL=c-store-scp.js.map