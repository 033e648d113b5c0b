import { Command, Option } from 'commander';
import { checkAeTitle } from '../services/acse/ae-title.js';
import { join, resolve } from 'node:path';
import { ApplicationEntity, IMPLEMENTATION_VERSION_NAME } from '../services/application-entity.js';
import { InstanceIndex } from '../services/query-retrieve/index-db.js';
import { cFindScp } from '../services/query-retrieve/c-find-scp.js';
import { cGetScp } from '../services/query-retrieve/c-get-scp.js';
import { cMoveScp, type MoveDestination } from '../services/query-retrieve/c-move-scp.js';
import { cStoreScp } from '../services/storage/c-store-scp.js';
import { cEchoScp } from '../services/verification/c-echo-scp.js';
import { aeTitles, parsePort, parsePositiveInt, parseMaxPdu } from './args.js';
import { appInspector } from './inspect-option.js';
import { cliLogger } from './logger.js';
import { exitOnSignal } from './scp-runner.js';
import { prepareStorageDir } from './storage-dir.js';
import { loadConfig, parseHostPort, parseMoveDest, type QrscpConfig } from './qrscp-config.js';
import { collectKeys } from './query-keys.js';
import { inspectOptions, scpAeSecurityOf, scpRunSecurityOf, scpSecurityOptions, type InspectCliOptions, type ScpSecurityCliOptions } from './security-options.js';

interface QrscpOptions extends ScpSecurityCliOptions, InspectCliOptions {
  aetitle?: string;
  outputDirectory?: string;
  db?: string;
  moveDest: string[];
  config?: string;
  bindAddress?: string;
  maxPdu?: number;
  acseTimeout?: number;
  dimseTimeout?: number;
  requireCalledAet?: boolean;
  allowCallingAet?: string[];
  maxAssociations?: number;
  inspect?: number;
  verbose?: boolean;
  debug?: boolean;
}

/**
 * `netdicom qrscp [PORT] -aet AET -od DIR [--move-dest AET=HOST:PORT]... [-c CONFIG] [--inspect WSPORT]`:
 * a small PACS node: Verification, Storage, and Query/Retrieve (Patient and
 * Study Root; FIND, GET, MOVE) over an SQLite index of the stored files.
 */
