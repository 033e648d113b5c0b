import type { AbortSpec, PduDecodeError } from '../../transport/errors.js';
import type { EncodedPdu } from '../../transport/pdu-codec.js';
import type { AbortPdu, AssociateAcPdu, AssociateRjPdu, AssociateRqPdu, PDataTfPdu } from '../../transport/pdu-types.js';

/**
 * The events of PS3.8 Table 9-10 as XState events, each with the payload its
 * action needs. Received P-DATA-TF PDUs come in batches (one Evt10 per socket
 * read): DT-2 and AR-6 do not change state, so a batch equals one event each.
 */
export type UpperLayerEvent =
  | { type: 'Evt1'; rq: AssociateRqPdu }
  | { type: 'Evt2' }
  | { type: 'Evt3'; pdu: AssociateAcPdu }
  | { type: 'Evt4'; pdu: AssociateRjPdu }
  | { type: 'Evt5' }
  | { type: 'Evt6'; pdu: AssociateRqPdu }
  | { type: 'Evt7'; pdu: AssociateAcPdu }
  | { type: 'Evt8'; pdu: AssociateRjPdu }
  /** Encoded P-DATA-TF PDUs to write, in order. */
  | { type: 'Evt9'; pdus: EncodedPdu[] }
  | { type: 'Evt10'; pdus: PDataTfPdu[]; bytes: number }
  | { type: 'Evt11' }
  | { type: 'Evt12' }
  | { type: 'Evt13' }
  | { type: 'Evt14' }
  /** A local A-ABORT request; source/reason default to service-user, 0. */
  | { type: 'Evt15'; abort?: AbortSpec }
  | { type: 'Evt16'; pdu: AbortPdu }
  | { type: 'Evt17' }
  | { type: 'Evt18' }
  | { type: 'Evt19'; error: PduDecodeError };

/** What the Upper Layer tells its local user (the ACSE/DIMSE side), PS3.8 §9.2.2. */
export type Indication =
  | { type: 'A-ASSOCIATE.indication'; rq: AssociateRqPdu }
  | { type: 'A-ASSOCIATE.confirm-accept'; ac: AssociateAcPdu }
  | { type: 'A-ASSOCIATE.confirm-reject'; rj: AssociateRjPdu }
  | { type: 'P-DATA.indication'; pdus: PDataTfPdu[] }
  | { type: 'A-RELEASE.indication'; collision: boolean }
  | { type: 'A-RELEASE.confirm' }
  | { type: 'A-ABORT.indication'; source: number; reason: number }
  /** Provider-initiated abort; `source`/`abortReason` are set when it came as an A-ABORT PDU (PS3.8 Table 9-26). */
  | { type: 'A-P-ABORT.indication'; reason: string; source?: number; abortReason?: number };
