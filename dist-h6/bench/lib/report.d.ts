export declare function median(xs: readonly number[]): number;
/** A number with `digits` decimals, or "–" when not a number. */
export declare function fmt(x: number | undefined, digits?: number): string;
/** Prints rows as an aligned text table (first column left, the rest right). */
export declare function printTable(headers: readonly string[], rows: readonly (readonly string[])[]): void;
/** What every result file starts with: when, where, on what. */
export declare function environment(): Record<string, unknown>;
/** Writes bench/results/<name>-<timestamp>.json; returns its path. */
export declare function writeResult(name: string, result: unknown): string;
/** `--name value` and `--flag` from argv; numbers parsed. */
export declare function parseArgs(argv: readonly string[]): Map<string, string | true>;
/** A positive integer option, or its default. */
export declare function intArg(args: Map<string, string | true>, name: string, dflt: number): number;
