import { AbortReason, AbortSource } from '../../transport/errors.js';
import { encodePdu, type EncodedPdu } from '../../transport/pdu-codec.js';
import type { AssociateRqPdu } from '../../transport/pdu-types.js';
import type { ActionId } from './state-table.js';
import type { Indication, UpperLayerEvent } from './events.js';

/**
 * What an association's Upper Layer actions do to the world: the socket and
 * the local user. One object per association, closed over by the machine's
 * actions (never put in XState context: it holds the socket).
 */
export interface UpperLayerIo {
  readonly isRequestor: boolean;
  /** The A-ASSOCIATE-RQ given with Evt1 (requestor only). */
  readonly associateRq: AssociateRqPdu | undefined;
  /** AE-1: open the TCP connection; its outcome comes back as Evt2 or Evt17. */
  connect(): void;
  /** Writes one PDU to the peer; never throws (a dead socket shows up as Evt17). */
  write(pdu: EncodedPdu): void;
  /** Writes PDUs in order as one socket write (writev), whenever the action runs; never throws. */
  writeAll(pdus: readonly EncodedPdu[]): void;
  /** Closes the transport connection (idempotent). */
  closeTransport(): void;
  indicate(ind: Indication): void;
}

type Act = (io: UpperLayerIo, event: UpperLayerEvent) => void;

const abortPdu = (source: number, reason: number) => encodePdu({ type: 'A-ABORT', source, reason });

/**
 * One function per action of PS3.8 Tables 9-6..9-9, keyed by its name. ARTIM
 * is started and stopped by the machine (machine.ts), not here. Each runs
 * synchronously inside the actor; anything slow is the local user's business.
 */
export const ACTION_IMPL: Record<ActionId, Act> = {
  /** Sta1 + Evt1. */
  'AE-1': (io) => io.connect(),
  /** Sta4 + Evt2. */
  'AE-2': (io) => io.write(encodePdu(io.associateRq!)),
  /** Sta5 + Evt3. */
  'AE-3': (io, e) => e.type === 'Evt3' && io.indicate({ type: 'A-ASSOCIATE.confirm-accept', ac: e.pdu }),
  /** Sta5 + Evt4. */
  'AE-4': (io, e) => {
    if (e.type === 'Evt4') io.indicate({ type: 'A-ASSOCIATE.confirm-reject', rj: e.pdu });
    io.closeTransport();
  },
  /** Sta1 + Evt5: the connection is accepted by the listener before this runs. */
  'AE-5': () => {},
  /** Sta2 + Evt6: the guard `assocAcceptable` chose the branch; here only protocol version can fail. */
  'AE-6': (io, e) => {
    if (e.type !== 'Evt6') return;
    if ((e.pdu.protocolVersion & 1) === 1) io.indicate({ type: 'A-ASSOCIATE.indication', rq: e.pdu });
    // rejected-permanent, UL service-provider (ACSE), protocol-version-not-supported: PS3.8 Table 9-21
    else io.write(encodePdu({ type: 'A-ASSOCIATE-RJ', result: 1, source: 2, reason: 2 }));
  },
  /** Sta3 + Evt7. */
  'AE-7': (io, e) => e.type === 'Evt7' && io.write(encodePdu(e.pdu)),
  /** Sta3 + Evt8. */
  'AE-8': (io, e) => e.type === 'Evt8' && io.write(encodePdu(e.pdu)),
  /** Sta6 + Evt9. */
  'DT-1': (io, e) => e.type === 'Evt9' && io.writeAll(e.pdus),
  /** Sta6 + Evt10. */
  'DT-2': (io, e) => e.type === 'Evt10' && io.indicate({ type: 'P-DATA.indication', pdus: e.pdus }),
  /** Sta6 + Evt11. */
  'AR-1': (io) => io.write(encodePdu({ type: 'A-RELEASE-RQ' })),
  /** Sta6 + Evt12. */
  'AR-2': (io) => io.indicate({ type: 'A-RELEASE.indication', collision: false }),
  /** Sta7 + Evt13, Sta11 + Evt13. */
  'AR-3': (io) => {
    io.indicate({ type: 'A-RELEASE.confirm' });
    io.closeTransport();
  },
  /** Sta8 + Evt14, Sta12 + Evt14. */
  'AR-4': (io) => io.write(encodePdu({ type: 'A-RELEASE-RP' })),
  /** Sta13 + Evt17. */
  'AR-5': () => {},
  /** Sta7 + Evt10: the peer may still send data after our A-RELEASE-RQ. */
  'AR-6': (io, e) => e.type === 'Evt10' && io.indicate({ type: 'P-DATA.indication', pdus: e.pdus }),
  /** Sta8 + Evt9. */
  'AR-7': (io, e) => e.type === 'Evt9' && io.writeAll(e.pdus),
  /** Sta7 + Evt12: release collision. */
  'AR-8': (io) => io.indicate({ type: 'A-RELEASE.indication', collision: true }),
  /** Sta9 + Evt14. */
  'AR-9': (io) => io.write(encodePdu({ type: 'A-RELEASE-RP' })),
  /** Sta10 + Evt13. */
  'AR-10': (io) => io.indicate({ type: 'A-RELEASE.confirm' }),
  /** Evt15 in Sta3/5..12, and unexpected PDUs in Sta2: a service-user A-ABORT. */
  'AA-1': (io, e) => {
    const a = e.type === 'Evt15' && e.abort ? e.abort : { source: AbortSource.ServiceUser, reason: 0 };
    io.write(abortPdu(a.source, a.reason));
    if (e.type !== 'Evt15') io.indicate({ type: 'A-P-ABORT.indication', reason: `${e.type} while awaiting A-ASSOCIATE-RQ` });
  },
  /** ARTIM expired, A-ABORT in Sta2/Sta13, Evt15 in Sta4. */
  'AA-2': (io) => io.closeTransport(),
  /** A-ABORT PDU received. */
  'AA-3': (io, e) => {
    if (e.type === 'Evt16') {
      io.indicate(
        e.pdu.source === AbortSource.ServiceProvider
          ? { type: 'A-P-ABORT.indication', reason: `A-ABORT from the peer's service-provider, reason ${e.pdu.reason}`, source: e.pdu.source, abortReason: e.pdu.reason }
          : { type: 'A-ABORT.indication', source: e.pdu.source, reason: e.pdu.reason },
      );
    }
    io.closeTransport();
  },
  /** Transport closed under an established or pending association. */
  'AA-4': (io) => io.indicate({ type: 'A-P-ABORT.indication', reason: 'transport closed' }),
  /** Sta2 + Evt17: the peer closed before sending an A-ASSOCIATE-RQ. */
  'AA-5': () => {},
  /** Sta13: a PDU after the association ended is ignored. */
  'AA-6': () => {},
  /** Sta13 + Evt6/Evt19. */
  'AA-7': (io) => io.write(abortPdu(AbortSource.ServiceProvider, AbortReason.UnexpectedPdu)),
  /** Unexpected or invalid PDU: a service-provider A-ABORT. */
  'AA-8': (io, e) => {
    const reason = e.type === 'Evt19' ? e.error.abort.reason : AbortReason.UnexpectedPdu;
    io.write(abortPdu(AbortSource.ServiceProvider, reason));
    io.indicate({ type: 'A-P-ABORT.indication', reason: e.type === 'Evt19' ? e.error.message : `unexpected ${e.type}` });
  },
};
