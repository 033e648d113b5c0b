import type { DimseService } from '../dimse/service.js';
import { type QueryIndex } from './query-service.js';
/**
 * C-FIND SCP, PS3.4 C.4.1: matches the identifier against the index, sends
 * one Pending (FF00) response per match with the requested keys, then
 * Success; a C-CANCEL-RQ stops it with Cancel (FE00). A bad identifier or
 * level gets the index's failure status (A900/C000) and an Error Comment.
 */
export declare function cFindScp(index: QueryIndex): DimseService;
