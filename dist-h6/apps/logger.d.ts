import { type Logger } from 'pino';
/**
 * The CLI's logger: stderr only (stdout carries results), pretty on a
 * terminal, JSON lines otherwise. `-v` → info, `-d` → debug, default warn.
 */
export declare function cliLogger(o: {
    verbose?: boolean;
    debug?: boolean;
    name: string;
}): Logger;
