#!/usr/bin/env node
// Builds src/lib/data/dictionary/dictionary.json, Puente's offline English/Spanish dictionary, from
// Debian's packages of the field's open data. Run `node tools/dictionary/build.mjs` after
// `apt-get install apertium-eng-spa apertium-en-gl apertium-es-gl lttoolbox lttoolbox-dev
// dict-freedict-eng-spa dict-freedict-spa-eng`; the same package versions give the same file
// byte for byte (see tools/dictionary/README.md).
//
// What it reads and keeps:
// - Apertium eng-spa (GPL-2): the compiled morphological analysers (eng-spa.automorf.bin for
//   English, spa-eng.automorf.bin for Spanish) dumped with `lt-print`; every surface form and
//   its lemma and part of speech are kept, folded into suffix paradigms so that the file stays
//   small. Verb + enclitic pronoun forms ("dámelo") are dropped here: the core strips the
//   clitics instead. Contractions ("del" = de + el) are kept as they are.
// - Apertium's bilingual dictionaries (eng-spa.autobil.bin, spa-eng.autobil.bin): every
//   lemma-to-lemma pair, in the transducer's own order.
// - FreeDict eng-spa and spa-eng 2022.04.21 (GPL-2+): headword → translations, kept where the
//   translation is a word of the other language's Apertium lexicon (the FreeDict data has
//   words run together, "carreteraprincipal", and headwords lost from multiword entries).
// - Apertium en-gl and es-gl (GPL-2): their analysers add English and Spanish words, and a lemma
//   that no direct source translates gets translations through Galician (`lt-proc -b`).
// Translations are ordered by how many sources give the pair (Apertium in this direction,
// Apertium in the other direction, FreeDict in either), then by Apertium's order.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const APERTIUM = '/usr/share/apertium/apertium-eng-spa';
// Apertium's English–Galician and Spanish–Galician pairs (GPL-2, like eng-spa; the Catalan pairs
// would serve as well but apertium-eng-cat is GPL-3+, which cannot be combined with GPL-2-only).
const EN_GL = '/usr/share/apertium/apertium-en-gl';
const ES_GL = '/usr/share/apertium/apertium-es-gl';
const DICTD = '/usr/share/dictd';
/** Translations through Galician kept per lemma: the first ones, as the bidixes order them. */
const PIVOT_LIMIT = 3;
const here = dirname(fileURLToPath(import.meta.url));
const OUT = resolve(here, '../../src/lib/data/dictionary/dictionary.json');

/** Apertium's tags, in the words a reader knows. Tags not listed keep their Apertium name. */
const POS_NAMES = {
	n: 'noun',
	np: 'proper noun',
	vblex: 'verb',
	vbser: 'verb',
	vbhaver: 'verb',
	vbmod: 'verb',
	vaux: 'verb',
	vbdo: 'verb',
	adj: 'adjective',
	adv: 'adverb',
	preadv: 'adverb',
	pr: 'preposition',
	det: 'determiner',
	predet: 'determiner',
	prn: 'pronoun',
	rel: 'relative',
	cnjcoo: 'conjunction',
	cnjsub: 'conjunction',
	cnjadv: 'conjunction',
	ij: 'interjection',
	num: 'numeral'
};

function packageVersion(name) {
	return execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' }).trim();
}

/**
 * Every path of a compiled lttoolbox transducer, as [input, output] strings, from `lt-print`'s
 * AT&T dump (one section after another, "--" between them).
 */
