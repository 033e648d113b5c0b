import type { DimseService } from '../dimse/service.js';
/** C-ECHO SCP: the Verification Service Class, PS3.4 Annex A; answers every C-ECHO-RQ with Success. */
export declare function cEchoScp(): DimseService;
