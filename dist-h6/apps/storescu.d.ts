import { Command } from 'commander';
/**
 * `netdicom storescu ADDR PORT FILE|DIR...`: C-STORE files and folders
 * (recursive). A file that cannot be sent is named on one error line and the
 * rest go on; the exit code is non-zero if any file failed.
 */
export declare function storescuCommand(): Command;
