import type { DimseService } from '../dimse/service.js';
import { type QueryIndex } from './query-service.js';
/**
 * C-GET SCP, PS3.4 C.4.3: each matching instance goes back as a C-STORE
 * sub-operation on the same association, on a context whose SOP class the
 * requestor proposed with SCP role 1 and we accepted; uncompressed data is
 * transcoded when another uncompressed syntax was accepted, compressed data
 * never. Pending responses carry the counts; C-CANCEL stops with Cancel.
 */
export declare function cGetScp(index: QueryIndex): DimseService;
