import { Command, Option } from 'commander';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  ExplicitVRBigEndian, ExplicitVRLittleEndian, ImplicitVRLittleEndian, JPEG2000, JPEG2000Lossless, JPEGBaseline8Bit, JPEGLSLossless, JPEGLosslessSV1,
  RLELossless, STORAGE_SOP_CLASSES, lookupUid,
} from '../services/registry/uids.js';
import { cStoreScp } from '../services/storage/c-store-scp.js';
import { IMPLEMENTATION_VERSION_NAME } from '../services/application-entity.js';
import type { ProposedContext } from '../services/scu/client-association.js';
import { MODELS } from '../services/scu/scu-association.js';
import type { RoleSelection } from '../transport/pdu-types.js';
import { modelOf, queryOptions, type QueryCliOptions } from './findscu.js';
import { collectKeys, queryFromKeys } from './query-keys.js';
import { reportRetrieve } from './retrieve-report.js';
import { errorLine, scuOptions, scuSession, timeoutsOf } from './scu-options.js';

/** Storage SOP classes retrieved most often, proposed first whatever the registry holds; `compressed`: commonly stored compressed, so offered in every compressed syntax. */
const COMMON_STORAGE = [
  { uid: '1.2.840.10008.5.1.4.1.1.2', compressed: true }, // CT Image
  { uid: '1.2.840.10008.5.1.4.1.1.4', compressed: true }, // MR Image
  { uid: '1.2.840.10008.5.1.4.1.1.1', compressed: true }, // Computed Radiography Image
  { uid: '1.2.840.10008.5.1.4.1.1.1.1', compressed: true }, // Digital X-Ray Image - For Presentation
  { uid: '1.2.840.10008.5.1.4.1.1.1.2', compressed: true }, // Digital Mammography X-Ray Image - For Presentation
  { uid: '1.2.840.10008.5.1.4.1.1.6.1', compressed: true }, // Ultrasound Image
  { uid: '1.2.840.10008.5.1.4.1.1.3.1', compressed: true }, // Ultrasound Multi-frame Image
  { uid: '1.2.840.10008.5.1.4.1.1.7', compressed: true }, // Secondary Capture Image
  { uid: '1.2.840.10008.5.1.4.1.1.20' }, // Nuclear Medicine Image
  { uid: '1.2.840.10008.5.1.4.1.1.128', compressed: true }, // Positron Emission Tomography Image
  { uid: '1.2.840.10008.5.1.4.1.1.12.1', compressed: true }, // X-Ray Angiographic Image
  { uid: '1.2.840.10008.5.1.4.1.1.12.2', compressed: true }, // X-Ray Radiofluoroscopic Image
  { uid: '1.2.840.10008.5.1.4.1.1.481.1' }, // RT Image
  { uid: '1.2.840.10008.5.1.4.1.1.481.2' }, // RT Dose
  { uid: '1.2.840.10008.5.1.4.1.1.481.3' }, // RT Structure Set
  { uid: '1.2.840.10008.5.1.4.1.1.481.4' }, // RT Beams Treatment Record
  { uid: '1.2.840.10008.5.1.4.1.1.481.5' }, // RT Plan
  { uid: '1.2.840.10008.5.1.4.1.1.481.8' }, // RT Ion Plan
  { uid: '1.2.840.10008.5.1.4.1.1.88.11' }, // Basic Text SR
  { uid: '1.2.840.10008.5.1.4.1.1.88.22' }, // Enhanced SR
  { uid: '1.2.840.10008.5.1.4.1.1.88.33' }, // Comprehensive SR
  { uid: '1.2.840.10008.5.1.4.1.1.88.59' }, // Key Object Selection Document
  { uid: '1.2.840.10008.5.1.4.1.1.88.67' }, // X-Ray Radiation Dose SR
  { uid: '1.2.840.10008.5.1.4.1.1.104.1' }, // Encapsulated PDF
  { uid: '1.2.840.10008.5.1.4.1.1.11.1' }, // Grayscale Softcopy Presentation State
  { uid: '1.2.840.10008.5.1.4.1.1.66.4' }, // Segmentation
];
const COMMON_STORAGE_CLASSES = COMMON_STORAGE.map((c) => c.uid);

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
 * Storage SOP classes for C-GET sub-operations, in priority order: the
 * common ones first, then the other current (non-retired) classes, the
 * specialised ones last, cut at 127 (one context each beside the Q/R context
 * fills an association, PS3.8 §9.3.2.2; all of them with --uncompressed-only,
 * fewer once compressed contexts take room: getStorageProposal).
 */
