#!/usr/bin/env node
// The `puente` command. The sources are TypeScript; tsx loads them so that `npx puente`
// works right after `npm install`, with no build step.
import { tsImport } from 'tsx/esm/api';

const { main } = await tsImport('./main.ts', import.meta.url);
process.exitCode = await main(process.argv.slice(2), {
	stdout: (/** @type {string} */ s) => process.stdout.write(s),
	stderr: (/** @type {string} */ s) => process.stderr.write(s)
});
