// How a tinypool worker thread finds the server's own code, for any pool of them (analysis-pool.ts
// explains the why at length). Vite bundles no server-side worker entry, so a worker is a small
// bootstrap module given as a data: URL that imports the module holding the work by that module's
// own import.meta.url: the built server chunk in production, the TypeScript source in tests and
// `vite dev`, which the worker can load only after registering tsx's loader.
import type Tinypool from 'tinypool';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** tsx's ESM loader, resolved from `moduleUrl` (a module of this package). */
function tsxLoaderUrl(moduleUrl: string): string {
	const cjs = createRequire(moduleUrl).resolve('tsx/esm/api');
	return pathToFileURL(join(dirname(cjs), 'index.mjs')).href;
}

/**
 * A worker module as a data: URL: `code` runs after tsx's loader is registered when
 * `moduleUrl` (the module the code imports) is a TypeScript source, and as is when it is built.
 */
export function bootstrapModuleUrl(moduleUrl: string, code: string): string {
	const prelude = moduleUrl.endsWith('.ts')
		? `const { register } = await import(${JSON.stringify(tsxLoaderUrl(moduleUrl))}); register();\n`
		: '';
	return `data:text/javascript,${encodeURIComponent(prelude + code)}`;
}

// Imported by a name the bundler cannot see: tinypool finds its own worker entry next to its
// module file (node_modules/tinypool/dist/entry/worker.js), which a bundled copy would lose.
const TINYPOOL = 'tinypool';

/** The Tinypool class, from node_modules at run time. */
export async function loadTinypool(): Promise<typeof Tinypool> {
	const { default: Pool } = (await import(/* @vite-ignore */ TINYPOOL)) as {
		default: typeof Tinypool;
	};
	return Pool;
}
