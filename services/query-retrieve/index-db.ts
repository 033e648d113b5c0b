import Database from 'better-sqlite3';
import { existsSync, readdirSync, renameSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Logger } from 'pino';
import type { NaturalDataset } from '../dimse/dataset-codec.js';
import { LEVELS, STORED_ATTRIBUTES, type Level } from './attributes.js';
import { QueryError, QueryStatus } from './errors.js';
import { columnName, readInstanceRecord, type InstanceRecord } from './instance-record.js';
import { findSql, instancesSql, planQuery, responseOf, type QueryModel } from './query-builder.js';

export { QueryError, QueryStatus, IndexFileError } from './errors.js';
export type { QueryModel } from './query-builder.js';
export type { InstanceRecord } from './instance-record.js';

/** A stored file as C-GET/C-MOVE need it. */
export interface IndexedInstance {
  path: string;
  sopClassUid: string;
  sopInstanceUid: string;
  transferSyntaxUid: string;
}

/** Bump when the schema changes: an index of another version is rebuilt from the files by `reconcile`. */
const SCHEMA_VERSION = 1;

const SCHEMA = `
CREATE TABLE patient (
  pk INTEGER PRIMARY KEY, patient_key TEXT NOT NULL UNIQUE,
  patient_id TEXT, patient_name TEXT, patient_birth_date TEXT, patient_birth_date_n TEXT, patient_sex TEXT);
CREATE TABLE study (
  pk INTEGER PRIMARY KEY, patient_fk INTEGER NOT NULL REFERENCES patient(pk), study_iuid TEXT NOT NULL UNIQUE,
  study_date TEXT, study_date_n TEXT, study_time TEXT, study_time_n TEXT, accession_number TEXT,
  referring_physician_name TEXT, study_description TEXT, study_id TEXT);
CREATE TABLE series (
  pk INTEGER PRIMARY KEY, study_fk INTEGER NOT NULL REFERENCES study(pk), series_iuid TEXT NOT NULL UNIQUE,
  series_date TEXT, series_date_n TEXT, modality TEXT, series_description TEXT, body_part_examined TEXT, series_number INTEGER);
CREATE TABLE instance (
  pk INTEGER PRIMARY KEY, series_fk INTEGER NOT NULL REFERENCES series(pk), sop_iuid TEXT NOT NULL UNIQUE,
  sop_cuid TEXT NOT NULL, content_date TEXT, content_date_n TEXT, instance_number INTEGER,
  transfer_syntax_uid TEXT NOT NULL, path TEXT NOT NULL, file_size INTEGER NOT NULL, indexed_at INTEGER NOT NULL);
CREATE INDEX study_patient ON study(patient_fk);
CREATE INDEX series_study ON series(study_fk);
CREATE INDEX instance_series ON instance(series_fk);
CREATE INDEX instance_path ON instance(path);
CREATE INDEX patient_id ON patient(patient_id);
CREATE INDEX patient_name ON patient(patient_name COLLATE NOCASE);
CREATE INDEX study_date ON study(study_date_n);
CREATE INDEX study_accession ON study(accession_number);
CREATE INDEX series_modality ON series(modality);
`;

/** Table, unique column and parent column of each level. */
const TABLES: Readonly<Record<Level, { table: string; unique: string; parent?: string }>> = {
  PATIENT: { table: 'patient', unique: 'patient_key' },
  STUDY: { table: 'study', unique: 'study_iuid', parent: 'patient_fk' },
  SERIES: { table: 'series', unique: 'series_iuid', parent: 'study_fk' },
  IMAGE: { table: 'instance', unique: 'sop_iuid', parent: 'series_fk' },
};

/** Columns of a level's row, from the attribute table (DA/TM with their normalized twin). */
function rowColumns(level: Level): string[] {
  const names = STORED_ATTRIBUTES.filter((a) => a.level === level).flatMap((a) => (a.vr === 'DA' || a.vr === 'TM' ? [columnName(a), `${columnName(a)}_n`] : [columnName(a)]));
  if (level === 'IMAGE') names.push('transfer_syntax_uid', 'path', 'file_size', 'indexed_at');
  return names;
}

/**
 * Upsert of one level's row. Patient, study and series keep a stored value
 * when a later instance lacks the attribute (NULL); an instance row is
 * replaced as a whole by a later copy.
 */
