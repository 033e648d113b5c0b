import { checkAeTitle } from './acse/ae-title.js';
import type { Socket } from 'node:net';
import pino, { type Logger } from 'pino';
import { Association } from '../machines/association.js';
import { startListener } from '../machines/listener.js';
import type { Inspector } from '../visualize/inspector.js';
import { acceptorUser } from './acse/acceptor.js';
import { Reject, type AbstractSyntaxSupport } from './acse/negotiate.js';
import type { DimseService } from './dimse/service.js';
import { ClientAssociation, type ProposedContext, type Timeouts } from './scu/client-association.js';
import { ScuAssociation } from './scu/scu-association.js';
import type { RoleSelection, UserIdentityRq } from '../transport/pdu-types.js';
import type { ClientTlsOptions, ServerTlsOptions } from '../transport/tls.js';
import { toUserIdentityRq, type UserIdentityCheck, type UserIdentityRequest } from './acse/user-identity.js';

export interface AssociateRequest {
  host: string;
  port: number;
  /** The peer's AE title. Default "ANY-SCP". */
  calledAETitle?: string;
  contexts: ProposedContext[];
  roles?: RoleSelection[];
  /** User Identity (PS3.7 D.3.3.7): `{ username, passcode? }` (types 1/2), or the sub-item as data. */
  userIdentity?: UserIdentityRq | UserIdentityRequest;
  /** TLS (PS3.15 Annex B); absent: plain TCP. */
  tls?: ClientTlsOptions;
  /** Timeouts in ms (connect, ACSE, DIMSE, network idle); 0 disables one. */
  timeouts?: Partial<Timeouts>;
}

/** Our Implementation Class UID (a UUID-derived UID, PS3.5 §B.2) and version name (≤ 16 chars). */
export const IMPLEMENTATION_CLASS_UID = '2.25.100816163100680996855404422894239612974';
export const IMPLEMENTATION_VERSION_NAME = 'NETDICOM_010';

export interface AEOptions {
  /** Our AE title (≤ 16 characters). */
  aeTitle: string;
  /** Our Maximum Length, bytes: the largest P-DATA-TF PDU we accept. Default 1 MiB. PS3.8 Annex D.1. */
  maxPduLength?: number;
  /** ARTIM timeout, ms. Default 30 000. PS3.8 §9.1.5. */
  artimMs?: number;
  /** Reject A-ASSOCIATE-RQs whose called AE title is not ours (default: accept any). */
  requireCalledAETitle?: boolean;
  /** Only these calling AE titles may associate (default: any). */
  allowedCallingAETitles?: readonly string[];
  /**
   * Checks the User Identity of each A-ASSOCIATE-RQ (PS3.7 D.3.3.7), after the
   * AE title checks; may be async (bounded by artimMs). Refused, thrown or
   * late: A-ASSOCIATE-RJ 1/1/1. A positive response, when requested, is an
   * empty User Identity AC sub-item. An RQ without User Identity is refused
   * unless `userIdentityOptional`.
   */
  checkUserIdentity?: UserIdentityCheck;
  /** With checkUserIdentity: accept an A-ASSOCIATE-RQ that carries no User Identity sub-item. Default false. */
  userIdentityOptional?: boolean;
  /** SCP: abort an established association when nothing is sent or received for this long, ms. Default 0 (never). */
  networkTimeoutMs?: number;
  /** Concurrent associations; more are rejected (transient, local-limit-exceeded). Default 64. */
  maxAssociations?: number;
  /** Largest command set, bytes. Default 64 KiB. */
  maxCommandBytes?: number;
  /** Largest data set kept in memory (identifiers), bytes. Default 16 MiB. */
  maxBufferedDataset?: number;
  log?: Logger;
  inspector?: Inspector;
}

export interface ScpServer {
  /** The bound TCP port. */
  port: number;
  /** Live associations. */
  readonly associations: ReadonlyMap<string, Association>;
  /** Stops listening and aborts live associations; resolves once the port is free. */
  close(): Promise<void>;
}

let nextAssocId = 0;

/**
 * A DICOM Application Entity: as SCP it listens and answers requests through
 * its registered services (DIMSE service actors).
 */
export class ApplicationEntity {
  readonly aeTitle: string;
  readonly log: Logger;
  readonly maxPduLength: number;
  readonly artimMs: number;
  private readonly services: DimseService[] = [];
  /** Live acceptor associations over all listeners (plain and TLS share maxAssociations). */
  private acceptorCount = 0;

  constructor(readonly opts: AEOptions) {
    this.aeTitle = checkAeTitle(opts.aeTitle);
    this.log = opts.log ?? pino({ level: 'silent' });
    this.maxPduLength = opts.maxPduLength ?? 1 << 20;
    this.artimMs = opts.artimMs ?? 30_000;
  }

  /** Registers a service; its SOP classes become acceptable abstract syntaxes. */
  addService(service: DimseService): this {
    this.services.push(service);
    return this;
  }

  /** What we support for an abstract syntax, from the registered services. */
  support(abstractSyntax: string): AbstractSyntaxSupport | undefined {
    const matching = this.services.filter((s) => s.serves(abstractSyntax));
    if (matching.length === 0) return undefined;
    return {
      acceptsTransferSyntax: (ts) => matching.some((s) => s.acceptsTransferSyntax(ts)),
      scuRole: this.services.some((s) => s.actsAsScuFor?.(abstractSyntax) === true),
    };
  }

