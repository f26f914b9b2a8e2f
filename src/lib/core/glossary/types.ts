// The glossary's data types, shared by the matcher, the validator, the importers and the UI.
// Offsets are UTF-16 indices into the original text, `end` exclusive (as in core/types.ts).

export const GLOSSARY_TYPES = [
	'event',
	'organisation',
	'party',
	'place',
	'people',
	'person',
	'concept',
	'institution'
] as const;

export type GlossaryType = (typeof GLOSSARY_TYPES)[number];

export interface GlossaryEntry {
	/** Kebab-case, starting with a letter: also an XML id in TBX exports. */
	id: string;
	type: GlossaryType;
	/** Canonical Spanish form. */
	es: string;
	/** Canonical English form. */
	en: string;
	/** Other forms and abbreviations, in either language. */
	variants: string[];
	explanation: { en: string; es: string };
	/** Where the bundled corpus first uses the term; absent for entries people add. */
	firstOccurrence?: { document: string; quote: string };
}

export interface GlossaryMatch {
	start: number;
	end: number;
	entryId: string;
	/** The glossary form that matched, as written in the entry (the text itself is `text.slice(start, end)`). */
	form: string;
}
