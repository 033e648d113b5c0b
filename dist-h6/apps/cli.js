#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { normalizeArgv } from './args.js';
import { echoscpCommand } from './echoscp.js';
import { echoscuCommand } from './echoscu.js';
import { findscuCommand } from './findscu.js';
import { getscuCommand } from './getscu.js';
import { movescuCommand } from './movescu.js';
import { qrscpCommand } from './qrscp.js';
import { storescpCommand } from './storescp.js';
import { storescuCommand } from './storescu.js';
/** `netdicom <app> [options]`: the CLI apps. Errors print one line on stderr and exit non-zero, never a stack trace. */
const program = new Command('netdicom')
    .description('DICOM networking toolkit: SCU and SCP apps with a live Upper Layer inspector')
    .version('0.1.0')
    .addCommand(echoscuCommand())
    .addCommand(echoscpCommand())
    .addCommand(storescuCommand())
    .addCommand(storescpCommand())
    .addCommand(findscuCommand())
    .addCommand(getscuCommand())
    .addCommand(movescuCommand())
    .addCommand(qrscpCommand())
    .exitOverride();
for (const c of program.commands)
    c.exitOverride();
try {
    await program.parseAsync(normalizeArgv(process.argv.slice(2)), { from: 'user' });
}
catch (err) {
    if (err instanceof CommanderError)
        process.exit(err.exitCode);
    process.stderr.write(`netdicom: ${err.message}\n`);
    process.exit(1);
}
//# sourceMappingURL=cli.js.map