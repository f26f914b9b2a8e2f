#!/usr/bin/env node
// Builds the units (en.txt, es.txt) of the real alignment dev sets in eval/align/ from Spanish
// translations shipped in Debian, and checks each case's hand-made gold.txt against them.
//
//   node eval/build/align-devsets.mjs            rebuild en.txt / es.txt, check gold.txt, write meta.json
//   node eval/build/align-devsets.mjs --first-pass DIR
//                                                also write an automatic first-pass gold per case
//                                                into DIR (the starting point that was then read
//                                                and corrected by hand into gold.txt)
//
// Needs (Debian bookworm): apt-get install -y man-db w3m manpages manpages-es debian-reference-en
// debian-reference-es bzip2 apt mount coreutils. Built with manpages 6.03-2, manpages-es
// 4.18.1-1, debian-reference-en/-es 2.100, bzip2 1.0.8-5+b1, apt 2.6.1, mount 2.38.1-5+deb12u3,
// coreutils 9.1-1, hostname 3.23+nmu1, man-db 2.11.2-2, groff-base 1.22.4-10,
// w3m 0.5.3+git20230121-2.
// Other versions render other text: the script refuses to overwrite a case whose gold no longer
// fits its units.
//
// Units are what a reader would paste: the document rendered to plain text (w3m for the
// Debian Reference's HTML, man for the pages), every non-empty line a block (headings, table
// rows, code lines, list items, page header and footer kept), each block cut into sentences by
// the splitter below (cases of kind 'sentences') or left as the physical lines of an 80-column
// rendering (kind 'lines': the hard-wrapped case).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outRoot = join(root, 'eval/align');

const DEBREF = '/usr/share/debian-reference';
const MAN = '/usr/share/man';

/** @typedef {{ name: string, kind: 'sentences'|'lines', source: () => {en: string[], es: string[]}, sources: object, licence: string }} Case */

