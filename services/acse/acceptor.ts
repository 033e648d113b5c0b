import type { InspectionEvent } from 'xstate';
import type { Logger } from 'pino';
import type { Association } from '../../machines/association.js';
import type { Indication } from '../../machines/upper-layer/events.js';
import { DimseProvider, type DimseObserver } from '../dimse/provider.js';
import type { DimseService } from '../dimse/service.js';
import { negotiate, type AcceptorPolicy } from './negotiate.js';

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
}

/**
 * The local user of an acceptor association: answers A-ASSOCIATE indications
 * with Evt7/Evt8 from the ACSE negotiation, runs DIMSE once established, and
 * answers A-RELEASE indications with Evt14.
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
        return defer(() => assoc.accept(n.ac));
      }
      case 'P-DATA.indication':
        provider?.pData(ind.pdus);
        return;
      case 'A-RELEASE.indication':
        // Acceptor collision (Sta10) answers after the A-RELEASE-RP arrives (AR-10, see below).
        if (!ind.collision) defer(() => assoc.releaseResponse());
        return;
      case 'A-RELEASE.confirm':
        // Sta12 after AR-10: the acceptor now answers the requestor's release.
        defer(() => assoc.releaseResponse());
        return;
      default:
        return;
    }
  };
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
