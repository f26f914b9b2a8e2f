#!/usr/bin/env -S npx tsx
// Checks that a change to the dictionary's code or data format leaves every answer as it was:
// records what lookup, lemmasOf, isKnownWord and translationPairs answer for a fixed list of
// word forms (the bundled corpus, the eval dev sets, the test fixtures, and inflections made
// from them), and what the aligner's dictionary concepts are for the folded ones (the forms it
// asks about), then, after the change, compares. Run the recording with the code before the
// change (a `git worktree add` of the earlier commit), the comparison with the code after.
//
//   npx tsx tools/dictionary/verify.mjs --record /tmp/dict-answers.json [--shared ../shared]
//   npx tsx tools/dictionary/verify.mjs --compare /tmp/dict-answers.json
//   npx tsx tools/dictionary/verify.mjs --sample /tmp/dict-answers.json --to tests/fixtures/dictionary-reference.json
//   npx tsx tools/dictionary/verify.mjs --sample-concepts /tmp/dict-answers.json --to tests/fixtures/dictionary-concept-keys.json
//
// --sample copies a few hundred of the recorded answers (not the current code's) into a fixture
// for the unit tests, a few dozen from each path lookup can take; --sample-concepts does the same
// with the aligner's concepts of folded words.
// The comparison reads its forms from the recording, so both runs ask the same questions.
// The output is derived from GPL-2 data (see src/lib/data/dictionary/README.md).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import {
	isKnownWord,
	lemmasOf,
	lookup,
	translationPairs
} from '../../src/lib/core/dictionary/index.ts';
import {
	dictionaryConceptKeys,
	dictionaryConcepts
} from '../../src/lib/core/align/dictionary-concepts.ts';
import { foldForSearch } from '../../src/lib/core/text/fold.ts';

const root = resolve(import.meta.dirname, '../..');
const args = process.argv.slice(2);
const option = (name) => {
	const at = args.indexOf(name);
	return at >= 0 ? args[at + 1] : undefined;
};
const recordTo = option('--record');
const compareWith = option('--compare');
const sampleFrom = option('--sample');
const sampleConceptsFrom = option('--sample-concepts');
if ([recordTo, compareWith, sampleFrom, sampleConceptsFrom].filter(Boolean).length !== 1) {
	console.error(
		'usage: verify.mjs --record FILE [--shared DIR] | --compare FILE | --sample FILE --to FIXTURE | --sample-concepts FILE --to FIXTURE'
	);
	process.exit(2);
}

/** Every text file under `dir` (sorted, recursively) whose name passes `keep`. */
function textFiles(dir, keep) {
	if (!existsSync(dir)) return [];
	const found = [];
	for (const name of readdirSync(dir).sort()) {
		const path = resolve(dir, name);
		if (statSync(path).isDirectory()) found.push(...textFiles(path, keep));
		else if (keep(name)) found.push(path);
	}
	return found;
}

