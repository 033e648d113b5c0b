import { Command } from 'commander';
import { cEchoScp } from '../services/verification/c-echo-scp.js';
import { parsePort } from './args.js';
import { cliLogger } from './logger.js';
import { runScp } from './scp-runner.js';
import { scpOptions, type ScpCliOptions } from './scp-options.js';
import { aeFromOptions } from './storescp.js';
import { scpRunSecurityOf } from './security-options.js';

/** `netdicom echoscp PORT`: a Verification SCP. */
export function echoscpCommand(): Command {
  return scpOptions(new Command('echoscp'), 'ECHOSCP')
    .description('Verification SCP: answer C-ECHO requests')
    .argument('<port>', 'TCP port to listen on', (v) => parsePort(v, true))
    .action(async (port: number, opts: ScpCliOptions) => {
      const log = cliLogger({ name: 'echoscp', verbose: opts.verbose, debug: opts.debug });
      await runScp({ port, bindAddress: opts.bindAddress, ...(opts.inspect !== undefined ? { inspect: opts.inspect } : {}), debug: opts.debug === true, ...scpRunSecurityOf(opts), ae: aeFromOptions(opts), services: [cEchoScp()], log });
    });
}
