#!/usr/bin/env -S npx tsx
// Writes Puente's bilingual dictionary in hunalign's dictionary format, so that the alignment
// benchmark can run hunalign + this dictionary as a baseline. hunalign is called as
// `hunalign DICT source.txt target.txt`, and each dictionary line is "target phrase @ source phrase"
// (target first), lowercase.
//
//   npx tsx tools/dictionary/hunalign-dict.mjs                      # English source: "es @ en"
//   npx tsx tools/dictionary/hunalign-dict.mjs --source es          # Spanish source: "en @ es"
//   npx tsx tools/dictionary/hunalign-dict.mjs --multiword > en-es.dic   # phrases too
//
// The output is derived from GPL-2 data (see src/lib/data/dictionary/README.md).
import { translationPairs } from '../../src/lib/core/dictionary/index.ts';

const args = process.argv.slice(2);
const sourceAt = args.indexOf('--source');
const source = sourceAt >= 0 ? args[sourceAt + 1] : 'en';
if (source !== 'en' && source !== 'es') {
	console.error('usage: hunalign-dict.mjs [--source en|es] [--multiword]');
	process.exit(2);
}
const multiword = args.includes('--multiword');

const lines = [];
for (const [en, es] of translationPairs({ multiword })) {
	// "@" separates the two sides; a phrase containing one would be misread.
	if (en.includes('@') || es.includes('@')) continue;
	lines.push(source === 'en' ? `${es} @ ${en}` : `${en} @ ${es}`);
}
process.stdout.write(lines.join('\n') + '\n');
