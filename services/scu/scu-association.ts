import { readPart10Header, readSmallPart10, type Part10Info } from '../storage/part10-reader.js';
import { decodeDataset, encodeDataset, type NaturalDataset } from '../dimse/dataset-codec.js';
import { CommandField, Priority } from '../dimse/commands.js';
import type { CommandSet } from '../dimse/command-set.js';
import { statusCategory } from '../dimse/status.js';
import {
  PatientRootQueryRetrieveInformationModelFind, PatientRootQueryRetrieveInformationModelGet, PatientRootQueryRetrieveInformationModelMove,
  StudyRootQueryRetrieveInformationModelFind, StudyRootQueryRetrieveInformationModelGet, StudyRootQueryRetrieveInformationModelMove,
  Verification, uidName,
} from '../registry/uids.js';
import type { ClientAssociation } from './client-association.js';
import type { AcceptedContext } from '../acse/negotiate.js';
import { ContextNotProposedError, NoPresentationContextError } from './errors.js';
import { planSend, ReadBuffers, type FileInBuffer } from './file-source.js';
import { storeEach, type FileRef, type PreparedStore, type StoreOutcome } from './store-batch.js';

/** The C-MOVE on whose behalf a C-STORE sub-operation is sent (PS3.7 §9.1.1.1). */
export interface MoveOriginator {
  aeTitle: string;
  messageId: number;
}

/** Query/Retrieve information model: Patient Root or Study Root (PS3.4 C.6). */
export type QueryModel = 'patient' | 'study';

export const MODELS = {
  patient: { find: PatientRootQueryRetrieveInformationModelFind, get: PatientRootQueryRetrieveInformationModelGet, move: PatientRootQueryRetrieveInformationModelMove },
  study: { find: StudyRootQueryRetrieveInformationModelFind, get: StudyRootQueryRetrieveInformationModelGet, move: StudyRootQueryRetrieveInformationModelMove },
} as const;

/** Sub-operation counts of C-GET/C-MOVE responses, PS3.7 §9.1.3–9.1.4. */
export interface SubOperations {
  remaining?: number;
  completed: number;
  failed: number;
  warning: number;
}

export interface CFindResult {
  status: number;
  /** The matching identifier of a Pending response. */
  identifier?: NaturalDataset;
  /** Error Comment (0000,0902) of the response, when the peer sent one. */
  errorComment?: string;
  /** Offending Element (0000,0901) of the response: the tags it names, when the peer sent it. */
  offendingElement?: number[];
}

export interface RetrieveResult {
  status: number;
  counts: SubOperations;
  /** Failed SOP Instance UID list of the final response, if any. */
  failedInstances?: string[];
}

/**
 * An established association with the DIMSE-C operations as methods (the
 * pynetdicom model): cEcho, cStore, cFind, cGet, cMove, release, abort.
 * Each throws AssociationAbortedError or TimeoutError when the association
 * fails under it; a DIMSE failure is a returned status, not a throw.
 */
export class ScuAssociation {
  /** Small data sets are read into these, one C-STORE after another. */
  private readonly buffers = new ReadBuffers();
  constructor(readonly client: ClientAssociation) {}

  /** C-ECHO (PS3.7 §9.1.5). Resolves to the status (0 = success). */
  async cEcho(): Promise<number> {
    const ctx = this.requireContext(Verification);
    const id = this.client.nextMessageId();
    return Number((await this.client.requestFinal({ pcId: ctx.id, command: { CommandField: CommandField['C-ECHO-RQ'], MessageID: id, AffectedSOPClassUID: Verification } })).command.Status);
  }

  /**
   * C-STORE of a file (PS3.7 §9.1.1), sent from disk without decoding when
   * its transfer syntax was accepted, else transcoded between uncompressed
   * syntaxes. Resolves to the status. Throws NoPresentationContextError.
   */
  async cStore(file: Part10Info, opts: { moveOriginator?: MoveOriginator } = {}): Promise<{ status: number; transcoded: boolean }> {
    const { plan, message } = await this.prepareStore(file, file, opts.moveOriginator);
    const rsp = await this.client.requestFinal(message);
    plan.done?.(this.client.writesPending());
    return { status: Number(rsp.command.Status), transcoded: plan.transcoded };
  }

  /**
   * C-STORE of files one after another, each sent as cStore sends it, with
   * no idle time between them (see storeEach). A file given by path
   * (FileRef) is read only when its turn nears. Yields one outcome per file,
   * in order; a file that cannot be sent yields its error and the rest go
   * on (ContextNotProposedError: send it on an association that proposes
   * its SOP class); an association failure ends the iteration.
   */
  cStoreEach(files: readonly (Part10Info | FileRef)[]): AsyncGenerator<StoreOutcome> {
    return storeEach(this.client, files, (f) => this.prepareStore('sopClassUid' in f ? f : undefined, f));
  }

  /**
   * Plans a file's C-STORE (context, bytes read if small) and encodes its
   * request when the data set is in memory. A file not read yet (`known`
   * undefined) has its header read first. Throws ContextNotProposedError
   * when its SOP class and transfer syntax were not proposed at all.
   */
  private async prepareStore(known: Part10Info | undefined, ref: FileRef, moveOriginator?: MoveOriginator): Promise<PreparedStore> {
    let file = known;
    let read: FileInBuffer | undefined;
    if (!file) {
      ({ file, read } = await this.readFile(ref));
    }
    if (!this.client.proposes(file.sopClassUid, file.transferSyntaxUid)) {
      read?.giveBack();
      throw new ContextNotProposedError(`${uidName(file.sopClassUid)} in ${uidName(file.transferSyntaxUid)} was not proposed on this association`);
    }
    const plan = await planSend(file, (this.accepted ??= [...this.client.contexts.values()]), this.buffers, read);
    const command: CommandSet = {
      CommandField: CommandField['C-STORE-RQ'],
      MessageID: this.client.nextMessageId(),
      AffectedSOPClassUID: file.sopClassUid,
      AffectedSOPInstanceUID: file.sopInstanceUid,
      Priority: Priority.Medium,
      ...(moveOriginator ? { MoveOriginatorApplicationEntityTitle: moveOriginator.aeTitle, MoveOriginatorMessageID: moveOriginator.messageId } : {}),
    };
    const pcId = plan.context.id;
    const message = plan.data ? this.client.encodeRequest(pcId, command, plan.data) : { pcId, command, dataset: { pieces: plan.pieces(), bytes: plan.bytes } };
    return { file, plan, message };
  }
  private accepted: AcceptedContext[] | undefined;

