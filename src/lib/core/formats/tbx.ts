// The glossary as TBX-Basic (ISO 30042:2019, the dialect terminology tools exchange): one
// conceptEntry per entry, an English and a Spanish langSec. Reads TBX v3 and the older
// martif/termEntry/langSet/tig layout that many tools still write.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { fail, ok, type Result } from '../errors';
import { checkGlossaryEntry, isGlossaryType } from '../glossary/schema';
import { GLOSSARY_TYPES, type GlossaryEntry } from '../glossary/types';

type Lang = 'en' | 'es';

/** XML 1.0 cannot carry these even as references; the validator keeps them out of entries anyway. */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function escapeXml(text: string): string {
	return text
		.replace(NOT_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

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

/*
 * Variants carry their position in the entry as the termSec id ("cgtp.3"), so a Puente export
 * reads back with variants in their original order even though they sit in two langSecs.
 * Entry ids cannot contain ".", so these ids never collide with conceptEntry ids.
 */
function termSec(
	entryId: string,
	term: string,
	preferred: boolean,
	position?: number,
	context = ''
): string {
	const id = position === undefined ? '' : ` id="${escapeXml(`${entryId}.${position}`)}"`;
	const status = preferred ? 'preferredTerm-admn-sts' : 'admittedTerm-admn-sts';
	const termType = isAbbreviation(term)
		? `\n\t\t\t\t\t\t<termNote type="termType">acronym</termNote>`
		: '';
	return (
		`\t\t\t\t\t<termSec${id}>\n\t\t\t\t\t\t<term>${escapeXml(term)}</term>\n` +
		`\t\t\t\t\t\t<termNote type="administrativeStatus">${status}</termNote>${termType}${context}\n\t\t\t\t\t</termSec>\n`
	);
}

export function exportTbx(entries: readonly GlossaryEntry[]): string {
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
				.map(([v, i]) => termSec(entry.id, v, false, i));
			return (
				`\t\t\t\t<langSec xml:lang="${lang}">\n` +
				`\t\t\t\t\t<descrip type="definition">${escapeXml(entry.explanation[lang])}</descrip>\n` +
				termSec(entry.id, entry[lang], true, undefined, context) +
				variants.join('') +
				`\t\t\t\t</langSec>\n`
			);
		};
		return (
			`\t\t\t<conceptEntry id="${escapeXml(entry.id)}">\n` +
			`\t\t\t\t<descrip type="subjectField">${escapeXml(entry.type)}</descrip>\n` +
			langSec('en') +
			langSec('es') +
			`\t\t\t</conceptEntry>\n`
		);
	});
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n` +
		`\t<tbxHeader>\n\t\t<fileDesc>\n\t\t\t<sourceDesc>\n\t\t\t\t<p>Puente glossary</p>\n\t\t\t</sourceDesc>\n\t\t</fileDesc>\n\t</tbxHeader>\n` +
		`\t<text>\n\t\t<body>\n${concepts.join('')}\t\t</body>\n\t</text>\n</tbx>\n`
	);
}

// ---- reading ----

type Node = Record<string, unknown>;
const invalid = (detail: string) =>
	fail<GlossaryEntry[]>('format-invalid', { format: 'TBX', detail });

const REPEATED = new Set([
	'conceptEntry',
	'termEntry',
	'langSec',
	'langSet',
	'termSec',
	'tig',
	'descrip',
	'descripGrp',
	'termNote',
	'admin'
]);

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	textNodeName: '#text',
	parseTagValue: false,
	parseAttributeValue: false,
	trimValues: true,
	removeNSPrefix: false,
	// Numeric character references (&#233;) are common in files from other tools.
	htmlEntities: true,
	isArray: (name) => REPEATED.has(name)
});

const list = (value: unknown): Node[] =>
	(Array.isArray(value) ? value : value === undefined ? [] : [value]) as Node[];

/** Text of an element that fast-xml-parser gave as a string or as { '#text', attributes }. */
function textOf(value: unknown): string | undefined {
	if (typeof value === 'string') return value;
	if (typeof value === 'object' && value !== null) {
		const node = value as Node;
		const inner = Object.keys(node).filter((k) => !k.startsWith('@') && k !== '#text');
		if (inner.length === 0) return typeof node['#text'] === 'string' ? node['#text'] : '';
	}
	return undefined;
}

const typed = (nodes: Node[], type: string) => nodes.find((n) => n['@type'] === type);

interface ReadTerm {
	term: string;
	preferred: boolean;
	position?: number;
}

function readEntry(concept: Node, index: number): { value: unknown } | { problem: string } {
	const id = typeof concept['@id'] === 'string' ? concept['@id'] : undefined;
	const name = id ? `entry “${id}”` : `entry ${index + 1}`;
	if (!id) return { problem: `${name} has no id` };

	const subject = typed(list(concept.descrip), 'subjectField');
	const type = subject === undefined ? 'concept' : textOf(subject);
	if (!isGlossaryType(type))
		return {
			problem: `${name}: unknown type “${type ?? ''}” (expected one of ${GLOSSARY_TYPES.join(', ')})`
		};

	const terms: Record<Lang, ReadTerm[]> = { en: [], es: [] };
	const definitions: Partial<Record<Lang, string>> = {};
	let firstOccurrence: { document: string; quote: string } | undefined;
	for (const langSec of [...list(concept.langSec), ...list(concept.langSet)]) {
		const code = String(langSec['@xml:lang'] ?? '').toLowerCase();
		const lang =
			code === 'en' || code.startsWith('en-')
				? 'en'
				: code === 'es' || code.startsWith('es-')
					? 'es'
					: undefined;
		if (!lang) continue; // other languages are welcome in the file, just not in our glossary
		const definition = typed(list(langSec.descrip), 'definition');
		if (definition !== undefined) definitions[lang] = textOf(definition);
		for (const sec of [...list(langSec.termSec), ...list(langSec.tig)]) {
			const term = textOf(sec.term);
			if (term === undefined)
				return { problem: `${name}: a ${lang} term has markup inside it or is missing` };
			const status = textOf(typed(list(sec.termNote), 'administrativeStatus'));
			const secId = typeof sec['@id'] === 'string' ? sec['@id'] : '';
			const position =
				secId.startsWith(`${id}.`) && /^\d+$/.test(secId.slice(id.length + 1))
					? Number(secId.slice(id.length + 1))
					: undefined;
			terms[lang].push({ term, preferred: status === 'preferredTerm-admn-sts', position });
			const group = list(sec.descripGrp).find((g) => typed(list(g.descrip), 'context'));
			if (group && !firstOccurrence)
				firstOccurrence = {
					quote: textOf(typed(list(group.descrip), 'context')) ?? '',
					document: textOf(typed(list(group.admin), 'source')) ?? ''
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
	return {
		value: {
			id,
			type,
			es: canonical.es!.term,
			en: canonical.en!.term,
			variants,
			explanation: { en: definitions.en, es: definitions.es },
			firstOccurrence
		}
	};
}

export function parseTbx(text: string): Result<GlossaryEntry[]> {
	const input = text.replace(/^\ufeff/, '');
	if (!input.trim()) return invalid('the file is empty');
	// Entity declarations can expand without bound; a glossary never needs them.
	if (/<!ENTITY/i.test(input)) return invalid('entity declarations are not supported');
	const valid = XMLValidator.validate(input);
	if (valid !== true) return invalid(`line ${valid.err.line}: ${valid.err.msg}`);

	let doc: Node;
	try {
		doc = parser.parse(input) as Node;
	} catch (e) {
		return invalid(e instanceof Error ? e.message : 'the XML could not be read');
	}
	const root = (doc.tbx ?? doc.martif) as Node | undefined;
	if (!root || typeof root !== 'object')
		return invalid('this is not a TBX file (no <tbx> or <martif> root element)');
	const body = (root.text as Node | undefined)?.body as Node | undefined;
	const concepts =
		body && typeof body === 'object' ? [...list(body.conceptEntry), ...list(body.termEntry)] : [];

	const entries: GlossaryEntry[] = [];
	const seen = new Set<string>();
	for (const [i, concept] of concepts.entries()) {
		const read = readEntry(concept, i);
		if ('problem' in read) return invalid(read.problem);
		const check = checkGlossaryEntry(read.value);
		if (!('entry' in check)) return invalid(check.problem);
		if (seen.has(check.entry.id)) return invalid(`duplicate id “${check.entry.id}”`);
		seen.add(check.entry.id);
		entries.push(check.entry);
	}
	return ok(entries);
}
