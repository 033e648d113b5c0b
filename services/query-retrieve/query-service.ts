import type { NaturalDataset } from '../dimse/dataset-codec.js';
import { errorComment } from '../dimse/error-comment.js';
import type { QueryModel } from '../scu/scu-association.js';
import {
  PatientRootQueryRetrieveInformationModelFind, PatientRootQueryRetrieveInformationModelGet, PatientRootQueryRetrieveInformationModelMove,
  StudyRootQueryRetrieveInformationModelFind, StudyRootQueryRetrieveInformationModelGet, StudyRootQueryRetrieveInformationModelMove,
  isUncompressed,
} from '../registry/uids.js';

/** A stored file the index knows. */
export interface IndexedFile {
  path: string;
  sopClassUid: string;
  sopInstanceUid: string;
  transferSyntaxUid: string;
}

/** What the Q/R services need of the index (services/query-retrieve/index-db.ts). */
export interface QueryIndex {
  /** C-FIND matches, each holding the requested keys. Throws an error with a DIMSE `status` for a bad query. */
  find(query: NaturalDataset, model: QueryModel): NaturalDataset[];
  /** The instances a C-GET/C-MOVE identifier selects. */
  instances(query: NaturalDataset, model: QueryModel): IndexedFile[];
}

const MODEL_OF: Record<string, QueryModel> = {
  [PatientRootQueryRetrieveInformationModelFind]: 'patient',
  [PatientRootQueryRetrieveInformationModelGet]: 'patient',
  [PatientRootQueryRetrieveInformationModelMove]: 'patient',
  [StudyRootQueryRetrieveInformationModelFind]: 'study',
  [StudyRootQueryRetrieveInformationModelGet]: 'study',
  [StudyRootQueryRetrieveInformationModelMove]: 'study',
};

/** The information model of a Q/R abstract syntax (PS3.4 C.6), or undefined. */
export function modelOf(abstractSyntax: string): QueryModel | undefined {
  return MODEL_OF[abstractSyntax];
}

/**
 * What the three Q/R services share: the SOP classes of one operation in both
 * information models (FIND ends in .1, MOVE in .2, GET in .3), identifiers in
 * an uncompressed transfer syntax, kept whole in memory.
 */
export function qrServiceBase(op: 'find' | 'get' | 'move') {
  const suffix = { find: '.1', move: '.2', get: '.3' }[op];
  return {
    serves: (uid: string) => modelOf(uid) !== undefined && uid.endsWith(suffix),
    acceptsTransferSyntax: isUncompressed,
    dataset: 'buffer' as const,
  };
}

/**
 * The Error Comment (0000,0902) and, for a QueryError that names one, the
 * Offending Element (0000,0901) of a failed query's final response.
 */
export function failureFields(err: unknown): { ErrorComment?: string; OffendingElement?: number[] } {
  const comment = errorComment(err instanceof Error ? err.message : String(err));
  const tag = (err as { offendingElement?: unknown }).offendingElement;
  return { ...(comment ? { ErrorComment: comment } : {}), ...(typeof tag === 'number' ? { OffendingElement: [tag] } : {}) };
}

/** The DIMSE status an index error carries, or C000 (unable to process). */
export function statusOf(err: unknown): number {
  const s = (err as { status?: unknown }).status;
  return typeof s === 'number' ? s : 0xc000;
}