function transducerPaths(binFile) {
	const att = execFileSync('lt-print', [binFile], { encoding: 'utf8', maxBuffer: 1 << 30 });
	const paths = [];
	for (const section of att.split('\n--\n')) {
		const arcs = new Map();
		const finals = new Set();
		for (const line of section.split('\n')) {
			if (!line) continue;
			const f = line.split('\t');
			if (f.length <= 3) {
				finals.add(f[0]);
				continue;
			}
			const from = f[0];
			if (!arcs.has(from)) arcs.set(from, []);
			arcs.get(from).push([f[1], f[2] === 'ε' ? '' : f[2], f[3] === 'ε' ? '' : f[3]]);
		}
		// Pattern sections (numbers, URLs, punctuation) loop back on themselves hundreds of times;
		// listing them would never end and they hold no words, so they are left out. The few loops
		// elsewhere (digits inside a word) are not followed.
		if (backEdges(arcs) > 100) continue;
		const onPath = new Set();
		const walk = (state, input, output) => {
			if (finals.has(state)) paths.push([input, output]);
			onPath.add(state);
			for (const [to, i, o] of arcs.get(state) ?? []) {
				if (!onPath.has(to)) walk(to, input + i, output + o);
			}
			onPath.delete(state);
		};
		walk('0', '', '');
	}
	return paths;
}

function backEdges(arcs) {
	let count = 0;
	const colour = new Map(); // 1 = on the current path, 2 = done
	const stack = [['0', 0]];
	colour.set('0', 1);
	while (stack.length) {
		const top = stack[stack.length - 1];
		const out = arcs.get(top[0]) ?? [];
		if (top[1] >= out.length) {
			colour.set(top[0], 2);
			stack.pop();
			continue;
		}
		const to = out[top[1]++][0];
		const c = colour.get(to);
		if (c === 1) count++;
		if (!c) {
			colour.set(to, 1);
			stack.push([to, 0]);
		}
	}
	return count;
}

