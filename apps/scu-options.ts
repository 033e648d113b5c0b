import { checkAeTitle } from '../services/acse/ae-title.js';
import { Option, type Command } from 'commander';
import type { Logger } from 'pino';
import { ApplicationEntity } from '../services/application-entity.js';
import type { Timeouts } from '../services/scu/client-association.js';
import type { Inspector } from '../visualize/inspector.js';
import { parsePort, parsePositiveInt, parseMaxPdu } from './args.js';
import { appInspector } from './inspect-option.js';
import { cliLogger } from './logger.js';
import { inspectAddressOf, inspectOptions, scuConnectionOf, scuSecurityOptions, type InspectCliOptions, type ScuSecurityCliOptions } from './security-options.js';

export interface ScuCliOptions extends ScuSecurityCliOptions, InspectCliOptions {
  aetitle: string;
  call: string;
  maxPdu: number;
  connectionTimeout: number;
  acseTimeout: number;
  dimseTimeout: number;
  networkTimeout: number;
  inspect?: number;
  verbose?: boolean;
  debug?: boolean;
}

/** Options every SCU app shares, in dcmtk/pynetdicom spelling; `addr port` positional. */
export function scuOptions(cmd: Command, defaultAet: string): Command {
  return inspectOptions(scuSecurityOptions(cmd))
    .argument('<addr>', 'peer host name or address')
    .argument('<port>', 'peer TCP port', (v) => parsePort(v))
    .addOption(new Option('--aetitle <aet>', 'our (calling) AE title (-aet)').default(defaultAet).argParser(checkAeTitle))
    .addOption(new Option('--call <aet>', 'the peer\'s (called) AE title (-aec)').default('ANY-SCP').argParser(checkAeTitle))
    .addOption(new Option('--max-pdu <bytes>', 'Maximum Length we accept (-pdu)').default(1 << 20).argParser(parseMaxPdu))
    .addOption(new Option('--connection-timeout <s>', 'TCP connect timeout in seconds (-to)').default(10).argParser(parsePositiveInt('timeout')))
    .addOption(new Option('--acse-timeout <s>', 'association/release response timeout in seconds (-ta)').default(30).argParser(parsePositiveInt('timeout')))
    .addOption(new Option('--dimse-timeout <s>', 'DIMSE response timeout in seconds (-td)').default(60).argParser(parsePositiveInt('timeout')))
    .addOption(new Option('--network-timeout <s>', 'network idle timeout in seconds (-tn)').default(60).argParser(parsePositiveInt('timeout')))
    .option('--inspect <port>', 'serve the live inspector on http://127.0.0.1:PORT; stays up until Ctrl-C', (v) => parsePort(v, true))
    .option('-v, --verbose', 'log associations and operations')
    .option('-d, --debug', 'log PDUs and DIMSE messages');
}

export function timeoutsOf(o: ScuCliOptions): Timeouts {
  return { connectMs: o.connectionTimeout * 1000, acseMs: o.acseTimeout * 1000, dimseMs: o.dimseTimeout * 1000, networkMs: o.networkTimeout * 1000 };
}

export interface ScuSession {
  ae: ApplicationEntity;
  log: Logger;
  inspector?: Inspector;
  /** TLS and User Identity from the flags, for every associate() of the app. */
  connection: ReturnType<typeof scuConnectionOf>;
  /** Ends the app: keeps the inspector page up until Ctrl-C when --inspect was given. */
  finish(code: number): Promise<never>;
}

/** Sets up the logger, the optional inspector and an AE for an SCU app. */
export async function scuSession(name: string, o: ScuCliOptions): Promise<ScuSession> {
  const log = cliLogger({ name, verbose: o.verbose, debug: o.debug });
  const connection = scuConnectionOf(o);
  const at = inspectAddressOf(o);
  const { inspector, server } = await appInspector({ port: o.inspect, debug: o.debug, host: at.host, token: at.token }, log);
  const ae = new ApplicationEntity({ aeTitle: o.aetitle, maxPduLength: o.maxPdu, log, ...(inspector ? { inspector } : {}) });
  return {
    ae,
    log,
    connection,
    ...(inspector ? { inspector } : {}),
    finish: async (code) => {
      if (server) {
        process.stderr.write(`${name}: done (exit ${code}); inspector still at ${server.url} — Ctrl-C to quit\n`);
        await new Promise<void>((r) => {
          process.once('SIGINT', r);
          process.once('SIGTERM', r);
        });
        await server.close();
      }
      process.exit(code);
    },
  };
}

/** One clear error line on stderr: "<app>: error: <what>". Never a stack trace. */
export function errorLine(app: string, what: string): void {
  process.stderr.write(`${app}: error: ${what}\n`);
}
