// Aligned pairs as tab-separated text: English, tab, Spanish, one bead a line. Units of a
// bead are joined by a space; a tab, newline or backslash inside a unit is written \t, \n, \\.
import type { Bead } from '../types';

export function escapeTsvField(text: string): string {
	return text
		.replace(/\\/g, '\\\\')
		.replace(/\t/g, '\\t')
		.replace(/\r?\n|\r/g, '\\n');
}

export function unescapeTsvField(field: string): string {
	return field.replace(/\\(\\|t|n)/g, (_, c: string) =>
		c === 't' ? '\t' : c === 'n' ? '\n' : '\\'
	);
}

export function writeTsv(
	beads: readonly Bead[],
	en: readonly string[],
	es: readonly string[]
): string {
	const side = (units: readonly string[], indices: number[]) =>
		escapeTsvField(indices.map((i) => units[i].trim()).join(' '));
	return beads.map((b) => `${side(en, b.en)}\t${side(es, b.es)}\n`).join('');
}

/** Reads pairs back; a line without a tab is an English unit with no Spanish. */
export function readTsv(text: string): { en: string; es: string }[] {
	return text
		.split('\n')
		.filter((line) => line.length > 0)
		.map((line) => {
			const tab = line.indexOf('\t');
			const [en, es] = tab < 0 ? [line, ''] : [line.slice(0, tab), line.slice(tab + 1)];
			return { en: unescapeTsvField(en), es: unescapeTsvField(es.replace(/\r$/, '')) };
		});
}
