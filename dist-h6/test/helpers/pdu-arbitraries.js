/**
 * fast-check arbitraries for valid Upper Layer PDUs (PS3.8 §9.3, PS3.7 D.3.3).
 * Text fields are generated without leading/trailing padding, because the
 * decoder trims padding by design; so decode(encode(x)) must deep-equal x.
 */
import fc from 'fast-check';
/** fast-check builds records with a null prototype; the decoder builds plain objects. Copies into plain objects (Buffers kept). */
export function plain(v) {
    if (Buffer.isBuffer(v) || v === null || typeof v !== 'object')
        return v;
    if (Array.isArray(v))
        return v.map(plain);
    const out = {};
    for (const [k, x] of Object.entries(v))
        out[k] = plain(x);
    return out;
}
/** A UID: dot-separated decimal components, 1..64 characters. */
export const uidArb = fc
    .array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 99999 })), { minLength: 2, maxLength: 10 })
    .map((parts) => parts.join('.'))
    .filter((s) => s.length <= 64);
/** An AE title: 1..16 characters of the default repertoire, no leading/trailing spaces. */
export const aeTitleArb = fc.stringMatching(/^[A-Z0-9_\-][A-Z0-9_\- ]{0,14}[A-Z0-9_\-]$|^[A-Z0-9_]$/);
const bufArb = (maxLength) => fc.uint8Array({ maxLength }).map((a) => Buffer.from(a));
const u8 = fc.integer({ min: 0, max: 0xff });
const u16 = fc.integer({ min: 0, max: 0xffff });
const pcIdArb = fc.integer({ min: 0, max: 127 }).map((n) => 2 * n + 1);
export const userInformationArb = fc
    .record({
    maxLength: fc.option(fc.integer({ min: 0, max: 0xffffffff })),
    implementationClassUid: fc.option(uidArb),
    implementationVersionName: fc.option(fc.stringMatching(/^[A-Z0-9_.]{1,16}$/)),
    asyncOpsWindow: fc.option(fc.record({ maxInvoked: u16, maxPerformed: u16 })),
    roleSelections: fc.array(fc.record({ sopClassUid: uidArb, scuRole: fc.integer({ min: 0, max: 1 }), scpRole: fc.integer({ min: 0, max: 1 }) }), { maxLength: 3 }),
    sopClassExtended: fc.array(fc.record({ sopClassUid: uidArb, serviceClassApplicationInformation: bufArb(8) }), { maxLength: 2 }),
    sopClassCommonExtended: fc.array(fc.record({ sopClassUid: uidArb, serviceClassUid: uidArb, relatedGeneralSopClassUids: fc.array(uidArb, { maxLength: 3 }) }), { maxLength: 2 }),
    userIdentityRq: fc.option(fc.record({ identityType: fc.integer({ min: 1, max: 5 }), positiveResponseRequested: fc.boolean(), primaryField: bufArb(20), secondaryField: bufArb(20) })),
    userIdentityAc: fc.option(bufArb(20)),
    // 0x5a..0xff: sub-item types PS3.7 does not define (yet).
    unknown: fc.array(fc.record({ itemType: fc.integer({ min: 0x5a, max: 0xff }), data: bufArb(10) }), { maxLength: 2 }),
})
    .map((r) => {
    const ui = {};
    for (const [k, v] of Object.entries(r))
        if (v !== null)
            ui[k] = v;
    return ui;
});
export const associateRqArb = fc.record({
    type: fc.constant('A-ASSOCIATE-RQ'),
    protocolVersion: u16,
    calledAETitle: aeTitleArb,
    callingAETitle: aeTitleArb,
    applicationContext: uidArb,
    presentationContexts: fc.array(fc.record({ id: pcIdArb, abstractSyntax: uidArb, transferSyntaxes: fc.array(uidArb, { minLength: 1, maxLength: 4 }) }), { maxLength: 5 }),
    userInformation: userInformationArb,
});
export const associateAcArb = fc.record({
    type: fc.constant('A-ASSOCIATE-AC'),
    protocolVersion: u16,
    calledAETitle: aeTitleArb,
    callingAETitle: aeTitleArb,
    applicationContext: uidArb,
    presentationContexts: fc.array(fc.record({ id: pcIdArb, result: fc.integer({ min: 0, max: 4 }), transferSyntax: fc.oneof(uidArb, fc.constant('')) }), { maxLength: 5 }),
    userInformation: userInformationArb,
});
export const associateRjArb = fc.record({ type: fc.constant('A-ASSOCIATE-RJ'), result: u8, source: u8, reason: u8 });
export const pdvArb = fc.record({ pcId: pcIdArb, isCommand: fc.boolean(), isLast: fc.boolean(), data: bufArb(64) });
export const pDataTfArb = fc.record({ type: fc.constant('P-DATA-TF'), pdvs: fc.array(pdvArb, { minLength: 1, maxLength: 4 }) });
export const abortArb = fc.record({ type: fc.constant('A-ABORT'), source: u8, reason: u8 });
export const pduArb = fc
    .oneof(associateRqArb, associateAcArb, associateRjArb, pDataTfArb, fc.constant({ type: 'A-RELEASE-RQ' }), fc.constant({ type: 'A-RELEASE-RP' }), abortArb)
    .map(plain);
//# sourceMappingURL=pdu-arbitraries.js.map