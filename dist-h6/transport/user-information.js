import { AbortReason, PduDecodeError } from './errors.js';
import { ItemType, emptyUserInformation } from './pdu-types.js';
/**
 * Decodes the body of a User Information item (0x50): its sub-items, PS3.8
 * §9.3.2.3, Annex D.1 and PS3.7 Annex D.3.3. Unknown sub-item types are kept
 * as bytes. Throws PduDecodeError when a sub-item length overruns the item.
 */
export function decodeUserInformation(r) {
    const ui = emptyUserInformation();
    while (r.remaining > 0) {
        const itemType = r.u8('user information sub-item type');
        r.skip(1);
        const len = r.u16('user information sub-item length');
        const s = r.sub(len, `user information sub-item 0x${itemType.toString(16)}`);
        switch (itemType) {
            case ItemType.MaximumLength:
                ui.maxLength = s.u32('Maximum Length');
                break;
            case ItemType.ImplementationClassUid:
                ui.implementationClassUid = s.text(len);
                break;
            case ItemType.ImplementationVersionName:
                ui.implementationVersionName = s.text(len);
                break;
            case ItemType.AsynchronousOperationsWindow:
                ui.asyncOpsWindow = { maxInvoked: s.u16(), maxPerformed: s.u16() };
                break;
            case ItemType.RoleSelection: {
                const sopClassUid = s.text(s.u16('role selection UID length'));
                ui.roleSelections.push({ sopClassUid, scuRole: s.u8(), scpRole: s.u8() });
                break;
            }
            case ItemType.SopClassExtendedNegotiation: {
                const sopClassUid = s.text(s.u16('SOP class UID length'));
                ui.sopClassExtended.push({ sopClassUid, serviceClassApplicationInformation: Buffer.from(s.bytes(s.remaining)) });
                break;
            }
            case ItemType.SopClassCommonExtendedNegotiation: {
                const sopClassUid = s.text(s.u16('SOP class UID length'));
                const serviceClassUid = s.text(s.u16('service class UID length'));
                const related = s.sub(s.u16('related general SOP class length'), 'related general SOP classes');
                const relatedGeneralSopClassUids = [];
                while (related.remaining > 0)
                    relatedGeneralSopClassUids.push(related.text(related.u16('related UID length')));
                ui.sopClassCommonExtended.push({ sopClassUid, serviceClassUid, relatedGeneralSopClassUids });
                break;
            }
            case ItemType.UserIdentityRq: {
                const identityType = s.u8('user identity type');
                const positiveResponseRequested = s.u8() === 1;
                const primaryField = Buffer.from(s.bytes(s.u16('primary field length')));
                const secondaryField = Buffer.from(s.bytes(s.u16('secondary field length')));
                ui.userIdentityRq = { identityType, positiveResponseRequested, primaryField, secondaryField };
                break;
            }
            case ItemType.UserIdentityAc:
                ui.userIdentityAc = Buffer.from(s.bytes(s.u16('server response length')));
                break;
            default:
                if (itemType < 0x51) {
                    throw new PduDecodeError('ERR_PDU_BAD_ITEM', `item type 0x${itemType.toString(16)} inside User Information`, AbortReason.UnrecognizedPduParameter);
                }
                ui.unknown.push({ itemType, data: Buffer.from(s.bytes(len)) });
        }
    }
    return ui;
}
/** Encodes a complete User Information item (0x50), sub-items in PS3.7 order. */
export function encodeUserInformation(w, ui) {
    w.u8(ItemType.UserInformation).u8(0);
    const at = w.mark(2);
    if (ui.maxLength !== undefined)
        w.u8(ItemType.MaximumLength).u8(0).u16(4).u32(ui.maxLength);
    if (ui.implementationClassUid !== undefined)
        textItem(w, ItemType.ImplementationClassUid, ui.implementationClassUid);
    if (ui.asyncOpsWindow) {
        w.u8(ItemType.AsynchronousOperationsWindow).u8(0).u16(4).u16(ui.asyncOpsWindow.maxInvoked).u16(ui.asyncOpsWindow.maxPerformed);
    }
    for (const rs of ui.roleSelections) {
        const uid = Buffer.from(rs.sopClassUid, 'latin1');
        w.u8(ItemType.RoleSelection).u8(0).u16(uid.length + 4).u16(uid.length).bytes(uid).u8(rs.scuRole).u8(rs.scpRole);
    }
    if (ui.implementationVersionName !== undefined)
        textItem(w, ItemType.ImplementationVersionName, ui.implementationVersionName);
    for (const ext of ui.sopClassExtended) {
        w.u8(ItemType.SopClassExtendedNegotiation).u8(0);
        const l = w.mark(2);
        lengthPrefixed(w, ext.sopClassUid);
        w.bytes(ext.serviceClassApplicationInformation);
        w.fillU16(l);
    }
    for (const ext of ui.sopClassCommonExtended) {
        w.u8(ItemType.SopClassCommonExtendedNegotiation).u8(0);
        const l = w.mark(2);
        lengthPrefixed(w, ext.sopClassUid);
        lengthPrefixed(w, ext.serviceClassUid);
        const rl = w.mark(2);
        for (const uid of ext.relatedGeneralSopClassUids)
            lengthPrefixed(w, uid);
        w.fillU16(rl);
        w.fillU16(l);
    }
    if (ui.userIdentityRq) {
        const id = ui.userIdentityRq;
        w.u8(ItemType.UserIdentityRq).u8(0);
        const l = w.mark(2);
        w.u8(id.identityType).u8(id.positiveResponseRequested ? 1 : 0);
        w.u16(id.primaryField.length).bytes(id.primaryField).u16(id.secondaryField.length).bytes(id.secondaryField);
        w.fillU16(l);
    }
    if (ui.userIdentityAc) {
        w.u8(ItemType.UserIdentityAc).u8(0).u16(ui.userIdentityAc.length + 2).u16(ui.userIdentityAc.length).bytes(ui.userIdentityAc);
    }
    for (const u of ui.unknown)
        w.u8(u.itemType).u8(0).u16(u.data.length).bytes(u.data);
    w.fillU16(at);
}
/** An item whose whole value is one ASCII string (UIDs, names): type, reserved, length, text. */
export function textItem(w, itemType, text) {
    const b = Buffer.from(text, 'latin1');
    w.u8(itemType).u8(0).u16(b.length).bytes(b);
}
function lengthPrefixed(w, text) {
    const b = Buffer.from(text, 'latin1');
    w.u16(b.length).bytes(b);
}
//# sourceMappingURL=user-information.js.map