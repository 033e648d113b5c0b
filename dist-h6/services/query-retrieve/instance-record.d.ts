import { type Level, type StoredAttribute } from './attributes.js';
/**
 * One stored file as rows of the index: each level's column values, named
 * as in the attribute table (`study_date`, `study_date_n`, …), plus what the
 * index needs to file it (UIDs, patient key, transfer syntax, size).
 */
export interface InstanceRecord {
    /** Column name → value per level; null for an attribute absent from the file, '' for a zero-length one. */
    columns: Record<Level, Record<string, string | number | null>>;
    /** Keeps patients apart: `id:<PatientID>`, else `pn:<name>\<birth date>`, else `study:<Study Instance UID>`. */
    patientKey: string;
    studyInstanceUid: string;
    seriesInstanceUid: string;
    sopInstanceUid: string;
    sopClassUid: string;
    transferSyntaxUid: string;
    fileSize: number;
    /** DA/TM values that are not in the standard form: keyword → value as given. */
    nonConformant: Array<{
        keyword: string;
        value: string;
    }>;
}
/** Column name of an attribute (the table's `alias.column` without the alias). */
export declare const columnName: (a: StoredAttribute) => string;
/**
 * Reads a stored file's attributes (not its pixel data) and lays them out as
 * index rows. `given` UIDs (from the C-STORE request) take precedence over
 * the file's. Throws IndexFileError when the file cannot be read or has no
 * Study, Series or SOP Instance UID.
 */
export declare function readInstanceRecord(path: string, given?: {
    sopClassUid?: string;
    sopInstanceUid?: string;
    transferSyntaxUid?: string;
}): InstanceRecord;
/**
 * The key that decides which patient a study belongs to. An empty Patient ID
 * never merges patients: name and birth date together identify one when both
 * are known; otherwise the study stands alone as its own patient.
 */
export declare function patientKey(id: string | undefined, name: string | undefined, birthDate: string | undefined, studyInstanceUid: string): string;
