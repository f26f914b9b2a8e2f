// Shared helpers of the real detection dev set builders (eval/build/detect-*.mjs): render a
// Debian man page or DocBook HTML chapter to the plain text a user would paste, cut it into
// gold units (lines, table cells, sentences), and write doc.txt / gold.jsonl / meta.json.
//
// Gold labels are HAND labels kept in <case>/labels.tsv (one unit a line: `lang<TAB>text`).
// A first pass (when labels.tsv is missing) fills labels.tsv from a crude automatic guess; every line was then
// read and corrected by hand. A rebuild checks that the units still read exactly as labelled.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const setDir = join(repoRoot, 'eval/detect');

export function packageVersion(name) {
	return execFileSync('dpkg-query', ['-W', '-f=${Version}', name], { encoding: 'utf8' }).trim();
}

/** A man page as `man` prints it on a very wide terminal (no wrapping, no hyphenation). */
export function renderManPage(path) {
	const raw = execFileSync('man', ['--no-hyphenation', '--no-justification', '-l', path], {
		encoding: 'utf8',
		env: { ...process.env, MANWIDTH: '4000', LANG: 'C.UTF-8', MAN_KEEP_FORMATTING: '' }
	});
	// Overstrike bold and underline (char, backspace), what col -b removes.
	// eslint-disable-next-line no-control-regex
	const plain = raw.replace(/.\x08/g, '');
	const lines = plain.split('\n');
	// The first and last lines are the page header and footer (name, section, date): drop them.
	const body = lines.slice(
		1,
		lines.findLastIndex((l) => l.trim() !== '')
	);
	return normaliseLines(body.map((l) => l.replace(/\t/g, ' ').trimEnd()));
}

/**
 * A DocBook HTML chapter as w3m dumps it, with its tables turned into one line per cell (a
 * row is a paragraph), admonition labels ("[Nota] Nota") reduced to the word a reader sees,
 * and the navigation bar removed.
 */
export function renderHtmlChapter(path) {
	const raw = execFileSync('w3m', ['-dump', '-cols', '4000', '-T', 'text/html', path], {
		encoding: 'utf8',
		env: { ...process.env, LANG: 'C.UTF-8' }
	});
	let lines = raw.split('\n');
	const firstRule = lines.findIndex((l) => l.startsWith('━'));
	const lastRule = lines.findLastIndex((l) => l.startsWith('━'));
	lines = lines.slice(firstRule + 1, lastRule > firstRule ? lastRule : lines.length);
	const out = [];
	for (const line of lines) {
		if (/^\s*[┌├└]/.test(line)) {
			out.push('');
			continue;
		}
		if (/^\s*│/.test(line)) {
			for (const cell of line.trim().slice(1, -1).split('│')) {
				const text = cell.trim();
				if (text) out.push(text);
			}
			continue;
		}
		const admonition = /^\[(\S+)\]\s+(.*)$/.exec(line.trim());
		if (admonition) {
			out.push('', admonition[2], '');
			continue;
		}
		out.push(line.trimEnd());
	}
	return normaliseLines(out);
}

