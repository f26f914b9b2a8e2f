// Where a full stop does not end a sentence in English or Spanish: titles, common
// abbreviations, initials and dotted acronyms. Intl.Segmenter breaks after all of them when
// a capital follows ("Sr. García", "EE. UU. dijo"), so the segmenter asks here before keeping a break.

/** Abbreviations (lower case, without their final dot) that practically never end a sentence. */
const NEVER_FINAL = new Set([
	// titles and forms of address
	'sr',
	'sra',
	'srta',
	'sres',
	'srs',
	'dr',
	'dra',
	'drs',
	'mr',
	'mrs',
	'ms',
	'prof',
	'profa',
	'st',
	'sto',
	'sta',
	'gen',
	'gral',
	'lic',
	'ing',
	'arq',
	'col',
	'cnel',
	'sgto',
	'tte',
	'mons',
	'rev',
	'hon',
	'pres',
	'gob',
	'fr',
	'jr',
	'sen',
	'rep',
	'gov',
	'lt',
	'sgt',
	'capt',
	'cmdr',
	'ud',
	'uds',
	'vd',
	'vds',
	'dña',
	'dn',
	// references and measures followed by what they qualify
	'no',
	'núm',
	'nro',
	'nos',
	'art',
	'arts',
	'pág',
	'págs',
	'pp',
	'vol',
	'vols',
	'fig',
	'figs',
	'cap',
	'cf',
	'ej',
	'aprox',
	'approx',
	'av',
	'avda',
	'dept',
	'depto',
	'tel',
	'vs',
	'ca',
	'cía'
]);

/** Words that open a sentence often enough that an acronym's dot before them is a full stop. */
const SENTENCE_OPENERS = new Set(
	(
		'the this that these those it its he she they we i you but and in on at for a an as if when ' +
		'there his her our their after before while however meanwhile yesterday today then so ' +
		'el la los las lo un una en es pero y por para con este esta estos estas ese esa se su sus ' +
		'no ya así también al del de que según mientras cuando si hoy ayer ahora luego'
	).split(' ')
);

/**
 * Does the segment ending in `token` (its last white-space-delimited word, final dot included)
 * continue into the next segment, whose first word is `nextWord`?
 */
export function continuesAfterAbbreviation(token: string, nextWord: string): boolean {
	if (!token.endsWith('.')) return false;
	const core = token.slice(0, -1).replace(/^[("'“‘«¿¡[]+/u, '');
	if (core === '') return false;
	const lower = core.toLowerCase();
	if (NEVER_FINAL.has(lower)) {
		// "no." and "nos." are also plain words; as abbreviations a number follows them.
		if (lower === 'no' || lower === 'nos') return /^\p{N}/u.test(nextWord);
		return true;
	}
	// "p. ej.": the "p." half.
	if (lower === 'p' && /^ej\./i.test(nextWord)) return true;
	// An initial: "J. R. R. Tolkien", "Pedro P. Castillo". "I." is a pronoun or a numeral.
	if (/^\p{Lu}$/u.test(core) && core !== 'I') return !isOpener(nextWord);
	// Doubled-letter plurals (EE. UU., FF. AA.) and dotted acronyms (U.S., a.m., e.g.):
	// inside a sentence unless a typical sentence opener follows.
	if (/^(\p{Lu})\1$/u.test(core) || /^(?:\p{L}{1,2}\.)+\p{L}{1,2}$/u.test(core)) {
		if (/^(\p{Lu})\1\./u.test(nextWord)) return true;
		return !isOpener(nextWord);
	}
	return false;
}

function isOpener(word: string): boolean {
	const w = word
		.replace(/^[("'“‘«¿¡[]+/u, '')
		.replace(/[^\p{L}]+$/u, '')
		.toLowerCase();
	return SENTENCE_OPENERS.has(w);
}

/** Is `token` (without a final dot) an abbreviation, so a dot glued to the next word is not a sentence end? */
export function isKnownAbbreviation(core: string): boolean {
	return NEVER_FINAL.has(core.toLowerCase());
}
