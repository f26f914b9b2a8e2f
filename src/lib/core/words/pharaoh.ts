// Word alignment of two pre-tokenised, sentence-aligned texts in the format every aligner and
// scorer reads (fast_align, eflomal, Moses' "Pharaoh" format): line i of the output lists the
// links "i-j" of sentence pair i, English token index first, both 0-based.
import { fail, ok, type Result } from '../errors';
import { WordAligner } from './align';
import type { TokenisedPair } from './learn';
import type { WordResources } from './resources';
import { tokensOfLine } from './tokens';

/** Lines of a text file, without the empty line after its final newline. */
function linesOf(text: string): string[] {
	const lines = text.split(/\r?\n/);
	if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
	return lines;
}

/**
 * Aligns line i of `en` with line i of `es`, learning from all the pairs of the file first
 * (as fast_align does: the file is the document). Lines must be as many on both sides.
 */
export function alignPretokenised(
	en: string,
	es: string,
	resources: WordResources,
	/** How the two inputs are named in an error (file names). */
	names: { en: string; es: string } = { en: 'EN', es: 'ES' }
): Result<string[]> {
	const enLines = linesOf(en);
	const esLines = linesOf(es);
	if (enLines.length !== esLines.length) {
		return fail('invalid-input', {
			detail: `${names.en} has ${enLines.length} lines and ${names.es} ${esLines.length}; line i of one must translate line i of the other`
		});
	}
	const pairs: TokenisedPair[] = enLines.map((line, k) => ({
		en: tokensOfLine(line),
		es: tokensOfLine(esLines[k])
	}));
	const aligner = new WordAligner(resources, { tokenisedPairs: pairs });
	return ok(
		pairs.map((pair) =>
			aligner
				.alignTokens(pair.en, pair.es)
				.links.map((link) => `${link.en}-${link.es}`)
				.join(' ')
		)
	);
}
