import type { Logger } from 'pino';
import { Association } from '../../machines/association.js';
import type { Indication } from '../../machines/upper-layer/events.js';
import { emptyUserInformation, type AssociateRqPdu, type RoleSelection, type UserIdentityRq } from '../../transport/pdu-types.js';
import { connectTransport, type ClientTlsOptions } from '../../transport/tls.js';
import type { Inspector } from '../../visualize/inspector.js';
import type { AcceptedContext } from '../acse/negotiate.js';
import type { CommandSet } from '../dimse/command-set.js';
import { DimseProvider, type EncodedMessage } from '../dimse/provider.js';
import type { DimseService } from '../dimse/service.js';
import { statusCategory } from '../dimse/status.js';
import { DICOMApplicationContext, isUncompressed } from '../registry/uids.js';
import { AssociationAbortedError, AssociationRejectedError, ConnectError, NoPresentationContextError, TimeoutError } from './errors.js';

/** A presentation context to propose: one abstract syntax, transfer syntaxes in order of preference. */
export interface ProposedContext {
  abstractSyntax: string;
  transferSyntaxes: string[];
}

/** Timeouts in ms; 0 disables one. */
export interface Timeouts {
  /** TCP connect. Default 10 000. */
  connectMs: number;
  /** A-ASSOCIATE-AC/RJ and A-RELEASE-RP. Default 30 000. */
  acseMs: number;
  /** Each DIMSE response (reset by every pending response). Default 60 000. */
  dimseMs: number;
  /** No bytes from the peer while a request is outstanding. Default 60 000. */
  networkMs: number;
}

export const DEFAULT_TIMEOUTS: Timeouts = { connectMs: 10_000, acseMs: 30_000, dimseMs: 60_000, networkMs: 60_000 };

export interface AssociateOptions {
  host: string;
  port: number;
  callingAETitle: string;
  calledAETitle: string;
  contexts: ProposedContext[];
  /** SCP/SCU Role Selection items to propose (C-GET: scpRole 1 for the storage classes). */
  roles?: RoleSelection[];
  userIdentity?: UserIdentityRq;
  /** TLS (PS3.15 Annex B); absent: plain TCP. The connect timeout covers the handshake. */
  tls?: ClientTlsOptions;
  /** Our Maximum Length, bytes. */
  maxPduLength: number;
  artimMs: number;
  timeouts?: Partial<Timeouts>;
  implementationClassUid: string;
  implementationVersionName: string;
  /** Services for requests the peer sends us on this association (C-STORE sub-operations of a C-GET). */
  services?: readonly DimseService[];
  log: Logger;
  inspector?: Inspector;
}

/** A request's data set: a whole buffer, or pieces streamed with backpressure and their total in bytes. */
export type OutgoingDataset = Buffer | { pieces: AsyncIterable<Buffer>; bytes: number };

/** A request to send: encoded ahead (encodeRequest), or a command and its data set. */
export type RequestMessage = EncodedMessage | { pcId: number; command: CommandSet; dataset?: OutgoingDataset };

/** One response of a request: its command set and data set (an identifier), if any. */
export interface DimseResponse {
  command: CommandSet;
  dataset?: Buffer;
}

let nextId = 0;

/**
 * The requestor side of an association (PS3.8 Sta4, Sta5, Sta7, Sta9, Sta11):
 * associate, send requests and collect their responses, release or abort.
 * Every wait is bounded by a timeout; on any timeout the association is
 * aborted and the wait rejects with TimeoutError.
 */
export class ClientAssociation {
  readonly assoc: Association;
  /** Accepted presentation contexts by ID. */
  readonly contexts = new Map<number, AcceptedContext>();
  /** The peer's Maximum Length, bytes (0 = unlimited). */
  peerMaxLength = 0;
  acceptedRoles: RoleSelection[] = [];
  private provider: DimseProvider | undefined;
  private readonly timeouts: Timeouts;
  private messageId = 0;
  private readonly waiting = new Map<number, { push(r: DimseResponse): void; fail(e: Error): void }>();
  private phase: 'associating' | 'established' | 'releasing' | 'ended' = 'associating';
  private failure: Error | undefined;
  private onPhase: ((err?: Error) => void) | undefined;