function upsertSql(level: Level): string {
  const { table, unique, parent } = TABLES[level];
  const cols = [parent ?? unique, ...rowColumns(level)];
  const set = cols
    .filter((c) => c !== unique)
    .map((c) => (c === parent || level === 'IMAGE' ? `${c} = excluded.${c}` : `${c} = coalesce(excluded.${c}, ${c})`));
  return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')}) ON CONFLICT(${unique}) DO UPDATE SET ${set.join(', ')} RETURNING pk`;
}

/**
 * The Query/Retrieve index of `netdicom qrscp`: one SQLite database (WAL,
 * synchronous=NORMAL) of patients, studies, series and instances, filled
 * from the stored files and queried per PS3.4 Annex C (C.2.2 matching,
 * C.4 hierarchical search, C.6 Patient Root and Study Root).
 */
export class InstanceIndex {
  private readonly upsert: Record<Level, Database.Statement>;
  /** Parent pk of a study, series or instance by its UID. */
  private readonly selectParent: Record<Exclude<Level, 'PATIENT'>, Database.Statement>;
  private readonly deleteIfEmpty: Record<Exclude<Level, 'IMAGE'>, Database.Statement>;
  private readonly selectParentOf: Record<'STUDY' | 'SERIES', Database.Statement>;
  private readonly selectInstance: Database.Statement;
  private readonly deleteInstance: Database.Statement;
  private readonly selectPaths: Database.Statement;
  private readonly countInstances: Database.Statement;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly warnedForms = new Set<string>();
  private readonly insertRecord: (rec: InstanceRecord, path: string) => void;

  private constructor(
    private readonly db: Database.Database,
    private readonly dbPath: string,
    private readonly log: Logger,
    private readonly retrieveAETitle?: string,
  ) {
    this.upsert = Object.fromEntries(LEVELS.map((l) => [l, db.prepare(upsertSql(l))])) as Record<Level, Database.Statement>;
    this.selectParent = {
      STUDY: db.prepare('SELECT patient_fk FROM study WHERE study_iuid = ?').pluck(),
      SERIES: db.prepare('SELECT study_fk FROM series WHERE series_iuid = ?').pluck(),
      IMAGE: db.prepare('SELECT series_fk FROM instance WHERE sop_iuid = ?').pluck(),
    };
    this.deleteIfEmpty = {
      PATIENT: db.prepare('DELETE FROM patient WHERE pk = @pk AND NOT EXISTS (SELECT 1 FROM study WHERE patient_fk = @pk)'),
      STUDY: db.prepare('DELETE FROM study WHERE pk = @pk AND NOT EXISTS (SELECT 1 FROM series WHERE study_fk = @pk)'),
      SERIES: db.prepare('DELETE FROM series WHERE pk = @pk AND NOT EXISTS (SELECT 1 FROM instance WHERE series_fk = @pk)'),
    };
    this.selectParentOf = {
      STUDY: db.prepare('SELECT patient_fk FROM study WHERE pk = ?').pluck(),
      SERIES: db.prepare('SELECT study_fk FROM series WHERE pk = ?').pluck(),
    };
    this.selectInstance = db.prepare('SELECT series_fk FROM instance WHERE pk = ?').pluck();
    this.deleteInstance = db.prepare('DELETE FROM instance WHERE pk = ?');
    this.selectPaths = db.prepare('SELECT pk, path FROM instance');
    this.countInstances = db.prepare('SELECT count(*) AS n FROM instance').pluck();
    this.insertRecord = db.transaction((rec: InstanceRecord, path: string) => this.store(rec, path));
  }

