import { ByteWriter } from './byte-writer.js';
import { AbortReason, PduDecodeError } from './errors.js';
import { ItemType, PduType, emptyUserInformation, } from './pdu-types.js';
import { decodeUserInformation, encodeUserInformation, textItem } from './user-information.js';
/**
 * Decodes an A-ASSOCIATE-RQ or -AC body (after the 6-byte PDU header),
 * PS3.8 §9.3.2 (Table 9-11) and §9.3.3 (Table 9-17). Throws PduDecodeError
 * on an item length overrun, an unknown item type or a missing required item.
 */
export function decodeAssociate(type, r) {
    const protocolVersion = r.u16('protocol version');
    r.skip(2);
    const calledAETitle = r.text(16, 'called AE title');
    const callingAETitle = r.text(16, 'calling AE title');
    r.skip(32);
    let applicationContext;
    let userInformation = emptyUserInformation();
    const rqContexts = [];
    const acContexts = [];
    while (r.remaining > 0) {
        const itemType = r.u8('item type');
        r.skip(1);
        const item = r.sub(r.u16('item length'), `item 0x${itemType.toString(16)}`);
        if (itemType === ItemType.ApplicationContext)
            applicationContext = item.text(item.remaining);
        else if (itemType === ItemType.PresentationContextRq && type === PduType.AssociateRq)
            rqContexts.push(decodeRqContext(item));
        else if (itemType === ItemType.PresentationContextAc && type === PduType.AssociateAc)
            acContexts.push(decodeAcContext(item));
        else if (itemType === ItemType.UserInformation)
            userInformation = decodeUserInformation(item);
        else if (itemType === ItemType.PresentationContextRq || itemType === ItemType.PresentationContextAc) {
            throw new PduDecodeError('ERR_PDU_BAD_ITEM', `item type 0x${itemType.toString(16)} in ${type === 1 ? 'A-ASSOCIATE-RQ' : 'A-ASSOCIATE-AC'}`, AbortReason.UnexpectedPduParameter);
        }
        // Items of unrecognized types are ignored and skipped (PS3.8 §9.3.1).
    }
    if (applicationContext === undefined) {
        throw new PduDecodeError('ERR_PDU_NO_APPLICATION_CONTEXT', 'no Application Context item', AbortReason.InvalidPduParameterValue);
    }
    const common = { protocolVersion, calledAETitle, callingAETitle, applicationContext, userInformation };
    return type === PduType.AssociateRq
        ? { type: 'A-ASSOCIATE-RQ', ...common, presentationContexts: rqContexts }
        : { type: 'A-ASSOCIATE-AC', ...common, presentationContexts: acContexts };
}
function decodeRqContext(r) {
    const id = r.u8('presentation context ID');
    r.skip(3);
    let abstractSyntax = '';
    const transferSyntaxes = [];
    while (r.remaining > 0) {
        const t = r.u8('sub-item type');
        r.skip(1);
        const s = r.sub(r.u16('sub-item length'), 'presentation context sub-item');
        if (t === ItemType.AbstractSyntax)
            abstractSyntax = s.text(s.remaining);
        else if (t === ItemType.TransferSyntax)
            transferSyntaxes.push(s.text(s.remaining));
        // other sub-item types are skipped (PS3.8 §9.3.1)
    }
    return { id, abstractSyntax, transferSyntaxes };
}
function decodeAcContext(r) {
    const id = r.u8('presentation context ID');
    r.skip(1);
    const result = r.u8('presentation context result');
    r.skip(1);
    let transferSyntax = '';
    while (r.remaining > 0) {
        const t = r.u8('sub-item type');
        r.skip(1);
        const s = r.sub(r.u16('sub-item length'), 'presentation context sub-item');
        if (t === ItemType.TransferSyntax)
            transferSyntax = s.text(s.remaining);
        // other sub-item types are skipped (PS3.8 §9.3.1)
    }
    return { id, result, transferSyntax };
}
/** Encodes a whole A-ASSOCIATE-RQ or -AC PDU, header included. PS3.8 §9.3.2–9.3.3. */
export function encodeAssociate(pdu) {
    const w = new ByteWriter(512);
    w.u8(pdu.type === 'A-ASSOCIATE-RQ' ? PduType.AssociateRq : PduType.AssociateAc).u8(0);
    const at = w.mark(4);
    w.u16(pdu.protocolVersion).u16(0).fixedText(pdu.calledAETitle, 16).fixedText(pdu.callingAETitle, 16).zeros(32);
    textItem(w, ItemType.ApplicationContext, pdu.applicationContext);
    if (pdu.type === 'A-ASSOCIATE-RQ') {
        for (const pc of pdu.presentationContexts) {
            w.u8(ItemType.PresentationContextRq).u8(0);
            const l = w.mark(2);
            w.u8(pc.id).zeros(3);
            textItem(w, ItemType.AbstractSyntax, pc.abstractSyntax);
            for (const ts of pc.transferSyntaxes)
                textItem(w, ItemType.TransferSyntax, ts);
            w.fillU16(l);
        }
    }
    else {
        for (const pc of pdu.presentationContexts) {
            w.u8(ItemType.PresentationContextAc).u8(0);
            const l = w.mark(2);
            w.u8(pc.id).u8(0).u8(pc.result).u8(0);
            textItem(w, ItemType.TransferSyntax, pc.transferSyntax);
            w.fillU16(l);
        }
    }
    encodeUserInformation(w, pdu.userInformation);
    w.fillU32(at);
    return w.result();
}
//# sourceMappingURL=associate-pdus.js.map