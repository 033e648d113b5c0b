/**
 * The seven Upper Layer PDUs and their items as plain data, PS3.8 §9.3 and
 * PS3.7 Annex D.3.3 (user information sub-items). Decoders produce these and
 * encoders take them, so `decode(encode(x))` equals `x`.
 */
/** PDU type codes, PS3.8 Table 9-11 ff. */
export declare const PduType: {
    readonly AssociateRq: 1;
    readonly AssociateAc: 2;
    readonly AssociateRj: 3;
    readonly PDataTf: 4;
    readonly ReleaseRq: 5;
    readonly ReleaseRp: 6;
    readonly Abort: 7;
};
export declare const PDU_NAMES: Record<number, PduName>;
export type PduName = 'A-ASSOCIATE-RQ' | 'A-ASSOCIATE-AC' | 'A-ASSOCIATE-RJ' | 'P-DATA-TF' | 'A-RELEASE-RQ' | 'A-RELEASE-RP' | 'A-ABORT';
/** Item and sub-item type codes, PS3.8 §9.3.2–9.3.3 and PS3.7 Annex D.3.3. */
export declare const ItemType: {
    readonly ApplicationContext: 16;
    readonly PresentationContextRq: 32;
    readonly PresentationContextAc: 33;
    readonly AbstractSyntax: 48;
    readonly TransferSyntax: 64;
    readonly UserInformation: 80;
    readonly MaximumLength: 81;
    readonly ImplementationClassUid: 82;
    readonly AsynchronousOperationsWindow: 83;
    readonly RoleSelection: 84;
    readonly ImplementationVersionName: 85;
    readonly SopClassExtendedNegotiation: 86;
    readonly SopClassCommonExtendedNegotiation: 87;
    readonly UserIdentityRq: 88;
    readonly UserIdentityAc: 89;
};
/** SCP/SCU Role Selection sub-item, PS3.7 D.3.3.4. */
export interface RoleSelection {
    sopClassUid: string;
    /** 1 = the association-requestor may act as SCU for this class. */
    scuRole: number;
    /** 1 = the association-requestor may act as SCP for this class. */
    scpRole: number;
}
/** SOP Class Extended Negotiation sub-item, PS3.7 D.3.3.5. */
export interface SopClassExtended {
    sopClassUid: string;
    serviceClassApplicationInformation: Buffer;
}
/** SOP Class Common Extended Negotiation sub-item, PS3.7 D.3.3.6. */
export interface SopClassCommonExtended {
    sopClassUid: string;
    serviceClassUid: string;
    relatedGeneralSopClassUids: string[];
}
/** User Identity negotiation RQ sub-item, PS3.7 D.3.3.7.1. Types: 1 username, 2 username+passcode, 3 Kerberos, 4 SAML, 5 JWT. */
export interface UserIdentityRq {
    identityType: number;
    positiveResponseRequested: boolean;
    primaryField: Buffer;
    secondaryField: Buffer;
}
/** User Information item (0x50) and its sub-items, PS3.8 §9.3.2.3 and PS3.7 Annex D.3.3. */
export interface UserInformation {
    /** Maximum Length Received in bytes (0 = unlimited), PS3.8 Annex D.1. */
    maxLength?: number;
    implementationClassUid?: string;
    implementationVersionName?: string;
    asyncOpsWindow?: {
        maxInvoked: number;
        maxPerformed: number;
    };
    roleSelections: RoleSelection[];
    sopClassExtended: SopClassExtended[];
    sopClassCommonExtended: SopClassCommonExtended[];
    userIdentityRq?: UserIdentityRq;
    /** Server response of the User Identity AC sub-item (0x59). */
    userIdentityAc?: Buffer;
    /** Sub-items of a type we do not know, kept as bytes. */
    unknown: {
        itemType: number;
        data: Buffer;
    }[];
}
export interface PresentationContextRq {
    /** Odd number 1..255. */
    id: number;
    abstractSyntax: string;
    transferSyntaxes: string[];
}
/** Presentation context results, PS3.8 Table 9-18. */
export declare const PcResult: {
    readonly Acceptance: 0;
    readonly UserRejection: 1;
    readonly NoReason: 2;
    readonly AbstractSyntaxNotSupported: 3;
    readonly TransferSyntaxesNotSupported: 4;
};
export interface PresentationContextAc {
    id: number;
    result: number;
    /** The accepted transfer syntax; absent or ignored when result != 0. */
    transferSyntax: string;
}
interface AssociateCommon {
    /** Bit 0 set = protocol version 1. */
    protocolVersion: number;
    calledAETitle: string;
    callingAETitle: string;
    applicationContext: string;
    userInformation: UserInformation;
}
export interface AssociateRqPdu extends AssociateCommon {
    type: 'A-ASSOCIATE-RQ';
    presentationContexts: PresentationContextRq[];
}
export interface AssociateAcPdu extends AssociateCommon {
    type: 'A-ASSOCIATE-AC';
    presentationContexts: PresentationContextAc[];
}
/** A-ASSOCIATE-RJ, PS3.8 Table 9-21: result 1 permanent / 2 transient; source 1 user, 2 ACSE provider, 3 presentation provider. */
export interface AssociateRjPdu {
    type: 'A-ASSOCIATE-RJ';
    result: number;
    source: number;
    reason: number;
}
/** One Presentation Data Value, PS3.8 §9.3.5.1 and Annex E.2. `data` is a view into the PDU bytes. */
export interface Pdv {
    pcId: number;
    isCommand: boolean;
    isLast: boolean;
    data: Buffer;
}
export interface PDataTfPdu {
    type: 'P-DATA-TF';
    pdvs: Pdv[];
}
export interface ReleaseRqPdu {
    type: 'A-RELEASE-RQ';
}
export interface ReleaseRpPdu {
    type: 'A-RELEASE-RP';
}
/** A-ABORT, PS3.8 Table 9-26: source 0 service-user, 2 service-provider. */
export interface AbortPdu {
    type: 'A-ABORT';
    source: number;
    reason: number;
}
export type Pdu = AssociateRqPdu | AssociateAcPdu | AssociateRjPdu | PDataTfPdu | ReleaseRqPdu | ReleaseRpPdu | AbortPdu;
export declare function emptyUserInformation(): UserInformation;
export {};
