import { Command } from 'commander';
/** `netdicom echoscu ADDR PORT`: C-ECHO, like dcmtk/pynetdicom echoscu. Exit 0 on success. */
export declare function echoscuCommand(): Command;