  /** A file not read yet: a small one whole, into one of the buffers (readSmallPart10), else its header. */
  private async readFile(ref: FileRef): Promise<{ file: Part10Info; read?: FileInBuffer }> {
    const buffer = this.buffers.take();
    const giveBack = () => this.buffers.give(buffer);
    let small;
    try {
      small = readSmallPart10(ref.path, buffer, ref.size);
    } catch (err) {
      giveBack();
      throw err;
    }
    if (small) return { file: small.info, read: { bytes: small.bytes, giveBack } };
    giveBack();
    return { file: await readPart10Header(ref.path, ref.size) };
  }

  /** C-FIND (PS3.7 §9.1.2): yields each Pending match, then the final status. */
  async *cFind(query: NaturalDataset, model: QueryModel = 'study'): AsyncGenerator<CFindResult> {
    const sop = MODELS[model].find;
    const ctx = this.requireContext(sop);
    const id = this.client.nextMessageId();
    this.lastId = id;
    const cmd = { CommandField: CommandField['C-FIND-RQ'], MessageID: id, AffectedSOPClassUID: sop, Priority: Priority.Medium };
    for await (const r of this.client.request(ctx.id, cmd, encodeDataset(query, ctx.transferSyntax))) {
      const status = Number(r.command.Status);
      const { ErrorComment: comment, OffendingElement: offending } = r.command;
      yield {
        status,
        ...(r.dataset && statusCategory(status) === 'pending' ? { identifier: decodeDataset(r.dataset, ctx.transferSyntax) } : {}),
        ...(typeof comment === 'string' && comment !== '' ? { errorComment: comment } : {}),
        ...(Array.isArray(offending) && offending.length > 0 ? { offendingElement: offending } : {}),
      };
    }
  }

  /**
   * C-GET (PS3.7 §9.1.3): the peer sends the matches back as C-STORE
   * sub-operations on this association, answered by the AE's storage
   * service. Yields each response's status and counts; the last is final.
   */
  async *cGet(query: NaturalDataset, model: QueryModel = 'study'): AsyncGenerator<RetrieveResult> {
    yield* this.retrieve(MODELS[model].get, CommandField['C-GET-RQ'], query);
  }

  /** C-MOVE (PS3.7 §9.1.4) to `destination` (an AE title the peer knows). Yields each response. */
  async *cMove(query: NaturalDataset, destination: string, model: QueryModel = 'study'): AsyncGenerator<RetrieveResult> {
    yield* this.retrieve(MODELS[model].move, CommandField['C-MOVE-RQ'], query, destination);
  }

  /** The Message ID of the last request sent (for C-CANCEL). */
  get lastMessageId(): number {
    return this.lastId;
  }
  private lastId = 0;

  /** C-CANCEL of the outstanding C-FIND/C-GET/C-MOVE with this Message ID. */
  cancel(model: QueryModel, kind: 'find' | 'get' | 'move', messageId: number): void {
    const ctx = this.requireContext(MODELS[model][kind]);
    this.client.cancel(ctx.id, messageId);
  }

  release(): Promise<void> {
    return this.client.release();
  }

  abort(): Promise<void> {
    return this.client.abort();
  }

  private async *retrieve(sop: string, field: number, query: NaturalDataset, destination?: string): AsyncGenerator<RetrieveResult> {
    const ctx = this.requireContext(sop);
    const id = this.client.nextMessageId();
    this.lastId = id;
    const cmd: CommandSet = { CommandField: field, MessageID: id, AffectedSOPClassUID: sop, Priority: Priority.Medium, ...(destination ? { MoveDestination: destination } : {}) };
    for await (const r of this.client.request(ctx.id, cmd, encodeDataset(query, ctx.transferSyntax))) {
      const c = r.command;
      const num = (k: keyof CommandSet) => (c[k] === undefined ? undefined : Number(c[k]));
      const counts: SubOperations = { completed: num('NumberOfCompletedSuboperations') ?? 0, failed: num('NumberOfFailedSuboperations') ?? 0, warning: num('NumberOfWarningSuboperations') ?? 0 };
      const remaining = num('NumberOfRemainingSuboperations');
      if (remaining !== undefined) counts.remaining = remaining;
      let failedInstances: string[] | undefined;
      if (r.dataset && statusCategory(Number(c.Status)) !== 'pending') {
        const ds = decodeDataset(r.dataset, ctx.transferSyntax);
        const list = ds.FailedSOPInstanceUIDList;
        if (list) failedInstances = (Array.isArray(list) ? list : [list]).map(String);
      }
      yield { status: Number(c.Status), counts, ...(failedInstances ? { failedInstances } : {}) };
    }
  }

  private requireContext(sop: string) {
    const ctx = this.client.contextFor(sop);
    if (!ctx) throw new NoPresentationContextError(`the peer accepted no presentation context for ${uidName(sop)}`);
    return ctx;
  }
}
