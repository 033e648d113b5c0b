import { Command, Option } from 'commander';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Logger } from 'pino';
import { IMPLEMENTATION_VERSION_NAME, type ScpServer } from '../services/application-entity.js';
import { ExplicitVRLittleEndian, ImplicitVRLittleEndian } from '../services/registry/uids.js';
import { MODELS } from '../services/scu/scu-association.js';
import { cStoreScp } from '../services/storage/c-store-scp.js';
import { parsePort } from './args.js';
import { modelOf, queryOptions, type QueryCliOptions } from './findscu.js';
import { queryFromKeys } from './query-keys.js';
import { reportRetrieve } from './retrieve-report.js';
import { errorLine, scuOptions, scuSession, timeoutsOf } from './scu-options.js';

type MoveCliOptions = QueryCliOptions & { moveAet?: string; port?: number; bindAddress: string; outputDirectory: string };

/**
 * `netdicom movescu ADDR PORT -S -k ... [-aem DEST] [--port N -od DIR]`:
 * C-MOVE matching instances to a destination AE; with --port, movescu is that
 * destination itself, like dcmtk movescu +P and pynetdicom movescu --store.
 */
export function movescuCommand(): Command {
  return queryOptions(scuOptions(new Command('movescu'), 'MOVESCU'))
    .description('Retrieve SCU: C-MOVE matching instances to a destination AE (or, with --port, receive them itself)')
    .addOption(new Option('--move-aet <aet>', 'move destination AE title (-aem); default: our own AE title (-aet)'))
    .option('--port <port>', 'receive the moved instances: run a Storage SCP on this port during the C-MOVE (+P); the peer must know our AE title at this address', (v) => parsePort(v))
    .addOption(new Option('--bind-address <addr>', 'address the --port Storage SCP listens on (-ba)').default('0.0.0.0'))
    .addOption(new Option('--output-directory <dir>', 'with --port: where received files are written, one per instance, as storescp does (-od)').default('.'))
    .addHelpText('after', `
With --port N (dcmtk +P), movescu listens on N with a Storage SCP (one Part 10 file per instance in -od, stored as
received, durable before the success response, like storescp) and the move destination defaults to our AE title;
it stops after the final C-MOVE response, once the incoming associations have ended (at most --network-timeout later).
`)
    .action(async (addr: string, port: number, o: MoveCliOptions) => {
      const s = await scuSession('movescu', o);
      let code = 1;
      let receiver: ScpServer | undefined;
      try {
        if (o.port !== undefined) {
          const dir = resolve(o.outputDirectory);
          await mkdir(dir, { recursive: true });
          s.ae.addService(cStoreScp({ dir, implementationVersionName: IMPLEMENTATION_VERSION_NAME }));
          receiver = await s.ae.listen({ port: o.port, host: o.bindAddress });
        }
        const model = modelOf(o);
        const assoc = await s.ae.associate({
          host: addr, port, calledAETitle: o.call, timeouts: timeoutsOf(o), ...s.connection,
          contexts: [{ abstractSyntax: MODELS[model].move, transferSyntaxes: [ExplicitVRLittleEndian, ImplicitVRLittleEndian] }],
        });
        code = await reportRetrieve('movescu', assoc.cMove(queryFromKeys(o.key), o.moveAet ?? o.aetitle, model), s.log);
        await assoc.release();
      } catch (err) {
        errorLine('movescu', (err as Error).message);
      }
      if (receiver) await stopReceiver(receiver, o.networkTimeout * 1000, s.log);
      await s.finish(code);
    });
}

/**
 * After the final C-MOVE response: waits for the incoming associations to end
 * (a peer may release its sub-association after that response), at most
 * `graceMs`, then stops listening (aborting any still open).
 */
async function stopReceiver(receiver: ScpServer, graceMs: number, log: Logger): Promise<void> {
  const deadline = Date.now() + graceMs;
  while (receiver.associations.size > 0 && Date.now() < deadline) {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all([...receiver.associations.values()].map((a) => a.done)),
      new Promise((r) => (timer = setTimeout(r, deadline - Date.now()))),
    ]);
    clearTimeout(timer);
  }
  if (receiver.associations.size > 0) log.warn({ open: receiver.associations.size }, 'incoming association still open after the C-MOVE: aborted');
  await receiver.close();
}
