/**
 * Joins the page's ES modules (visualize/page/*.js) into one classic script,
 * `bundle.js`: the live page loads it, and an exported .html file inlines it,
 * so one code path draws both. No bundler dependency: the modules follow two
 * rules that make joining them a text operation, and this file checks both.
 *
 * 1. Imports are single-line `import { a, b } from './x.js';` of page modules
 *    only, and exports are `export function|async function|const|let|class`.
 * 2. Top-level names are unique across the modules (they share one scope).
 *
 * Modules are emitted dependencies first, the whole wrapped in one strict IIFE.
 */
import { readFileSync, readdirSync } from 'node:fs';
const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*'\.\/([\w-]+\.js)';[ \t]*$/gm;
const EXPORT = /^export\s+(?=(?:async\s+)?function\b|const\b|let\b|class\b)/gm;
const TOP_NAME = /^(?:(?:async\s+)?function\*?\s+([\w$]+)|(?:const|let|class)\s+([\w$]+))/gm;
/** Thrown when a page module breaks the rules above; names the module and the line. */
export class PageBundleError extends Error {
    name = 'PageBundleError';
}
/** Joins `modules` (entry last or anywhere: order comes from the imports). Throws PageBundleError. */
export function joinModules(modules) {
    const byName = new Map(modules.map((m) => [m.name, m]));
    const deps = new Map();
    const bodies = new Map();
    for (const m of modules) {
        const imports = [];
        let body = m.source.replace(IMPORT, (_all, _names, from) => {
            if (!byName.has(from))
                throw new PageBundleError(`${m.name}: imports ${from}, which is not a page module`);
            imports.push(from);
            return '';
        });
        const stray = /^\s*(import\b|export\s+(default|\{|\*))/m.exec(body);
        if (stray)
            throw new PageBundleError(`${m.name}: unsupported module syntax at "${body.slice(stray.index, stray.index + 60).trim()}"`);
        body = body.replace(EXPORT, '');
        deps.set(m.name, imports);
        bodies.set(m.name, body);
    }
    const order = [];
    const state = new Map();
    const visit = (name, path) => {
        if (state.get(name) === 'done')
            return;
        if (state.get(name) === 'visiting')
            throw new PageBundleError(`import cycle: ${[...path, name].join(' → ')}`);
        state.set(name, 'visiting');
        for (const d of deps.get(name))
            visit(d, [...path, name]);
        state.set(name, 'done');
        order.push(name);
    };
    for (const m of modules)
        visit(m.name, []);
    for (const [name, body] of bodies) {
        // An exported .html file inlines the bundle in a <script> element, with "</script" escaped; an HTML
        // comment opener there would change how the parser looks for the end tag.
        if (body.includes('<!--'))
            throw new PageBundleError(`${name}: contains "<!--", which cannot be inlined in a <script> element`);
    }
    const owner = new Map();
    for (const name of order) {
        for (const match of bodies.get(name).matchAll(TOP_NAME)) {
            const id = match[1] ?? match[2];
            const prior = owner.get(id);
            if (prior)
                throw new PageBundleError(`top-level name "${id}" is declared in both ${prior} and ${name}`);
            owner.set(id, name);
        }
    }
    return [
        '// netdicom inspector page: visualize/page/*.js joined by visualize/page-bundle.ts',
        '(() => {',
        "'use strict';",
        ...order.map((name) => `// ---- ${name}\n${bodies.get(name).trim()}\n`),
        '})();',
        '',
    ].join('\n');
}
/** Reads every .js file of the page folder and joins them. Throws PageBundleError or the read error. */
export function buildPageBundle(dir) {
    const names = readdirSync(dir).filter((n) => n.endsWith('.js') && n !== 'bundle.js').sort();
    return joinModules(names.map((name) => ({ name, source: readFileSync(new URL(name, dir), 'utf8') })));
}
//# sourceMappingURL=page-bundle.js.map