/** @type {Case[]} */
const cases = [
	{
		name: 'debref-preface',
		kind: 'sentences',
		source: () => ({ en: debref('pr01', 'en'), es: debref('pr01', 'es') }),
		sources: {
			en: 'debian-reference-en 2.100: /usr/share/debian-reference/pr01.en.html (Preface)',
			es: 'debian-reference-es 2.100: /usr/share/debian-reference/pr01.es.html (Prefacio)'
		},
		licence:
			'GPL-2+ (Debian Reference, Osamu Aoki; see /usr/share/doc/debian-reference-es/copyright)'
	},
	{
		name: 'debref-ch04-auth',
		kind: 'sentences',
		source: () => ({ en: debref('ch04', 'en'), es: debref('ch04', 'es') }),
		// read by hand: "(disco de arranque Debiam. Knoppix CD, …)" is one sentence with a typo
		noCut: ['Debiam.'],
		sources: {
			en: 'debian-reference-en 2.100: ch04.en.html (Authentication and access controls)',
			es: 'debian-reference-es 2.100: ch04.es.html (partly translated: English paragraphs kept)'
		},
		licence:
			'GPL-2+ (Debian Reference, Osamu Aoki; see /usr/share/doc/debian-reference-es/copyright)'
	},
	{
		name: 'man-bzip2',
		kind: 'sentences',
		source: () => ({
			en: man(`${MAN}/man1/bzip2.1.gz`, 2000),
			es: man(`${MAN}/es/man1/bzip2.1.gz`, 2000)
		}),
		// read by hand: the memory table's header row "Uso al Uso al Descomp. Tamaño" is one line
		noCut: ['Descomp.'],
		sources: {
			en: 'bzip2 1.0.8-5+b1: /usr/share/man/man1/bzip2.1.gz',
			es: 'manpages-es 4.18.1-1: /usr/share/man/es/man1/bzip2.1.gz'
		},
		licence:
			'English page: bzip2 licence (BSD-style, Julian Seward); Spanish translation: GPL-3+ (manpages-es)'
	},
	{
		name: 'man-apt-preferences',
		kind: 'sentences',
		source: () => ({
			en: man(`${MAN}/man5/apt_preferences.5.gz`, 2000),
			es: man(`${MAN}/es/man5/apt_preferences.5.gz`, 2000)
		}),
		sources: {
			en: 'apt 2.6.1: /usr/share/man/man5/apt_preferences.5.gz',
			es: 'apt 2.6.1 (Spanish translation shipped with apt): /usr/share/man/es/man5/apt_preferences.5.gz'
		},
		licence: 'GPL-2+ (APT and its documentation; see /usr/share/doc/apt/copyright)'
	},
	{
		name: 'man-fstab-wrapped',
		kind: 'lines',
		source: () => ({
			en: man(`${MAN}/man5/fstab.5.gz`, 80, { keepIndent: true }),
			es: man(`${MAN}/es/man5/fstab.5.gz`, 80, { keepIndent: true })
		}),
		sources: {
			en: 'mount 2.38.1-5+deb12u3 (util-linux): /usr/share/man/man5/fstab.5.gz, MANWIDTH=80',
			es: 'manpages-es 4.18.1-1: /usr/share/man/es/man5/fstab.5.gz, MANWIDTH=80'
		},
		licence: 'English page: util-linux (GPL-2+); Spanish translation: GPL-3+ (manpages-es)'
	},
	{
		name: 'debref-ch02-prereq',
		kind: 'sentences',
		source: () => ({
			en: debrefSection(debref('ch02', 'en'), '2.1', '2.2'),
			es: debrefSection(debref('ch02', 'es'), '2.1', '2.2')
		}),
		sources: {
			en: 'debian-reference-en 2.100: ch02.en.html, section 2.1 (Debian package management prerequisites)',
			es: 'debian-reference-es 2.100: ch02.es.html, section 2.1 (Prerequisitos de la gestión de paquetes Debian)'
		},
		licence:
			'GPL-2+ (Debian Reference, Osamu Aoki; see /usr/share/doc/debian-reference-es/copyright)'
	},
	{
		name: 'man-sort',
		kind: 'sentences',
		source: () => ({
			en: man(`${MAN}/man1/sort.1.gz`, 2000),
			es: man(`${MAN}/es/man1/sort.1.gz`, 2000)
		}),
		sources: {
			en: 'coreutils 9.1-1: /usr/share/man/man1/sort.1.gz',
			es: 'manpages-es 4.18.1-1: /usr/share/man/es/man1/sort.1.gz'
		},
		licence: 'English page: GNU coreutils (GPL-3+); Spanish translation: GPL-3+ (manpages-es)'
	},
	{
		name: 'man-host-conf',
		kind: 'sentences',
		source: () => ({
			en: man(`${MAN}/man5/host.conf.5.gz`, 2000),
			es: man(`${MAN}/es/man5/host.conf.5.gz`, 2000)
		}),
		sources: {
			en: 'manpages 6.03-2: /usr/share/man/man5/host.conf.5.gz',
			es: 'manpages-es 4.18.1-1: /usr/share/man/es/man5/host.conf.5.gz'
		},
		licence: 'English page: Linux man-pages (GPL-2+); Spanish translation: GPL-3+ (manpages-es)'
	}
];

// ---------------------------------------------------------------------------------------------
// Rendering

