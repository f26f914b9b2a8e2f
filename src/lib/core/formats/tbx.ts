// The glossary as TBX-Basic, the dialect terminology tools exchange: one entry per glossary
// entry, an English and a Spanish language section. Written as TBX v2 (ISO 30042:2008, `martif`,
// what OmegaT 3.6 and translate-toolkit read) or v3 (ISO 30042:2019). Read from either, with
// `tig` or `ntig`, a definition wherever TBX-Basic allows one (in the language section, in a
// descripGrp, at entry level, or none) and any id. Puente's entity type has a data category of
// its own (x-entityType); TBX's subjectField is a subject area ("Politics"), not a type.
import { asciiSlug } from '../text/slug';
import { fail, ok, type Result } from '../errors';
import { checkGlossaryEntry, ID_PATTERN, isGlossaryType } from '../glossary/schema';
import { GLOSSARY_TYPES, type GlossaryEntry } from '../glossary/types';
import {
	childrenNamed,
	escapeXml,
	normaliseXmlText,
	parseXml,
	positionOfTag,
	textContent,
	type XmlElement
} from './xml';

type Lang = 'en' | 'es';

const SPANISH_WORDS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'para', 'por', 'en']);
const ENGLISH_WORDS = new Set(['of', 'the', 'and', 'for', 'in']);
const initials = (form: string) =>
	form
		.split(/[\s-]+/)
		.filter((w) => w && !SPANISH_WORDS.has(w.toLowerCase()) && !ENGLISH_WORDS.has(w.toLowerCase()))
		.map((w) => w[0].toUpperCase())
		.join('');

/**
 * Which langSec a variant belongs in. Our entries do not record a variant's language, so this
 * guesses from the form: an abbreviation goes with the name it abbreviates ("OEA" with
 * "Organización de los Estados Americanos"), words with Spanish letters or function words go
 * to Spanish, the rest to English.
 */
export function variantLanguage(variant: string, entry: Pick<GlossaryEntry, 'es' | 'en'>): Lang {
	if (/^[\p{Lu}\d]+$/u.test(variant)) {
		if (initials(entry.es) === variant) return 'es';
		return 'en';
	}
	if (/[áéíóúñü¿¡]/i.test(variant)) return 'es';
	const words = variant.toLowerCase().split(/[\s-]+/);
	if (words.some((w) => SPANISH_WORDS.has(w))) return 'es';
	return 'en';
}

const isAbbreviation = (form: string) =>
	/^[\p{Lu}\d]+$/u.test(form) && /\p{Lu}.*\p{Lu}/u.test(form);

/** Puente's entity type, in a data category of its own: TBX's subjectField is the subject area ("Politics"). */
export const ENTITY_TYPE_CATEGORY = 'x-entityType';

/** TBX-Basic v2 (ISO 30042:2008, `martif`): what OmegaT and translate-toolkit read. v3 is ISO 30042:2019. */
export type TbxVersion = 2 | 3;

/** Element names that differ between the two versions. */
const NAMES: Record<TbxVersion, { entry: string; langSec: string; termSec: string }> = {
	2: { entry: 'termEntry', langSec: 'langSet', termSec: 'tig' },
	3: { entry: 'conceptEntry', langSec: 'langSec', termSec: 'termSec' }
};

/*
 * Variants carry their position in the entry as the termSec (tig) id ("cgtp.3"), so a Puente
 * export reads back with variants in their original order even though they sit in two langSecs.
 * Entry ids cannot contain ".", so these ids never collide with entry ids.
 */
function termSec(
	version: TbxVersion,
	entryId: string,
	term: string,
	preferred: boolean,
	position?: number,
	context = ''
): string {
	const name = NAMES[version].termSec;
	const id = position === undefined ? '' : ` id="${escapeXml(`${entryId}.${position}`)}"`;
	const status = preferred ? 'preferredTerm-admn-sts' : 'admittedTerm-admn-sts';
	const termType = isAbbreviation(term)
		? `\n\t\t\t\t\t\t<termNote type="termType">acronym</termNote>`
		: '';
	return (
		`\t\t\t\t\t<${name}${id}>\n\t\t\t\t\t\t<term>${escapeXml(term)}</term>\n` +
		`\t\t\t\t\t\t<termNote type="administrativeStatus">${status}</termNote>${termType}${context}\n\t\t\t\t\t</${name}>\n`
	);
}

