import { Command } from 'commander';
import { type QueryModel } from '../services/scu/scu-association.js';
import { type ScuCliOptions } from './scu-options.js';
export interface QueryCliOptions extends ScuCliOptions {
    key: string[];
    patient?: boolean;
    study?: boolean;
}
export declare const modelOf: (o: QueryCliOptions) => QueryModel;
/** `netdicom findscu ADDR PORT -S -k Keyword=value...`: C-FIND; each match on stdout. */
export declare function findscuCommand(): Command;
/** -k, -P, -S shared by findscu, getscu and movescu. */
export declare function queryOptions(cmd: Command): Command;
