import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { globPattern, likePattern, matchCondition, matchKind } from '../../services/query-retrieve/matching.js';
import { QueryError } from '../../services/query-retrieve/errors.js';
import { naturalPersonName, normalizeDate, normalizeTime, queryValues, trimUid } from '../../services/query-retrieve/values.js';
// PS3.4 C.2.2.2: each kind of matching as SQL with bound parameters.
test('C.2.2.2.3 universal: no value, or "*" for text and PN, gives no condition', () => {
    assert.equal(matchCondition('PatientName', 'PN', 'p.patient_name', []), undefined);
    assert.equal(matchCondition('PatientName', 'PN', 'p.patient_name', ['*']), undefined);
    assert.equal(matchCondition('Modality', 'CS', 'se.modality', ['**']), undefined);
    assert.equal(matchKind('PN', ['*']), 'universal');
    assert.equal(matchKind('DA', []), 'universal');
});
test('C.2.2.2.1 single value: text is exact, PN case-insensitive', () => {
    assert.deepEqual(matchCondition('Modality', 'CS', 'se.modality', ['MR']), { sql: 'se.modality = ?', params: ['MR'] });
    assert.deepEqual(matchCondition('PatientName', 'PN', 'p.patient_name', ['Doe^John']), { sql: 'p.patient_name = ? COLLATE NOCASE', params: ['Doe^John'] });
    assert.equal(matchKind('CS', ['MR']), 'single');
});
test('C.2.2.2.4 wildcard: PN as LIKE with escape, text as case-sensitive GLOB', () => {
    assert.deepEqual(matchCondition('PatientName', 'PN', 'p.patient_name', ['Comp*^M?1']), { sql: "p.patient_name LIKE ? ESCAPE '\\'", params: ['Comp%^M_1'] });
    assert.deepEqual(matchCondition('StudyDescription', 'LO', 'st.study_description', ['Head*']), { sql: 'st.study_description GLOB ?', params: ['Head*'] });
    assert.equal(matchKind('LO', ['Head*']), 'wildcard');
});
test('LIKE metacharacters in a value are escaped: % _ \\ match only themselves', () => {
    assert.equal(likePattern('50%_a\\b*'), '50\\%\\_a\\\\b%');
    assert.equal(globPattern('a[1]*'), 'a[[]1]*');
});
test('C.2.2.2.2 / C.2.2.2.6 UIDs: single value or list, padding trimmed, never wildcards', () => {
    assert.deepEqual(matchCondition('StudyInstanceUID', 'UI', 'st.study_iuid', ['1.2.3\0']), { sql: 'st.study_iuid = ?', params: ['1.2.3'] });
    assert.deepEqual(matchCondition('StudyInstanceUID', 'UI', 'st.study_iuid', ['1.2.3 ', '1.2.4', '1.2.3']), { sql: 'st.study_iuid IN (?, ?)', params: ['1.2.3', '1.2.4'] });
    assert.deepEqual(matchCondition('StudyInstanceUID', 'UI', 'st.study_iuid', ['1.2.*']), { sql: 'st.study_iuid = ?', params: ['1.2.*'] });
    assert.equal(matchKind('UI', ['1.2', '1.3']), 'uid-list');
});
test('C.2.2.2.5 DA range: a-b, -b, a- on the normalized column', () => {
    assert.deepEqual(matchCondition('StudyDate', 'DA', 'st.study_date', ['20040101-20041231']), { sql: '(st.study_date_n >= ? AND st.study_date_n <= ?)', params: ['20040101', '20041231'] });
    assert.deepEqual(matchCondition('StudyDate', 'DA', 'st.study_date', ['-20041231']), { sql: 'st.study_date_n <= ?', params: ['20041231'] });
    assert.deepEqual(matchCondition('StudyDate', 'DA', 'st.study_date', ['20040101-']), { sql: 'st.study_date_n >= ?', params: ['20040101'] });
    assert.equal(matchKind('DA', ['20040101-']), 'range');
});
test('DA single value compares the normalized form; an ACR-NEMA value is normalized too', () => {
    assert.deepEqual(matchCondition('StudyDate', 'DA', 'st.study_date', ['20040826']), { sql: 'st.study_date_n = ?', params: ['20040826'] });
    assert.deepEqual(matchCondition('StudyDate', 'DA', 'st.study_date', ['1997.04.24']), { sql: 'st.study_date_n = ?', params: ['19970424'] });
    assert.deepEqual(matchCondition('StudyDate', 'DA', 'st.study_date', ['yesterday']), { sql: 'st.study_date = ?', params: ['yesterday'] });
});
test('TM range: the end is taken to the end of its precision', () => {
    assert.deepEqual(matchCondition('StudyTime', 'TM', 'st.study_time', ['0700-10']), { sql: '(st.study_time_n >= ? AND st.study_time_n <= ?)', params: ['070000.000000', '105959.999999'] });
});
test('a malformed range is QueryError 0xC000', () => {
    for (const v of ['2004-2005-2006', '-', 'abc-def', '20040101-2004x']) {
        assert.throws(() => matchCondition('StudyDate', 'DA', 'st.study_date', [v]), (e) => e instanceof QueryError && e.status === 0xc000, v);
    }
});
test('IS: a number matches by value, anything else matches nothing', () => {
    assert.deepEqual(matchCondition('SeriesNumber', 'IS', 'se.series_number', ['2']), { sql: 'se.series_number = ?', params: [2] });
    assert.deepEqual(matchCondition('SeriesNumber', 'IS', 'se.series_number', ['two']), { sql: '1 = 0', params: [] });
});
test('several values of a non-UID key match when any one does', () => {
    assert.deepEqual(matchCondition('Modality', 'CS', 'se.modality', ['CT', 'MR']), { sql: '(se.modality = ? OR se.modality = ?)', params: ['CT', 'MR'] });
});
test('user values never reach the SQL text (property)', () => {
    const vrs = ['PN', 'LO', 'CS', 'UI', 'DA', 'TM', 'IS'];
    fc.assert(fc.property(fc.constantFrom(...vrs), fc.array(fc.string({ unit: 'binary' }), { maxLength: 3 }), (vr, values) => {
        let frag;
        try {
            frag = matchCondition('K', vr, 't.col', values);
        }
        catch (e) {
            return e instanceof QueryError;
        }
        if (!frag)
            return true;
        const skeleton = frag.sql.replace(/t\.col(_n)?/g, '').replace(/ESCAPE '\\'/g, '').replace(/COLLATE NOCASE/g, '');
        return /^[\s()?,=<>!]*(?:(?:LIKE|GLOB|IN|AND|OR|1 = 0)[\s()?,=<>!]*)*$/.test(skeleton) && (frag.sql.match(/\?/g)?.length ?? 0) === frag.params.length;
    }));
});
test('the fragments match as intended in SQLite (escaping, case, ranges)', () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (name TEXT, code TEXT, d TEXT, d_n TEXT)');
    const ins = db.prepare('INSERT INTO t VALUES (?, ?, ?, ?)');
    for (const [name, code, d] of [['A%B', 'Head[1]', '20040101'], ['AxB', 'head', '1997.04.24'], ['A_B', 'HEAD', '20041231'], ["x' OR 1=1 --", 'Neck', '']]) {
        ins.run(name, code, d, normalizeDate(d) ?? null);
    }
    const names = (keyword, vr, column, values) => {
        const f = matchCondition(keyword, vr, column, values);
        return db.prepare(`SELECT name FROM t${f ? ` WHERE ${f.sql}` : ''} ORDER BY rowid`).pluck().all(...(f?.params ?? []));
    };
    assert.deepEqual(names('PatientName', 'PN', 'name', ['A%*']), ['A%B']);
    assert.deepEqual(names('PatientName', 'PN', 'name', ['A_B']), ['A_B']);
    assert.deepEqual(names('PatientName', 'PN', 'name', ['a?b']), ['A%B', 'AxB', 'A_B']);
    assert.deepEqual(names('PatientName', 'PN', 'name', ["x' OR 1=1 --"]), ["x' OR 1=1 --"]);
    assert.deepEqual(names('PatientName', 'PN', 'name', ["y' OR 1=1 --"]), []);
    assert.deepEqual(names('StudyDescription', 'CS', 'code', ['Head[1]*']), ['A%B']);
    assert.deepEqual(names('StudyDescription', 'CS', 'code', ['head']), ['AxB']);
    assert.deepEqual(names('StudyDate', 'DA', 'd', ['19970101-20040101']), ['A%B', 'AxB']);
    assert.deepEqual(names('StudyDate', 'DA', 'd', ['20040102-']), ['A_B']);
    db.close();
});
test('values: DA/TM normalization, UID trimming, query values in dcmjs form', () => {
    assert.equal(normalizeDate('1997.04.24'), '19970424');
    assert.equal(normalizeDate('20041301'), undefined);
    assert.equal(normalizeTime('14:04:38'), '140438.000000');
    assert.equal(normalizeTime('0727'), '072700.000000');
    assert.equal(normalizeTime('072730.12', true), '072730.129999');
    assert.equal(trimUid(' 1.2.3\0'), '1.2.3');
    assert.deepEqual(queryValues([{ Alphabetic: "x' OR 1", Ideographic: '1 --' }]), ["x' OR 1=1 --"]);
    assert.deepEqual(queryValues(['1.2', '1.3 ']), ['1.2', '1.3']);
    assert.deepEqual(queryValues(''), []);
    assert.deepEqual(queryValues([]), []);
    assert.deepEqual(queryValues(null), []);
    assert.deepEqual(queryValues(7), ['7']);
    assert.deepEqual(naturalPersonName('A^B=C^D'), [{ Alphabetic: 'A^B', Ideographic: 'C^D' }]);
    assert.deepEqual(naturalPersonName(''), []);
});
//# sourceMappingURL=qr-matching.test.js.map