function debref(chapter, lang) {
	const text = execFileSync(
		'w3m',
		[
			'-dump',
			'-cols',
			'2000',
			'-O',
			'UTF-8',
			'-T',
			'text/html',
			`${DEBREF}/${chapter}.${lang}.html`
		],
		{ encoding: 'utf8', env: { ...process.env, LANG: 'C.UTF-8' } }
	);
	const lines = text
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line !== '');
	// The navigation bar (title, Prev/Next, rule) and the footer bar (Prev/Up/Next, titles) are
	// site furniture, not the document: cut at the first and last horizontal rule.
	const first = lines.findIndex((line) => /^━+$/.test(line));
	const last = lines.findLastIndex((line) => /^━+$/.test(line));
	return lines
		.slice(first + 1, last)
		.filter((line) => !/^[┌├└─┬┼┴┐┤┘\s]+$/.test(line)) // table borders
		.map((line) =>
			line
				.replace(/\s{2,}/g, ' ')
				.replace(/\s*│\s*/g, ' │ ')
				.trim()
		)
		.map((line) => line.replace(/^│ /, '').replace(/ │$/, ''));
}

// One numbered section of a rendered chapter, from its heading to the next section's heading.
// The chapter's table of contents lists the same headings first, so the body's are the last
// ones. (The English headings have a no-break space after the number, which \s matches.)
function debrefSection(lines, number, next) {
	const heading = (n) => new RegExp(`^${n.replace('.', '\\.')}\\.\\s`, 'u');
	const from = lines.findLastIndex((line) => heading(number).test(line));
	const to = lines.findLastIndex((line) => heading(next).test(line));
	if (from < 0 || to <= from) throw new Error(`section ${number} not found`);
	return lines.slice(from, to);
}

function man(path, width, { keepIndent = false } = {}) {
	const text = execFileSync('man', ['--nh', '--nj', '-E', 'UTF-8', '-l', path], {
		encoding: 'utf8',
		env: { ...process.env, MANWIDTH: String(width), LANG: 'C.UTF-8', MAN_KEEP_FORMATTING: '' },
		stdio: ['ignore', 'pipe', 'ignore']
	});
	return text
		.split('\n')
		.map((line) => line.replace(/\s+$/, ''))
		.filter((line) => line.trim() !== '')
		.map((line) => (keepIndent ? line : line.trim().replace(/\s{2,}/g, ' ')));
}

// ---------------------------------------------------------------------------------------------
// Sentence splitting (independent of Puente's own splitter: the gold must not share its errors)

const ABBREVIATIONS = new Set(
	[
		'e.g',
		'i.e',
		'etc',
		'vs',
		'cf',
		'Dr',
		'Mr',
		'Mrs',
		'Sr',
		'Sra',
		'No',
		'núm',
		'p.ej',
		'p. ej',
		'ej',
		'approx',
		'aprox',
		'ca',
		'Vd',
		'Ud',
		'Fig',
		'fig'
	].map((a) => a.toLowerCase())
);

