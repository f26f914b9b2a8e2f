#!/usr/bin/env node
// Builds src/lib/data/dictionary/dictionary.json, Puente's offline English/Spanish dictionary, from
// Debian's packages of the field's open data. Run `node tools/dictionary/build.mjs` after
// `apt-get install apertium-eng-spa lttoolbox-dev dict-freedict-eng-spa dict-freedict-spa-eng`;
// the same package versions give the same file byte for byte (see tools/dictionary/README.md).
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
// Translations are ordered by how many sources give the pair (Apertium in this direction,
// Apertium in the other direction, FreeDict in either), then by Apertium's order.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const APERTIUM = '/usr/share/apertium/apertium-eng-spa';
const DICTD = '/usr/share/dictd';
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
		// Pattern sections (numbers, URLs, punctuation) loop back on themselves thousands of times;
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
	return { lemma: m[1] + (m[3] ?? ''), tag };
}

const ROMAN_NUMERAL = /(^|[ -])[IVXLCDM]+([ -]|$)/;
// Apertium lists every "siglos LXXX-LIV a.C" as a noun: 200,000 generated lemmas no reader
// looks up, dropped with any other multiword lemma carrying a Roman numeral.
const usable = (s) =>
	s.length > 0 && !/[\t|,\n]/.test(s) && !(s.includes(' ') && ROMAN_NUMERAL.test(s));

/** One language's lexicon from its Apertium analyser. */
function readLexicon(binFile) {
	const formsOf = new Map(); // "lemma\ttag" → Set of surface forms
	const contractions = new Map(); // surface → Set of "lemma\ttag+lemma\ttag"
	for (const [surface, analysis] of transducerPaths(binFile)) {
		if (!usable(surface) || /\d/.test(surface)) continue;
		if (analysis.includes('+')) {
			const parts = analysis.split('+').map(parseAnalysis);
			if (parts.some((p) => !p || !usable(p.lemma))) continue;
			// Verb + enclitic pronouns are a grammar (the core strips them), not a list to ship.
			if (parts[0].tag.startsWith('vb') || parts.slice(1).some((p) => p.tag === 'prn')) continue;
			const key = parts.map((p) => `${p.lemma}\t${posName(p.tag)}`).join('\t');
			if (!contractions.has(surface)) contractions.set(surface, new Set());
			contractions.get(surface).add(key);
			continue;
		}
		const parsed = parseAnalysis(analysis);
		if (!parsed || !usable(parsed.lemma)) continue;
		const key = `${parsed.lemma}\t${parsed.tag}`;
		if (!formsOf.has(key)) formsOf.set(key, new Set());
		formsOf.get(key).add(surface);
	}
	return { formsOf, contractions };
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

/** Bilingual pairs "lemma\ttag" → ordered target lemmas, from an Apertium bidix. */
function readBidix(binFile) {
	const pairs = new Map();
	for (const [left, right] of transducerPaths(binFile)) {
		const l = parseAnalysis(left);
		const r = parseAnalysis(right);
		if (!l || !r || !usable(l.lemma) || !usable(r.lemma)) continue;
		const key = `${l.lemma}\t${l.tag}`;
		if (!pairs.has(key)) pairs.set(key, []);
		const list = pairs.get(key);
		if (!list.includes(r.lemma)) list.push(r.lemma);
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
		'dict-freedict-spa-eng': packageVersion('dict-freedict-spa-eng')
	};
	const lex = {
		en: readLexicon(`${APERTIUM}/eng-spa.automorf.bin`),
		es: readLexicon(`${APERTIUM}/spa-eng.automorf.bin`)
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

		const paradigmIds = new Map();
		const lemmaLines = [];
		let withTranslation = 0;
		for (const key of [...lex[lang].formsOf.keys()].sort()) {
			const [lemma, tag] = key.split('\t');
			const forms = [...lex[lang].formsOf.get(key)].sort();
			const paradigm = paradigmOf(lemma, forms);
			if (!paradigmIds.has(paradigm)) paradigmIds.set(paradigm, paradigmIds.size);

			// Candidates in Apertium's order, then FreeDict's; FreeDict translations of a lemma with
			// several parts of speech go only where the translation has the same part of speech.
			const candidates = [...(bidix[lang].get(key) ?? [])];
			const tags = lemmaTags[lang].get(lemma);
			const samePos = (t) => (lemmaTags[to].get(t) ?? []).map(posName).includes(posName(tag));
			for (const t of fdPairs(lemma)) {
				if (!candidates.includes(t) && (tags.length === 1 || samePos(t))) candidates.push(t);
			}
			// Pairs given only in the other direction, where the part of speech agrees.
			for (const t of [...(reverseOf.get(lemma) ?? []), ...(fdReverseOf.get(lemma) ?? [])]) {
				if (!candidates.includes(t) && samePos(t)) candidates.push(t);
			}
			const score = (t) =>
				(bidix[lang].get(key)?.includes(t) ? 2 : 0) +
				(reverse.has(`${t}\t${lemma}`) ? 1 : 0) +
				(fdThis.get(lemma)?.includes(t) ? 2 : 0) +
				(fdReverse.has(`${t.toLowerCase()}\t${lemma.toLowerCase()}`) ? 1 : 0);
			const ranked = candidates
				.map((t, i) => ({ t, i, s: score(t) }))
				.sort((a, b) => b.s - a.s || a.i - b.i)
				.map((c) => c.t);
			if (ranked.length) withTranslation++;
			lemmaLines.push(
				`${lemma}\t${posName(tag)}\t${paradigmIds.get(paradigm)}\t${ranked.join('|')}`
			);
		}
		const contractionLines = [...lex[lang].contractions]
			.map(([surface, analyses]) => [surface, ...[...analyses].sort()].join('\t'))
			.sort();
		data[lang] = {
			paradigms: [...paradigmIds.keys()].join('\n'),
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
			'Generated by tools/dictionary/build.mjs from Apertium eng-spa and FreeDict eng-spa/spa-eng (GPL): see COPYING in this folder.',
		sources: versions,
		en: data.en,
		es: data.es
	};
	mkdirSync(dirname(OUT), { recursive: true });
	writeFileSync(OUT, JSON.stringify(file, null, '\t') + '\n');
	console.log(JSON.stringify({ out: OUT, versions, stats }, null, 2));
}

main();
