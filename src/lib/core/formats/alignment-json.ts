// An alignment as JSON: the beads with confidences and the texts of both sides, so a
// reader of the file needs nothing else. Versioned for later changes.
import { fail, ok, type Result } from '../errors';
import type { Bead } from '../types';

export interface AlignmentJsonBead extends Bead {
	enText: string;
	esText: string;
}

export interface AlignmentJson {
	format: 'puente-alignment';
	version: 1;
	languages: { en: string; es: string };
	beads: AlignmentJsonBead[];
}

export function toAlignmentJson(
	beads: readonly Bead[],
	en: readonly string[],
	es: readonly string[],
	languages = { en: 'en', es: 'es' }
): AlignmentJson {
	const text = (units: readonly string[], indices: number[]) =>
		indices.map((i) => units[i].trim()).join(' ');
	return {
		format: 'puente-alignment',
		version: 1,
		languages,
		beads: beads.map((b) => ({
			en: b.en,
			es: b.es,
			confidence: b.confidence,
			...(b.reviewed ? { reviewed: true } : {}),
			enText: text(en, b.en),
			esText: text(es, b.es)
		}))
	};
}

export function writeAlignmentJson(
	beads: readonly Bead[],
	en: readonly string[],
	es: readonly string[],
	languages?: { en: string; es: string }
): string {
	return `${JSON.stringify(toAlignmentJson(beads, en, es, languages), null, 2)}\n`;
}

export function parseAlignmentJson(text: string): Result<AlignmentJson> {
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch (error) {
		return fail('format-invalid', {
			format: 'JSON',
			detail: error instanceof Error ? error.message : 'unreadable'
		});
	}
	const doc = value as Partial<AlignmentJson>;
	if (!doc || doc.format !== 'puente-alignment' || !Array.isArray(doc.beads))
		return fail('format-invalid', { format: 'JSON', detail: 'not a Puente alignment' });
	for (const [k, b] of doc.beads.entries()) {
		const indices = (x: unknown) =>
			Array.isArray(x) && x.every((i) => Number.isInteger(i) && i >= 0);
		if (!indices(b.en) || !indices(b.es) || typeof b.confidence !== 'number')
			return fail('format-invalid', { format: 'JSON', detail: `bead ${k + 1} is malformed` });
	}
	return ok(doc as AlignmentJson);
}
