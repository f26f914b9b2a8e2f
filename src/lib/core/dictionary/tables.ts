// The dictionary's look-up tables for one language: hash tables in typed arrays over the data's
// own text (see LanguageTables), made from the JSON data's text on the first look-up, or read from
// an image of them that a command prepared earlier (tablesImage, tablesFromImage), which skips
// both parsing the JSON (3 MB) and indexing its 65,000 lines: together about 60 ms of every
// `puente align`. Pure: the caller reads and writes the image's bytes.

/**
 * One language's data, indexed once on the first lookup in that language. A lookup cuts the word
 * into a stem and a form ending in every possible way, so each cut must be a hash look-up, not a
 * search of the sorted lines (bisecting 30,000 lines for each cut cost about a millisecond a
 * word). The tables are hash tables in typed arrays over the data's own text, not Maps of
 * strings: building them reads each line once and makes no string, and a look-up hashes the
 * word's prefixes and endings in one pass each and slices nothing.
 *
 * Hashes skip the accents accentedSpellings may restore ("política" hashes as "politica"), so
 * the stems and endings a word with its accents restored can be cut into are in the buckets of
 * the word as typed: restoring accents is the same look-up, with a looser comparison.
 */
export interface LanguageTables {
	/** Per paradigm: the lemma's ending after the stem ("ar" for marchar). */
	lemmaEndings: string[];
	/** `formEnding<TAB>paradigm,paradigm…` lines; ending n is suffixText[suffixStart[n]…] (suffixLength[n] long). */
	suffixText: string;
	suffixStart: Int32Array;
	suffixLength: Int32Array;
	/** Where ending n's line ends: its paradigms are read from the text when asked about (rarely). */
	suffixEnd: Int32Array;
	longestSuffix: number;
	/** Endings by hash, read from their last letter: suffixBuckets[hash & mask] → n, then suffixNext[n] (-1 ends). */
	suffixBuckets: Int32Array;
	suffixNext: Int32Array;
	/** "marchar<TAB>verb<TAB>12<TAB>leave|…" lines sorted by lemma; a line's number is its entry's id. */
	lemmaText: string;
	/** Where line i starts in lemmaText; lineStart[lines] is one past the end. */
	lineStart: Int32Array;
	/** Per line: its lemma's length, its paradigm, and its stem's length (the lemma without the paradigm's lemma ending). */
	lemmaLength: Int32Array;
	paradigmOf: Int32Array;
	stemLength: Int32Array;
	/** Lines by their stem's hash: stemBuckets[hash & mask] → line, then stemNext[line], in line order. */
	stemBuckets: Int32Array;
	stemNext: Int32Array;
	/** "del" → [["de", "preposition"], ["el", "determiner"]]. */
	contractions: Map<string, [string, string][]>;
	/** The data's text of the paradigms' lemma endings and of the contractions, kept for the image. */
	paradigmsText: string;
	contractionsText: string;
}

/** One language's part of the JSON data. */
export interface LanguageSource {
	paradigms: string;
	suffixes: string;
	lemmas: string;
	contractions: string;
}

// FNV-1a over UTF-16 code units, with the accented letters accentedSpellings may restore read as
// their plain ones.
export const HASH_START = 0x811c9dc5 | 0;
export const hashStep = (hash: number, code: number) =>
	Math.imul(hash ^ plainCode(code), 0x01000193);

// Letters a word typed without its accents may have lost, in either language.
export const ACCENTED: Record<string, string[]> = {
	a: ['á'],
	e: ['é'],
	i: ['í'],
	o: ['ó'],
	u: ['ú', 'ü'],
	n: ['ñ'],
	c: ['ç']
};
/** Code units below 256 → the same, or the plain letter of an ACCENTED one (á → a). */
const PLAIN = Uint16Array.from({ length: 256 }, (_, code) => code);
for (const [plain, accented] of Object.entries(ACCENTED))
	for (const letter of accented) PLAIN[letter.charCodeAt(0)] = plain.charCodeAt(0);
export const plainCode = (code: number) => (code < 256 ? PLAIN[code] : code);

/** A power of two at least twice `count`, less one: the mask of a table with few collisions. */
const maskFor = (count: number) => (1 << Math.ceil(Math.log2(Math.max(2, count * 2)))) - 1;

