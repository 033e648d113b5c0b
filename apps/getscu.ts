import { Command, Option } from 'commander';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian, STORAGE_SOP_CLASSES, lookupUid } from '../services/registry/uids.js';
import { cStoreScp } from '../services/storage/c-store-scp.js';
import { IMPLEMENTATION_VERSION_NAME } from '../services/application-entity.js';
import { MODELS } from '../services/scu/scu-association.js';
import { modelOf, queryOptions, type QueryCliOptions } from './findscu.js';
import { collectKeys, queryFromKeys } from './query-keys.js';
import { reportRetrieve } from './retrieve-report.js';
import { errorLine, scuOptions, scuSession, timeoutsOf } from './scu-options.js';

/** Storage SOP classes proposed for C-GET sub-operations: the current (non-retired) ones that fit beside the Q/R context. */
const GET_STORAGE_CLASSES = STORAGE_SOP_CLASSES.filter((u) => !lookupUid(u)?.retired).slice(0, 127);

/** `netdicom getscu ADDR PORT -S -k ... -od DIR`: C-GET; one file per instance directly in DIR. */
export function getscuCommand(): Command {
  return queryOptions(scuOptions(new Command('getscu'), 'GETSCU'))
    .description('Retrieve SCU: C-GET matching instances into a folder')
    .addOption(new Option('--output-directory <dir>', 'where retrieved files are written (-od)').default('.'))
    .option('--storage-class <uid>', 'propose this storage SOP class (repeatable; default: the common ones)', collectKeys, [])
    .action(async (addr: string, port: number, o: QueryCliOptions & { outputDirectory: string; storageClass: string[] }) => {
      const s = await scuSession('getscu', o);
      let code = 1;
      try {
        const dir = resolve(o.outputDirectory);
        await mkdir(dir, { recursive: true });
        s.ae.addService(cStoreScp({ dir, implementationVersionName: IMPLEMENTATION_VERSION_NAME }));
        const model = modelOf(o);
        const classes = o.storageClass.length ? o.storageClass : GET_STORAGE_CLASSES;
        const assoc = await s.ae.associate({
          host: addr, port, calledAETitle: o.call, timeouts: timeoutsOf(o),
          contexts: [
            { abstractSyntax: MODELS[model].get, transferSyntaxes: [ExplicitVRLittleEndian, ImplicitVRLittleEndian] },
            ...classes.map((c) => ({ abstractSyntax: c, transferSyntaxes: [ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian] })),
          ],
          roles: classes.map((c) => ({ sopClassUid: c, scuRole: 0, scpRole: 1 })),
        });
        code = await reportRetrieve('getscu', assoc.cGet(queryFromKeys(o.key), model), s.log);
        await assoc.release();
      } catch (err) {
        errorLine('getscu', (err as Error).message);
      }
      await s.finish(code);
    });
}
