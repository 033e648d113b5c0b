import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { type UserInformation } from './pdu-types.js';
/**
 * Decodes the body of a User Information item (0x50): its sub-items, PS3.8
 * §9.3.2.3, Annex D.1 and PS3.7 Annex D.3.3. Unknown sub-item types are kept
 * as bytes. Throws PduDecodeError when a sub-item length overruns the item.
 */
export declare function decodeUserInformation(r: ByteReader): UserInformation;
/** Encodes a complete User Information item (0x50), sub-items in PS3.7 order. */
export declare function encodeUserInformation(w: ByteWriter, ui: UserInformation): void;
/** An item whose whole value is one ASCII string (UIDs, names): type, reserved, length, text. */
export declare function textItem(w: ByteWriter, itemType: number, text: string): void;