/** Indexes one language's data (a few tens of milliseconds). */
export function parseTables(source: LanguageSource): LanguageTables {
	const lemmaEndings = source.paradigms.split('\n');

	const suffixText = source.suffixes;
	let suffixCount = 1;
	for (let at = suffixText.indexOf('\n'); at >= 0; at = suffixText.indexOf('\n', at + 1))
		suffixCount++;
	const suffixStart = new Int32Array(suffixCount);
	const suffixLength = new Int32Array(suffixCount);
	const suffixEnd = new Int32Array(suffixCount);
	const suffixMask = maskFor(suffixCount);
	const suffixBuckets = new Int32Array(suffixMask + 1).fill(-1);
	const suffixNext = new Int32Array(suffixCount);
	let longestSuffix = 0;
	let start = 0;
	for (let n = 0; n < suffixCount; n++) {
		const tab = suffixText.indexOf('\t', start);
		let end = suffixText.indexOf('\n', tab);
		if (end < 0) end = suffixText.length;
		suffixStart[n] = start;
		suffixLength[n] = tab - start;
		longestSuffix = Math.max(longestSuffix, tab - start);
		let hash = HASH_START;
		for (let i = tab - 1; i >= start; i--) hash = hashStep(hash, suffixText.charCodeAt(i));
		suffixNext[n] = suffixBuckets[hash & suffixMask];
		suffixBuckets[hash & suffixMask] = n;
		suffixEnd[n] = end;
		start = end + 1;
	}

	const lemmaText = source.lemmas;
	let lineCount = 1;
	for (let at = lemmaText.indexOf('\n'); at >= 0; at = lemmaText.indexOf('\n', at + 1)) lineCount++;
	const lineStart = new Int32Array(lineCount + 1);
	const lemmaLength = new Int32Array(lineCount);
	const paradigmOf = new Int32Array(lineCount);
	const stemLength = new Int32Array(lineCount);
	const stemMask = maskFor(lineCount);
	const stemBuckets = new Int32Array(stemMask + 1).fill(-1);
	const stemNext = new Int32Array(lineCount).fill(-1);
	start = 0;
	for (let i = 0; i < lineCount; i++) {
		lineStart[i] = start;
		const tab = lemmaText.indexOf('\t', start);
		let at = lemmaText.indexOf('\t', tab + 1) + 1;
		let paradigm = 0;
		for (
			let code = lemmaText.charCodeAt(at);
			code >= 48 && code <= 57;
			code = lemmaText.charCodeAt(++at)
		)
			paradigm = paradigm * 10 + code - 48;
		const end = lemmaText.indexOf('\n', at);
		start = end < 0 ? lemmaText.length + 1 : end + 1;
		lemmaLength[i] = tab - lineStart[i];
		paradigmOf[i] = paradigm;
		const ending = lemmaEndings[paradigm];
		// A lemma not ending as its paradigm's lemma does has no form the paradigm makes.
		stemLength[i] =
			ending.length <= tab - lineStart[i] && lemmaText.startsWith(ending, tab - ending.length)
				? tab - lineStart[i] - ending.length
				: -1;
	}
	lineStart[lineCount] = start;
	// Last line first, so that each bucket lists its lines in line order.
	for (let i = lineCount - 1; i >= 0; i--) {
		if (stemLength[i] < 0) continue;
		let hash = HASH_START;
		for (let at = lineStart[i], end = at + stemLength[i]; at < end; at++)
			hash = hashStep(hash, lemmaText.charCodeAt(at));
		stemNext[i] = stemBuckets[hash & stemMask];
		stemBuckets[hash & stemMask] = i;
	}

	return {
		lemmaEndings,
		suffixText,
		suffixStart,
		suffixLength,
		suffixEnd,
		longestSuffix,
		suffixBuckets,
		suffixNext,
		lemmaText,
		lineStart,
		lemmaLength,
		paradigmOf,
		stemLength,
		stemBuckets,
		stemNext,
		contractions: parseContractions(source.contractions),
		paradigmsText: source.paradigms,
		contractionsText: source.contractions
	};
}

function parseContractions(text: string): Map<string, [string, string][]> {
	const contractions = new Map<string, [string, string][]>();
	for (const line of text.split('\n')) {
		if (!line) continue;
		const [surface, ...parts] = line.split('\t');
		const pairs: [string, string][] = [];
		for (let i = 0; i + 1 < parts.length; i += 2) pairs.push([parts[i], parts[i + 1]]);
		contractions.set(surface, [...(contractions.get(surface) ?? []), ...pairs]);
	}
	return contractions;
}

// The image: "PDI1", the number 1 as a Uint32 in this machine's byte order (an image is read back
// where it was made: a command's cache), the header's length and the header (JSON: per language,
// where each array and text is, and the small values), then the arrays and texts, each at a
// multiple of 4 bytes. Texts are UTF-16LE, which decodes as a copy.
const MAGIC = [0x50, 0x44, 0x49, 0x31];
const ARRAYS = [
	'suffixStart',
	'suffixLength',
	'suffixEnd',
	'suffixBuckets',
	'suffixNext',
	'lineStart',
	'lemmaLength',
	'paradigmOf',
	'stemLength',
	'stemBuckets',
	'stemNext'
] as const;
const TEXTS = ['suffixText', 'lemmaText', 'paradigmsText', 'contractionsText'] as const;

interface ImageHeader {
	sources: Record<string, string>;
	languages: Record<
		string,
		{ longestSuffix: number; parts: Record<string, [offset: number, length: number]> }
	>;
}

