// Tokens for word alignment, with UTF-16 offsets into the sentence so a reader can light them.
// Unlike the detector's tokens (src/lib/core/text/tokens.ts) punctuation is kept: aligners and
// their gold standards count it, and a quote or a parenthesis has a counterpart too.

export type WordTokenKind = 'word' | 'number' | 'punct';

export interface WordToken {
	start: number;
	end: number;
	text: string;
	kind: WordTokenKind;
}

// A word: letters and marks, joined by inner apostrophes; abbreviations with inner dots
// (EE.UU., e.g., U.S.) are one token with their final dot. Numbers keep their inner separators
// ("3,000", "50.13", "10:54", "1/2/2023"). What documentation writes for the machine stays whole:
// paths ("/etc/apt"), file and host names ("sources.list", "debian.org"), options ("-l",
// "--help") and identifiers ("pam_unix", "bzip2"). Anything else that is not space is one punctuation character, except runs of the
// same character ("...", "--").
const NUMBER = String.raw`\p{N}+(?:[.,:/]\p{N}+)*`;
const PATH_PART = String.raw`[\p{L}\p{N}_.+~-]*[\p{L}\p{N}_+~-]`;
// A path needs two parts ("etc/apt", "/etc/apt"): a lone "/La" is prose, a slash before a word.
const PATH = String.raw`(?:${PATH_PART}(?:\/${PATH_PART})+|(?:\/${PATH_PART}){2,})\/?`;
const FILE_NAME = String.raw`\p{Ll}[\p{L}\p{N}_-]*(?:\.[\p{Ll}\p{N}][\p{L}\p{N}_-]+)+`;
const OPTION = String.raw`(?<![\p{L}\p{N}])--?\p{L}[\p{L}\p{N}-]*`;
// Names of programs and things in code: "pam_unix", "bzip2", "x86_64", "ext4".
const IDENTIFIER = String.raw`\p{L}[\p{L}\p{N}]*(?:_[\p{L}\p{N}]+)+|\p{L}+\p{N}[\p{L}\p{N}]*(?:\.\p{N}+)*`;
const WORD = String.raw`[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)*(?:(?:\.\p{L}+)+\.(?!\p{L}))?`;
const TOKEN = new RegExp(
	`(${NUMBER})|(${PATH}|${FILE_NAME}|${OPTION}|${IDENTIFIER})|(${WORD})|(\\S)\\4*`,
	'gu'
);

// English clitics split off the way Penn-style tokenisers do ("Peru’s" → "Peru" "’s",
// "don't" → "do" "n't"), so that the possessive can link to "de" and "n't" to "no".
const ENGLISH_CLITIC = /(?:['’](?:s|re|ve|ll|d|m)|n['’]t)$/i;

/** Tokens of a sentence as written: words, numbers and punctuation, each with its offsets. */
export function tokenizeSentence(text: string, lang: 'en' | 'es'): WordToken[] {
	const tokens: WordToken[] = [];
	TOKEN.lastIndex = 0;
	for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
		const start = m.index;
		const end = start + m[0].length;
		if (m[1]) tokens.push({ start, end, text: m[0], kind: 'number' });
		else if (m[2]) tokens.push({ start, end, text: m[0], kind: 'word' });
		else if (m[3]) {
			const clitic = lang === 'en' ? ENGLISH_CLITIC.exec(m[0]) : null;
			if (clitic && clitic.index > 0) {
				const cut = start + clitic.index;
				tokens.push({ start, end: cut, text: text.slice(start, cut), kind: 'word' });
				tokens.push({ start: cut, end, text: text.slice(cut, end), kind: 'word' });
			} else tokens.push({ start, end, text: m[0], kind: 'word' });
		} else tokens.push({ start, end, text: m[0], kind: 'punct' });
	}
	return tokens;
}

// Tokenisers of the Moses family escape these; the token is still a quote or a bracket.
const ESCAPED_PUNCTUATION = /^&(?:quot|apos|amp|lt|gt|#\d+|#x[0-9a-f]+);$/i;

/** What kind of thing a token of pre-tokenised text is. */
export function tokenKind(token: string): WordTokenKind {
	if (ESCAPED_PUNCTUATION.test(token)) return 'punct';
	if (/^\p{N}+(?:[.,:/]\p{N}+)*%?$/u.test(token)) return 'number';
	if (/[\p{L}\p{N}]/u.test(token)) return 'word';
	return 'punct';
}

/**
 * Tokens of a pre-tokenised line (tokens separated by spaces, as aligners take them):
 * the tokens are the user's, offsets count from the line's start.
 */
export function tokensOfLine(line: string): WordToken[] {
	// Spaces or tabs, one or several, as aligners that split on white space read them; a
	// no-break space stays inside its token.
	return [...line.matchAll(/[^ \t]+/g)].map((m) => ({
		start: m.index,
		end: m.index + m[0].length,
		text: m[0],
		kind: tokenKind(m[0])
	}));
}