export const GET_STORAGE_CLASSES: readonly string[] = (() => {
  const current = STORAGE_SOP_CLASSES.filter((u) => !lookupUid(u)?.retired);
  const common = COMMON_STORAGE_CLASSES.filter((u) => current.includes(u));
  const rest = current.filter((u) => !common.includes(u));
  const rare = rest.filter((u) => RARE_STORAGE_CLASS.some((re) => re.test(u)));
  return [...common, ...rest.filter((u) => !rare.includes(u)), ...rare].slice(0, 127);
})();

/** The uncompressed syntaxes, in one context per SOP class: the peer picks one and transcodes the others to it (lossless). */
const UNCOMPRESSED = [ExplicitVRLittleEndian, ImplicitVRLittleEndian, ExplicitVRBigEndian];

/**
 * The compressed syntaxes getscu receives by default, each in a context of
 * its own (the acceptor picks one syntax per context, and compressed data is
 * never transcoded by a sender), with the dcmtk getscu option that narrows the
 * proposal to it: `--prefer-rle` (`+xr`) and friends.
 */
export const GET_COMPRESSED_SYNTAXES: ReadonlyArray<{ uid: string; label: string; option: string; dcmtk: string }> = [
  { uid: JPEGBaseline8Bit, label: 'JPEG baseline', option: 'prefer-jpeg8', dcmtk: '+xy' },
  { uid: '1.2.840.10008.1.2.4.51', label: 'JPEG extended', option: 'prefer-jpeg12', dcmtk: '+xx' }, // JPEG Extended (Process 2 & 4)
  { uid: JPEGLosslessSV1, label: 'JPEG lossless SV1', option: 'prefer-lossless', dcmtk: '+xs' },
  { uid: JPEGLSLossless, label: 'JPEG-LS lossless', option: 'prefer-jls-lossless', dcmtk: '+xt' },
  { uid: '1.2.840.10008.1.2.4.81', label: 'JPEG-LS near-lossless', option: 'prefer-jls-lossy', dcmtk: '+xu' }, // JPEG-LS Lossy (Near-Lossless)
  { uid: JPEG2000Lossless, label: 'JPEG 2000 lossless', option: 'prefer-j2k-lossless', dcmtk: '+xv' },
  { uid: JPEG2000, label: 'JPEG 2000', option: 'prefer-j2k-lossy', dcmtk: '+xw' },
  { uid: RLELossless, label: 'RLE lossless', option: 'prefer-rle', dcmtk: '+xr' },
];

/**
 * The common image classes that get the compressed contexts by default. With
 * eight compressed syntaxes, 11 classes × 8 + 26 uncompressed contexts + the
 * Q/R one leave 13 of the 128 for the other classes (uncompressed only).
 */
const COMPRESSED_IMAGE_CLASSES = COMMON_STORAGE.filter((c) => c.compressed).map((c) => c.uid);

/** Presentation contexts per association at most (PS3.8 §9.3.2.2: odd IDs 1..255); one goes to the Q/R model. */
const MAX_STORAGE_CONTEXTS = 127;

export interface StorageProposal {
  /** The storage contexts, to propose after the Q/R context. */
  contexts: ProposedContext[];
  /** SCP role for each SOP class proposed (PS3.7 D.3.3.4), one item per class. */
  roles: RoleSelection[];
  /** Contexts of the primary classes that did not fit in the 127 (the further classes only fill what is left). */
  omitted: number;
}

/**
 * The storage contexts getscu proposes for the C-STORE sub-operations of a
 * C-GET, in priority order, cut at 127: an uncompressed context for each
 * primary class; a context per compressed syntax for each primary class
 * that is an image class (`compressible`); an uncompressed context for each
 * further class. Given `classes` (--storage-class) are all primary and all
 * compressible; by default the common classes are primary, the common image
 * classes compressible and the other current classes follow.
 */
export function getStorageProposal(o: { classes?: readonly string[]; compressed?: readonly string[] } = {}): StorageProposal {
  const compressed = o.compressed ?? GET_COMPRESSED_SYNTAXES.map((c) => c.uid);
  const given = o.classes?.length ? [...new Set(o.classes)] : undefined;
  const primary = given ?? GET_STORAGE_CLASSES.filter((c) => COMMON_STORAGE_CLASSES.includes(c));
  const compressible = given ?? COMPRESSED_IMAGE_CLASSES;
  const further = given ? [] : GET_STORAGE_CLASSES.filter((c) => !primary.includes(c));
  const wanted: ProposedContext[] = [
    ...primary.map((c) => ({ abstractSyntax: c, transferSyntaxes: UNCOMPRESSED })),
    ...primary.filter((c) => compressible.includes(c)).flatMap((c) => compressed.map((ts) => ({ abstractSyntax: c, transferSyntaxes: [ts] }))),
  ];
  const contexts = [...wanted, ...further.map((c) => ({ abstractSyntax: c, transferSyntaxes: UNCOMPRESSED }))].slice(0, MAX_STORAGE_CONTEXTS);
  const classes = [...new Set(contexts.map((c) => c.abstractSyntax))];
  return { contexts, roles: classes.map((c) => ({ sopClassUid: c, scuRole: 0, scpRole: 1 })), omitted: Math.max(0, wanted.length - MAX_STORAGE_CONTEXTS) };
}