/** The tables of every language as one image's bytes, with the data's sources. */
export function tablesImage(
	byLanguage: Record<string, LanguageTables>,
	sources: Record<string, string>
): Uint8Array {
	const header: ImageHeader = { sources, languages: {} };
	const parts: Uint8Array[] = [];
	let size = 0;
	const place = (bytes: Uint8Array): [number, number] => {
		const at = size;
		parts.push(bytes);
		size += Math.ceil(bytes.length / 4) * 4;
		return [at, bytes.length];
	};
	for (const [lang, t] of Object.entries(byLanguage)) {
		const placed: Record<string, [number, number]> = {};
		for (const name of ARRAYS)
			placed[name] = place(new Uint8Array(t[name].buffer, t[name].byteOffset, t[name].byteLength));
		for (const name of TEXTS) placed[name] = place(utf16le(t[name]));
		header.languages[lang] = { longestSuffix: t.longestSuffix, parts: placed };
	}
	const headerBytes = new TextEncoder().encode(JSON.stringify(header));
	const start = Math.ceil((12 + headerBytes.length) / 4) * 4;
	const image = new Uint8Array(start + size);
	image.set(MAGIC, 0);
	new DataView(image.buffer).setUint32(4, 1, isLittleEndian());
	new DataView(image.buffer).setUint32(8, headerBytes.length, true);
	image.set(headerBytes, 12);
	let at = start;
	for (const bytes of parts) {
		image.set(bytes, at);
		at += Math.ceil(bytes.length / 4) * 4;
	}
	return image;
}

/** Whether the bytes are an image this code made on a machine of this byte order. */
export function isTablesImage(image: Uint8Array): boolean {
	return (
		image.length >= 12 &&
		MAGIC.every((byte, i) => image[i] === byte) &&
		new DataView(image.buffer, image.byteOffset).getUint32(4, isLittleEndian()) === 1
	);
}

function readHeader(image: Uint8Array): { header: ImageHeader; start: number } {
	if (!isTablesImage(image)) throw new Error('not a dictionary tables image');
	const length = new DataView(image.buffer, image.byteOffset).getUint32(8, true);
	const header = JSON.parse(new TextDecoder().decode(image.subarray(12, 12 + length)));
	return { header, start: Math.ceil((12 + length) / 4) * 4 };
}

/** The data's sources recorded in an image. */
export function imageSources(image: Uint8Array): Record<string, string> {
	return readHeader(image).header.sources;
}

/** Decodes UTF-16LE bytes; a caller with a faster decoder (Node's Buffer) passes its own. */
export type Utf16Decoder = (bytes: Uint8Array) => string;
const decodeUtf16le: Utf16Decoder = (bytes) => new TextDecoder('utf-16le').decode(bytes);

/** One language's tables from an image: copies of its arrays and texts, nothing to index. */
export function tablesFromImage(
	bytesOfImage: Uint8Array,
	lang: string,
	decode: Utf16Decoder = decodeUtf16le
): LanguageTables {
	// A plain view: a Node Buffer's slice() would be a view too, not the copy made below.
	const image = new Uint8Array(bytesOfImage.buffer, bytesOfImage.byteOffset, bytesOfImage.length);
	const { header, start } = readHeader(image);
	const { longestSuffix, parts } = header.languages[lang];
	const bytes = (name: string) => {
		const [offset, length] = parts[name];
		return image.subarray(start + offset, start + offset + length);
	};
	// A copy: the image's own buffer need not be aligned for an Int32Array.
	const array = (name: (typeof ARRAYS)[number]) => new Int32Array(bytes(name).slice().buffer);
	const text = (name: (typeof TEXTS)[number]) => decode(bytes(name));
	const paradigmsText = text('paradigmsText');
	const contractionsText = text('contractionsText');
	return {
		lemmaEndings: paradigmsText.split('\n'),
		suffixText: text('suffixText'),
		suffixStart: array('suffixStart'),
		suffixLength: array('suffixLength'),
		suffixEnd: array('suffixEnd'),
		longestSuffix,
		suffixBuckets: array('suffixBuckets'),
		suffixNext: array('suffixNext'),
		lemmaText: text('lemmaText'),
		lineStart: array('lineStart'),
		lemmaLength: array('lemmaLength'),
		paradigmOf: array('paradigmOf'),
		stemLength: array('stemLength'),
		stemBuckets: array('stemBuckets'),
		stemNext: array('stemNext'),
		contractions: parseContractions(contractionsText),
		paradigmsText,
		contractionsText
	};
}

const isLittleEndian = () => new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

function utf16le(text: string): Uint8Array {
	const units = new Uint16Array(text.length);
	for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
	const bytes = new Uint8Array(units.buffer);
	// Uint16Array is in this machine's order; the image's texts are little-endian.
	if (!isLittleEndian())
		for (let i = 0; i < bytes.length; i += 2) bytes.copyWithin(i, i + 1, i + 2);
	return bytes;
}
