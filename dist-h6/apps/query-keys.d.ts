import { type NaturalDataset } from '../services/dimse/dataset-codec.js';
/**
 * Builds a query identifier from `-k` options, as dcmtk and pynetdicom take
 * them: `Keyword=value`, `Keyword` (asks for the key back, empty value), or a
 * tag `(gggg,eeee)=value` / `gggg,eeee=value`. Throws on an unknown keyword.
 */
export declare function queryFromKeys(keys: readonly string[]): NaturalDataset;
export declare function collectKeys(v: string, prev: string[]): string[];
/** Prints an identifier as indented "Keyword: value" lines. */
export declare function formatIdentifier(ds: Record<string, unknown>): string;
