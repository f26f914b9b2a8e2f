// A bilingual word list turned into lookups that survive inflection: "hablaron" finds the
// entry for "hablar", "carried" the one for "carry". Each entry line is one concept; words
// of both languages that share a line translate each other.
import { foldForSearch } from '../text/fold';

/** Spanish endings (verbal and nominal) tried after a dictionary stem; enclitics may follow. */
const ES_ENDINGS = new Set(
	(
		' o a os as e es s n mos is an en on ' +
		'ar er ir ado ada ados adas ido ida idos idas ando iendo yendo ' +
		'aba abas abamos aban ia ias iamos ian io o aste iste amos imos asteis isteis aron ieron ' +
		'are ere ire ara aras aramos aran iera ieras ieramos ieran iese iesen ase asen ' +
		'ara aran era eran ira iran are aremos eremos iremos ere ire ' +
		'aria arian eria erian iria irian e es emos en a as amos an ' +
		'ad ed id aos eos ios o'
	)
		.split(' ')
		.concat([''])
);
const ES_CLITICS = [
	'',
	'le',
	'les',
	'lo',
	'los',
	'la',
	'las',
	'se',
	'me',
	'te',
	'nos',
	'selo',
	'sela',
	'melo',
	'noslo'
];

const EN_ENDINGS = new Set([
	'',
	's',
	'es',
	'ed',
	'd',
	'ing',
	'er',
	'ers',
	'est',
	'ly',
	'ies',
	'ied',
	'ier',
	'iest',
	'ily',
	'th',
	'eth',
	'est'
]);

export interface Lexicon {
	/** Concept ids (entry lines) for a folded word of the given side; empty when unknown. */
	lookup(side: 'a' | 'b', word: string): readonly number[];
	size: number;
}

const NONE: readonly number[] = [];

/**
 * Parses lines of `english spanish1 spanish2 …` (folded or not; `#` starts a comment).
 * Underscores join multi-word entries, which are ignored here: units are matched word by word.
 */
export function parseLexicon(
	text: string,
	languages: { a: 'en' | 'other'; b: 'es' | 'other' } = { a: 'en', b: 'es' }
): Lexicon {
	const exact = { a: new Map<string, number[]>(), b: new Map<string, number[]>() };
	const stems = { a: new Map<string, number[]>(), b: new Map<string, number[]>() };
	const add = (map: Map<string, number[]>, key: string, id: number) => {
		const list = map.get(key);
		if (!list) map.set(key, [id]);
		else if (!list.includes(id)) list.push(id);
	};
	let id = 0;
	for (const rawLine of text.split('\n')) {
		const line = rawLine.replace(/#.*/, '').trim();
		if (!line) continue;
		const [head, ...rest] = line.split(/\s+/);
		if (rest.length === 0) continue;
		for (const w of head.split(',')) addWord('a', fold(w), id);
		for (const w of rest) addWord('b', fold(w), id);
		id++;
	}
	function addWord(side: 'a' | 'b', word: string, entry: number) {
		if (word.includes('_')) return;
		add(exact[side], word, entry);
		const isEnglish = side === 'a' && languages.a === 'en';
		const isSpanish = side === 'b' && languages.b === 'es';
		if (isSpanish) {
			if (/(ar|er|ir)$/.test(word) && word.length >= 4) add(stems.b, word.slice(0, -2), entry);
			else if (/[aeo]$/.test(word) && word.length >= 4) add(stems.b, word.slice(0, -1), entry);
			add(stems.b, word, entry);
		} else if (isEnglish) {
			add(stems.a, word, entry);
			if (/[ey]$/.test(word) && word.length >= 4) add(stems.a, word.slice(0, -1), entry);
		}
	}
	const cache = {
		a: new Map<string, readonly number[]>(),
		b: new Map<string, readonly number[]>()
	};
	function lookup(side: 'a' | 'b', word: string): readonly number[] {
		const hit = exact[side].get(word);
		if (hit) return hit;
		const cached = cache[side].get(word);
		if (cached) return cached;
		const found = inflected(side, word);
		cache[side].set(word, found);
		return found;
	}
	function inflected(side: 'a' | 'b', word: string): readonly number[] {
		const stemMap = stems[side];
		if (stemMap.size === 0) return NONE;
		const spanish = side === 'b';
		for (let k = word.length; k >= 3; k--) {
			const list = stemMap.get(word.slice(0, k));
			if (!list) continue;
			const tail = word.slice(k);
			if (spanish ? spanishTail(tail) : EN_ENDINGS.has(tail)) return list;
		}
		return NONE;
	}
	return { lookup, size: id };
}

function spanishTail(tail: string): boolean {
	for (const clitic of ES_CLITICS) {
		if (!tail.endsWith(clitic)) continue;
		if (ES_ENDINGS.has(tail.slice(0, tail.length - clitic.length))) return true;
	}
	return false;
}

const fold = foldForSearch;
