import { readFileSync } from 'node:fs';
import type { MoveDestination } from '../services/query-retrieve/c-move-scp.js';

/**
 * The qrscp configuration file (JSON; see examples/qrscp.config.json). Every
 * field is optional; command-line options override it.
 */
export interface QrscpConfig {
  aeTitle?: string;
  port?: number;
  bindAddress?: string;
  /** Folder for the stored files (one per instance). */
  storageDir?: string;
  /** SQLite index; default `<storageDir>/.netdicom-index.sqlite`. Goes with storageDir: `-od` on the command line (without `--db`) puts the index in that folder instead. */
  databasePath?: string;
  /** Move destinations: AE title → "host:port". */
  moveDestinations?: Record<string, string>;
  /** Only these calling AE titles may associate. */
  allowedCallingAETitles?: string[];
  requireCalledAETitle?: boolean;
  maxAssociations?: number;
  /** Our Maximum Length, bytes. */
  maxPduLength?: number;
  /** Timeouts in seconds. */
  timeouts?: { acse?: number; dimse?: number; network?: number; connect?: number };
  /** Inspector port on 127.0.0.1. */
  inspectPort?: number;
}

/** Reads and checks a config file. Throws with the file name and the field at fault. */
export function loadConfig(path: string): QrscpConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`config ${path}: ${(err as Error).message}`);
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error(`config ${path}: not a JSON object`);
  const c = raw as QrscpConfig;
  for (const [k, v] of Object.entries(c.moveDestinations ?? {})) parseHostPort(v, `config ${path}: moveDestinations.${k}`);
  return c;
}

/** "AET=host:port" (command line) → [AET, {host, port}]. */
export function parseMoveDest(spec: string): [string, MoveDestination] {
  const eq = spec.indexOf('=');
  if (eq <= 0) throw new Error(`--move-dest "${spec}": expected AET=HOST:PORT`);
  return [spec.slice(0, eq).trim(), parseHostPort(spec.slice(eq + 1), `--move-dest ${spec}`)];
}

export function parseHostPort(v: string, what: string): MoveDestination {
  const m = /^\[?([^\]]+?)\]?:(\d+)$/.exec(v.trim());
  const port = m ? Number(m[2]) : NaN;
  if (!m || !(port > 0 && port < 65536)) throw new Error(`${what}: expected HOST:PORT, got "${v}"`);
  return { host: m[1]!, port };
}
