// "March", the short text and translation that the reader's and the revisions' server tests edit
// and the word links tests link word by word: four sentences a side, one to one, pasted into a
// test store and analysed before a test reads it.
import type { Db } from '$lib/server/db';
import { addPair, type PairInput } from '$lib/server/contribute';
import { analysisFor } from '$lib/server/analysis';

export const MARCH_EN = [
	'The protesters marched to the square in the morning.',
	'The mayor closed the old bridge.',
	'The OAS sent observers to Lima.',
	'Schools stayed closed for a week.'
];
export const MARCH_ES = [
	'Los manifestantes marcharon a la plaza por la mañana.',
	'El alcalde cerró el puente viejo.',
	'La OEA envió observadores a Lima.',
	'Las escuelas siguieron cerradas una semana.'
];

/** Adds March (one paragraph a side) and waits until it is analysed; its English and Spanish ids. */
export async function addMarch(
	db: Db,
	sides?: PairInput['sides']
): Promise<[en: number, es: number]> {
	const added = addPair(db, {
		title: 'March',
		en: MARCH_EN.join(' '),
		es: MARCH_ES.join(' '),
		via: 'paste',
		sides
	});
	if (!added.ok) throw new Error(JSON.stringify(added.errors));
	analysisFor(db).kick();
	await analysisFor(db).idle();
	const [en, es] = added.documentIds;
	return [en, es];
}
