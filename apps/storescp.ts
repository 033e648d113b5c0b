import { Command, Option } from 'commander';
import { resolve } from 'node:path';
import { cStoreScp } from '../services/storage/c-store-scp.js';
import { cEchoScp } from '../services/verification/c-echo-scp.js';
import { IMPLEMENTATION_VERSION_NAME } from '../services/application-entity.js';
import { parsePort } from './args.js';
import { cliLogger } from './logger.js';
import { prepareStorageDir } from './storage-dir.js';
import { runScp } from './scp-runner.js';
import { scpOptions, type ScpCliOptions } from './scp-options.js';
import { scpAeSecurityOf, scpRunSecurityOf } from './security-options.js';

/** `netdicom storescp PORT -od DIR`: a Storage SCP (and Verification), like dcmtk/pynetdicom storescp. */
export function storescpCommand(): Command {
  return scpOptions(new Command('storescp'), 'STORESCP')
    .description('Storage SCP: receive C-STORE requests and write one Part 10 file per instance')
    .argument('<port>', 'TCP port to listen on', (v) => parsePort(v, true))
    .addOption(new Option('--output-directory <dir>', 'where received files are written (-od)').default('.'))
    .option('--promiscuous', 'accept any abstract syntax as a storage SOP class')
    .action(async (port: number, opts: ScpCliOptions & { outputDirectory: string; promiscuous?: boolean }) => {
      const log = cliLogger({ name: 'storescp', verbose: opts.verbose, debug: opts.debug });
      const dir = resolve(opts.outputDirectory);
      await prepareStorageDir(dir, log);
      await runScp({
        port,
        bindAddress: opts.bindAddress,
        ...(opts.inspect !== undefined ? { inspect: opts.inspect } : {}),
        debug: opts.debug === true,
        ...scpRunSecurityOf(opts),
        ae: aeFromOptions(opts),
        services: [cEchoScp(), cStoreScp({ dir, implementationVersionName: IMPLEMENTATION_VERSION_NAME, promiscuous: opts.promiscuous === true })],
        log,
      });
    });
}

export function aeFromOptions(opts: ScpCliOptions) {
  return {
    aeTitle: opts.aetitle,
    maxPduLength: opts.maxPdu,
    artimMs: opts.acseTimeout * 1000,
    requireCalledAETitle: opts.requireCalledAet === true,
    ...(opts.allowCallingAet?.length ? { allowedCallingAETitles: opts.allowCallingAet } : {}),
    maxAssociations: opts.maxAssociations,
    ...scpAeSecurityOf(opts),
  };
}

