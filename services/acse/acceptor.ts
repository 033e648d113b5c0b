import type { InspectionEvent } from 'xstate';
import type { Logger } from 'pino';
import type { Association } from '../../machines/association.js';
import type { Indication } from '../../machines/upper-layer/events.js';
import type { AssociateRqPdu } from '../../transport/pdu-types.js';
import { DimseProvider, type DimseObserver } from '../dimse/provider.js';
import type { DimseService } from '../dimse/service.js';
import { negotiate, Reject, type AcceptorPolicy, type Negotiation } from './negotiate.js';
import { decideUserIdentity, type UserIdentityPolicy } from './user-identity.js';

export interface AcceptorOptions {
  policy: AcceptorPolicy;
  services: readonly DimseService[];
  maxCommandBytes: number;
  maxBufferedDataset: number;
  log: Logger;
  inspect?: (ev: InspectionEvent) => void;
  dimseObserver?: (assoc: Association) => DimseObserver | undefined;
  /** Extra admission check before negotiation (e.g. the association limit); returns an A-ASSOCIATE-RJ reason or null. */
  admit?: () => { result: number; source: number; reason: number; why: string } | null;
  /** User Identity check (PS3.7 D.3.3.7), run after the AE title checks; may be async. Refusal: A-ASSOCIATE-RJ 1/1/1. */
  userIdentity?: UserIdentityPolicy;
  /** Established associations where no byte comes or goes for this long (ms) are aborted. 0 or absent: never. */
  networkTimeoutMs?: number;
}

/**
 * The local user of an acceptor association: answers A-ASSOCIATE indications
 * with Evt7/Evt8 from the ACSE negotiation, runs DIMSE once established, and
 * answers A-RELEASE indications with Evt14. The User Identity check may be
 * async: the association waits in Sta3 (other associations go on), and the
 * answer is dropped if the association ended meanwhile.
 */
export function acceptorUser(getAssoc: () => Association, o: AcceptorOptions): (ind: Indication) => void {
  let provider: DimseProvider | undefined;
  return (ind) => {
    const assoc = getAssoc();
    switch (ind.type) {
      case 'A-ASSOCIATE.indication': {
        const rq = ind.rq;
        const log = assoc.log;
        const limit = o.admit?.();
        if (limit) {
          log.warn({ callingAE: rq.callingAETitle, why: limit.why }, 'association rejected');
          return defer(() => assoc.reject({ type: 'A-ASSOCIATE-RJ', result: limit.result, source: limit.source, reason: limit.reason }));
        }
        const n = negotiate(rq, o.policy);
        if (!n.accepted) {
          log.warn({ callingAE: rq.callingAETitle, calledAE: rq.calledAETitle, why: n.why }, 'association rejected');
          return defer(() => assoc.reject(n.rj));
        }
        if (!o.userIdentity) return establish(rq, n);
        void decideUserIdentity(rq, o.userIdentity).then((d) => {
          if (assoc.state !== 'Sta3') return; // aborted or closed while the check ran
          if (!d.accepted) {
            log.warn({ callingAE: rq.callingAETitle, calledAE: rq.calledAETitle, why: d.why }, 'association rejected');
            return defer(() => assoc.reject({ type: 'A-ASSOCIATE-RJ', ...Reject.noReasonGiven }));
          }
          if (d.serverResponse) n.ac.userInformation.userIdentityAc = d.serverResponse;
          establish(rq, n);
        });
        return;
      }
      case 'P-DATA.indication':
        provider?.pData(ind.pdus);
        return;
      case 'A-RELEASE.indication':
        // Acceptor collision (Sta10) answers after the A-RELEASE-RP arrives (AR-10, see below).
        if (ind.collision) return;
        // Requests still being answered finish first: their responses go out in Sta8 (AR-7), then the A-RELEASE-RP.
        void (provider ? provider.idle() : Promise.resolve()).then(() => defer(() => assoc.releaseResponse()));
        return;
      case 'A-RELEASE.confirm':
        // Sta12 after AR-10: the acceptor now answers the requestor's release.
        defer(() => assoc.releaseResponse());
        return;
      default:
        return;
    }
  };

  /** Accepts (Evt7) with the negotiated A-ASSOCIATE-AC, then runs DIMSE and the network idle watch. */
  function establish(rq: AssociateRqPdu, n: Extract<Negotiation, { accepted: true }>): void {
    const assoc = getAssoc();
    const log = assoc.log;
    log.info(
      { callingAE: rq.callingAETitle, calledAE: rq.calledAETitle, accepted: n.contexts.size, proposed: rq.presentationContexts.length },
      'association accepted',
    );
    provider = new DimseProvider({
      assoc,
      info: {
        id: assoc.id,
        callingAETitle: rq.callingAETitle,
        calledAETitle: rq.calledAETitle,
        peer: assoc.remoteAddress,
        implementationClassUid: o.policy.implementationClassUid,
        contexts: [...n.contexts.values()],
        roles: n.roles,
      },
      contexts: n.contexts,
      services: o.services,
      peerMaxLength: rq.userInformation.maxLength ?? 0,
      maxCommandBytes: o.maxCommandBytes,
      maxBufferedDataset: o.maxBufferedDataset,
      log,
      ...(o.inspect ? { inspect: o.inspect } : {}),
      ...(o.dimseObserver?.(assoc) ? { observer: o.dimseObserver(assoc)! } : {}),
    });
    const p = provider;
    void assoc.done.then(() => p.stop()); // service actors clean up (no partial files)
    const ms = o.networkTimeoutMs ?? 0;
    if (ms > 0) {
      const unwatch = assoc.watchIdle(ms, () => {
        log.warn({ ms }, 'network timeout: nothing sent or received; aborting the association');
        assoc.ending ||= `network timeout after ${ms} ms`;
        defer(() => assoc.abort());
      });
      void assoc.done.then(unwatch);
    }
    defer(() => assoc.accept(n.ac));
  }
}

/** Runs a local primitive after the current action, never inside it; a refused primitive is already logged. */
function defer(fn: () => void): void {
  queueMicrotask(() => {
    try {
      fn();
    } catch {
      // InvalidPrimitiveError: the association moved on (e.g. aborted) before we answered.
    }
  });
}