  /**
   * Requests an association (PS3.8 §7.1) and resolves once it is accepted.
   * The AE's services answer requests the peer makes on it (C-GET's C-STORE
   * sub-operations). Rejects with AssociationRejectedError (result/source/
   * reason), AssociationAbortedError, ConnectError or TimeoutError.
   */
  async associate(o: AssociateRequest): Promise<ScuAssociation> {
    const client = await ClientAssociation.open({
      host: o.host,
      port: o.port,
      callingAETitle: this.aeTitle,
      calledAETitle: checkAeTitle(o.calledAETitle ?? 'ANY-SCP'),
      contexts: o.contexts,
      ...(o.roles ? { roles: o.roles } : {}),
      ...(o.userIdentity ? { userIdentity: toUserIdentityRq(o.userIdentity) } : {}),
      ...(o.tls ? { tls: o.tls } : {}),
      ...(o.timeouts ? { timeouts: o.timeouts } : {}),
      maxPduLength: this.maxPduLength,
      artimMs: this.artimMs,
      implementationClassUid: IMPLEMENTATION_CLASS_UID,
      implementationVersionName: IMPLEMENTATION_VERSION_NAME,
      services: this.services,
      log: this.log,
      ...(this.opts.inspector ? { inspector: this.opts.inspector } : {}),
    });
    return new ScuAssociation(client);
  }

  /**
   * Starts listening; with `tls`, a TLS listener (PS3.15 Annex B) whose
   * connections start an association only after the handshake (and the
   * client certificate check). Call it twice for plain and TLS side by side.
   * Rejects with the listen error (e.g. EADDRINUSE).
   */
  async listen(o: { port: number; host?: string; tls?: ServerTlsOptions }): Promise<ScpServer> {
    const live = new Map<string, Association>();
    const max = this.opts.maxAssociations ?? 64;
    const inspector = this.opts.inspector;
    const check = this.opts.checkUserIdentity;
    const onConnection = (socket: Socket) => {
      const id = `assoc-${++nextAssocId}`;
      const log = this.log.child({ assoc: id, peer: `${socket.remoteAddress}:${socket.remotePort}` });
      let assoc: Association;
      const onIndication = acceptorUser(() => assoc, {
        policy: {
          aeTitle: this.aeTitle,
          requireCalledAETitle: this.opts.requireCalledAETitle ?? false,
          ...(this.opts.allowedCallingAETitles ? { allowedCallingAETitles: this.opts.allowedCallingAETitles } : {}),
          support: (uid) => this.support(uid),
          maxPduLength: this.maxPduLength,
          implementationClassUid: IMPLEMENTATION_CLASS_UID,
          implementationVersionName: IMPLEMENTATION_VERSION_NAME,
        },
        services: this.services,
        maxCommandBytes: this.opts.maxCommandBytes ?? 64 << 10,
        maxBufferedDataset: this.opts.maxBufferedDataset ?? 16 << 20,
        log,
        admit: () => (this.acceptorCount > max ? { ...Reject.localLimitExceeded, why: `more than ${max} concurrent associations` } : null),
        ...(check ? { userIdentity: { check, required: this.opts.userIdentityOptional !== true, timeoutMs: this.artimMs } } : {}),
        ...(this.opts.networkTimeoutMs ? { networkTimeoutMs: this.opts.networkTimeoutMs } : {}),
        ...(inspector ? { inspect: inspector.inspect, dimseObserver: (a: Association) => inspector.dimse(a) } : {}),
      });
      assoc = new Association({
        id,
        role: 'acceptor',
        socket,
        maxPduLength: this.maxPduLength,
        artimMs: this.artimMs,
        log,
        onIndication,
        ...(inspector ? { inspect: inspector.inspect, observer: inspector.observer() } : {}),
      });
      live.set(id, assoc);
      this.acceptorCount++;
      inspector?.started(assoc, 'acceptor');
      log.debug('connection accepted');
      void assoc.done.then(() => {
        live.delete(id);
        this.acceptorCount--;
        log.info({ ending: assoc.ending }, 'association ended');
      });
      assoc.transportConnected();
    };
    const tls = o.tls ? { handshakeTimeoutMs: this.artimMs, ...o.tls } : undefined;
    const onTlsRefused = (r: { peer: string; code?: string; reason: string }) => this.log.warn({ peer: r.peer, code: r.code }, `TLS connection refused: ${r.reason}`);
    const listener = await startListener({ host: o.host ?? '0.0.0.0', port: o.port, onConnection, ...(tls ? { tls, onTlsRefused } : {}) });
    this.log.info({ port: listener.port, aeTitle: this.aeTitle, tls: tls !== undefined }, 'listening');
    return {
      port: listener.port,
      associations: live,
      close: async () => {
        const closing = listener.close();
        for (const a of live.values()) {
          try {
            a.abort();
          } catch {
            // not established yet or already ending
          }
        }
        // Peers that never close after our A-ABORT are cut after a moment.
        const cut = setTimeout(() => live.forEach((a) => a.closeTransport()), 500);
        await Promise.all([...live.values()].map((a) => a.done));
        clearTimeout(cut);
        await closing;
      },
    };
  }
}
