import { STORED_ATTRIBUTES, SPECIFIC_CHARACTER_SET_TAG, LAST_STORED_TAG } from './attributes.js';
import { IndexFileError } from './errors.js';
import { decodeText, decodeUid, decoderFor, readHeader } from './header-reader.js';
import { normalizeDate, normalizeTime } from './values.js';
const WANTED = new Set([...STORED_ATTRIBUTES.map((a) => a.tag), SPECIFIC_CHARACTER_SET_TAG]);
const CONFORMANT = {
    DA: /^\d{8}$/,
    TM: /^\d{2}(\d{2}(\d{2}(\.\d{1,6})?)?)?$/,
};
/** Column name of an attribute (the table's `alias.column` without the alias). */
export const columnName = (a) => a.column.slice(a.column.indexOf('.') + 1);
/**
 * Reads a stored file's attributes (not its pixel data) and lays them out as
 * index rows. `given` UIDs (from the C-STORE request) take precedence over
 * the file's. Throws IndexFileError when the file cannot be read or has no
 * Study, Series or SOP Instance UID.
 */
export function readInstanceRecord(path, given = {}) {
    const header = readHeader(path, WANTED, LAST_STORED_TAG, given.transferSyntaxUid || undefined);
    const charset = header.raw.get(SPECIFIC_CHARACTER_SET_TAG);
    const decoder = decoderFor(charset?.toString('latin1'));
    const columns = { PATIENT: {}, STUDY: {}, SERIES: {}, IMAGE: {} };
    const text = {};
    const nonConformant = [];
    for (const a of STORED_ATTRIBUTES) {
        const raw = header.raw.get(a.tag);
        const value = raw === undefined ? undefined : a.vr === 'UI' ? decodeUid(raw) : decodeText(raw, decoder);
        text[a.keyword] = value;
        const row = columns[a.level];
        const name = columnName(a);
        if (a.vr === 'IS') {
            row[name] = value !== undefined && /^[+-]?\d+$/.test(value) ? Number(value) : null;
            continue;
        }
        row[name] = value ?? null;
        if (a.vr === 'DA' || a.vr === 'TM') {
            row[`${name}_n`] = value ? ((a.vr === 'DA' ? normalizeDate(value) : normalizeTime(value)) ?? null) : null;
            if (value && !CONFORMANT[a.vr].test(value))
                nonConformant.push({ keyword: a.keyword, value });
        }
    }
    const studyInstanceUid = text.StudyInstanceUID ?? '';
    const seriesInstanceUid = text.SeriesInstanceUID ?? '';
    const sopInstanceUid = given.sopInstanceUid?.replace(/[\s\0]+$/, '') || text.SOPInstanceUID || header.metaSopInstanceUid || '';
    const sopClassUid = given.sopClassUid?.replace(/[\s\0]+$/, '') || text.SOPClassUID || header.metaSopClassUid || '';
    if (!studyInstanceUid)
        throw new IndexFileError(`${path}: no Study Instance UID (0020,000D)`);
    if (!seriesInstanceUid)
        throw new IndexFileError(`${path}: no Series Instance UID (0020,000E)`);
    if (!sopInstanceUid)
        throw new IndexFileError(`${path}: no SOP Instance UID (0008,0018)`);
    columns.IMAGE.sop_iuid = sopInstanceUid;
    columns.IMAGE.sop_cuid = sopClassUid;
    return {
        columns,
        patientKey: patientKey(text.PatientID, text.PatientName, text.PatientBirthDate, studyInstanceUid),
        studyInstanceUid,
        seriesInstanceUid,
        sopInstanceUid,
        sopClassUid,
        transferSyntaxUid: given.transferSyntaxUid || header.transferSyntaxUid,
        fileSize: header.fileSize,
        nonConformant,
    };
}
/**
 * The key that decides which patient a study belongs to. An empty Patient ID
 * never merges patients: name and birth date together identify one when both
 * are known; otherwise the study stands alone as its own patient.
 */
export function patientKey(id, name, birthDate, studyInstanceUid) {
    if (id)
        return `id:${id}`;
    if (name && birthDate)
        return `pn:${name}\\${birthDate}`;
    return `study:${studyInstanceUid}`;
}
//# sourceMappingURL=instance-record.js.map