const WORD = /\p{L}+(?:['’]\p{L}+)*/gu;
const SPANISH_ENDINGS = ['lo', 'se', 'les', 'melo', 'nos'];
const ENGLISH_ENDINGS = ["'s", 's', 'ed', 'ing'];
const stripAccents = (w) =>
	w
		.normalize('NFD')
		.replace(/[\u0301\u0308\u0303]/g, '')
		.normalize('NFC');

/**
 * The forms to ask about, each once, in a fixed order: the words of the texts in lowercase, then
 * capitalised, upper-case and unaccented spellings and a few endings (enclitic pronouns, plurals,
 * tenses, possessives) that send lookup down its slower paths.
 */
function collectForms(sharedDir) {
	const sources = [
		...textFiles(resolve(root, 'src/lib/data/corpus'), (n) => n.endsWith('.txt')),
		...textFiles(resolve(root, 'tests/fixtures'), (n) => /\.(txt|tsv)$/.test(n)),
		...textFiles(resolve(sharedDir, 'eval/align/dev'), (n) => /^(en|es)\.txt$/.test(n)),
		...textFiles(resolve(sharedDir, 'eval/detect/dev'), (n) => n === 'doc.txt'),
		...textFiles(resolve(sharedDir, 'eval/data/bible'), (n) => n.endsWith('.tsv')),
		...textFiles(resolve(sharedDir, 'eval/data'), (n) => n === 'man-dev.tsv')
	];
	const words = new Set();
	for (const path of sources) {
		for (const m of readFileSync(path, 'utf8').matchAll(WORD)) words.add(m[0]);
	}
	// Every word once in lowercase (the reader and the vocabulary count ask in that case too), then,
	// for every fourth word, the other spellings and endings: about 20,000 forms in all.
	const lowercase = [...new Set([...words].map((w) => w.toLowerCase()))];
	const forms = new Set(lowercase);
	// The aligner asks in folded form (lower case, no accents): every word that way too.
	for (const lower of lowercase) forms.add(foldForSearch(lower));
	lowercase.forEach((lower, i) => {
		if (i % 4 !== 0) return;
		forms.add(lower.charAt(0).toUpperCase() + lower.slice(1));
		forms.add(lower.toUpperCase());
		forms.add(stripAccents(lower));
		if (lower.length < 4) return;
		forms.add(lower + SPANISH_ENDINGS[i % SPANISH_ENDINGS.length]);
		forms.add(lower + ENGLISH_ENDINGS[i % ENGLISH_ENDINGS.length]);
	});
	return { forms: [...forms], sources: sources.length };
}

function pairsDigest(options) {
	const hash = createHash('sha256');
	let count = 0;
	for (const [en, es] of translationPairs(options)) {
		hash.update(`${en}\t${es}\n`);
		count++;
	}
	return { count, sha256: hash.digest('hex') };
}

const isFoldedWord = (form) => /^\p{L}+$/u.test(form) && foldForSearch(form) === form;

/** Everything the public functions answer about the forms, and how long lookups took. */
function answersFor(forms) {
	const answers = {};
	let slowest = { ms: 0, form: '' };
	const started = performance.now();
	forms.forEach((form, i) => {
		const answer = {};
		for (const lang of ['en', 'es']) {
			const t0 = performance.now();
			answer[lang] = lookup(form, lang);
			const ms = performance.now() - t0;
			if (ms > slowest.ms) slowest = { ms, form: `${form} (${lang})` };
			// Both are built on lookup: asked for every third form, to keep the old code's run short.
			if (i % 3 === 0) {
				answer[`${lang}Lemmas`] = lemmasOf(form, lang);
				answer[`${lang}Known`] = isKnownWord(form, lang);
			}
			// What the aligner makes of a folded word: its concept keys and their strengths.
			if (isFoldedWord(form)) {
				answer[`${lang}Keys`] = dictionaryConceptKeys(lookup, form, lang);
				answer[`${lang}Concepts`] = dictionaryConcepts(lookup, form, lang);
			}
		}
		answers[form] = answer;
		if (i % 2000 === 1999) process.stderr.write(`${i + 1} forms…\n`);
	});
	const elapsed = performance.now() - started;
	return { answers, elapsed, slowest };
}

const CLITIC_END = /(?:me|te|se|nos|os|lo|la|los|las|le|les)$/;
const lemmasIn = (entries) => entries.map((e) => e.lemma.toLowerCase());
/** The paths a lookup can take, told apart by the form and the answer it got. */
const SAMPLED_PATHS = {
	'English word': (f, a) => a.en.length > 0 && lemmasIn(a.en).includes(f),
	'English inflection': (f, a) => a.en.length > 0 && !lemmasIn(a.en).includes(f.toLowerCase()),
	'Spanish word': (f, a) => a.es.length > 0 && lemmasIn(a.es).includes(f),
	'Spanish inflection': (f, a) => a.es.length > 0 && !lemmasIn(a.es).includes(f.toLowerCase()),
	'enclitic pronouns': (f, a) => CLITIC_END.test(f) && a.es.some((e) => e.pos === 'verb'),
	apostrophe: (f) => f.includes("'") || f.includes('’'),
	'capitalised or upper case': (f, a) => f !== f.toLowerCase() && a.en.length + a.es.length > 0,
	'accents restored': (f, a) =>
		f === stripAccents(f) && [...a.en, ...a.es].some((e) => e.lemma !== stripAccents(e.lemma)),
	'several entries': (f, a) => a.en.length >= 3 || a.es.length >= 3,
	'unknown to both': (f, a) => a.en.length === 0 && a.es.length === 0
};
const PER_PATH = 30;

const hasKeys = (a, lang) => (a[`${lang}Keys`]?.length ?? 0) > 0;
/** The ways the aligner's concepts of a folded word come about, told apart by the recorded answer. */
const SAMPLED_CONCEPT_PATHS = {
	'English concepts': (f, a) => hasKeys(a, 'en'),
	'Spanish concepts': (f, a) => hasKeys(a, 'es'),
	'Spanish concepts through restored accents': (f, a) =>
		hasKeys(a, 'es') && a.es.every((e) => e.lemma !== stripAccents(e.lemma)),
	'Spanish concepts through enclitic pronouns': (f, a) =>
		hasKeys(a, 'es') && CLITIC_END.test(f) && !lemmasIn(a.es).includes(f),
	'English concepts of an inflection': (f, a) => hasKeys(a, 'en') && !lemmasIn(a.en).includes(f),
	'known, too many or no single-word translations': (f, a) =>
		a.enKeys !== undefined &&
		((a.en.length > 0 && !hasKeys(a, 'en')) || (a.es.length > 0 && !hasKeys(a, 'es'))),
	'unknown to both': (f, a) => a.enKeys !== undefined && a.en.length + a.es.length === 0,
	// The edges: two letters accented, and as many translations as a word may have, or one more.
	'two accents restored': (f, a) =>
		hasKeys(a, 'es') && a.es.some((e) => accentsIn(e.lemma) >= 2 && accentsIn(f) === 0),
	'translations at the limit or one over': (f, a) =>
		a.enKeys !== undefined &&
		['en', 'es'].some((lang) => [12, 13].includes(singleWordTranslations(a[lang])))
};

function accentsIn(word) {
	return word.normalize('NFD').length - word.length;
}
/** How many translations dictionary-concepts.ts counts for a word (MAX_TRANSLATIONS is 12). */
function singleWordTranslations(entries) {
	return entries
		.filter((e) => foldForSearch(e.lemma).length >= 3)
		.reduce((n, e) => n + e.translations.filter((t) => !t.includes(' ')).length, 0);
}

if (sampleConceptsFrom) {
	const recorded = JSON.parse(readFileSync(sampleConceptsFrom, 'utf8'));
	const chosen = new Set();
	for (const inPath of Object.values(SAMPLED_CONCEPT_PATHS)) {
		const matching = recorded.forms.filter((f) => inPath(f, recorded.answers[f]));
		const step = Math.max(1, Math.floor(matching.length / PER_PATH));
		for (let i = 0; i < matching.length && i < step * PER_PATH; i += step) chosen.add(matching[i]);
	}
	const concepts = {};
	for (const f of recorded.forms) {
		if (!chosen.has(f)) continue;
		const a = recorded.answers[f];
		concepts[f] = {
			en: a.enKeys,
			es: a.esKeys,
			enStrengths: a.enConcepts,
			esStrengths: a.esConcepts
		};
	}
	writeFileSync(option('--to'), JSON.stringify({ concepts }) + '\n');
	console.log(
		`sampled the concepts of ${chosen.size} of ${recorded.forms.length} recorded forms to ${option('--to')}`
	);
	process.exit(0);
}

if (sampleFrom) {
	const recorded = JSON.parse(readFileSync(sampleFrom, 'utf8'));
	const chosen = new Set();
	for (const inPath of Object.values(SAMPLED_PATHS)) {
		const matching = recorded.forms.filter((f) => inPath(f, recorded.answers[f]));
		const step = Math.max(1, Math.floor(matching.length / PER_PATH));
		for (let i = 0; i < matching.length && i < step * PER_PATH; i += step) chosen.add(matching[i]);
	}
	const answers = {};
	for (const f of recorded.forms) if (chosen.has(f)) answers[f] = recorded.answers[f];
	writeFileSync(option('--to'), JSON.stringify({ pairs: recorded.pairs, answers }) + '\n');
	console.log(
		`sampled ${chosen.size} of ${recorded.forms.length} recorded forms to ${option('--to')}`
	);
	process.exit(0);
}

const pairs = { single: pairsDigest({}), multiword: pairsDigest({ multiword: true }) };

if (recordTo) {
	const { forms, sources } = collectForms(option('--shared') ?? resolve(root, '../shared'));
	const { answers, elapsed, slowest } = answersFor(forms);
	writeFileSync(recordTo, JSON.stringify({ forms, pairs, answers }));
	console.log(
		`recorded ${forms.length} forms from ${sources} files in ${elapsed.toFixed(0)} ms (slowest lookup ${slowest.ms.toFixed(1)} ms: ${slowest.form}) to ${recordTo}`
	);
} else {
	const recorded = JSON.parse(readFileSync(compareWith, 'utf8'));
	const { answers, elapsed, slowest } = answersFor(recorded.forms);
	const differing = recorded.forms.filter(
		(f) => JSON.stringify(answers[f]) !== JSON.stringify(recorded.answers[f])
	);
	for (const f of differing.slice(0, 20)) {
		console.log(
			`differs: ${f}\n  was ${JSON.stringify(recorded.answers[f])}\n  now ${JSON.stringify(answers[f])}`
		);
	}
	const pairsSame = JSON.stringify(pairs) === JSON.stringify(recorded.pairs);
	if (!pairsSame)
		console.log(
			`translationPairs differ: was ${JSON.stringify(recorded.pairs)}, now ${JSON.stringify(pairs)}`
		);
	console.log(
		`${recorded.forms.length} forms, ${differing.length} differ; translationPairs ${pairsSame ? 'same' : 'DIFFER'}; lookups took ${elapsed.toFixed(0)} ms (slowest ${slowest.ms.toFixed(1)} ms: ${slowest.form})`
	);
	process.exitCode = differing.length || !pairsSame ? 1 : 0;
}
