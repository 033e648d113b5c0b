/**
 * fast-check arbitraries for valid Upper Layer PDUs (PS3.8 §9.3, PS3.7 D.3.3).
 * Text fields are generated without leading/trailing padding, because the
 * decoder trims padding by design; so decode(encode(x)) must deep-equal x.
 */
import fc from 'fast-check';
import type { AbortPdu, AssociateAcPdu, AssociateRjPdu, AssociateRqPdu, PDataTfPdu, Pdu, Pdv, UserInformation } from '../../transport/pdu-types.js';
/** fast-check builds records with a null prototype; the decoder builds plain objects. Copies into plain objects (Buffers kept). */
export declare function plain<T>(v: T): T;
/** A UID: dot-separated decimal components, 1..64 characters. */
export declare const uidArb: fc.Arbitrary<string>;
/** An AE title: 1..16 characters of the default repertoire, no leading/trailing spaces. */
export declare const aeTitleArb: fc.Arbitrary<string>;
export declare const userInformationArb: fc.Arbitrary<UserInformation>;
export declare const associateRqArb: fc.Arbitrary<AssociateRqPdu>;
export declare const associateAcArb: fc.Arbitrary<AssociateAcPdu>;
export declare const associateRjArb: fc.Arbitrary<AssociateRjPdu>;
export declare const pdvArb: fc.Arbitrary<Pdv>;
export declare const pDataTfArb: fc.Arbitrary<PDataTfPdu>;
export declare const abortArb: fc.Arbitrary<AbortPdu>;
export declare const pduArb: fc.Arbitrary<Pdu>;
