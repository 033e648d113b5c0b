export interface Cost {
    name: string;
    ms: number;
    /** Share of the busy (non-idle) time, percent. */
    pct: number;
}
export interface ProfileSummary {
    file: string;
    totalMs: number;
    busyMs: number;
    selfByFunction: Cost[];
    selfByModule: Cost[];
    /** Inclusive time of functions in the project's own files. */
    inclusiveOurs: Cost[];
}
export declare function summarizeProfile(file: string, n?: number): ProfileSummary;