/** Cut one block into sentences at . ! ? (or …) followed by a space and a capital, digit or opener. */
export function splitSentences(block, noCut = []) {
	const out = [];
	let start = 0;
	// No cut before "(": "Keep It Short and Simple. (KISS)" is one item.
	const re = /([.!?…]+)(["'»”)\]]*)\s+(?=[¿¡"'«“]?[\p{Lu}\d])/gu;
	for (const m of block.matchAll(re)) {
		const end = m.index + m[1].length + m[2].length;
		const before = block.slice(start, m.index);
		// "100 k, 200 k ... 900 k": an ellipsis ends a sentence only before a capital
		if (/[.…]{2,}|…/.test(m[1]) && !/^\s*[¿¡"'«“]?\p{Lu}/u.test(block.slice(end))) continue;
		if (noCut.some((text) => block.slice(0, end).endsWith(text))) continue;
		const word = /([\p{L}.]+|[\p{L}]+\. [\p{L}]+)$/u.exec(before)?.[0] ?? '';
		if (m[1] === '.' && ABBREVIATIONS.has(word.toLowerCase().replace(/\.$/, ''))) continue;
		if (m[1] === '.' && /(^|\s)\p{Lu}$/u.test(before)) continue; // initial: "Osamu A. Aoki"
		if (m[1] === '.' && /(^|\s)(p|ej|pág|ver)$/iu.test(before)) continue;
		// a numbered heading or caption: "4.1. Title", "Chapter 4. Title", "Tabla 4.2. El contenido"
		if (m[1] === '.' && /^(\p{L}+\s)?[\d.]*\d$/u.test(before.trim())) continue;
		out.push(block.slice(start, end).trim());
		start = end;
	}
	const rest = block.slice(start).trim();
	if (rest) out.push(rest);
	return out;
}

function units(kase) {
	const { en, es } = kase.source();
	if (kase.kind === 'lines')
		return { en, es, enBlocks: en.map((_, i) => [i]), esBlocks: es.map((_, i) => [i]) };
	const cut = (blocks) => {
		const lines = [];
		const spans = [];
		for (const block of blocks) {
			const parts = splitSentences(block, kase.noCut);
			spans.push(parts.map((_, k) => lines.length + k));
			lines.push(...parts);
		}
		return { lines, spans };
	};
	const e = cut(en);
	const s = cut(es);
	return { en: e.lines, es: s.lines, enBlocks: e.spans, esBlocks: s.spans };
}

// ---------------------------------------------------------------------------------------------
// Gold checking

function parseBead(line) {
	const m = /^\[([\d,\s]*)\]:\[([\d,\s]*)\]/.exec(line.trim());
	if (!m) throw new Error(`bad bead: ${line}`);
	const ids = (s) => (s.trim() ? s.split(',').map((x) => Number(x.trim())) : []);
	return [ids(m[1]), ids(m[2])];
}

function checkGold(beads, nEn, nEs) {
	const problems = [];
	for (const [side, n, k] of [
		['en', nEn, 0],
		['es', nEs, 1]
	]) {
		const seen = beads.flatMap((b) => b[k]);
		let expect = 0;
		for (const i of seen) {
			if (i !== expect) {
				problems.push(`${side}: expected ${expect}, got ${i}`);
				break;
			}
			expect++;
		}
		if (expect !== n && problems.length === 0)
			problems.push(`${side}: ${n - expect} lines not in any bead`);
	}
	for (const [a, b] of beads) if (a.length === 0 && b.length === 0) problems.push('empty bead');
	return problems;
}

function histogram(beads) {
	const h = {};
	for (const [a, b] of beads) {
		const key = `${a.length}-${b.length}`;
		h[key] = (h[key] ?? 0) + 1;
	}
	return Object.fromEntries(Object.entries(h).sort());
}

// A first pass only, to be read and corrected: blocks paired in order by a length DP, the
// sentences inside a block pair by a second length DP. Pairs of identical blocks are 1-1.
function firstPass(u) {
	const len = (ids, lines) => ids.reduce((t, i) => t + lines[i].length + 1, 0);
	const dp = (nA, nB, cost) => {
		const moves = [
			[1, 1, 0],
			[1, 0, 4],
			[0, 1, 4],
			[2, 1, 1.5],
			[1, 2, 1.5],
			[2, 2, 3],
			[3, 1, 3],
			[1, 3, 3]
		];
		const best = Array.from({ length: nA + 1 }, () => new Array(nB + 1).fill(Infinity));
		const back = Array.from({ length: nA + 1 }, () => new Array(nB + 1).fill(null));
		best[0][0] = 0;
		for (let i = 0; i <= nA; i++)
			for (let j = 0; j <= nB; j++) {
				if (best[i][j] === Infinity) continue;
				for (const [di, dj, pen] of moves) {
					if (i + di > nA || j + dj > nB) continue;
					const c = best[i][j] + pen + cost(i, di, j, dj);
					if (c < best[i + di][j + dj]) {
						best[i + di][j + dj] = c;
						back[i + di][j + dj] = [di, dj];
					}
				}
			}
		const path = [];
		for (let i = nA, j = nB; i > 0 || j > 0;) {
			const [di, dj] = back[i][j];
			path.push([i - di, di, j - dj, dj]);
			i -= di;
			j -= dj;
		}
		return path.reverse();
	};
	const ratio = (a, b) => Math.abs(Math.log((a + 10) / (b + 10)));
	const beads = [];
	const blockPath = dp(u.enBlocks.length, u.esBlocks.length, (i, di, j, dj) => {
		if (di === 0 || dj === 0) return 0;
		const a = u.enBlocks.slice(i, i + di).flat();
		const b = u.esBlocks.slice(j, j + dj).flat();
		return 3 * ratio(len(a, u.en), len(b, u.es));
	});
	for (const [i, di, j, dj] of blockPath) {
		const a = u.enBlocks.slice(i, i + di).flat();
		const b = u.esBlocks.slice(j, j + dj).flat();
		if (a.length === 0 || b.length === 0) {
			for (const x of a) beads.push([[x], []]);
			for (const y of b) beads.push([[], [y]]);
			continue;
		}
		const inner = dp(a.length, b.length, (p, dp_, q, dq) =>
			dp_ === 0 || dq === 0
				? 0
				: 3 * ratio(len(a.slice(p, p + dp_), u.en), len(b.slice(q, q + dq), u.es))
		);
		for (const [p, dp_, q, dq] of inner) beads.push([a.slice(p, p + dp_), b.slice(q, q + dq)]);
	}
	return beads;
}

// ---------------------------------------------------------------------------------------------

const args = process.argv.slice(2);
const firstPassDir = args[0] === '--first-pass' ? args[1] : null;
const show = (beads) =>
	beads.map(([a, b]) => `[${a.join(',')}]:[${b.join(',')}]`).join('\n') + '\n';
let failed = false;
for (const kase of cases) {
	const u = units(kase);
	const dir = join(outRoot, kase.name);
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'en.txt'), u.en.join('\n') + '\n');
	writeFileSync(join(dir, 'es.txt'), u.es.join('\n') + '\n');
	if (firstPassDir) {
		mkdirSync(firstPassDir, { recursive: true });
		writeFileSync(join(firstPassDir, `${kase.name}.txt`), show(firstPass(u)));
	}
	const goldFile = join(dir, 'gold.txt');
	if (!existsSync(goldFile)) {
		console.log(`${kase.name}: ${u.en.length} en, ${u.es.length} es units; no gold.txt yet`);
		continue;
	}
	const beads = readFileSync(goldFile, 'utf8')
		.split('\n')
		.filter((l) => l.trim())
		.map(parseBead);
	const problems = checkGold(beads, u.en.length, u.es.length);
	if (problems.length) {
		failed = true;
		console.error(`${kase.name}: gold does not fit the units: ${problems.join('; ')}`);
		continue;
	}
	const metaFile = join(dir, 'meta.json');
	const old = existsSync(metaFile) ? JSON.parse(readFileSync(metaFile, 'utf8')) : {};
	const meta = {
		case: kase.name,
		kind:
			kase.kind === 'lines' ? 'hard-wrapped lines (80 columns), beads group lines' : 'sentences',
		sources: kase.sources,
		licence: kase.licence,
		built_by: 'eval/build/align-devsets.mjs',
		gold:
			old.gold ??
			(kase.kind === 'lines'
				? 'hand-aligned: every bead written by hand from reading both renderings; a bead is the smallest group of lines whose sentences translate each other (a sentence that runs over a line break keeps its lines together)'
				: 'hand-aligned: an automatic first pass (--first-pass: blocks paired in order, a length DP inside each block) was read bead by bead against both texts and corrected by hand; unit splits corrected through noCut'),
		counts: { en_lines: u.en.length, es_lines: u.es.length, beads: beads.length },
		bead_histogram: histogram(beads)
	};
	writeFileSync(metaFile, JSON.stringify(meta, null, '\t') + '\n');
	console.log(
		`${kase.name}: ${u.en.length} en, ${u.es.length} es, ${beads.length} beads ${JSON.stringify(meta.bead_histogram)}`
	);
}
if (failed) process.exit(1);
