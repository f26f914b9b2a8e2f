// How much one word says about English versus Spanish: a log-likelihood ratio, positive for
// English. Function words carry most of it (written from general knowledge of both
// languages, ranked by how common they are); other words vote through the dictionaries that
// know them (Debian's wamerican and wspanish, words.ts), and unknown words through their spelling.
import { dictionaryLanguage } from './words';

/** Log-ratio for words of the other language's lists: how much more likely in one language. */
const TIERS: Array<[number, string]> = [
	// English, most frequent first
	[
		3,
		'the of and to is that it was for with his on be at by this had not are but from or have an they which you were her she there would their we him been has when who will if what its about into than them can could these may then do any my our such those should because does did your'
	],
	[
		2.3,
		'more out so said up some only other new first now like over even most made after also before must through back where much way well down each just how too very make get here between both being under never same another know while last might us off since against go came right used take three let whom whose yet nor upon shall therefore every people why many own see things thing who’s it’s don’t can’t won’t isn’t doesn’t didn’t i’m'
	],
	// Spanish, most frequent first (negative: the sign is applied below)
	[
		-3,
		'de la que el en los del se las por un para con una su al lo como más pero sus le ya o fue este ha sí porque esta entre cuando muy sin sobre también me hasta hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho quienes nada muchos cual poco ella estar estas algunas algo nosotros mi mis tú te ti tu tus ellas nosotras vosotros os mío mía míos mías tuyo tuya suyo suya nuestro nuestra nuestros nuestras vuestro esos esas estoy estás está estamos están esté estaba estaban fue fueron era eran será serán sería soy eres somos sois han hemos había habían hay haya tiene tienen tenía hace hacen hizo puede pueden podía dijo dice según así aquí allí ahora entonces luego después siempre nunca también tampoco aunque mientras sino pues cómo dónde cuándo quién cuál cuáles y del á ó tambien'
	],
	[
		-2.3,
		'año años día días vez veces parte manera lugar gran grande mejor menos primer primero primera cada bien mismo misma otro todas toda cosa cosas hacer tener decir ver dar ir va van vamos ser sido estado sea sean fuera hubo hay haber sobre bajo tras hacia mediante si aquel aquella aquellos cuyo cuya debe deben tienen hecho dentro fuera'
	]
];

/** Words both languages use, with the ratio of their frequencies (positive: more English). */
const SHARED: Record<string, number> = {
	a: 0,
	no: -1,
	me: -0.6,
	he: 1.2,
	son: -0.8,
	sin: -0.5,
	once: 0,
	come: 0.8,
	era: -1,
	sea: -0.6,
	red: 0,
	real: 0,
	general: 0,
	final: 0,
	total: 0,
	social: 0,
	idea: 0,
	plan: 0,
	radio: 0,
	hotel: 0,
	animal: 0,
	local: 0,
	capital: 0,
	central: 0,
	natural: 0,
	legal: 0,
	normal: 0,
	mayor: 0,
	actual: 0,
	global: 0,
	image: 0.5,
	color: 0,
	error: 0,
	dice: -1,
	pan: 0,
	fin: -1,
	sale: 0,
	mar: -0.5,
	solo: -1.2,
	has: 1.2,
	i: 2,
	as: 2.3,
	in: 3,
	on: 3,
	am: 1,
	e: -1,
	us: 2
};

const WORD_WEIGHTS = new Map<string, number>();
for (const [weight, words] of TIERS)
	for (const w of words.split(' ')) if (w && !WORD_WEIGHTS.has(w)) WORD_WEIGHTS.set(w, weight);
for (const [w, weight] of Object.entries(SHARED)) WORD_WEIGHTS.set(w, weight);

/** Months and weekdays: a date says nothing about the language around it. */
export const DATE_WORDS = new Set(
	(
		'january february march april june july august september october november december jan feb apr jun jul aug sep sept oct nov dec ' +
		'monday tuesday wednesday thursday friday saturday sunday ' +
		'enero febrero marzo abril mayo junio julio agosto septiembre setiembre octubre noviembre diciembre ene abr ago dic ' +
		'lunes martes miércoles jueves viernes sábado domingo pm hrs'
	).split(' ')
);

/** A word only one language's dictionary knows; short ones are often abbreviations, so they say less. */
const DICTIONARY_WEIGHT = 2;
const SHORT_DICTIONARY_WEIGHT = 1;
/** A word both dictionaries know ("real", "once", "animal") votes with a little of its spelling. */
const BOTH_SPELLING_SHARE = 0.3;

