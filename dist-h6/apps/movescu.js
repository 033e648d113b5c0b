import { Command, Option } from 'commander';
import { ExplicitVRLittleEndian, ImplicitVRLittleEndian } from '../services/registry/uids.js';
import { MODELS } from '../services/scu/scu-association.js';
import { modelOf, queryOptions } from './findscu.js';
import { queryFromKeys } from './query-keys.js';
import { reportRetrieve } from './retrieve-report.js';
import { errorLine, scuOptions, scuSession, timeoutsOf } from './scu-options.js';
/** `netdicom movescu ADDR PORT -S -k ... -aem DEST`: C-MOVE matching instances to another AE. */
export function movescuCommand() {
    return queryOptions(scuOptions(new Command('movescu'), 'MOVESCU'))
        .description('Retrieve SCU: C-MOVE matching instances to a destination AE')
        .addOption(new Option('--move-aet <aet>', 'move destination AE title (-aem); default: our own AE title'))
        .action(async (addr, port, o) => {
        const s = await scuSession('movescu', o);
        let code = 1;
        try {
            const model = modelOf(o);
            const assoc = await s.ae.associate({
                host: addr, port, calledAETitle: o.call, timeouts: timeoutsOf(o), ...s.connection,
                contexts: [{ abstractSyntax: MODELS[model].move, transferSyntaxes: [ExplicitVRLittleEndian, ImplicitVRLittleEndian] }],
            });
            code = await reportRetrieve('movescu', assoc.cMove(queryFromKeys(o.key), o.moveAet ?? o.aetitle, model), s.log);
            await assoc.release();
        }
        catch (err) {
            errorLine('movescu', err.message);
        }
        await s.finish(code);
    });
}
//# sourceMappingURL=movescu.js.map