  private constructor(private readonly o: AssociateOptions) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...o.timeouts };
    const id = `assoc-c${++nextId}`;
    const log = o.log.child({ assoc: id, peer: `${o.host}:${o.port}` });
    const insp = o.inspector;
    this.assoc = new Association({
      id,
      role: 'requestor',
      connect: () => connectTransport({ host: o.host, port: o.port, ...(o.tls ? { tls: o.tls } : {}) }),
      maxPduLength: o.maxPduLength,
      artimMs: o.artimMs,
      log,
      onIndication: (ind) => this.indication(ind),
      ...(insp ? { inspect: insp.inspect, observer: insp.observer() } : {}),
    });
    void this.assoc.done.then(() => this.ended());
  }

  /** Opens an association. Rejects with AssociationRejectedError, AssociationAbortedError, ConnectError or TimeoutError. */
  static async open(o: AssociateOptions): Promise<ClientAssociation> {
    const c = new ClientAssociation(o);
    await c.start();
    return c;
  }

  private start(): Promise<void> {
    const o = this.o;
    const rq: AssociateRqPdu = {
      type: 'A-ASSOCIATE-RQ',
      protocolVersion: 1,
      calledAETitle: o.calledAETitle,
      callingAETitle: o.callingAETitle,
      applicationContext: DICOMApplicationContext,
      presentationContexts: o.contexts.map((c, i) => ({ id: 2 * i + 1, abstractSyntax: c.abstractSyntax, transferSyntaxes: c.transferSyntaxes })),
      userInformation: {
        ...emptyUserInformation(),
        maxLength: o.maxPduLength,
        implementationClassUid: o.implementationClassUid,
        implementationVersionName: o.implementationVersionName,
        roleSelections: o.roles ?? [],
        ...(o.userIdentity ? { userIdentityRq: o.userIdentity } : {}),
      },
    };
    if (rq.presentationContexts.length > 128) throw new NoPresentationContextError(`${rq.presentationContexts.length} presentation contexts proposed; at most 128 fit in one association`);
    return new Promise<void>((resolve, reject) => {
      const connectTimer = this.timer(this.timeouts.connectMs, () => this.giveUp(new TimeoutError('connect', this.timeouts.connectMs)));
      let acseTimer: NodeJS.Timeout | undefined;
      this.onPhase = (err) => {
        clearTimeout(connectTimer);
        clearTimeout(acseTimer);
        this.onPhase = undefined;
        if (err) reject(err);
        else resolve();
      };
      this.assoc.onConnected = () => {
        clearTimeout(connectTimer);
        acseTimer = this.timer(this.timeouts.acseMs, () => this.giveUp(new TimeoutError('acse', this.timeouts.acseMs)));
      };
      this.assoc.onTransportError = (err) => {
        if (this.phase === 'associating') this.failure ??= new ConnectError(o.host, o.port, err.message);
      };
      this.o.inspector?.started(this.assoc, 'requestor');
      this.assoc.associate(rq);
    });
  }

  private indication(ind: Indication): void {
    switch (ind.type) {
      case 'A-ASSOCIATE.confirm-accept': {
        const rq = this.assoc.associateRq!;
        for (const pc of ind.ac.presentationContexts) {
          const proposed = rq.presentationContexts.find((p) => p.id === pc.id);
          if (pc.result === 0 && proposed) this.contexts.set(pc.id, { id: pc.id, abstractSyntax: proposed.abstractSyntax, transferSyntax: pc.transferSyntax });
        }
        this.peerMaxLength = ind.ac.userInformation.maxLength ?? 0;
        this.acceptedRoles = ind.ac.userInformation.roleSelections;
        this.provider = new DimseProvider({
          assoc: this.assoc,
          info: {
            id: this.assoc.id, callingAETitle: rq.callingAETitle, calledAETitle: rq.calledAETitle, peer: `${this.o.host}:${this.o.port}`,
            implementationClassUid: this.o.implementationClassUid, contexts: [...this.contexts.values()], roles: this.acceptedRoles,
          },
          contexts: this.contexts,
          services: this.o.services ?? [],
          peerMaxLength: this.peerMaxLength,
          maxCommandBytes: 64 << 10,
          maxBufferedDataset: 64 << 20,
          log: this.assoc.log,
          onResponse: (_pc, command, dataset) => this.response(command, dataset),
          ...(this.o.inspector ? { inspect: this.o.inspector.inspect, observer: this.o.inspector.dimse(this.assoc) } : {}),
        });
        this.phase = 'established';
        // One watch for the association's life: it fires after networkMs without a byte, and counts only while a request waits.
        const { networkMs } = this.timeouts;
        if (networkMs) this.assoc.watchIdle(networkMs, () => this.waiting.size > 0 && this.giveUp(new TimeoutError('network', networkMs)));
        this.assoc.log.info({ accepted: this.contexts.size, proposed: rq.presentationContexts.length }, 'association accepted');
        this.onPhase?.();
        return;
      }
      case 'A-ASSOCIATE.confirm-reject':
        this.failure = new AssociationRejectedError(ind.rj.result, ind.rj.source, ind.rj.reason);
        return;
      case 'P-DATA.indication':
        this.provider?.pData(ind.pdus);
        return;
      case 'A-RELEASE.indication':
        // Release collision as requestor (Sta9): answer, then wait for the peer's A-RELEASE-RP (Sta11).
        if (ind.collision) queueMicrotask(() => this.safely(() => this.assoc.releaseResponse()));
        else {
          // The acceptor asks to release (Sta8): no response will come for what is outstanding.
          // Answer A-RELEASE-RP (AR-4) at once rather than leave the peer waiting until a timeout.
          this.failure ??= new AssociationAbortedError('the peer released the association (A-RELEASE-RQ)');
          if (this.phase === 'established') this.phase = 'releasing';
          queueMicrotask(() => this.safely(() => this.assoc.releaseResponse()));
        }
        return;
      case 'A-ABORT.indication':
        this.failure ??= new AssociationAbortedError('A-ABORT', ind.source, ind.reason);
        return;
      case 'A-P-ABORT.indication':
        this.failure ??= ind.source !== undefined ? new AssociationAbortedError(ind.reason, ind.source, ind.abortReason) : new AssociationAbortedError(ind.reason);
        return;
      default:
        return;
    }
  }

  private response(command: CommandSet, dataset?: Buffer): void {
    const id = Number(command.MessageIDBeingRespondedTo);
    const w = this.waiting.get(id);
    if (!w) {
      this.assoc.log.warn({ id }, 'response to no outstanding request: ignored');
      return;
    }
    w.push(dataset ? { command, dataset } : { command });
  }

  private ended(): void {
    this.provider?.stop();
    const err = this.failure ?? new AssociationAbortedError(this.assoc.ending || 'transport closed');
    this.phase = 'ended';
    this.onPhase?.(this.failure || !this.wasReleased() ? err : undefined);
    for (const w of this.waiting.values()) w.fail(err);
    this.waiting.clear();
  }

  private released = false;
  private wasReleased(): boolean {
    return this.released;
  }

  /** The accepted context for an abstract syntax (and, if given, one of these transfer syntaxes). */
  contextFor(abstractSyntax: string, transferSyntaxes?: readonly string[]): AcceptedContext | undefined {
    let any: AcceptedContext | undefined;
    for (const c of this.contexts.values()) {
      if (c.abstractSyntax !== abstractSyntax) continue;
      if (!transferSyntaxes || transferSyntaxes.includes(c.transferSyntax)) return c;
      any ??= c;
    }
    return transferSyntaxes ? undefined : any;
  }

  /**
   * Whether a context was proposed that could carry data of this SOP class
   * and transfer syntax: with that syntax, or, for an uncompressed one, with
   * any uncompressed syntax (it can be transcoded). Accepted or not.
   */
  proposes(abstractSyntax: string, transferSyntax: string): boolean {
    const anyUncompressed = isUncompressed(transferSyntax);
    return this.o.contexts.some((c) => c.abstractSyntax === abstractSyntax && c.transferSyntaxes.some((ts) => ts === transferSyntax || (anyUncompressed && isUncompressed(ts))));
  }

  /** All accepted contexts for an abstract syntax. */
  contextsFor(abstractSyntax: string): AcceptedContext[] {
    return [...this.contexts.values()].filter((c) => c.abstractSyntax === abstractSyntax);
  }

  /** Whether bytes we wrote are still queued in the socket (not yet taken by the OS). */
  writesPending(): boolean {
    return this.assoc.pendingWriteBytes > 0;
  }

  nextMessageId(): number {
    this.messageId = (this.messageId % 0xffff) + 1;
    return this.messageId;
  }

  /**
   * Sends a request answered by one response (C-ECHO, C-STORE); resolves to
   * its final response. Rejects with TimeoutError, AssociationAbortedError.
   */
  requestFinal(message: RequestMessage): Promise<DimseResponse> {
    return new Promise((resolve, reject) => this.sendRequest(message, (r, err) => (r ? resolve(r) : reject(err))));
  }

  /**
   * Encodes a request ahead of its turn, for sendRequest (a sender encodes
   * the next one while the current one is answered). Keep `dataset`
   * unchanged until it is sent. Throws AssociationAbortedError.
   */
  encodeRequest(pcId: number, command: CommandSet, dataset?: Buffer): EncodedMessage {
    if (!this.provider) throw this.failure ?? new AssociationAbortedError('the association is not established');
    return this.provider.encodeMessage(pcId, command, dataset);
  }

  /**
   * Sends a request answered by one response and calls `onFinal` once, with
   * its final response or with the error (TimeoutError,
   * AssociationAbortedError). The call comes synchronously from the
   * response's P-DATA indication, so a sender can put its next request on
   * the wire before anything else runs: that is the whole per-file
   * turnaround of a C-STORE batch. A Pending response (which C-ECHO and
   * C-STORE never get) only restarts the DIMSE timeout.
   */
  sendRequest(message: RequestMessage, onFinal: (r: DimseResponse | undefined, err?: Error) => void): void {
    const provider = this.provider;
    if (this.phase !== 'established' || !provider) return onFinal(undefined, this.failure ?? new AssociationAbortedError('the association is not established'));
    const id = message.command.MessageID as number;
    const timer = this.timer(this.timeouts.dimseMs, () => this.giveUp(new TimeoutError('dimse', this.timeouts.dimseMs)));
    let settled = false;
    const settle = (r: DimseResponse | undefined, err?: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      this.waiting.delete(id);
      onFinal(r, err);
    };
    this.waiting.set(id, {
      push: (r) => (statusCategory(Number(r.command.Status ?? 0)) === 'pending' ? timer?.refresh() : settle(r)),
      fail: (e) => settle(undefined, e),
    });
    const sent = transmit(provider, message);
    if (sent === false) settle(undefined, this.notSent());
    else if (sent !== true) sent.then((ok) => ok || settle(undefined, this.notSent()), (err: Error) => settle(undefined, err));
  }

  /** Why a request did not go out: the association's failure, or how it ended. */
  private notSent(): Error {
    return this.failure ?? new AssociationAbortedError(this.assoc.ending || 'the association ended while sending');
  }

  /**
   * Sends a request and yields every response until the final one (a status
   * that is not Pending). `dataset` is a whole buffer or pieces streamed with
   * backpressure. Each response must come within the DIMSE timeout.
   * Throws TimeoutError, AssociationAbortedError.
   */
  async *request(pcId: number, command: CommandSet, dataset?: OutgoingDataset): AsyncGenerator<DimseResponse> {
    if (this.phase !== 'established' || !this.provider) throw this.failure ?? new AssociationAbortedError('the association is not established');
    const id = command.MessageID as number;
    const queue: DimseResponse[] = [];
    let error: Error | undefined;
    let wake: (() => void) | undefined;
    this.waiting.set(id, {
      push: (r) => {
        queue.push(r);
        wake?.();
      },
      fail: (e) => {
        error = e;
        wake?.();
      },
    });
    try {
      if (!(await transmit(this.provider, { pcId, command, ...(dataset !== undefined ? { dataset } : {}) }))) throw this.notSent();
      while (true) {
        while (queue.length === 0 && !error) {
          await new Promise<void>((r) => {
            wake = r;
            const t = this.timer(this.timeouts.dimseMs, () => this.giveUp(new TimeoutError('dimse', this.timeouts.dimseMs)));
            const orig = wake;
            wake = () => {
              clearTimeout(t);
              orig();
            };
          });
          wake = undefined;
        }
        if (queue.length === 0 && error) throw error;
        const r = queue.shift()!;
        yield r;
        if (statusCategory(Number(r.command.Status ?? 0)) !== 'pending') return;
      }
    } finally {
      this.waiting.delete(id);
    }
  }

  /** Sends a C-CANCEL-RQ for an outstanding request (PS3.7 §9.3.2.3). */
  cancel(pcId: number, messageId: number): void {
    this.provider?.sendMessage(pcId, { CommandField: 0x0fff, MessageIDBeingRespondedTo: messageId });
  }

  /** A-RELEASE: resolves once released; aborts (and still resolves) if no A-RELEASE-RP comes within the ACSE timeout. */
  async release(): Promise<void> {
    if (this.phase !== 'established') return;
    this.phase = 'releasing';
    this.released = true;
    const t = this.timer(this.timeouts.acseMs, () => this.giveUp(new TimeoutError('acse', this.timeouts.acseMs)));
    this.safely(() => this.assoc.release());
    await this.assoc.done;
    clearTimeout(t);
  }

  /** A-ABORT (service-user); resolves once the transport is closed. */
  async abort(): Promise<void> {
    this.safely(() => this.assoc.abort());
    this.assoc.closeTransport();
    await this.assoc.done;
  }

  /** Gives up on the association: abort if one exists, close the transport, and fail with `err`. */
  private giveUp(err: Error): void {
    this.failure ??= err;
    this.assoc.log.warn({ err: err.message }, 'aborting the association');
    this.safely(() => this.assoc.abort());
    this.assoc.closeTransport();
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch {
      // InvalidPrimitiveError: the association already moved on; it is logged there.
    }
  }

  private timer(ms: number, fn: () => void): NodeJS.Timeout | undefined {
    return ms > 0 ? setTimeout(fn, ms) : undefined;
  }
}

/**
 * Puts a request on the wire: true or false (the association no longer
 * sends) at once for a message in memory, a promise of it for a streamed
 * data set (rejecting with DatasetSourceError).
 */
function transmit(provider: DimseProvider, message: RequestMessage): boolean | Promise<boolean> {
  if ('pdus' in message) return provider.sendEncoded(message);
  const { pcId, command, dataset } = message;
  if (dataset === undefined || Buffer.isBuffer(dataset)) return provider.sendMessage(pcId, command, dataset);
  return provider.sendMessageStream(pcId, command, dataset.pieces, dataset.bytes);
}
