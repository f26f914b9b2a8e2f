// "River", a short news text and its translation: four sentences a side, one to one, each side a
// single paragraph, that the analysis and contribute tests add to a test store.
export const RIVER_EN = [
	'The river rose overnight after three days of heavy rain.',
	'By morning the old bridge was closed to traffic.',
	'Farmers on the eastern bank moved their animals to higher ground.',
	'The mayor promised that the road would reopen within a week.'
].join(' ');
export const RIVER_ES = [
	'El río creció durante la noche después de tres días de lluvias intensas.',
	'Por la mañana el puente viejo estaba cerrado al tráfico.',
	'Los agricultores de la orilla oriental llevaron sus animales a tierras más altas.',
	'El alcalde prometió que la carretera se reabriría en una semana.'
].join(' ');
