export declare function normalizeArgv(argv: readonly string[]): string[];
/** Parses a TCP port (1..65535; 0 allowed where `allowZero`). Throws with a clear message. */
export declare function parsePort(v: string, allowZero?: boolean): number;
export declare function parsePositiveInt(name: string): (v: string) => number;
