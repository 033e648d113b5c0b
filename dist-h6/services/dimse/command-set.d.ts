import { NetdicomError } from '../../transport/errors.js';
/** Command elements of PS3.7 Annex E (Table E.1-1), tag → keyword and VR. */
declare const ELEMENTS: readonly [readonly [0, 'CommandGroupLength', 'UL'], readonly [2, 'AffectedSOPClassUID', 'UI'], readonly [3, 'RequestedSOPClassUID', 'UI'], readonly [256, 'CommandField', 'US'], readonly [272, 'MessageID', 'US'], readonly [288, 'MessageIDBeingRespondedTo', 'US'], readonly [1536, 'MoveDestination', 'AE'], readonly [1792, 'Priority', 'US'], readonly [2048, 'CommandDataSetType', 'US'], readonly [2304, 'Status', 'US'], readonly [2305, 'OffendingElement', 'AT'], readonly [2306, 'ErrorComment', 'LO'], readonly [2307, 'ErrorID', 'US'], readonly [4096, 'AffectedSOPInstanceUID', 'UI'], readonly [4097, 'RequestedSOPInstanceUID', 'UI'], readonly [4098, 'EventTypeID', 'US'], readonly [4101, 'AttributeIdentifierList', 'AT'], readonly [4104, 'ActionTypeID', 'US'], readonly [4128, 'NumberOfRemainingSuboperations', 'US'], readonly [4129, 'NumberOfCompletedSuboperations', 'US'], readonly [4130, 'NumberOfFailedSuboperations', 'US'], readonly [4131, 'NumberOfWarningSuboperations', 'US'], readonly [4144, 'MoveOriginatorApplicationEntityTitle', 'AE'], readonly [4145, 'MoveOriginatorMessageID', 'US']];
export type CommandKeyword = Exclude<(typeof ELEMENTS)[number][1], 'CommandGroupLength'>;
/** A decoded command set: keyword → value (numbers for US/UL, strings for UI/AE/LO, tag numbers for AT). */
export type CommandSet = Partial<Record<CommandKeyword, string | number | number[]>> & {
    CommandField: number;
};
/** CommandDataSetType value meaning "no data set", PS3.7 §E.1. */
export declare const NO_DATASET = 257;
/** A command set that cannot be decoded or encoded. The association is aborted (A-ABORT, source 2). */
export declare class CommandSetError extends NetdicomError {
    constructor(message: string);
}
/** Decodes a command set. Unknown group 0000 elements are skipped. Throws CommandSetError. */
export declare function decodeCommandSet(buf: Buffer): CommandSet;
/** Encodes a command set (elements in tag order, CommandGroupLength first). Throws CommandSetError on an unknown keyword. */
export declare function encodeCommandSet(cmd: CommandSet): Buffer;
export {};