  /**
   * Opens (creating if needed) the index at `dbPath`. A database of another
   * schema version is emptied and one that is not a database is moved aside
   * (`<dbPath>.corrupt-<time>`); `reconcile` then refills it from the files.
   * `retrieveAETitle`, when given, is returned in every C-FIND match.
   * `:memory:` (SQLite's name) keeps the index in memory, rebuilt from the files at each start.
   */
  static open(dbPath: string, log: Logger, retrieveAETitle?: string): InstanceIndex {
    const path = dbPath === ':memory:' ? dbPath : resolve(dbPath);
    let db: Database.Database;
    try {
      db = InstanceIndex.prepareDb(path, log);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code !== 'SQLITE_NOTADB' && code !== 'SQLITE_CORRUPT') throw err;
      const aside = `${path}.corrupt-${Date.now()}`;
      log.warn({ db: path, movedTo: aside, code }, 'index database unreadable; starting a new one');
      renameSync(path, aside);
      db = InstanceIndex.prepareDb(path, log);
    }
    return new InstanceIndex(db, path, log, retrieveAETitle);
  }

  private static prepareDb(path: string, log: Logger): Database.Database {
    const db = new Database(path);
    try {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      db.pragma('foreign_keys = ON');
      const version = db.pragma('user_version', { simple: true }) as number;
      if (version !== SCHEMA_VERSION) {
        if (version !== 0) log.info({ db: path, from: version, to: SCHEMA_VERSION }, 'index schema changed; rebuilding from the files');
        db.transaction(() => {
          for (const t of ['instance', 'series', 'study', 'patient']) db.exec(`DROP TABLE IF EXISTS ${t}`);
          db.exec(SCHEMA);
          db.pragma(`user_version = ${SCHEMA_VERSION}`);
        })();
      }
      return db;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /**
   * Indexes a file where it lies: `insert(prepare(inst), inst.path)`. Throws
   * IndexFileError for a file that cannot be read or lacks Study/Series/SOP
   * Instance UID.
   */
  add(inst: IndexedInstance): void {
    this.insert(this.prepare(inst), inst.path);
  }

  /**
   * Reads what the index needs from a file (never the pixel data) without
   * changing the index: the only step that can refuse a file, so a C-STORE
   * runs it on the received temporary file before that replaces anything.
   * Throws IndexFileError for a file that cannot be read or lacks Study,
   * Series or SOP Instance UID (the message starts with `inst.path`).
   */
  prepare(inst: IndexedInstance): InstanceRecord {
    return readInstanceRecord(inst.path, inst);
  }

  /**
   * Files a prepared record under `path`, where the file now lies: patient,
   * study, series and instance upserted in one transaction; a later copy of a
   * SOP Instance replaces the earlier row. Synchronous, for use before the
   * C-STORE response. Throws only what the database throws.
   */
  insert(rec: InstanceRecord, path: string): void {
    const abs = resolve(path);
    this.insertRecord(rec, abs);
    this.warnNonConformant(rec, abs);
  }

  private store(rec: InstanceRecord, path: string): void {
    const c = rec.columns;
    // Parents before the upsert: an entity re-sent under another parent may leave the old one empty.
    const old = {
      study: this.selectParent.STUDY.get(rec.studyInstanceUid) as number | undefined,
      series: this.selectParent.SERIES.get(rec.seriesInstanceUid) as number | undefined,
      instance: this.selectParent.IMAGE.get(rec.sopInstanceUid) as number | undefined,
    };
    const patient = (this.upsert.PATIENT.get({ ...c.PATIENT, patient_key: rec.patientKey }) as { pk: number }).pk;
    const study = (this.upsert.STUDY.get({ ...c.STUDY, patient_fk: patient }) as { pk: number }).pk;
    const series = (this.upsert.SERIES.get({ ...c.SERIES, study_fk: study }) as { pk: number }).pk;
    this.upsert.IMAGE.get({ ...c.IMAGE, series_fk: series, transfer_syntax_uid: rec.transferSyntaxUid, path, file_size: rec.fileSize, indexed_at: Date.now() });
    if (old.instance !== undefined && old.instance !== series) this.pruneUp('SERIES', old.instance);
    if (old.series !== undefined && old.series !== study) this.pruneUp('STUDY', old.series);
    if (old.study !== undefined && old.study !== patient) this.pruneUp('PATIENT', old.study);
  }

  /** Deletes `pk` at `level` if it has no children, then its parent likewise. */
  private pruneUp(level: Exclude<Level, 'IMAGE'>, pk: number): void {
    const parent = level === 'PATIENT' ? undefined : (this.selectParentOf[level].get(pk) as number | undefined);
    if (this.deleteIfEmpty[level].run({ pk }).changes === 0 || parent === undefined) return;
    this.pruneUp(level === 'SERIES' ? 'STUDY' : 'PATIENT', parent);
  }

  /** Removes an instance row and any series, study or patient it leaves empty. */
  private remove(instancePk: number): void {
    const series = this.selectInstance.get(instancePk) as number | undefined;
    this.deleteInstance.run(instancePk);
    if (series !== undefined) this.pruneUp('SERIES', series);
  }

  /** Logs each DA/TM keyword's first non-conformant value once, by its shape (digits as n), not its value. */
  private warnNonConformant(rec: InstanceRecord, path: string): void {
    for (const { keyword, value } of rec.nonConformant) {
      if (this.warnedForms.has(keyword)) continue;
      this.warnedForms.add(keyword);
      this.log.warn({ file: path, keyword, form: value.replace(/\d/g, 'n').slice(0, 32) }, `non-conformant ${keyword} kept as given; ranges use a normalized form when one can be derived`);
    }
  }

  /**
   * Brings the index in line with `dir` at start: regular files at its top
   * level (hidden names and the index's own files skipped) that the index
   * lacks are added; rows whose file is gone are removed, each logged at
   * warn. Files that cannot be indexed are logged and skipped, never thrown.
   */
  reconcile(dir: string): { added: number; missing: number } {
    const root = resolve(dir);
    const own = new Set(['', '-wal', '-shm', '-journal'].map((s) => this.dbPath + s));
    const files = new Set<string>();
    try {
      for (const e of readdirSync(root, { withFileTypes: true })) {
        if (e.name.startsWith('.')) continue;
        const p = join(root, e.name);
        if (own.has(p)) continue;
        if (e.isFile() || (e.isSymbolicLink() && isFile(p))) files.add(p);
      }
    } catch (err) {
      this.log.warn({ dir: root, err: (err as Error).message }, 'cannot list the storage folder');
    }
    const known = new Set<string>();
    const gone: number[] = [];
    for (const row of this.selectPaths.all() as Array<{ pk: number; path: string }>) {
      if (files.has(row.path) || existsSync(row.path)) known.add(row.path);
      else {
        gone.push(row.pk);
        this.log.warn({ file: row.path }, 'indexed file is gone; removed from the index');
      }
    }
    this.db.transaction(() => gone.forEach((pk) => this.remove(pk)))();
    let added = 0;
    for (const p of files) {
      if (known.has(p)) continue;
      try {
        this.insert(readInstanceRecord(p), p);
        added++;
      } catch (err) {
        this.log.warn({ file: p, err: (err as Error).message }, 'file not indexed');
      }
    }
    return { added, missing: gone.length };
  }

  /**
   * C-FIND: the matches of `query` (a naturalized identifier) in the
   * information model, each holding exactly the requested keys (unknown
   * ones zero-length) plus QueryRetrieveLevel, the level's unique key,
   * RetrieveAETitle when configured, and SpecificCharacterSet 'ISO_IR 192'
   * when a value is not ASCII. Throws QueryError (0xA900 for a bad level or
   * missing unique key, 0xC000 for values or failures it cannot process).
   */
  find(query: NaturalDataset, model: QueryModel): NaturalDataset[] {
    const plan = planQuery(query, model);
    const { sql, params } = findSql(plan);
    const rows = this.run(sql, params) as Array<Record<string, unknown>>;
    this.log.debug({ level: plan.level, keys: plan.returns.length, conditions: plan.where.length, matches: rows.length }, 'index find');
    return rows.map((row) => {
      const ds: NaturalDataset = { ...responseOf(plan, row), QueryRetrieveLevel: plan.level };
      if (this.retrieveAETitle !== undefined) ds.RetrieveAETitle = this.retrieveAETitle;
      if (hasNonAscii(ds)) ds.SpecificCharacterSet = 'ISO_IR 192';
      return ds;
    });
  }

  /**
   * C-GET/C-MOVE: the instances under the entities the identifier matches,
   * by study, series and Instance Number. Same level rules and matching as
   * `find`; throws QueryError likewise.
   */
  instances(query: NaturalDataset, model: QueryModel): IndexedInstance[] {
    const plan = planQuery(query, model);
    const { sql, params } = instancesSql(plan);
    return this.run(sql, params) as IndexedInstance[];
  }

  /** Number of indexed instances. */
  count(): number {
    return this.countInstances.get() as number;
  }

  close(): void {
    this.statements.clear();
    this.db.close();
  }

  private run(sql: string, params: readonly (string | number)[]): unknown[] {
    try {
      let stmt = this.statements.get(sql);
      if (!stmt) {
        if (this.statements.size >= 256) this.statements.clear();
        stmt = this.db.prepare(sql);
        this.statements.set(sql, stmt);
      }
      return stmt.all(...params);
    } catch (err) {
      this.log.error({ err: (err as Error).message }, 'index query failed');
      throw new QueryError(QueryStatus.UnableToProcess, 'the index could not process the query');
    }
  }
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function hasNonAscii(v: unknown): boolean {
  if (typeof v === 'string') return /[^\x00-\x7f]/.test(v);
  if (Array.isArray(v)) return v.some(hasNonAscii);
  if (v && typeof v === 'object') return Object.values(v).some(hasNonAscii);
  return false;
}
