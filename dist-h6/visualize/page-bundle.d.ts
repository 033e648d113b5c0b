/** Thrown when a page module breaks the rules above; names the module and the line. */
export declare class PageBundleError extends Error {
    name: string;
}
export interface PageModule {
    name: string;
    source: string;
}
/** Joins `modules` (entry last or anywhere: order comes from the imports). Throws PageBundleError. */
export declare function joinModules(modules: readonly PageModule[]): string;
/** Reads every .js file of the page folder and joins them. Throws PageBundleError or the read error. */
export declare function buildPageBundle(dir: URL): string;
