import pino from 'pino';
import pretty from 'pino-pretty';
/**
 * The CLI's logger: stderr only (stdout carries results), pretty on a
 * terminal, JSON lines otherwise. `-v` → info, `-d` → debug, default warn.
 */
export function cliLogger(o) {
    const level = o.debug ? 'debug' : o.verbose ? 'info' : 'warn';
    const opts = { name: o.name, level, redact: ['passcode', '*.passcode'] };
    if (process.stderr.isTTY) {
        return pino(opts, pretty({ destination: 2, sync: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss.l' }));
    }
    return pino(opts, pino.destination({ fd: 2, sync: true }));
}
//# sourceMappingURL=logger.js.map