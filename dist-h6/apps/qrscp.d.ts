import { Command } from 'commander';
/**
 * `netdicom qrscp [PORT] -aet AET -od DIR [--move-dest AET=HOST:PORT]... [-c CONFIG] [--inspect WSPORT]`:
 * a small PACS node: Verification, Storage, and Query/Retrieve (Patient and
 * Study Root; FIND, GET, MOVE) over an SQLite index of the stored files.
 */
export declare function qrscpCommand(): Command;