export function qrscpCommand(): Command {
  return inspectOptions(scpSecurityOptions(new Command('qrscp')))
    .description('Query/Retrieve SCP: store, index, find, get and move (Patient and Study Root)')
    .argument('[port]', 'TCP port to listen on (default 11112)', (v) => parsePort(v, true))
    .addOption(new Option('--aetitle <aet>', 'our AE title (-aet; default NETDICOM)').argParser(checkAeTitle))
    .addOption(new Option('--output-directory <dir>', 'storage folder (-od; default ./dicom-store)'))
    .option('--db <path>', 'SQLite index (default: DIR/.netdicom-index.sqlite; :memory: keeps it in memory, rebuilt from DIR at start)')
    .option('--move-dest <spec>', 'C-MOVE destination AET=HOST:PORT (repeatable)', collectKeys, [])
    .option('-c, --config <file>', 'JSON configuration file (see examples/qrscp.config.json)')
    .addOption(new Option('--bind-address <addr>', 'address to listen on (-ba; default 0.0.0.0)'))
    .addOption(new Option('--max-pdu <bytes>', 'Maximum Length we accept (-pdu)').argParser(parseMaxPdu))
    .addOption(new Option('--acse-timeout <s>', 'ARTIM / ACSE timeout in seconds (-ta)').argParser(parsePositiveInt('timeout')))
    .addOption(new Option('--dimse-timeout <s>', 'DIMSE timeout for C-MOVE sub-associations, seconds (-td)').argParser(parsePositiveInt('timeout')))
    .option('--require-called-aet', 'reject associations whose called AE title is not ours')
    .option('--allow-calling-aet <aet...>', 'only these calling AE titles may associate', aeTitles)
    .addOption(new Option('--max-associations <n>', 'concurrent associations').argParser(parsePositiveInt('max associations')))
    .option('--inspect <port>', 'serve the live inspector on http://127.0.0.1:PORT', (v) => parsePort(v, true))
    .option('-v, --verbose', 'log associations and operations')
    .option('-d, --debug', 'log PDUs and DIMSE messages')
    .action(async (port: number | undefined, o: QrscpOptions) => {
      const log = cliLogger({ name: 'qrscp', verbose: o.verbose, debug: o.debug });
      const cfg: QrscpConfig = o.config ? loadConfig(o.config) : {};
      const security = scpRunSecurityOf(o);
      const aeTitle = o.aetitle ?? cfg.aeTitle ?? 'NETDICOM';
      const dir = resolve(o.outputDirectory ?? cfg.storageDir ?? './dicom-store');
      // The config's databasePath indexes the config's storageDir: -od on the command line moves the default index with the folder.
      const db = o.db ?? (o.outputDirectory === undefined ? cfg.databasePath : undefined) ?? join(dir, '.netdicom-index.sqlite');
      const dbPath = db === ':memory:' ? db : resolve(db);
      const destinations = new Map<string, MoveDestination>(Object.entries(cfg.moveDestinations ?? {}).map(([k, v]) => [k, parseHostPort(v, `moveDestinations.${k}`)]));
      for (const spec of o.moveDest) destinations.set(...parseMoveDest(spec));
      const timeouts = cfg.timeouts ?? {};
      const allowed = o.allowCallingAet ?? cfg.allowedCallingAETitles;

      await prepareStorageDir(dir, log);
      const index = InstanceIndex.open(dbPath, log, aeTitle);
      const rec = index.reconcile(dir);
      log.info({ dir, db: dbPath, instances: index.count(), ...rec }, 'index ready');

      const inspectPort = o.inspect ?? cfg.inspectPort;
      const insp = await appInspector({ port: inspectPort, debug: o.debug, host: security.inspectAt.host, token: security.inspectAt.token }, log);
      const ae = new ApplicationEntity({
        aeTitle,
        maxPduLength: o.maxPdu ?? cfg.maxPduLength ?? 1 << 20,
        artimMs: (o.acseTimeout ?? timeouts.acse ?? 30) * 1000,
        requireCalledAETitle: o.requireCalledAet ?? cfg.requireCalledAETitle ?? false,
        ...(allowed?.length ? { allowedCallingAETitles: allowed } : {}),
        maxAssociations: o.maxAssociations ?? cfg.maxAssociations ?? 64,
        ...scpAeSecurityOf(o),
        log,
        ...(insp.inspector ? { inspector: insp.inspector } : {}),
      });
      const subTimeouts = {
        connectMs: (timeouts.connect ?? 10) * 1000,
        acseMs: (o.acseTimeout ?? timeouts.acse ?? 30) * 1000,
        dimseMs: (o.dimseTimeout ?? timeouts.dimse ?? 60) * 1000,
        networkMs: (timeouts.network ?? 60) * 1000,
      };
      ae.addService(cEchoScp())
        .addService(cStoreScp({
          dir,
          implementationVersionName: IMPLEMENTATION_VERSION_NAME,
          // Read on the temporary file, so an instance the index refuses never replaces a stored copy; filed once in place.
          accept: (received) => {
            const rec = index.prepare(received);
            return (stored) => index.insert(rec, stored.path);
          },
        }))
        .addService(cFindScp(index))
        .addService(cGetScp(index))
        .addService(cMoveScp({ index, destinations, associate: (d, contexts) => ae.associate({ host: d.host, port: d.port, calledAETitle: d.calledAETitle, contexts, timeouts: subTimeouts }) }));
      const server = await ae.listen({ port: port ?? cfg.port ?? 11112, host: o.bindAddress ?? cfg.bindAddress ?? '0.0.0.0' });
      const tlsServer = security.tls ? await ae.listen({ port: security.tls.port, host: o.bindAddress ?? cfg.bindAddress ?? '0.0.0.0', tls: security.tls.options }) : undefined;
      process.stderr.write(`qrscp: ${aeTitle} listening on port ${server.port}${tlsServer ? ` and TLS port ${tlsServer.port}` : ''}, storing in ${dir}\n`);
      exitOnSignal(log, async () => {
        await Promise.all([server.close(), tlsServer?.close()]);
        await insp.server?.close();
        index.close();
      });
    });
}
