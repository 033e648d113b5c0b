import { createRequire } from 'node:module';
import pino, { type Logger } from 'pino';

const require = createRequire(import.meta.url);

/**
 * The CLI's logger: stderr only (stdout carries results), pretty on a
 * terminal, JSON lines otherwise. `-v` → info, `-d` → debug, default warn.
 */
export function cliLogger(o: { verbose?: boolean; debug?: boolean; name: string }): Logger {
  const level = o.debug ? 'debug' : o.verbose ? 'info' : 'warn';
  const opts = { name: o.name, level, redact: ['passcode', '*.passcode'] };
  if (process.stderr.isTTY) {
    // Loaded only for a terminal: it is the heaviest module of a CLI start.
    const pretty = require('pino-pretty') as typeof import('pino-pretty');
    return pino(opts, pretty({ destination: 2, sync: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss.l' }));
  }
  return pino(opts, pino.destination({ fd: 2, sync: true }));
}
