// "Lima", a small parallel text in the style of the corpus (a day of protests in Lima): ten
// sentences a side, one to one, each index one sentence. The aligner's tests cut, merge and
// reorder it; the wrapped-lines tests take the English as lines that are already sentences.
export const LIMA_EN = [
	'Thousands of workers marched through Lima on Thursday to demand the resignation of the president.',
	'The police fired tear gas at the crowd near the Plaza San Martín.',
	'Several students were injured and twelve people were arrested.',
	'The General Confederation of Workers called a national strike for next week.',
	'Farmers from the south arrived in buses after travelling for two days.',
	'“We will not go home until she resigns,” said a teacher from Puno.',
	'The government declared a state of emergency in three regions.',
	'Human rights groups denounced the violence of the security forces.',
	'The Organization of American States expressed its concern on Monday.',
	'The protests began in December after the fall of the former president.'
];
export const LIMA_ES = [
	'Miles de trabajadores marcharon por Lima el jueves para exigir la renuncia de la presidenta.',
	'La policía disparó gases lacrimógenos contra la multitud cerca de la Plaza San Martín.',
	'Varios estudiantes resultaron heridos y doce personas fueron detenidas.',
	'La Confederación General de Trabajadores convocó a un paro nacional para la próxima semana.',
	'Campesinos del sur llegaron en buses después de viajar durante dos días.',
	'«No volveremos a casa hasta que renuncie», dijo una maestra de Puno.',
	'El gobierno declaró el estado de emergencia en tres regiones.',
	'Los grupos de derechos humanos denunciaron la violencia de las fuerzas de seguridad.',
	'La Organización de los Estados Americanos expresó su preocupación el lunes.',
	'Las protestas comenzaron en diciembre tras la caída del expresidente.'
];
