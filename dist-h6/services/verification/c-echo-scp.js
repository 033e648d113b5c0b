import { fromCallback } from 'xstate';
import { CommandField } from '../dimse/commands.js';
import { Status } from '../dimse/status.js';
import { Verification, isUncompressed } from '../registry/uids.js';
/** C-ECHO SCP: the Verification Service Class, PS3.4 Annex A; answers every C-ECHO-RQ with Success. */
export function cEchoScp() {
    return {
        name: 'c-echo-scp',
        commands: [CommandField['C-ECHO-RQ']],
        serves: (uid) => uid === Verification,
        acceptsTransferSyntax: isUncompressed,
        dataset: 'none',
        logic: fromCallback(({ input, sendBack }) => {
            const out = {
                type: 'RESPONSE',
                id: input.opId,
                final: true,
                command: {
                    CommandField: CommandField['C-ECHO-RSP'],
                    MessageIDBeingRespondedTo: input.command.MessageID,
                    AffectedSOPClassUID: Verification,
                    Status: Status.Success,
                },
            };
            sendBack(out);
        }),
    };
}
//# sourceMappingURL=c-echo-scp.js.map