import { type BrowserContext, type Page } from 'playwright-core';
export declare const CHROMIUM = "/usr/bin/chromium";
export declare const haveChromium: boolean;
/** The node:test `skip` option: a reason off CI when chromium is missing, else false (on CI the test then fails in `launch`). */
export declare const skipWithoutChromium: string | false;
/** A fresh profile in a temporary folder (removed on close); `viewport` default 1600×1000. */
export declare function launch(viewport?: {
    width: number;
    height: number;
}): Promise<BrowserContext>;
/**
 * Collects what a page must never do: console errors or warnings, uncaught
 * errors, requests to anything but `origins` (http://host:port of the
 * inspector; `file:` for an exported file). data: and blob: URLs are allowed.
 */
export declare function watchProblems(page: Page, origins: readonly string[]): string[];
/** Saves test-output/<name>.png (full viewport) and returns its path. */
export declare function screenshot(page: Page, name: string): Promise<string>;
/** The page's first tab. */
export declare function firstPage(ctx: BrowserContext): Promise<Page>;
export declare const row: (page: Page, assoc: string) => import("playwright-core").Locator;
/** The timeline's text, one line per entry (time, tag, text), for comparing two renderings. */
export declare function timelineLines(page: Page): Promise<string[]>;
/**
 * Exports `assoc`'s timeline from the live page as JSON and as HTML (saved in
 * `dir`), imports the JSON into the same page, and opens the HTML from file://
 * in a new tab. Returns the timeline lines of all three, and the problems of
 * the offline tab (it must make no request but file:/data:).
 */
export declare function exportImport(ctx: BrowserContext, page: Page, assoc: string, dir: string): Promise<{
    original: string[];
    imported: string[];
    importedId: string;
    offline: string[];
    offlinePage: Page;
    offlineProblems: string[];
    jsonFile: string;
    htmlFile: string;
}>;
