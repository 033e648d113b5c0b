import { Command } from 'commander';
/** `netdicom movescu ADDR PORT -S -k ... -aem DEST`: C-MOVE matching instances to another AE. */
export declare function movescuCommand(): Command;
