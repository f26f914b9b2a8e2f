// Aligning the largest input that gives the aligner no anchors: two presplit files just under
// 5 MB, each three lines repeated (about 178,000 and 160,000 of them), so the counts differ and
// no line is rare. The first pass's band is bounded (MAX_BAND_CELLS in anchors.ts); without the
// bound it was ~480 cells wide on every row. Prints the time and the process's peak memory
// (VmHWM), in a fresh process, with the command's dictionary.
// Run with `npx tsx tests/bench/align-degenerate.ts`. Prints numbers; asserts nothing.
import { readFileSync } from 'node:fs';
import { alignTexts, loadAlignDictionary } from '../../src/lib/core/align/align-texts';
import { MAX_INPUT_BYTES } from '../../src/lib/core/text/decode';
import { en, es } from './sample-book';

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').trim();
const highWaterMb = () =>
	Number(/VmHWM:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;

/** The first 28 characters of the sample sentences, a line each, repeated up to just under 5 MB. */
function repeatedLines(list: string[]): string {
	const lines: string[] = [];
	let size = 0;
	for (let i = 0; ; i++) {
		const line = `${list[i % list.length].slice(0, 28)}\n`;
		size += Buffer.byteLength(line);
		if (size > MAX_INPUT_BYTES - 64 * 1024) break;
		lines.push(line);
	}
	return lines.join('');
}

console.log(`load average at start: ${loadavg()}`);
const a = repeatedLines(en);
const b = repeatedLines(es);
const dictionary = await loadAlignDictionary({ en: 'en', es: 'es' });
const before = highWaterMb();
const started = performance.now();
const result = alignTexts({ en: a, es: b, presplit: true, format: 'tsv', dictionary });
if (!result.ok) throw new Error(result.error.code);
console.log(
	`${result.value.enUnits.length} and ${result.value.esUnits.length} lines: aligned in ` +
		`${((performance.now() - started) / 1000).toFixed(1)} s; peak memory ${highWaterMb().toFixed(0)} MB ` +
		`(${before.toFixed(0)} MB before aligning)`
);
console.log(`load average at end: ${loadavg()}`);
