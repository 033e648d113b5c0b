/**
 * The Query/Retrieve index's attributes as data: DICOM keyword → tag, VR,
 * information-model level and the column (or SQL expression) that holds it.
 * PS3.4 Annex C.3 (Patient Root and Study Root information models) and C.6.
 *
 * Table aliases used by the expressions: `p` patient, `st` study,
 * `se` series, `i` instance (see query-builder.ts `FROM_BY_LEVEL`).
 */
/** Query/Retrieve levels, top to bottom (PS3.4 C.3). */
export const LEVELS = ['PATIENT', 'STUDY', 'SERIES', 'IMAGE'];
/** The Unique Key of each level (PS3.4 C.3.1–C.3.4). */
export const UNIQUE_KEY = {
    PATIENT: 'PatientID',
    STUDY: 'StudyInstanceUID',
    SERIES: 'SeriesInstanceUID',
    IMAGE: 'SOPInstanceUID',
};
export const isStored = (a) => 'column' in a;
/** Attributes read from each stored file, PS3.4 Tables C.6-1, C.6-2, C.6-3, C.6-4 (the index's subset). */
export const STORED_ATTRIBUTES = [
    { keyword: 'PatientName', tag: 0x00100010, vr: 'PN', level: 'PATIENT', column: 'p.patient_name' },
    { keyword: 'PatientID', tag: 0x00100020, vr: 'LO', level: 'PATIENT', column: 'p.patient_id' },
    { keyword: 'PatientBirthDate', tag: 0x00100030, vr: 'DA', level: 'PATIENT', column: 'p.patient_birth_date' },
    { keyword: 'PatientSex', tag: 0x00100040, vr: 'CS', level: 'PATIENT', column: 'p.patient_sex' },
    { keyword: 'StudyDate', tag: 0x00080020, vr: 'DA', level: 'STUDY', column: 'st.study_date' },
    { keyword: 'StudyTime', tag: 0x00080030, vr: 'TM', level: 'STUDY', column: 'st.study_time' },
    { keyword: 'AccessionNumber', tag: 0x00080050, vr: 'SH', level: 'STUDY', column: 'st.accession_number' },
    { keyword: 'ReferringPhysicianName', tag: 0x00080090, vr: 'PN', level: 'STUDY', column: 'st.referring_physician_name' },
    { keyword: 'StudyDescription', tag: 0x00081030, vr: 'LO', level: 'STUDY', column: 'st.study_description' },
    { keyword: 'StudyInstanceUID', tag: 0x0020000d, vr: 'UI', level: 'STUDY', column: 'st.study_iuid' },
    { keyword: 'StudyID', tag: 0x00200010, vr: 'SH', level: 'STUDY', column: 'st.study_id' },
    { keyword: 'SeriesDate', tag: 0x00080021, vr: 'DA', level: 'SERIES', column: 'se.series_date' },
    { keyword: 'Modality', tag: 0x00080060, vr: 'CS', level: 'SERIES', column: 'se.modality' },
    { keyword: 'SeriesDescription', tag: 0x0008103e, vr: 'LO', level: 'SERIES', column: 'se.series_description' },
    { keyword: 'BodyPartExamined', tag: 0x00180015, vr: 'CS', level: 'SERIES', column: 'se.body_part_examined' },
    { keyword: 'SeriesInstanceUID', tag: 0x0020000e, vr: 'UI', level: 'SERIES', column: 'se.series_iuid' },
    { keyword: 'SeriesNumber', tag: 0x00200011, vr: 'IS', level: 'SERIES', column: 'se.series_number' },
    { keyword: 'SOPClassUID', tag: 0x00080016, vr: 'UI', level: 'IMAGE', column: 'i.sop_cuid' },
    { keyword: 'SOPInstanceUID', tag: 0x00080018, vr: 'UI', level: 'IMAGE', column: 'i.sop_iuid' },
    { keyword: 'ContentDate', tag: 0x00080023, vr: 'DA', level: 'IMAGE', column: 'i.content_date' },
    { keyword: 'InstanceNumber', tag: 0x00200013, vr: 'IS', level: 'IMAGE', column: 'i.instance_number' },
];
/** Specific Character Set (0008,0005): read to decode the strings above, not stored. */
export const SPECIFIC_CHARACTER_SET_TAG = 0x00080005;
const INSTANCES_OF_STUDY = 'SELECT count(*) FROM instance i2 JOIN series s2 ON s2.pk = i2.series_fk WHERE s2.study_fk = st.pk';
const SERIES_OF_PATIENT = 'SELECT count(*) FROM series s2 JOIN study t2 ON t2.pk = s2.study_fk WHERE t2.patient_fk = p.pk';
const INSTANCES_OF_PATIENT = 'SELECT count(*) FROM instance i2 JOIN series s2 ON s2.pk = i2.series_fk JOIN study t2 ON t2.pk = s2.study_fk WHERE t2.patient_fk = p.pk';
/** Attributes computed from the levels below, PS3.4 C.3.4 (Additional Query/Retrieve Attributes, Table C.3-6). */
export const COMPUTED_ATTRIBUTES = [
    {
        keyword: 'ModalitiesInStudy',
        vr: 'CS',
        level: 'STUDY',
        expression: "(SELECT group_concat(m, '\\') FROM (SELECT DISTINCT s2.modality AS m FROM series s2 WHERE s2.study_fk = st.pk AND s2.modality <> '' ORDER BY s2.modality))",
        exists: { column: 's2.modality', from: 'series s2 WHERE s2.study_fk = st.pk' },
    },
    { keyword: 'NumberOfPatientRelatedStudies', vr: 'IS', level: 'PATIENT', expression: '(SELECT count(*) FROM study t2 WHERE t2.patient_fk = p.pk)' },
    { keyword: 'NumberOfPatientRelatedSeries', vr: 'IS', level: 'PATIENT', expression: `(${SERIES_OF_PATIENT})` },
    { keyword: 'NumberOfPatientRelatedInstances', vr: 'IS', level: 'PATIENT', expression: `(${INSTANCES_OF_PATIENT})` },
    { keyword: 'NumberOfStudyRelatedSeries', vr: 'IS', level: 'STUDY', expression: '(SELECT count(*) FROM series s2 WHERE s2.study_fk = st.pk)' },
    { keyword: 'NumberOfStudyRelatedInstances', vr: 'IS', level: 'STUDY', expression: `(${INSTANCES_OF_STUDY})` },
    { keyword: 'NumberOfSeriesRelatedInstances', vr: 'IS', level: 'SERIES', expression: '(SELECT count(*) FROM instance i2 WHERE i2.series_fk = se.pk)' },
];
/** Keyword → attribute, for every attribute the index knows. */
export const ATTRIBUTE_BY_KEYWORD = new Map([...STORED_ATTRIBUTES, ...COMPUTED_ATTRIBUTES].map((a) => [a.keyword, a]));
/** Tag → stored attribute, for the file reader. */
export const STORED_BY_TAG = new Map(STORED_ATTRIBUTES.map((a) => [a.tag, a]));
/** The largest tag the reader needs: it stops at the first top-level element past it. */
export const LAST_STORED_TAG = Math.max(...STORED_ATTRIBUTES.map((a) => a.tag));
/** Level position, 0 (PATIENT) … 3 (IMAGE). */
export const levelIndex = (level) => LEVELS.indexOf(level);
//# sourceMappingURL=attributes.js.map