/** Leading indentation off, runs of blank lines to one, whole text trimmed. */
function normaliseLines(lines) {
	const out = [];
	for (const line of lines) {
		const text = line.trim();
		if (text === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
		out.push(text);
	}
	while (out.length && out[out.length - 1] === '') out.pop();
	return `${out.join('\n')}\n`;
}

/**
 * Sections of a rendered chapter: for each [from, to], the lines from the last line starting
 * with `from` (the section heading in the body, not its table-of-contents entry) up to the
 * first later line starting with `to` (or the end). Sections are joined by a blank line.
 */
export function sections(text, ranges) {
	const lines = text.split('\n');
	return `${ranges
		.map(([from, to]) => {
			const a = lines.findLastIndex((l) => l.startsWith(from));
			if (a < 0) throw new Error(`section start not found: ${from}`);
			const b = to ? lines.findIndex((l, i) => i > a && l.startsWith(to)) : lines.length;
			if (b < 0) throw new Error(`section end not found: ${to}`);
			return lines.slice(a, b).join('\n').trim();
		})
		.join('\n\n')}\n`;
}

// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS =
	/(?:\b(?:e\.g|i\.e|etc|p\. ej|p\.ej|vs|cf|Sr|Sra|Dr|núm|pág|aprox|approx|ej|No|Fig|resp)\.|\.\.\.)$/;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/**
 * Gold units: every non-blank line is cut into sentences (Intl.Segmenter, with the stops of
 * common abbreviations and of file names/versions rejoined); a line is never joined to the
 * next, so a heading, a table cell or an option tag is a unit of its own.
 */
export function units(doc) {
	const out = [];
	let offset = 0;
	for (const line of doc.split('\n')) {
		if (line.trim()) {
			const parts = [];
			for (const s of segmenter.segment(line)) {
				const body = s.segment.trim();
				if (!body) continue;
				const start = s.index + (s.segment.length - s.segment.trimStart().length);
				const prev = parts[parts.length - 1];
				// A "sentence" that starts in lower case or with a digit continues the previous one
				// ("aprox. 3", "p. ej. foo"); so does one after an abbreviation.
				// A heading's number ("7.1.") and a middle initial ("Richard M. Stallman") belong
				// to what follows; a piece that does not end
				// with a stop was cut inside a date format or a path ("DD.MM.[CC]YY").
				if (
					prev &&
					(ABBREVIATIONS.test(line.slice(prev.start, prev.end)) ||
						/\p{Lu}\p{Ll}+ \p{Lu}\.$/u.test(line.slice(prev.start, prev.end)) ||
						!/[.!?:;…]["'”’»)\]]*$/u.test(line.slice(prev.start, prev.end)) ||
						/^[\p{Ll}\d(]/u.test(body) ||
						/^[\d.]+$/.test(line.slice(prev.start, prev.end)))
				)
					prev.end = start + body.length;
				else parts.push({ start, end: start + body.length });
			}
			for (const p of parts)
				out.push({
					start: offset + p.start,
					end: offset + p.end,
					text: line.slice(p.start, p.end)
				});
		}
		offset += line.length + 1;
	}
	return out;
}

/** A crude first guess for the hand labeller: no letters-words → und, else more function words wins. */
function draftLabel(text) {
	const words = text.toLowerCase().match(/\p{L}{2,}/gu) ?? [];
	if (words.length === 0) return 'und';
	const en = new Set(
		'the of and to is in that it for are be this with as on by not or you can use from an'.split(
			' '
		)
	);
	const es = new Set(
		'el la de que y en los las del se por un una para con es no al su como más o lo este esta'.split(
			' '
		)
	);
	let score = 0;
	for (const w of words) score += (en.has(w) ? 1 : 0) - (es.has(w) ? 1 : 0);
	if (/[ñáéíóú¿¡]/.test(text)) score -= 1;
	return score > 0
		? 'en'
		: score < 0
			? 'es'
			: words.length === 1 && !/[a-z]{4}/.test(text)
				? 'und'
				: '?';
}

/**
 * Writes <case>/doc.txt, gold.jsonl and meta.json. With no labels.tsv yet, a labels.tsv is
 * drafted for hand correction; otherwise the hand labels are applied and must match the units
 * one for one.
 */
export function writeCase(name, doc, meta) {
	const dir = join(setDir, name);
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'doc.txt'), doc);
	const list = units(doc);
	const labelsPath = join(dir, 'labels.tsv');
	if (!existsSync(labelsPath)) {
		writeFileSync(labelsPath, list.map((u) => `${draftLabel(u.text)}\t${u.text}\n`).join(''));
		console.log(`${name}: drafted ${list.length} labels in ${labelsPath}; correct them by hand`);
		return;
	}
	const labels = readFileSync(labelsPath, 'utf8')
		.split('\n')
		.filter((l) => l !== '')
		.map((l) => {
			const tab = l.indexOf('\t');
			return { lang: l.slice(0, tab), text: l.slice(tab + 1) };
		});
	if (labels.length !== list.length)
		throw new Error(`${name}: ${labels.length} labels for ${list.length} units`);
	const gold = list.map((u, i) => {
		if (labels[i].text !== u.text)
			throw new Error(
				`${name}: unit ${i} reads ${JSON.stringify(u.text)}, labelled ${JSON.stringify(labels[i].text)}`
			);
		if (!['en', 'es', 'und'].includes(labels[i].lang))
			throw new Error(`${name}: unit ${i} has label ${labels[i].lang}`);
		return { start: u.start, end: u.end, lang: labels[i].lang };
	});
	writeFileSync(join(dir, 'gold.jsonl'), gold.map((g) => `${JSON.stringify(g)}\n`).join(''));
	const counts = { en: 0, es: 0, und: 0 };
	for (const g of gold) counts[g.lang]++;
	let switches = 0;
	for (let i = 1; i < gold.length; i++) if (gold[i].lang !== gold[i - 1].lang) switches++;
	writeFileSync(
		join(dir, 'meta.json'),
		`${JSON.stringify(
			{
				...meta,
				labelling:
					'Units cut by eval/build/detect-lib.mjs (lines, table cells, sentences). Labels drafted by a crude function-word count, then every unit read and labelled by hand (language of the grammar; und for lines without words: package names, option tags, numbers, paths, code, URLs) then checked a second time: every unit on which eld (per sentence) and Puente both disagreed with the hand label was read again.',
				sentences: gold.length,
				counts,
				switches,
				bytes: Buffer.byteLength(doc)
			},
			null,
			'\t'
		)}\n`
	);
	console.log(`${name}: ${gold.length} sentences ${JSON.stringify(counts)}, ${switches} switches`);
}
