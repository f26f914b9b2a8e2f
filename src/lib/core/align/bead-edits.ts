// Corrections a person makes to an alignment: merge two pairs, split one, move a sentence to the
// neighbouring pair (relink), or confirm a pair. Every edit keeps the alignment whole: each
// sentence in exactly one bead, in order; a pair a person touched gets confidence 1.
import { fail, ok, type Result } from '../errors';
import type { Bead } from '../types';

export type BeadEdit =
	| { kind: 'merge'; bead: number }
	| { kind: 'split'; bead: number; en: number; es: number }
	| { kind: 'move'; bead: number; side: 'en' | 'es'; direction: 'up' | 'down' }
	| { kind: 'review'; bead: number };

const confirmed = (en: number[], es: number[]): Bead => ({ en, es, confidence: 1, reviewed: true });

function invalid(detail: string): Result<Bead[]> {
	return fail('invalid-input', { detail });
}

export function applyBeadEdit(beads: readonly Bead[], edit: BeadEdit): Result<Bead[]> {
	const i = edit.bead;
	if (!Number.isInteger(i) || i < 0 || i >= beads.length) return invalid(`no pair ${i + 1}`);
	const bead = beads[i];
	const next = [...beads];
	switch (edit.kind) {
		case 'review':
			next[i] = { ...bead, confidence: 1, reviewed: true };
			return ok(next);
		case 'merge': {
			if (i + 1 >= beads.length) return invalid('the last pair has nothing to merge with');
			const after = beads[i + 1];
			next.splice(i, 2, confirmed([...bead.en, ...after.en], [...bead.es, ...after.es]));
			return ok(next);
		}
		case 'split': {
			const { en, es } = edit;
			if (en < 0 || en > bead.en.length || es < 0 || es > bead.es.length)
				return invalid('split point outside the pair');
			const first = confirmed(bead.en.slice(0, en), bead.es.slice(0, es));
			const second = confirmed(bead.en.slice(en), bead.es.slice(es));
			const parts = [first, second].filter((b) => b.en.length + b.es.length > 0);
			if (parts.length < 2) return invalid('a split must leave sentences on both sides of the cut');
			next.splice(i, 1, ...parts);
			return ok(next);
		}
		case 'move': {
			const { side, direction } = edit;
			const j = direction === 'up' ? i - 1 : i + 1;
			if (j < 0 || j >= beads.length) return invalid('no neighbouring pair in that direction');
			if (bead[side].length === 0) return invalid('no sentence to move');
			const moving = direction === 'up' ? bead[side][0] : bead[side][bead[side].length - 1];
			const source = {
				...bead,
				[side]: direction === 'up' ? bead[side].slice(1) : bead[side].slice(0, -1)
			};
			const target = beads[j];
			const moved = {
				...target,
				[side]: direction === 'up' ? [...target[side], moving] : [moving, ...target[side]]
			};
			next[i] = confirmed(source.en, source.es);
			next[j] = confirmed(moved.en, moved.es);
			return ok(next.filter((b) => b.en.length + b.es.length > 0));
		}
	}
}

/** Checks the alignment covers 0..enCount-1 and 0..esCount-1 exactly once, in order. */
export function coversInOrder(beads: readonly Bead[], enCount: number, esCount: number): boolean {
	const en = beads.flatMap((b) => b.en);
	const es = beads.flatMap((b) => b.es);
	return (
		en.length === enCount &&
		es.length === esCount &&
		en.every((v, k) => v === k) &&
		es.every((v, k) => v === k) &&
		beads.every((b) => b.en.length + b.es.length > 0)
	);
}
