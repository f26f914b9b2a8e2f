// The glossary: entry types, the matcher that finds terms in text, and the validator.
export { GLOSSARY_TYPES, type GlossaryEntry, type GlossaryMatch, type GlossaryType } from './types';
export {
	createGlossaryMatcher,
	entryForms,
	glossarySurfaceForms,
	type GlossaryMatcher
} from './match';
export {
	checkGlossaryEntry,
	findFormConflicts,
	isGlossaryType,
	validateGlossary,
	validateGlossaryEntry,
	type EntryCheck,
	type FormConflict
} from './schema';
