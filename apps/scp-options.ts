import { checkAeTitle } from '../services/acse/ae-title.js';
import { Option, type Command } from 'commander';
import { aeTitles, parsePort, parsePositiveInt, parseMaxPdu } from './args.js';
import { inspectOptions, scpSecurityOptions, type InspectCliOptions, type ScpSecurityCliOptions } from './security-options.js';

export interface ScpCliOptions extends ScpSecurityCliOptions, InspectCliOptions {
  aetitle: string;
  bindAddress: string;
  maxPdu: number;
  acseTimeout: number;
  requireCalledAet?: boolean;
  allowCallingAet?: string[];
  maxAssociations: number;
  inspect?: number;
  verbose?: boolean;
  debug?: boolean;
}

/** Options every SCP app shares, in dcmtk/pynetdicom spelling. */
export function scpOptions(cmd: Command, defaultAet: string): Command {
  return inspectOptions(scpSecurityOptions(cmd))
    .addOption(new Option('--aetitle <aet>', 'our AE title (-aet)').default(defaultAet).argParser(checkAeTitle))
    .addOption(new Option('--bind-address <addr>', 'address to listen on (-ba)').default('0.0.0.0'))
    .addOption(new Option('--max-pdu <bytes>', 'Maximum Length we accept for P-DATA-TF PDUs (-pdu)').default(1 << 20).argParser(parseMaxPdu))
    .addOption(new Option('--acse-timeout <s>', 'ARTIM / ACSE timeout in seconds (-ta)').default(30).argParser(parsePositiveInt('timeout')))
    .option('--require-called-aet', 'reject associations whose called AE title is not ours')
    .option('--allow-calling-aet <aet...>', 'only these calling AE titles may associate', aeTitles)
    .addOption(new Option('--max-associations <n>', 'concurrent associations').default(64).argParser(parsePositiveInt('max associations')))
    .option('--inspect <port>', 'serve the live inspector on http://127.0.0.1:PORT', (v) => parsePort(v, true))
    .option('-v, --verbose', 'log associations and operations')
    .option('-d, --debug', 'log PDUs and DIMSE messages');
}
