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

/** Storage SOP classes retrieved most often; proposed first, whatever the registry holds. */
const COMMON_STORAGE_CLASSES = [
  '1.2.840.10008.5.1.4.1.1.2', // CT Image
  '1.2.840.10008.5.1.4.1.1.4', // MR Image
  '1.2.840.10008.5.1.4.1.1.1', // Computed Radiography Image
  '1.2.840.10008.5.1.4.1.1.1.1', // Digital X-Ray Image - For Presentation
  '1.2.840.10008.5.1.4.1.1.1.2', // Digital Mammography X-Ray Image - For Presentation
  '1.2.840.10008.5.1.4.1.1.6.1', // Ultrasound Image
  '1.2.840.10008.5.1.4.1.1.3.1', // Ultrasound Multi-frame Image
  '1.2.840.10008.5.1.4.1.1.7', // Secondary Capture Image
  '1.2.840.10008.5.1.4.1.1.20', // Nuclear Medicine Image
  '1.2.840.10008.5.1.4.1.1.128', // Positron Emission Tomography Image
  '1.2.840.10008.5.1.4.1.1.12.1', // X-Ray Angiographic Image
  '1.2.840.10008.5.1.4.1.1.12.2', // X-Ray Radiofluoroscopic Image
  '1.2.840.10008.5.1.4.1.1.481.1', // RT Image
  '1.2.840.10008.5.1.4.1.1.481.2', // RT Dose
  '1.2.840.10008.5.1.4.1.1.481.3', // RT Structure Set
  '1.2.840.10008.5.1.4.1.1.481.4', // RT Beams Treatment Record
  '1.2.840.10008.5.1.4.1.1.481.5', // RT Plan
  '1.2.840.10008.5.1.4.1.1.481.8', // RT Ion Plan
  '1.2.840.10008.5.1.4.1.1.88.11', // Basic Text SR
  '1.2.840.10008.5.1.4.1.1.88.22', // Enhanced SR
  '1.2.840.10008.5.1.4.1.1.88.33', // Comprehensive SR
  '1.2.840.10008.5.1.4.1.1.88.59', // Key Object Selection Document
  '1.2.840.10008.5.1.4.1.1.88.67', // X-Ray Radiation Dose SR
  '1.2.840.10008.5.1.4.1.1.104.1', // Encapsulated PDF
  '1.2.840.10008.5.1.4.1.1.11.1', // Grayscale Softcopy Presentation State
  '1.2.840.10008.5.1.4.1.1.66.4', // Segmentation
];

/**
 * Specialised storage classes proposed only if room is left: DICOS, NDE,
 * protocol and inventory objects, second-generation RT, implant templates,
 * ophthalmic measurements and maps, volumetric presentation states, and the
 * rarer waveforms.
 */
const RARE_STORAGE_CLASS = [
  /^1\.2\.840\.10008\.5\.1\.4\.1\.1\.(501|601|200|201)\./,
  /^1\.2\.840\.10008\.5\.1\.4\.1\.1\.481\.(1\d|2\d)$/,
  /^1\.2\.840\.10008\.5\.1\.4\.34\./,
  /^1\.2\.840\.10008\.5\.1\.4\.4[345]\./,
  /^1\.2\.840\.10008\.5\.1\.4\.1\.1\.(78|79|80|81|82)\./,
  /^1\.2\.840\.10008\.5\.1\.4\.1\.1\.11\.([6-9]|1\d)$/,
  /^1\.2\.840\.10008\.5\.1\.4\.1\.1\.9\.(7|8|100)\./,
];

/**
 * Storage SOP classes proposed for C-GET sub-operations, one context each
 * beside the Q/R context (at most 128 per association, PS3.8 §9.3.2.2): the
 * common ones first, then the other current (non-retired) classes, the
 * specialised ones last, cut at 127.
 */
export const GET_STORAGE_CLASSES: readonly string[] = (() => {
  const current = STORAGE_SOP_CLASSES.filter((u) => !lookupUid(u)?.retired);
  const common = COMMON_STORAGE_CLASSES.filter((u) => current.includes(u));
  const rest = current.filter((u) => !common.includes(u));
  const rare = rest.filter((u) => RARE_STORAGE_CLASS.some((re) => re.test(u)));
  return [...common, ...rest.filter((u) => !rare.includes(u)), ...rare].slice(0, 127);
})();

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
          host: addr, port, calledAETitle: o.call, timeouts: timeoutsOf(o), ...s.connection,
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