/** Evidence of a lower-cased word: a listed weight, else its dictionaries, else its spelling. */
export function wordEvidence(lower: string): number {
	let known = WORD_EVIDENCE.get(lower);
	if (known === undefined) {
		known = lower.length === 1 ? 0 : unlistedEvidence(lower);
		// Word frequencies are Zipfian: remembering the answer serves most lookups.
		if (WORD_EVIDENCE.size >= WORD_WEIGHTS.size + 50_000) WORD_EVIDENCE = new Map(WORD_WEIGHTS);
		WORD_EVIDENCE.set(lower, known);
	}
	return known;
}

function unlistedEvidence(lower: string): number {
	if (lower.includes('’') || lower.includes("'")) return apostropheEvidence(lower);
	const weight = lower.length <= 3 ? SHORT_DICTIONARY_WEIGHT : DICTIONARY_WEIGHT;
	switch (dictionaryLanguage(lower)) {
		case 'en':
			return weight;
		case 'es':
			return -weight;
		case 'both':
			return BOTH_SPELLING_SHARE * spellingEvidence(lower);
		default:
			return spellingEvidence(lower);
	}
}

/** Whether a word is a word of either language: listed, in a dictionary, or written with Spanish letters (accents, ñ). */
export function isKnownWord(lower: string): boolean {
	if (WORD_WEIGHTS.has(lower)) return true;
	if (lower.length < 2) return false;
	return dictionaryLanguage(lower) !== null || /[áéíóúüñ]/.test(lower);
}

/** A listed function word ("the", "de", "para", "see"): grammar itself. */
export function isFunctionWord(lower: string): boolean {
	return Math.abs(WORD_WEIGHTS.get(lower) ?? 0) >= 2;
}

/** The listed words plus the words whose spelling was already weighed. */
let WORD_EVIDENCE = new Map(WORD_WEIGHTS);

/** English contractions and possessives; Spanish writes no apostrophes. */
function apostropheEvidence(word: string): number {
	return /['’](?:s|t|ll|re|ve|d|m)$/.test(word) ? 2 : 0.5;
}

// Spelling cues, each a log-ratio; a word sums its cues, clipped so one odd word cannot
// outvote a sentence. Written from what distinguishes the two orthographies.
const SPELLING_CUES: Array<[RegExp, number]> = [
	[/ñ/, -3],
	[/[áéíóú]/, -2.5],
	[/ü/, -1.5],
	[/[cs]ión(?:es)?$/, -2],
	[/mente$/, -1.5],
	[/(?:dad|tad)(?:es)?$/, -1.5],
	[/(?:ado|ada|ido|ida)s?$/, -1.2],
	[/(?:ando|iendo)$/, -1.5],
	[/[aeiou]s$/, -0.3],
	[/[ao]s?$/, -0.9],
	[/ir$/, -0.8],
	[/^es[bcdfgmpqt]/, -0.6],
	[/rr/, -0.5],
	[/ll/, -0.2],
	[/qu[ei]/, -0.4],
	[/z/, -0.3],
	[/th/, 2.5],
	[/w/, 2],
	[/k/, 1.2],
	[/sh/, 1.5],
	[/ck/, 2],
	[/gh/, 2],
	[/ph/, 1.2],
	[/ing$/, 2],
	[/(?:t|s)ion(?:s)?$/, 2],
	[/ly$/, 1.5],
	[/ed$/, 1.2],
	[/ness$/, 2],
	[/ment$/, 1.5],
	[/ful$/, 1.5],
	[/ous$/, 1.5],
	[/(?:ee|oo)/, 1.2],
	[/ou/, 0.8],
	[/ea/, 0.4],
	[/[^aeiou]y$/, 1],
	[/[tkpbgmfwxhcv]$/, 1.2],
	[/(?:ss|tt|pp|ff|dd|mm|bb|gg)/, 1.2],
	[/[^aeiouáéíóú]{4}/, 0.6],
	[/e$/, 0.2]
];

function spellingEvidence(word: string): number {
	let sum = 0;
	for (const [cue, weight] of SPELLING_CUES) if (cue.test(word)) sum += weight;
	return Math.max(-2.5, Math.min(2.5, sum));
}
