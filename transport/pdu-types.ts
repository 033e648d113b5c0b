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
} as const;

export const PDU_NAMES: Record<number, PduName> = {
  0x01: 'A-ASSOCIATE-RQ',
  0x02: 'A-ASSOCIATE-AC',
  0x03: 'A-ASSOCIATE-RJ',
  0x04: 'P-DATA-TF',
  0x05: 'A-RELEASE-RQ',
  0x06: 'A-RELEASE-RP',
  0x07: 'A-ABORT',
};
export type PduName =
  | 'A-ASSOCIATE-RQ' | 'A-ASSOCIATE-AC' | 'A-ASSOCIATE-RJ' | 'P-DATA-TF'
  | 'A-RELEASE-RQ' | 'A-RELEASE-RP' | 'A-ABORT';

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
} as const;

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
  asyncOpsWindow?: { maxInvoked: number; maxPerformed: number };
  roleSelections: RoleSelection[];
  sopClassExtended: SopClassExtended[];
  sopClassCommonExtended: SopClassCommonExtended[];
  userIdentityRq?: UserIdentityRq;
  /** Server response of the User Identity AC sub-item (0x59). */
  userIdentityAc?: Buffer;
  /** Sub-items of a type we do not know, kept as bytes. */
  unknown: { itemType: number; data: Buffer }[];
}

export interface PresentationContextRq {
  /** Odd number 1..255. */
  id: number;
  abstractSyntax: string;
  transferSyntaxes: string[];
}

/** Presentation context results, PS3.8 Table 9-18. */
export const PcResult = {
  Acceptance: 0,
  UserRejection: 1,
  NoReason: 2,
  AbstractSyntaxNotSupported: 3,
  TransferSyntaxesNotSupported: 4,
} as const;

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

export type Pdu =
  | AssociateRqPdu | AssociateAcPdu | AssociateRjPdu | PDataTfPdu
  | ReleaseRqPdu | ReleaseRpPdu | AbortPdu;

export function emptyUserInformation(): UserInformation {
  return { roleSelections: [], sopClassExtended: [], sopClassCommonExtended: [], unknown: [] };
}
