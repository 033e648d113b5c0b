import type { DimseService } from '../dimse/service.js';
/** A stored instance, as told to `onStored`. */
export interface StoredInstance {
    path: string;
    sopClassUid: string;
    sopInstanceUid: string;
    transferSyntaxUid: string;
    callingAETitle: string;
    /** True when a file of the same SOP Instance UID was replaced. */
    replaced: boolean;
}
export interface StorageScpOptions {
    /** Output folder; one file per instance lies directly in it. */
    dir: string;
    implementationVersionName: string;
    /** Accept any abstract syntax, not only the Storage SOP Classes of the registry. */
    promiscuous?: boolean;
    /** Runs after the file is durable and before the success response (e.g. indexing). A throw fails the C-STORE. */
    onStored?: (instance: StoredInstance) => Promise<void> | void;
}
/**
 * C-STORE SCP, PS3.4 Annex B: the data set streams to a temporary file behind
 * a File Meta Information header (the negotiated transfer syntax, the UIDs of
 * the request, our Implementation Class UID), exactly as received: never
 * decoded, never transcoded. The file is durable before the success response;
 * a disk error answers A700 (out of resources) and leaves no partial file.
 */
export declare function cStoreScp(opts: StorageScpOptions): DimseService;
