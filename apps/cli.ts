#!/usr/bin/env node
import { Command, CommanderError } from 'commander';
import { normalizeArgv } from './args.js';

/**
 * The apps, each loaded only when it runs: start-up time is part of every
 * storescu/echoscu invocation, and most apps need few of the modules.
 */
const APPS: Record<string, [description: string, load: () => Promise<Command>]> = {
  echoscu: ['Verification SCU: send C-ECHO requests', async () => (await import('./echoscu.js')).echoscuCommand()],
  echoscp: ['Verification SCP: answer C-ECHO requests', async () => (await import('./echoscp.js')).echoscpCommand()],
  storescu: ['Storage SCU: send DICOM files (and folders) with C-STORE', async () => (await import('./storescu.js')).storescuCommand()],
  storescp: ['Storage SCP: receive C-STOREs, one Part 10 file per instance', async () => (await import('./storescp.js')).storescpCommand()],
  findscu: ['Query SCU: send a C-FIND and print each match', async () => (await import('./findscu.js')).findscuCommand()],
  getscu: ['Retrieve SCU: C-GET matching instances into a folder', async () => (await import('./getscu.js')).getscuCommand()],
  movescu: ['Retrieve SCU: C-MOVE matching instances to a destination AE', async () => (await import('./movescu.js')).movescuCommand()],
  qrscp: ['Query/Retrieve SCP: store, index, find, get and move', async () => (await import('./qrscp.js')).qrscpCommand()],
};

/** `netdicom <app> [options]`: errors print one line on stderr and exit non-zero, never a stack trace. */
const program = new Command('netdicom')
  .description('DICOM networking toolkit: SCU and SCP apps with a live Upper Layer inspector')
  .version('0.1.0')
  .exitOverride();

// A reader that goes away (`findscu … | head`) ends the run quietly, as SIGPIPE ends dcmtk's tools (128 + 13).
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(141);
  process.stderr.write(`netdicom: cannot write the results: ${err.message}\n`);
  process.exit(1);
});

/** No top-level await: the installed CLI is this file bundled as CommonJS (scripts/bundle-cli.mjs). */
async function main(args: string[]): Promise<void> {
  try {
    const argv = normalizeArgv(args);
    const app = APPS[argv[0] ?? ''];
    if (app) program.addCommand(await app[1]());
    else for (const [name, [description]] of Object.entries(APPS)) program.command(name).description(description);
    for (const c of program.commands) c.exitOverride();
    await program.parseAsync(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) process.exit(err.exitCode);
    process.stderr.write(`netdicom: ${(err as Error).message}\n`);
    process.exit(1);
  }
}

void main(process.argv.slice(2));
