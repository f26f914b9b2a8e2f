// Picks the documentation sentence pairs of the second word-alignment dev set from the real
// alignment dev sets of eval/align (Debian Reference and man pages, hand-aligned sentences): the
// 1-1 beads whose two sides differ, of 6 to 30 English tokens, one in every thirteen, in order.
// Pairs that name a held-out document, and repeats, are left out. Tokens are Puente's word-alignment tokens
// as of the commit that added this folder; a later tokeniser may cut some lines differently.
// Run: npx tsx eval/words/doc/extract-pairs.ts   (writes en.txt, es.txt and sources.tsv here)
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tokenizeSentence } from '../../../src/lib/core/words/tokens';

const here = dirname(fileURLToPath(import.meta.url));
const cases = ['debref-preface', 'debref-ch04-auth', 'man-bzip2', 'man-apt-preferences'];
const heldOut = /Handbook|Installation Guide/i;
const seen = new Set<string>();
const en: string[] = [];
const es: string[] = [];
const sources: string[] = ['case\ten_line\tes_line'];
for (const name of cases) {
	const dir = join(here, '../../align', name);
	const enLines = readFileSync(join(dir, 'en.txt'), 'utf8').split('\n');
	const esLines = readFileSync(join(dir, 'es.txt'), 'utf8').split('\n');
	let candidate = 0;
	for (const bead of readFileSync(join(dir, 'gold.txt'), 'utf8').trim().split('\n')) {
		const m = /^\[(\d+)\]:\[(\d+)\]$/.exec(bead);
		if (!m) continue;
		const a = enLines[Number(m[1])];
		const b = esLines[Number(m[2])];
		if (!a || !b || a === b) continue;
		const enTokens = tokenizeSentence(a, 'en').map((t) => t.text);
		const esTokens = tokenizeSentence(b, 'es').map((t) => t.text);
		if (enTokens.length < 6 || enTokens.length > 30) continue;
		const key = enTokens.join(' ');
		if (candidate++ % 13 !== 0 || heldOut.test(a) || seen.has(key)) continue;
		seen.add(key);
		en.push(enTokens.join(' '));
		es.push(esTokens.join(' '));
		sources.push(`${name}\t${m[1]}\t${m[2]}`);
	}
}
writeFileSync(join(here, 'en.txt'), `${en.join('\n')}\n`);
writeFileSync(join(here, 'es.txt'), `${es.join('\n')}\n`);
writeFileSync(join(here, 'sources.tsv'), `${sources.join('\n')}\n`);
console.log(`${en.length} pairs`);
