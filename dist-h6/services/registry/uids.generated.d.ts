export interface UidEntry {
    uid: string;
    name: string;
    keyword: string;
    type: string;
    retired: boolean;
}
/** Edition of DICOM PS3.6 the registry was taken from. */
export declare const EDITION = "DICOM 2026b (Table A-1); Table A-2 as of 2024d";
/** Every registered UID, in the order of the standard's tables. */
export declare const UIDS: ReadonlyMap<string, UidEntry>;