type GetCliOptions = QueryCliOptions & { outputDirectory: string; storageClass: string[]; uncompressedOnly?: boolean };

/** The compressed syntaxes the options ask for: none (--uncompressed-only), the --prefer-* ones given, else all. */
function compressedOf(o: GetCliOptions): string[] {
  if (o.uncompressedOnly) return [];
  const chosen = GET_COMPRESSED_SYNTAXES.filter((c) => (o as unknown as Record<string, unknown>)[camel(c.option)] === true).map((c) => c.uid);
  return chosen.length ? chosen : GET_COMPRESSED_SYNTAXES.map((c) => c.uid);
}

const camel = (option: string) => option.replace(/-([a-z0-9])/g, (_, ch: string) => ch.toUpperCase());

const PROPOSAL_HELP = `
Storage contexts proposed for the C-STORE sub-operations (SCP role), at most 127 beside the Q/R one (PS3.8 §9.3.2.2):
  - per SOP class, one context with the uncompressed syntaxes (Explicit VR LE, Implicit VR LE, Explicit VR BE);
    the peer picks one and transcodes the others to it;
  - for CT, MR, CR, DX, MG, US, US multi-frame, SC, PET, XA and RF images (or each --storage-class), one context
    per compressed syntax: ${GET_COMPRESSED_SYNTAXES.slice(0, 5).map((c) => c.label).join(', ')},
    ${GET_COMPRESSED_SYNTAXES.slice(5).map((c) => c.label).join(', ')};
  - then further storage classes, uncompressed only, while room is left (more with --uncompressed-only).
--uncompressed-only (+x=) proposes no compressed syntax; any --prefer-* option (dcmtk's +xy, +xx, +xs, +xt, +xu,
+xv, +xw, +xr) proposes only the compressed syntaxes named. Received data sets are stored exactly as received,
in the negotiated transfer syntax (never transcoded).
`;

/** `netdicom getscu ADDR PORT -S -k ... -od DIR`: C-GET; one file per instance directly in DIR. */
export function getscuCommand(): Command {
  const cmd = queryOptions(scuOptions(new Command('getscu'), 'GETSCU'))
    .description('Retrieve SCU: C-GET matching instances into a folder')
    .addOption(new Option('--output-directory <dir>', 'where retrieved files are written (-od)').default('.'))
    .option('--storage-class <uid>', 'propose this storage SOP class (repeatable; default: the common ones)', collectKeys, [])
    .option('--uncompressed-only', 'propose uncompressed transfer syntaxes only (+x=, --prefer-uncompr)');
  for (const c of GET_COMPRESSED_SYNTAXES) cmd.option(`--${c.option}`, `of the compressed syntaxes, propose ${c.label} and any other --prefer-* given (${c.dcmtk})`);
  return cmd
    .addHelpText('after', PROPOSAL_HELP)
    .action(async (addr: string, port: number, o: GetCliOptions) => {
      const s = await scuSession('getscu', o);
      let code = 1;
      try {
        const dir = resolve(o.outputDirectory);
        await mkdir(dir, { recursive: true });
        s.ae.addService(cStoreScp({ dir, implementationVersionName: IMPLEMENTATION_VERSION_NAME }));
        const model = modelOf(o);
        const proposal = getStorageProposal({ classes: o.storageClass, compressed: compressedOf(o) });
        if (proposal.omitted > 0) s.log.warn({ omitted: proposal.omitted }, 'storage contexts left out: at most 128 presentation contexts per association');
        s.log.debug({ storageContexts: proposal.contexts.length, classes: proposal.roles.length }, 'storage contexts proposed');
        const assoc = await s.ae.associate({
          host: addr, port, calledAETitle: o.call, timeouts: timeoutsOf(o), ...s.connection,
          contexts: [{ abstractSyntax: MODELS[model].get, transferSyntaxes: [ExplicitVRLittleEndian, ImplicitVRLittleEndian] }, ...proposal.contexts],
          roles: proposal.roles,
        });
        code = await reportRetrieve('getscu', assoc.cGet(queryFromKeys(o.key), model), s.log);
        await assoc.release();
      } catch (err) {
        errorLine('getscu', (err as Error).message);
      }
      await s.finish(code);
    });
}
