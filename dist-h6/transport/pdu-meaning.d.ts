/** What A-ASSOCIATE-RJ and A-ABORT field values mean, in the standard's words. */
/** PS3.8 Table 9-21. */
export declare function rejectText(result: number, source: number, reason: number): string;
/** PS3.8 Table 9-26. */
export declare function abortText(source: number, reason: number): string;
