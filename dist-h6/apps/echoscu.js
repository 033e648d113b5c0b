import { Command } from 'commander';
import { ExplicitVRLittleEndian, ImplicitVRLittleEndian, Verification } from '../services/registry/uids.js';
import { statusText } from '../services/dimse/status.js';
import { parsePositiveInt } from './args.js';
import { errorLine, scuOptions, scuSession, timeoutsOf } from './scu-options.js';
/** `netdicom echoscu ADDR PORT`: C-ECHO, like dcmtk/pynetdicom echoscu. Exit 0 on success. */
export function echoscuCommand() {
    return scuOptions(new Command('echoscu'), 'ECHOSCU')
        .description('Verification SCU: send C-ECHO requests')
        .option('--repeat <n>', 'send this many C-ECHOs on the association', parsePositiveInt('repeat'), 1)
        .action(async (addr, port, o) => {
        const s = await scuSession('echoscu', o);
        let code = 0;
        try {
            const assoc = await s.ae.associate({
                host: addr, port, calledAETitle: o.call, timeouts: timeoutsOf(o), ...s.connection,
                contexts: [{ abstractSyntax: Verification, transferSyntaxes: [ExplicitVRLittleEndian, ImplicitVRLittleEndian] }],
            });
            for (let i = 0; i < o.repeat; i++) {
                const status = await assoc.cEcho();
                s.log.info({ status: statusText(status) }, 'C-ECHO response');
                if (status !== 0) {
                    errorLine('echoscu', `C-ECHO status ${statusText(status)}`);
                    code = 1;
                }
            }
            await assoc.release();
        }
        catch (err) {
            errorLine('echoscu', err.message);
            code = 1;
        }
        await s.finish(code);
    });
}
//# sourceMappingURL=echoscu.js.map