import { Command, Option } from 'commander';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { cStoreScp } from '../services/storage/c-store-scp.js';
import { cleanTempDir } from '../services/storage/durable-file.js';
import { cEchoScp } from '../services/verification/c-echo-scp.js';
import { IMPLEMENTATION_VERSION_NAME } from '../services/application-entity.js';
import { parsePort } from './args.js';
import { cliLogger } from './logger.js';
import { runScp } from './scp-runner.js';
import { scpOptions } from './scp-options.js';
import { scpAeSecurityOf, scpRunSecurityOf } from './security-options.js';
/** `netdicom storescp PORT -od DIR`: a Storage SCP (and Verification), like dcmtk/pynetdicom storescp. */
export function storescpCommand() {
    return scpOptions(new Command('storescp'), 'STORESCP')
        .description('Storage SCP: receive C-STORE requests and write one Part 10 file per instance')
        .argument('<port>', 'TCP port to listen on', (v) => parsePort(v, true))
        .addOption(new Option('--output-directory <dir>', 'where received files are written (-od)').default('.'))
        .option('--promiscuous', 'accept any abstract syntax as a storage SOP class')
        .action(async (port, opts) => {
        const log = cliLogger({ name: 'storescp', verbose: opts.verbose, debug: opts.debug });
        const dir = resolve(opts.outputDirectory);
        await mkdir(dir, { recursive: true });
        const cleaned = await cleanTempDir(dir);
        if (cleaned)
            log.warn({ cleaned }, 'removed partial files left by an earlier run');
        await runScp({
            port,
            bindAddress: opts.bindAddress,
            ...(opts.inspect !== undefined ? { inspect: opts.inspect } : {}),
            ...scpRunSecurityOf(opts),
            ae: aeFromOptions(opts),
            services: [cEchoScp(), cStoreScp({ dir, implementationVersionName: IMPLEMENTATION_VERSION_NAME, promiscuous: opts.promiscuous === true })],
            log,
        });
    });
}
export function aeFromOptions(opts) {
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
//# sourceMappingURL=storescp.js.map