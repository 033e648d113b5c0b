/**
 * The Query/Retrieve index's attributes as data: DICOM keyword → tag, VR,
 * information-model level and the column (or SQL expression) that holds it.
 * PS3.4 Annex C.3 (Patient Root and Study Root information models) and C.6.
 *
 * Table aliases used by the expressions: `p` patient, `st` study,
 * `se` series, `i` instance (see query-builder.ts `FROM_BY_LEVEL`).
 */
/** Query/Retrieve levels, top to bottom (PS3.4 C.3). */
export declare const LEVELS: readonly ['PATIENT', 'STUDY', 'SERIES', 'IMAGE'];
export type Level = (typeof LEVELS)[number];
/** The Unique Key of each level (PS3.4 C.3.1–C.3.4). */
export declare const UNIQUE_KEY: Readonly<Record<Level, string>>;
/** VRs the index stores; each selects a matching rule in matching.ts. */
export type IndexVr = 'UI' | 'PN' | 'DA' | 'TM' | 'CS' | 'LO' | 'SH' | 'IS';
/** An attribute the index stores in a column of its level's table. */
export interface StoredAttribute {
    readonly keyword: string;
    /** Tag as a number, 0xggggeeee. */
    readonly tag: number;
    readonly vr: IndexVr;
    readonly level: Level;
    /** Table alias and column, e.g. `st.study_date`. DA and TM also have `<column>_n`, the normalized form. */
    readonly column: string;
}
/** An attribute the index computes from lower levels (return keys; ModalitiesInStudy can also be matched). */
export interface ComputedAttribute {
    readonly keyword: string;
    readonly vr: 'CS' | 'IS';
    readonly level: Level;
    /** SQL expression over the level's alias; a constant, never user input. */
    readonly expression: string;
    /** For a matchable computed attribute: the column inside `exists` (alias s2) and the EXISTS subquery head. */
    readonly exists?: {
        readonly column: string;
        readonly from: string;
    };
}
export type IndexAttribute = StoredAttribute | ComputedAttribute;
export declare const isStored: (a: IndexAttribute) => a is StoredAttribute;
/** Attributes read from each stored file, PS3.4 Tables C.6-1, C.6-2, C.6-3, C.6-4 (the index's subset). */
export declare const STORED_ATTRIBUTES: readonly [{
    readonly keyword: 'PatientName';
    readonly tag: 1048592;
    readonly vr: 'PN';
    readonly level: 'PATIENT';
    readonly column: 'p.patient_name';
}, {
    readonly keyword: 'PatientID';
    readonly tag: 1048608;
    readonly vr: 'LO';
    readonly level: 'PATIENT';
    readonly column: 'p.patient_id';
}, {
    readonly keyword: 'PatientBirthDate';
    readonly tag: 1048624;
    readonly vr: 'DA';
    readonly level: 'PATIENT';
    readonly column: 'p.patient_birth_date';
}, {
    readonly keyword: 'PatientSex';
    readonly tag: 1048640;
    readonly vr: 'CS';
    readonly level: 'PATIENT';
    readonly column: 'p.patient_sex';
}, {
    readonly keyword: 'StudyDate';
    readonly tag: 524320;
    readonly vr: 'DA';
    readonly level: 'STUDY';
    readonly column: 'st.study_date';
}, {
    readonly keyword: 'StudyTime';
    readonly tag: 524336;
    readonly vr: 'TM';
    readonly level: 'STUDY';
    readonly column: 'st.study_time';
}, {
    readonly keyword: 'AccessionNumber';
    readonly tag: 524368;
    readonly vr: 'SH';
    readonly level: 'STUDY';
    readonly column: 'st.accession_number';
}, {
    readonly keyword: 'ReferringPhysicianName';
    readonly tag: 524432;
    readonly vr: 'PN';
    readonly level: 'STUDY';
    readonly column: 'st.referring_physician_name';
}, {
    readonly keyword: 'StudyDescription';
    readonly tag: 528432;
    readonly vr: 'LO';
    readonly level: 'STUDY';
    readonly column: 'st.study_description';
}, {
    readonly keyword: 'StudyInstanceUID';
    readonly tag: 2097165;
    readonly vr: 'UI';
    readonly level: 'STUDY';
    readonly column: 'st.study_iuid';
}, {
    readonly keyword: 'StudyID';
    readonly tag: 2097168;
    readonly vr: 'SH';
    readonly level: 'STUDY';
    readonly column: 'st.study_id';
}, {
    readonly keyword: 'SeriesDate';
    readonly tag: 524321;
    readonly vr: 'DA';
    readonly level: 'SERIES';
    readonly column: 'se.series_date';
}, {
    readonly keyword: 'Modality';
    readonly tag: 524384;
    readonly vr: 'CS';
    readonly level: 'SERIES';
    readonly column: 'se.modality';
}, {
    readonly keyword: 'SeriesDescription';
    readonly tag: 528446;
    readonly vr: 'LO';
    readonly level: 'SERIES';
    readonly column: 'se.series_description';
}, {
    readonly keyword: 'BodyPartExamined';
    readonly tag: 1572885;
    readonly vr: 'CS';
    readonly level: 'SERIES';
    readonly column: 'se.body_part_examined';
}, {
    readonly keyword: 'SeriesInstanceUID';
    readonly tag: 2097166;
    readonly vr: 'UI';
    readonly level: 'SERIES';
    readonly column: 'se.series_iuid';
}, {
    readonly keyword: 'SeriesNumber';
    readonly tag: 2097169;
    readonly vr: 'IS';
    readonly level: 'SERIES';
    readonly column: 'se.series_number';
}, {
    readonly keyword: 'SOPClassUID';
    readonly tag: 524310;
    readonly vr: 'UI';
    readonly level: 'IMAGE';
    readonly column: 'i.sop_cuid';
}, {
    readonly keyword: 'SOPInstanceUID';
    readonly tag: 524312;
    readonly vr: 'UI';
    readonly level: 'IMAGE';
    readonly column: 'i.sop_iuid';
}, {
    readonly keyword: 'ContentDate';
    readonly tag: 524323;
    readonly vr: 'DA';
    readonly level: 'IMAGE';
    readonly column: 'i.content_date';
}, {
    readonly keyword: 'InstanceNumber';
    readonly tag: 2097171;
    readonly vr: 'IS';
    readonly level: 'IMAGE';
    readonly column: 'i.instance_number';
}];
/** Specific Character Set (0008,0005): read to decode the strings above, not stored. */
export declare const SPECIFIC_CHARACTER_SET_TAG = 524293;
/** Attributes computed from the levels below, PS3.4 C.3.4 (Additional Query/Retrieve Attributes, Table C.3-6). */
export declare const COMPUTED_ATTRIBUTES: readonly [{
    readonly keyword: 'ModalitiesInStudy';
    readonly vr: 'CS';
    readonly level: 'STUDY';
    readonly expression: "(SELECT group_concat(m, '\\') FROM (SELECT DISTINCT s2.modality AS m FROM series s2 WHERE s2.study_fk = st.pk AND s2.modality <> '' ORDER BY s2.modality))";
    readonly exists: {
        readonly column: 's2.modality';
        readonly from: 'series s2 WHERE s2.study_fk = st.pk';
    };
}, {
    readonly keyword: 'NumberOfPatientRelatedStudies';
    readonly vr: 'IS';
    readonly level: 'PATIENT';
    readonly expression: '(SELECT count(*) FROM study t2 WHERE t2.patient_fk = p.pk)';
}, {
    readonly keyword: 'NumberOfPatientRelatedSeries';
    readonly vr: 'IS';
    readonly level: 'PATIENT';
    readonly expression: "(SELECT count(*) FROM series s2 JOIN study t2 ON t2.pk = s2.study_fk WHERE t2.patient_fk = p.pk)";
}, {
    readonly keyword: 'NumberOfPatientRelatedInstances';
    readonly vr: 'IS';
    readonly level: 'PATIENT';
    readonly expression: "(SELECT count(*) FROM instance i2 JOIN series s2 ON s2.pk = i2.series_fk JOIN study t2 ON t2.pk = s2.study_fk WHERE t2.patient_fk = p.pk)";
}, {
    readonly keyword: 'NumberOfStudyRelatedSeries';
    readonly vr: 'IS';
    readonly level: 'STUDY';
    readonly expression: '(SELECT count(*) FROM series s2 WHERE s2.study_fk = st.pk)';
}, {
    readonly keyword: 'NumberOfStudyRelatedInstances';
    readonly vr: 'IS';
    readonly level: 'STUDY';
    readonly expression: "(SELECT count(*) FROM instance i2 JOIN series s2 ON s2.pk = i2.series_fk WHERE s2.study_fk = st.pk)";
}, {
    readonly keyword: 'NumberOfSeriesRelatedInstances';
    readonly vr: 'IS';
    readonly level: 'SERIES';
    readonly expression: '(SELECT count(*) FROM instance i2 WHERE i2.series_fk = se.pk)';
}];
export type StoredKeyword = (typeof STORED_ATTRIBUTES)[number]['keyword'];
/** Keyword → attribute, for every attribute the index knows. */
export declare const ATTRIBUTE_BY_KEYWORD: ReadonlyMap<string, IndexAttribute>;
/** Tag → stored attribute, for the file reader. */
export declare const STORED_BY_TAG: ReadonlyMap<number, StoredAttribute>;
/** The largest tag the reader needs: it stops at the first top-level element past it. */
export declare const LAST_STORED_TAG: number;
/** Level position, 0 (PATIENT) … 3 (IMAGE). */
export declare const levelIndex: (level: Level) => number;
