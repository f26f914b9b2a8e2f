// The vecalign / bertalign bead format: one bead a line, `[0]:[0]`, `[1,2]:[1]`, `[3]:[]`,
// with an optional third field; Puente writes the confidence there.
import { fail, ok, type Result } from '../errors';
import type { Bead } from '../types';

export function writeBeads(beads: readonly Bead[], options: { confidence?: boolean } = {}): string {
	const withConfidence = options.confidence ?? true;
	return beads
		.map(
			(b) =>
				`[${b.en.join(',')}]:[${b.es.join(',')}]${withConfidence ? `:${b.confidence.toFixed(3)}` : ''}\n`
		)
		.join('');
}

const LINE = /^\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\](?:\s*:\s*(\S+))?$/;

/** Parses beads; a missing third field gives confidence 1 (a gold file), a cost-like one is kept if in 0..1. */
export function parseBeads(text: string): Result<Bead[]> {
	const beads: Bead[] = [];
	const lines = text.split(/\r?\n/);
	for (let k = 0; k < lines.length; k++) {
		const line = lines[k].trim();
		if (!line) continue;
		const match = LINE.exec(line);
		if (!match)
			return fail('format-invalid', {
				format: 'beads',
				detail: `line ${k + 1}: "${line.slice(0, 40)}"`
			});
		const indices = (s: string) => (s.trim() ? s.split(',').map((x) => Number(x.trim())) : []);
		const en = indices(match[1]);
		const es = indices(match[2]);
		if ([...en, ...es].some((x) => !Number.isInteger(x)))
			return fail('format-invalid', {
				format: 'beads',
				detail: `line ${k + 1}: not a list of line numbers`
			});
		const third = match[3] === undefined ? 1 : Number(match[3]);
		const confidence = Number.isFinite(third) && third >= 0 && third <= 1 ? third : 1;
		beads.push({ en, es, confidence });
	}
	return ok(beads);
}