/** "take<vblex><ger># off" → { lemma: 'take off', tag: 'vblex' }. */
function parseAnalysis(analysis) {
	const m = /^([^<]*)((?:<[^>]+>)*)(?:#(.*))?$/.exec(analysis);
	if (!m || !m[1] || !m[2]) return null;
	const tag = m[2].slice(1, m[2].indexOf('>'));
	return { lemma: (m[1] + (m[3] ?? '')).replace('#', ''), tag };
}

const ROMAN_NUMERAL = /(^|[ -])[IVXLCDM]+([ -]|$)/;
// Apertium lists every "siglos LXXX-LIV a.C" as a noun: 200,000 generated lemmas no reader
// looks up, dropped with any other multiword lemma carrying a Roman numeral.
const usable = (s) =>
	s.length > 0 && !/[\t|,\n_]/.test(s) && !(s.includes(' ') && ROMAN_NUMERAL.test(s));

/** One language's lexicon from its Apertium analysers (their union). */
function readLexicon(binFiles) {
	const formsOf = new Map(); // "lemma\ttag" → Set of surface forms
	const contractions = new Map(); // surface → Set of "lemma\ttag+lemma\ttag"
	const pronounTags = new Map(); // "lemma\tprn" → Set of "<prn><tn><p3><f><sg>"
	const pronounOfTags = new Map(); // "<prn><subj><p3><mf><pl>" → "they"
	// A later analyser adds words, not other readings of a word an earlier one knows with the
	// same part of speech (es-gl might read a word otherwise).
	const earlier = new Set();
	const current = new Set();
	const paths = binFiles.flatMap((file, i) => transducerPaths(file).map((p) => [...p, i]));
	let file = 0;
	for (const [surface, analysis, fileIndex] of paths) {
		if (fileIndex !== file) {
			for (const k of current) earlier.add(k);
			file = fileIndex;
		}
		if (!usable(surface) || /\d/.test(surface)) continue;
		if (analysis.includes('+')) {
			// Multiword contractions ("me hubo asomado") are phrases, not words to look up.
			if (surface.includes(' ')) continue;
			// Verb + enclitic pronouns are a grammar (the core strips them), not a list to ship.
			if (analysis.includes('<enc>')) continue;
			if (!contractions.has(surface)) contractions.set(surface, new Set());
			contractions.get(surface).add(analysis);
			continue;
		}
		const parsed = parseAnalysis(analysis);
		if (!parsed || !usable(parsed.lemma)) continue;
		// Apertium names every personal pronoun "prpers" and tells them apart by tags alone;
		// a reader looks up "ella", so each one is its own lemma here.
		if (parsed.lemma === 'prpers') {
			parsed.lemma = surface;
			pronounOfTags.set(analysis.slice(analysis.indexOf('<')), surface);
		}
		const key = `${parsed.lemma}\t${parsed.tag}`;
		if (earlier.has(`${surface}\t${parsed.tag}`)) continue;
		current.add(`${surface}\t${parsed.tag}`);
		if (parsed.tag === 'prn') {
			if (!pronounTags.has(key)) pronounTags.set(key, new Set());
			pronounTags.get(key).add(analysis.slice(analysis.indexOf('<')));
		}
		if (!formsOf.has(key)) formsOf.set(key, new Set());
		formsOf.get(key).add(surface);
	}
	// A contraction's parts as "lemma<TAB>pos…"; its personal pronoun ("they're" = prpers<prn>
	// <subj><p3><mf><pl> + be) is the pronoun with the same tags ("they").
	const contractionParts = new Map();
	for (const [surface, analyses] of contractions) {
		const readings = new Set();
		for (const analysis of analyses) {
			const parts = analysis.split('+').map((part) => {
				const parsed = parseAnalysis(part);
				if (parsed?.lemma === 'prpers') {
					parsed.lemma = pronounOfTags.get(part.slice(part.indexOf('<'))) ?? '';
				}
				return parsed;
			});
			if (parts.some((p) => !p || !usable(p.lemma))) continue;
			// Possessives ("helms'" = helm + 's) are read by the core; listing them would double
			// the English part of the file.
			if (parts.some((p) => p.tag === 'gen')) continue;
			readings.add(parts.map((p) => `${p.lemma}\t${posName(p.tag)}`).join('\t'));
		}
		if (readings.size) contractionParts.set(surface, readings);
	}
	return { formsOf, contractions: contractionParts, pronounTags };
}

/**
 * Whether two personal pronouns' tags agree (person, reflexivity, number, gender and case), as
 * in "<prn><tn><p3><f><sg>" (ella) and "<prn><subj><p3><f><sg>" (she). Apertium's bidix pairs
 * them only through transfer rules, so their translations are found this way.
 */
function pronounsAgree(a, b) {
	const has = (tags, tag) => tags.includes(`<${tag}>`);
	const person = (tags) => ['p1', 'p2', 'p3'].find((p) => has(tags, p));
	if (!person(a) || person(a) !== person(b)) return false;
	if (has(a, 'ref') !== has(b, 'ref')) return false;
	const pick = (tags, options) => options.find((o) => has(tags, o));
	const numberA = pick(a, ['sg', 'pl', 'sp']);
	const numberB = pick(b, ['sg', 'pl', 'sp']);
	if (numberA !== numberB && numberA !== 'sp' && numberB !== 'sp') return false;
	const genderA = pick(a, ['m', 'f', 'nt', 'mf']);
	const genderB = pick(b, ['m', 'f', 'nt', 'mf']);
	// "it" (nt) is "lo" or "la"; a pronoun for either gender (mf) stands for a gendered one when
	// plural ("they" = ellos) or an object ("le" = him, her) but not as a singular subject
	// ("usted" is not "she").
	const object = (tags) => has(tags, 'pro') || has(tags, 'obj');
	const covers = (g, number, tags, other) =>
		g === other ||
		(g === 'nt' && (other === 'm' || other === 'f')) ||
		(g === 'mf' && (number !== 'sg' || object(tags)));
	if (!covers(genderA, numberA, a, genderB) && !covers(genderB, numberB, b, genderA)) return false;
	// A clitic object pronoun ("la") never translates a subject ("she").
	if ((has(a, 'pro') && has(b, 'subj')) || (has(b, 'pro') && has(a, 'subj'))) return false;
	return true;
}

function commonPrefixLength(words) {
	let n = words[0].length;
	for (const w of words) {
		let i = 0;
		while (i < n && i < w.length && w[i] === words[0][i]) i++;
		n = i;
	}
	return n;
}

/** A lemma's forms as a paradigm: what replaces the lemma's ending, independent of its stem. */
function paradigmOf(lemma, forms) {
	const all = [lemma, ...forms];
	const stem = commonPrefixLength(all);
	const lemmaSuffix = lemma.slice(stem);
	const formSuffixes = [...new Set(forms.map((f) => f.slice(stem)))].sort();
	return `${lemmaSuffix}\t${formSuffixes.join(',')}`;
}

/** Bilingual pairs "lemma\ttag" → ordered target "lemma\ttag", from an Apertium bidix. */
function readBidixWithTags(binFile) {
	const pairs = new Map();
	for (const [left, right] of transducerPaths(binFile)) {
		const l = parseAnalysis(left);
		const r = parseAnalysis(right);
		if (!l || !r || !usable(l.lemma) || !usable(r.lemma)) continue;
		const key = `${l.lemma}\t${l.tag}`;
		if (!pairs.has(key)) pairs.set(key, []);
		const list = pairs.get(key);
		const target = `${r.lemma}\t${r.tag}`;
		if (!list.includes(target)) list.push(target);
	}
	return pairs;
}

/** Bilingual pairs "lemma\ttag" → ordered target lemmas. */
function readBidix(binFile) {
	const pairs = readBidixWithTags(binFile);
	for (const [key, targets] of pairs) {
		pairs.set(key, [...new Set(targets.map((t) => t.split('\t')[0]))]);
	}
	return pairs;
}

const escapeStream = (text) => text.replace(/[\\^$/<>@{}[\]*]/g, (c) => `\\${c}`);
const unescapeStream = (text) => text.replace(/\\(.)/g, '$1');

/**
 * Translations of "lemma\ttag" keys by a bilingual dictionary, as `apertium` uses it (`lt-proc -b`):
 * key → ["lemma\ttag", …]. The Galician pairs' dictionaries hold pattern entries whose listing
 * would never end, so they are asked about the lemmas we have instead.
 */
function translateKeys(binFile, keys) {
	const input = keys
		.map((key) => {
			const [lemma, tag] = key.split('\t');
			return `^${escapeStream(lemma)}<${tag}>$`;
		})
		.join('\n');
	const output = execFileSync('lt-proc', ['-b', binFile], {
		input: input + '\n',
		encoding: 'utf8',
		maxBuffer: 1 << 30
	}).split('\n');
	const result = new Map();
	keys.forEach((key, i) => {
		const m = /^\^(.*)\$$/.exec(output[i] ?? '');
		if (!m) return;
		const [, ...targets] = m[1].split(/(?<!\\)\//);
		const found = [];
		for (const target of targets) {
			if (target.startsWith('@')) continue;
			const parsed = parseAnalysis(unescapeStream(target));
			if (!parsed || !usable(parsed.lemma)) continue;
			const t = `${parsed.lemma}\t${parsed.tag}`;
			if (!found.includes(t)) found.push(t);
		}
		if (found.length) result.set(key, found);
	});
	return result;
}

/**
 * Pairs through a third language: source → pivot (first bidix) → target (second bidix), keeping
 * the part of speech all the way. At most `limit` targets a lemma, in the bidixes' order.
 */
function pivotPairs(keys, toPivot, fromPivot, limit) {
	const first = translateKeys(toPivot, keys);
	const pivots = [...new Set([...first.values()].flat())].sort();
	const second = translateKeys(fromPivot, pivots);
	const pairs = new Map();
	for (const [key, pivotKeys] of first) {
		const tag = key.split('\t')[1];
		const targets = [];
		for (const pivot of pivotKeys) {
			if (posName(pivot.split('\t')[1]) !== posName(tag)) continue;
			for (const target of second.get(pivot) ?? []) {
				const [lemma, targetTag] = target.split('\t');
				if (posName(targetTag) === posName(tag) && !targets.includes(lemma)) targets.push(lemma);
			}
		}
		if (targets.length) pairs.set(key, targets.slice(0, limit));
	}
	return pairs;
}

/** FreeDict dictd files: headword → translations in the file's order. */
function readFreeDict(name) {
	const text = gunzipSync(readFileSync(`${DICTD}/${name}.dict.dz`)).toString('utf8');
	const index = readFileSync(`${DICTD}/${name}.index`, 'utf8');
	const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
	const num = (s) => [...s].reduce((n, c) => n * 64 + b64.indexOf(c), 0);
	const bytes = Buffer.from(text, 'utf8');
	const entries = new Map(); // headword → [{ ipaLength, translations }]
	for (const line of index.split('\n')) {
		const [headword, offset, length] = line.split('\t');
		if (!headword || headword.startsWith('00-database') || headword.startsWith('00database'))
			continue;
		const body = bytes
			.subarray(num(offset), num(offset) + num(length))
			.toString('utf8')
			.split('\n');
		const ipa = /\/(.*)\//.exec(body[0])?.[1] ?? '';
		const translations = [];
		for (const raw of body.slice(1)) {
			const line = raw.trim().replace(/^\d+\.\s*/, '');
			for (const t of line.split(/[,;]/)) {
				const clean = t.trim().replace(/\s+/g, ' ');
				if (clean && !translations.includes(clean)) translations.push(clean);
			}
		}
		const key = headword.trim();
		if (!entries.has(key)) entries.set(key, []);
		entries.get(key).push({ ipaLength: ipa.length, translations });
	}
	// A headword listed several times is mostly a multiword entry whose other words were lost
	// ("make /meikənout/" = make a note): keep the entries whose pronunciation is the shortest.
	const result = new Map();
	for (const [headword, list] of entries) {
		const shortest = Math.min(...list.map((e) => e.ipaLength));
		const kept = list.filter((e) => e.ipaLength <= shortest + 1).flatMap((e) => e.translations);
		result.set(headword, [...new Set(kept)]);
	}
	return result;
}

function posName(tag) {
	return POS_NAMES[tag] ?? tag;
}

function main() {
	const versions = {
		'apertium-eng-spa': packageVersion('apertium-eng-spa'),
		lttoolbox: packageVersion('lttoolbox'),
		'dict-freedict-eng-spa': packageVersion('dict-freedict-eng-spa'),
		'dict-freedict-spa-eng': packageVersion('dict-freedict-spa-eng'),
		'apertium-en-gl': packageVersion('apertium-en-gl'),
		'apertium-es-gl': packageVersion('apertium-es-gl')
	};
	// English and Spanish as the eng-spa pair knows them, widened with the English of en-gl and
	// the Spanish of es-gl; their lemmas are kept when they get a translation.
	const primary = {
		en: readLexicon([`${APERTIUM}/eng-spa.automorf.bin`]),
		es: readLexicon([`${APERTIUM}/spa-eng.automorf.bin`])
	};
	const lex = {
		en: readLexicon([`${APERTIUM}/eng-spa.automorf.bin`, `${EN_GL}/en-gl.automorf.bin`]),
		es: readLexicon([`${APERTIUM}/spa-eng.automorf.bin`, `${ES_GL}/es-gl.automorf.bin`])
	};
	// Through Galician, only for lemmas that no direct source translates: Galician–Spanish is
	// close to one to one, so the pivot adds little noise.
	const pivot = {
		en: pivotPairs(
			[...lex.en.formsOf.keys()].sort(),
			`${EN_GL}/en-gl.autobil.bin`,
			`${ES_GL}/gl-es.autobil.bin`,
			PIVOT_LIMIT
		),
		es: pivotPairs(
			[...lex.es.formsOf.keys()].sort(),
			`${ES_GL}/es-gl.autobil.bin`,
			`${EN_GL}/gl-en.autobil.bin`,
			PIVOT_LIMIT
		)
	};
	const bidix = {
		en: readBidix(`${APERTIUM}/eng-spa.autobil.bin`),
		es: readBidix(`${APERTIUM}/spa-eng.autobil.bin`)
	};
	const freedict = { en: readFreeDict('freedict-eng-spa'), es: readFreeDict('freedict-spa-eng') };
	const other = { en: 'es', es: 'en' };

	// Every surface form of each language, lowercased, to judge FreeDict's translations, and the
	// parts of speech of each lemma.
	const surfaces = {};
	const lemmaTags = {};
	for (const lang of ['en', 'es']) {
		surfaces[lang] = new Set();
		lemmaTags[lang] = new Map();
		for (const [key, forms] of lex[lang].formsOf) {
			const [lemma, tag] = key.split('\t');
			for (const f of forms) surfaces[lang].add(f.toLowerCase());
			surfaces[lang].add(lemma.toLowerCase());
			if (!lemmaTags[lang].has(lemma)) lemmaTags[lang].set(lemma, []);
			lemmaTags[lang].get(lemma).push(tag);
		}
	}
	const knownPhrase = (lang, phrase) =>
		phrase.split(' ').every((w) => surfaces[lang].has(w.toLowerCase()));

	const data = {};
	const stats = {};
	for (const lang of ['en', 'es']) {
		const to = other[lang];
		// Reverse Apertium pairs: target → source, from the other direction's bidix.
		const reverse = new Set();
		const reverseOf = new Map(); // this language's lemma → other language's lemmas
		const addTo = (map, k, v) => {
			if (!map.has(k)) map.set(k, []);
			if (!map.get(k).includes(v)) map.get(k).push(v);
		};
		for (const [key, targets] of bidix[to]) {
			const [lemma] = key.split('\t');
			for (const t of targets) {
				reverse.add(`${t}\t${lemma}`);
				addTo(reverseOf, t, lemma);
			}
		}
		const fdThis = freedict[lang];
		const fdReverse = new Set();
		const fdReverseOf = new Map();
		for (const [headword, targets] of freedict[to]) {
			for (const t of targets) {
				fdReverse.add(`${t.toLowerCase()}\t${headword.toLowerCase()}`);
				if (knownPhrase(to, headword)) addTo(fdReverseOf, t, headword);
			}
		}
		const fdPairs = (lemma) => (fdThis.get(lemma) ?? []).filter((t) => knownPhrase(to, t));
		// The other direction's pairs through Galician, keyed by this language's "lemma\ttag".
		const pivotReverseOf = new Map();
		for (const [key, targets] of pivot[to]) {
			const [otherLemma, tag] = key.split('\t');
			for (const t of targets) addTo(pivotReverseOf, `${t}\t${tag}`, otherLemma);
		}

		const paradigmIds = new Map();
		const lemmaLines = [];
		let withTranslation = 0;
		for (const key of [...lex[lang].formsOf.keys()].sort()) {
			const [lemma, tag] = key.split('\t');
			const forms = [...lex[lang].formsOf.get(key)].sort();
			const paradigm = paradigmOf(lemma, forms);

			// Candidates in Apertium's order, then FreeDict's; FreeDict translations of a lemma with
			// several parts of speech go only where the translation has the same part of speech.
			// "prpers" is Apertium's placeholder for any personal pronoun, not a translation.
			const candidates = (bidix[lang].get(key) ?? []).filter((t) => t !== 'prpers');
			const tags = lemmaTags[lang].get(lemma);
			const samePos = (t) => (lemmaTags[to].get(t) ?? []).map(posName).includes(posName(tag));
			for (const t of fdPairs(lemma)) {
				if (!candidates.includes(t) && (tags.length === 1 || samePos(t))) candidates.push(t);
			}
			// Pairs given only in the other direction, where the part of speech agrees.
			for (const t of [...(reverseOf.get(lemma) ?? []), ...(fdReverseOf.get(lemma) ?? [])]) {
				if (!candidates.includes(t) && samePos(t) && t !== 'prpers') candidates.push(t);
			}
			const score = (t) =>
				(bidix[lang].get(key)?.includes(t) || agreeing.includes(t) ? 2 : 0) +
				(reverse.has(`${t}\t${lemma}`) ? 1 : 0) +
				(fdThis.get(lemma)?.includes(t) ? 2 : 0) +
				(fdReverse.has(`${t.toLowerCase()}\t${lemma.toLowerCase()}`) ? 1 : 0);
			if (candidates.length === 0) {
				candidates.push(...(pivot[lang].get(key) ?? []).filter((t) => t !== 'prpers'));
			}
			// Still nothing: pairs through Galician from the other direction. Only then, because a
			// pivot word can be ambiguous (Galician "ano" is both year and anus).
			if (candidates.length === 0) {
				const throughGalician = (pivotReverseOf.get(key) ?? []).filter((t) => t !== 'prpers');
				candidates.push(...throughGalician.slice(0, PIVOT_LIMIT));
			}
			// Personal pronouns first get the pronouns whose tags agree with theirs.
			const agreeing = [];
			if (tag === 'prn') {
				// The eng-spa pair's own pronouns, whose tags are consistent.
				for (const [otherKey, otherTags] of primary[to].pronounTags) {
					const agree = [...(primary[lang].pronounTags.get(key) ?? [])].some((a) =>
						[...otherTags].some((b) => pronounsAgree(a, b))
					);
					const t = otherKey.split('\t')[0];
					if (agree && !agreeing.includes(t)) agreeing.push(t);
				}
				candidates.unshift(...agreeing.filter((t) => !candidates.includes(t)));
			}
			if (candidates.length === 0 && !primary[lang].formsOf.has(key)) continue;
			const ranked = candidates
				.map((t, i) => ({ t, i, s: score(t) }))
				.sort((a, b) => b.s - a.s || a.i - b.i)
				.map((c) => c.t);
			if (ranked.length) withTranslation++;
			if (!paradigmIds.has(paradigm)) paradigmIds.set(paradigm, paradigmIds.size);
			lemmaLines.push(
				`${lemma}\t${posName(tag)}\t${paradigmIds.get(paradigm)}\t${ranked.join('|')}`
			);
		}
		// The core reads ’ and ʼ as ', so one spelling of each contraction is enough.
		const contractionLines = [...lex[lang].contractions]
			.filter(([surface]) => !/[’ʼ]/.test(surface))
			.map(([surface, analyses]) => [surface, ...[...analyses].sort()].join('\t'))
			.sort();
		// What the core searches: each form ending with the paradigms that have it, sorted so that
		// it is found by binary search without building tables at start-up.
		const paradigmsOfSuffix = new Map();
		for (const [paradigm, id] of paradigmIds) {
			for (const suffix of paradigm.split('\t')[1].split(',')) {
				if (!paradigmsOfSuffix.has(suffix)) paradigmsOfSuffix.set(suffix, []);
				paradigmsOfSuffix.get(suffix).push(id);
			}
		}
		const suffixLines = [...paradigmsOfSuffix]
			.map(([suffix, ids]) => `${suffix}\t${ids.join(',')}`)
			.sort();
		data[lang] = {
			paradigms: [...paradigmIds.keys()].map((p) => p.split('\t')[0]).join('\n'),
			suffixes: suffixLines.join('\n'),
			lemmas: lemmaLines.join('\n'),
			contractions: contractionLines.join('\n')
		};
		stats[lang] = {
			lemmas: lemmaLines.length,
			withTranslation,
			paradigms: paradigmIds.size,
			contractions: contractionLines.length
		};
	}

	const file = {
		about:
			'Generated by tools/dictionary/build.mjs from Apertium eng-spa, en-gl and es-gl and FreeDict eng-spa/spa-eng. GPL-2: see README.md and COPYING in this folder.',
		sources: versions,
		en: data.en,
		es: data.es
	};
	mkdirSync(dirname(OUT), { recursive: true });
	writeFileSync(OUT, JSON.stringify(file, null, '\t') + '\n');
	console.log(JSON.stringify({ out: OUT, versions, stats }, null, 2));
}

// Run as a script; imported (to try one step), it only defines its functions.
if (process.argv[1] === fileURLToPath(import.meta.url)) main();

export { translateKeys, pivotPairs, readLexicon };