/**
 * The glossary as TBX-Basic v2 (`martif`) or v3 (`tbx`, when no version is given). The downloads
 * and the CLI ask for v2 unless told otherwise, since that is what translators' tools read.
 */
export function exportTbx(
	entries: readonly GlossaryEntry[],
	options: { version?: TbxVersion } = {}
): string {
	const version = options.version ?? 3;
	const names = NAMES[version];
	const concepts = entries.map((entry) => {
		const langSec = (lang: Lang) => {
			const context =
				lang === 'en' && entry.firstOccurrence
					? `\n\t\t\t\t\t\t<descripGrp>\n\t\t\t\t\t\t\t<descrip type="context">${escapeXml(entry.firstOccurrence.quote)}</descrip>\n` +
						`\t\t\t\t\t\t\t<admin type="source">${escapeXml(entry.firstOccurrence.document)}</admin>\n\t\t\t\t\t\t</descripGrp>`
					: '';
			const variants = entry.variants
				.map((v, i) => [v, i] as const)
				.filter(([v]) => variantLanguage(v, entry) === lang)
				.map(([v, i]) => termSec(version, entry.id, v, false, i));
			return (
				`\t\t\t\t<${names.langSec} xml:lang="${lang}">\n` +
				`\t\t\t\t\t<descrip type="definition">${escapeXml(entry.explanation[lang])}</descrip>\n` +
				termSec(version, entry.id, entry[lang], true, undefined, context) +
				variants.join('') +
				`\t\t\t\t</${names.langSec}>\n`
			);
		};
		return (
			`\t\t\t<${names.entry} id="${escapeXml(entry.id)}">\n` +
			`\t\t\t\t<descrip type="${ENTITY_TYPE_CATEGORY}">${escapeXml(entry.type)}</descrip>\n` +
			langSec('en') +
			langSec('es') +
			`\t\t\t</${names.entry}>\n`
		);
	});
	const body = `\t<text>\n\t\t<body>\n${concepts.join('')}\t\t</body>\n\t</text>\n`;
	const sourceDesc = `\t\t<fileDesc>\n\t\t\t<sourceDesc>\n\t\t\t\t<p>Puente glossary</p>\n\t\t\t</sourceDesc>\n\t\t</fileDesc>\n`;
	if (version === 2)
		return (
			`<?xml version="1.0" encoding="UTF-8"?>\n` +
			`<!DOCTYPE martif SYSTEM "TBXBasiccoreStructV02.dtd">\n` +
			`<martif type="TBX-Basic-V1" xml:lang="en">\n` +
			`\t<martifHeader>\n${sourceDesc}` +
			`\t\t<encodingDesc>\n\t\t\t<p type="XCSURI">TBXBasicXCSV02.xcs</p>\n\t\t</encodingDesc>\n\t</martifHeader>\n` +
			`${body}</martif>\n`
		);
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n` +
		`\t<tbxHeader>\n${sourceDesc}\t</tbxHeader>\n` +
		`${body}</tbx>\n`
	);
}

// ---- reading ----

/** `detail` in English for logs; `reason` lets pages and the CLI say it in the reader's language. */
const invalid = (
	detail: string,
	line?: number,
	column?: number,
	reason = 'tbx-entry',
	values: Record<string, string> = { problem: detail }
) =>
	fail<TbxRead>('format-invalid', {
		format: 'TBX',
		reason,
		...values,
		detail: line === undefined ? detail : `line ${line}: ${detail}`,
		...(line === undefined ? {} : { line, column: column ?? 1 })
	});

/** What the reader had to decide for the file, so the caller can say so. */
export interface TbxNotes {
	/** Entries whose id was not a Puente id (kebab-case) or was missing: the id given instead. */
	ids: { from: string; to: string }[];
	/** Entries with a definition in one language only: it explains both. */
	oneDefinition: number;
	/** Entries with no definition: the explanation reads NO_DEFINITION until someone writes one. */
	noDefinition: number;
	/** A language read as Spanish because the file names it only as undetermined ("xx", "und"). */
	undeterminedAsSpanish?: string;
	/** Entries without Puente's type (e.g. files from other tools): read as "concept". */
	typeDefaulted: number;
}

export interface TbxRead {
	entries: GlossaryEntry[];
	notes: TbxNotes;
}

/** What an entry without any definition explains itself with (the store needs some text). */
export const NO_DEFINITION = '—';

const UNDETERMINED = new Set(['xx', 'und', 'zxx', 'mul']);

const langOf = (element: XmlElement): string =>
	(element.attrs['xml:lang'] ?? element.attrs.lang ?? '').trim().toLowerCase().split(/[-_]/)[0];

/** Text of a data category element: markup such as <hi> read through, ends trimmed. */
const valueOf = (element: XmlElement | undefined) =>
	element === undefined ? undefined : textContent(element).trim();

const descrips = (element: XmlElement, type: string): XmlElement[] => [
	...childrenNamed(element, 'descrip').filter((d) => d.attrs.type === type),
	// TBX-Basic lets a definition or a context sit inside a descripGrp, with its source beside it.
	...childrenNamed(element, 'descripGrp').flatMap((g) =>
		childrenNamed(g, 'descrip').filter((d) => d.attrs.type === type)
	)
];

interface ReadTerm {
	term: string;
	preferred: boolean;
	position?: number;
}

/** A Puente id from any id: folded to ASCII kebab-case, starting with a letter. */
function kebabId(text: string): string {
	const slug = asciiSlug(text);
	return slug ? slug.replace(/^(?![a-z])/, 'entry-') : '';
}

type EntryRead = { value: unknown; id: string; rawId: string; definitions: number; typed: boolean };

function readEntry(
	concept: XmlElement,
	index: number,
	rootLang: string,
	spanish: string
): EntryRead | { problem: string } {
	const rawId = (concept.attrs.id ?? '').trim();
	const name = rawId ? `entry “${rawId}”` : `entry ${index + 1}`;

	// Puente's own category first; a subjectField holding one of our types is an older Puente export.
	const own = valueOf(descrips(concept, ENTITY_TYPE_CATEGORY)[0]);
	const subject = valueOf(descrips(concept, 'subjectField')[0]);
	const type = own ?? (isGlossaryType(subject) ? subject : 'concept');
	if (!isGlossaryType(type))
		return {
			problem: `${name}: unknown type “${type ?? ''}” (expected one of ${GLOSSARY_TYPES.join(', ')})`
		};

	const terms: Record<Lang, ReadTerm[]> = { en: [], es: [] };
	const definitions: Partial<Record<Lang, string>> = {};
	// A definition at entry level is in its own xml:lang, or the file's.
	for (const d of descrips(concept, 'definition')) {
		const lang = langOf(d) || rootLang;
		const side = lang === 'en' ? 'en' : lang === spanish ? 'es' : undefined;
		if (side && !definitions[side]) definitions[side] = valueOf(d);
	}
	let firstOccurrence: { document: string; quote: string } | undefined;
	for (const langSec of childrenNamed(concept, 'langSec', 'langSet')) {
		const code = langOf(langSec);
		const lang = code === 'en' ? 'en' : code === spanish ? 'es' : undefined;
		if (!lang) continue; // other languages are welcome in the file, just not in our glossary
		const definition = valueOf(descrips(langSec, 'definition')[0]);
		if (definition) definitions[lang] = definition;
		for (const sec of childrenNamed(langSec, 'termSec', 'tig', 'ntig')) {
			// ntig keeps the term and its termNotes in a termGrp.
			const holder = sec.name.endsWith('ntig') ? (childrenNamed(sec, 'termGrp')[0] ?? sec) : sec;
			const term = valueOf(childrenNamed(holder, 'term')[0]);
			if (!term) return { problem: `${name}: a ${lang} term is missing` };
			const status = valueOf(
				childrenNamed(holder, 'termNote').find((n) => n.attrs.type === 'administrativeStatus')
			);
			const secId = sec.attrs.id ?? '';
			const position =
				secId.startsWith(`${rawId}.`) && /^\d+$/.test(secId.slice(rawId.length + 1))
					? Number(secId.slice(rawId.length + 1))
					: undefined;
			terms[lang].push({ term, preferred: status === 'preferredTerm-admn-sts', position });
			const group = childrenNamed(sec, 'descripGrp').find((g) =>
				childrenNamed(g, 'descrip').some((d) => d.attrs.type === 'context')
			);
			if (group && !firstOccurrence)
				firstOccurrence = {
					quote:
						valueOf(childrenNamed(group, 'descrip').find((d) => d.attrs.type === 'context')) ?? '',
					document:
						valueOf(childrenNamed(group, 'admin').find((a) => a.attrs.type === 'source')) ?? ''
				};
		}
	}

	const canonical: Partial<Record<Lang, ReadTerm>> = {};
	for (const lang of ['en', 'es'] as const) {
		canonical[lang] = terms[lang].find((t) => t.preferred) ?? terms[lang][0];
		if (!canonical[lang])
			return { problem: `${name}: no ${lang === 'en' ? 'English' : 'Spanish'} term` };
	}
	const others = [...terms.en, ...terms.es].filter((t) => t !== canonical.en && t !== canonical.es);
	// Positions written by exportTbx restore the original order; terms without one keep file order after them.
	const variants = others
		.map((t, i) => ({ ...t, order: t.position ?? Number.MAX_SAFE_INTEGER, i }))
		.sort((a, b) => a.order - b.order || a.i - b.i)
		.map((t) => t.term);
	const id =
		ID_PATTERN.test(rawId) && rawId.length <= 80
			? rawId
			: kebabId(rawId) || kebabId(canonical.es!.term) || 'entry';
	const count = [definitions.en, definitions.es].filter(Boolean).length;
	const explanation = {
		en: definitions.en || definitions.es || NO_DEFINITION,
		es: definitions.es || definitions.en || NO_DEFINITION
	};
	return {
		id,
		rawId,
		definitions: count,
		typed: own !== undefined || isGlossaryType(subject),
		value: {
			id,
			type,
			es: canonical.es!.term,
			en: canonical.en!.term,
			variants,
			explanation,
			firstOccurrence
		}
	};
}

/** Reads TBX v2 (martif) or v3 (tbx): entries, and what had to be decided to read them. */
export function readTbx(input: string): Result<TbxRead> {
	const text = normaliseXmlText(input);
	if (!text.trim()) return invalid('the file is empty', undefined, undefined, 'empty', {});
	const parsed = parseXml(text);
	if ('problem' in parsed) {
		const { detail, line, column, reason, values } = parsed.problem;
		return invalid(`${detail} (column ${column})`, line, column, reason, values);
	}
	const root = parsed.root;
	if (root.name !== 'tbx' && root.name !== 'martif')
		return invalid(
			'this is not a TBX file (no <tbx> or <martif> root element)',
			undefined,
			undefined,
			'not-tbx',
			{}
		);
	const body = childrenNamed(childrenNamed(root, 'text')[0] ?? root, 'body')[0];
	const concepts = body ? childrenNamed(body, 'conceptEntry', 'termEntry') : [];
	const rootLang = langOf(root);

	// Spanish is "es"; a file that names its second language only "xx" (csv2tbx) or "und" means it.
	const codes = new Set(
		concepts.flatMap((c) => childrenNamed(c, 'langSec', 'langSet').map(langOf))
	);
	const undetermined = [...codes].filter((c) => UNDETERMINED.has(c));
	const spanish = !codes.has('es') && undetermined.length === 1 ? undetermined[0] : 'es';

	const notes: TbxNotes = { ids: [], oneDefinition: 0, noDefinition: 0, typeDefaulted: 0 };
	if (spanish !== 'es') notes.undeterminedAsSpanish = spanish;
	const entries: GlossaryEntry[] = [];
	const seen = new Set<string>();
	for (const [i, concept] of concepts.entries()) {
		const where = () => positionOfTag(text, concept.name, i);
		const read = readEntry(concept, i, rootLang, spanish);
		if ('problem' in read) return invalid(read.problem, where().line, where().column);
		let id = read.id;
		// An id made from another (or from the term) must not collide with one already read.
		if (id !== read.rawId) for (let n = 2; seen.has(id); n++) id = `${read.id}-${n}`;
		const check = checkGlossaryEntry({ ...(read.value as object), id });
		if (!('entry' in check)) return invalid(check.problem, where().line, where().column);
		if (seen.has(check.entry.id))
			return invalid(`duplicate id “${check.entry.id}”`, where().line, where().column);
		if (id !== read.rawId) notes.ids.push({ from: read.rawId, to: id });
		if (read.definitions === 1) notes.oneDefinition++;
		if (read.definitions === 0) notes.noDefinition++;
		if (!read.typed) notes.typeDefaulted++;
		seen.add(check.entry.id);
		entries.push(check.entry);
	}
	return ok({ entries, notes });
}

/** The entries of a TBX file (see readTbx for what it decides). */
export function parseTbx(text: string): Result<GlossaryEntry[]> {
	const read = readTbx(text);
	return read.ok ? ok(read.value.entries) : read;
}
