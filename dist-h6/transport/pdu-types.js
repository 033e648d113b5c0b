/**
 * The seven Upper Layer PDUs and their items as plain data, PS3.8 §9.3 and
 * PS3.7 Annex D.3.3 (user information sub-items). Decoders produce these and
 * encoders take them, so `decode(encode(x))` equals `x`.
 */
/** PDU type codes, PS3.8 Table 9-11 ff. */
export const PduType = {
    AssociateRq: 0x01,
    AssociateAc: 0x02,
    AssociateRj: 0x03,
    PDataTf: 0x04,
    ReleaseRq: 0x05,
    ReleaseRp: 0x06,
    Abort: 0x07,
};
export const PDU_NAMES = {
    0x01: 'A-ASSOCIATE-RQ',
    0x02: 'A-ASSOCIATE-AC',
    0x03: 'A-ASSOCIATE-RJ',
    0x04: 'P-DATA-TF',
    0x05: 'A-RELEASE-RQ',
    0x06: 'A-RELEASE-RP',
    0x07: 'A-ABORT',
};
/** Item and sub-item type codes, PS3.8 §9.3.2–9.3.3 and PS3.7 Annex D.3.3. */
export const ItemType = {
    ApplicationContext: 0x10,
    PresentationContextRq: 0x20,
    PresentationContextAc: 0x21,
    AbstractSyntax: 0x30,
    TransferSyntax: 0x40,
    UserInformation: 0x50,
    MaximumLength: 0x51,
    ImplementationClassUid: 0x52,
    AsynchronousOperationsWindow: 0x53,
    RoleSelection: 0x54,
    ImplementationVersionName: 0x55,
    SopClassExtendedNegotiation: 0x56,
    SopClassCommonExtendedNegotiation: 0x57,
    UserIdentityRq: 0x58,
    UserIdentityAc: 0x59,
};
/** Presentation context results, PS3.8 Table 9-18. */
export const PcResult = {
    Acceptance: 0,
    UserRejection: 1,
    NoReason: 2,
    AbstractSyntaxNotSupported: 3,
    TransferSyntaxesNotSupported: 4,
};
export function emptyUserInformation() {
    return { roleSelections: [], sopClassExtended: [], sopClassCommonExtended: [], unknown: [] };
}
//# sourceMappingURL=pdu-types.js.map