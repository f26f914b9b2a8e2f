// What real technical documents need from the detector: Spanish documentation that leaves
// paragraphs, headings, options and table cells in English (see eval/detect for the dev set).
import { describe, expect, it } from 'vitest';
import { detectLanguages } from '../../../src/lib/core/detect';
import { maskSentence, termMatcher } from '../../../src/lib/core/detect/masking';
import { dictionaryLanguage } from '../../../src/lib/core/detect/words';

const labels = (text: string) =>
	Object.fromEntries(detectLanguages(text).sentences.map((s) => [s.text, s.lang]));

const englishParagraph =
	'The default locale is set by the installer and written to a file that the login manager reads when it starts. ' +
	'Most desktop environments also let you change it from their settings panel.';
const spanishParagraph =
	'La configuración regional decide cómo los programas muestran las fechas, los números y los mensajes. ' +
	'El instalador la elige a partir del idioma que se escogió al principio.';

describe('detectLanguages on technical documents', () => {
	it('gives no language to lines without words: package names, options, counts, versions, paths, commands, addresses', () => {
		const wordless = [
			'task-gnome-desktop',
			'libfontconfig1',
			'-L, --files-without-match',
			'-f fichero, --file=fichero',
			'--debug[=FLAGS]',
			'V:0, I:1',
			'I:179',
			'2.36-9+deb12u4',
			'/etc/security/limits.conf',
			'pam_unix.so',
			'$ sudo dpkg-reconfigure locales',
			'# apt-get install gnome-shell',
			'at [-V] [-q cola] [-f archivo]',
			'https://wiki.debian.org/Locale',
			'RDP, RFB (VNC), SPICE'
		];
		const text = [spanishParagraph, ...wordless, englishParagraph].join('\n\n');
		const got = labels(text);
		for (const line of wordless) expect(got[line], line).toBe('und');
		expect(got[spanishParagraph.split('. ')[0] + '.']).toBe('es');
	});

	it('keeps the cells of a table row apart, so a package name does not take its description’s language', () => {
		const row = 'openssh-client\nV:856, I:997\n5609\nSSH cliente (seguro)';
		const got = labels(`${englishParagraph}\n\n${row}\n\n${englishParagraph}`);
		expect(got['openssh-client']).toBe('und');
		expect(got['V:856, I:997']).toBe('und');
		expect(got['5609']).toBe('und');
		expect(got['SSH cliente (seguro)']).toBe('es');
	});

	it('reads a lone word in a data row as the name of a thing, and a table’s Spanish header as Spanish', () => {
		const table =
			'paquete\npopularidad\ntamaño\ndescripción\n\nmutter\nV:3, I:99\n199\nGNOME window manager\n\n/etc/shadow\n-rw-r-----\nroot\nshadow\ninformación de seguridad de la cuenta';
		const got = labels(`${spanishParagraph}\n\n${table}\n\n${spanishParagraph}`);
		for (const cell of ['paquete', 'popularidad', 'tamaño', 'descripción'])
			expect(got[cell], cell).toBe('es');
		for (const cell of ['mutter', 'root', 'shadow', '-rw-r-----'])
			expect(got[cell], cell).toBe('und');
		expect(got['GNOME window manager']).toBe('en');
		expect(got['información de seguridad de la cuenta']).toBe('es');
	});

	it('keeps an option line with a description in the description’s language', () => {
		const got = labels(
			`${spanishParagraph}\n\n-M      Never send mail to the user.\n\n-d   Muestra información de depuración además del procesamiento normal.`
		);
		expect(got['-M      Never send mail to the user.']).toBe('en');
		expect(got['-d   Muestra información de depuración además del procesamiento normal.']).toBe(
			'es'
		);
	});

	it('keeps short headings in their own language however strong the context', () => {
		for (const heading of [
			'VÉASE TAMBIÉN',
			'HISTORIAL',
			'Configuración regional',
			'Nota',
			'OPCIONES'
		])
			expect(
				labels(`${englishParagraph}\n\n${heading}\n\n${englishParagraph}`)[heading],
				heading
			).toBe('es');
		for (const heading of ['See also', 'SEE ALSO', 'Authentication and access controls'])
			expect(
				labels(`${spanishParagraph}\n\n${heading}\n\n${spanishParagraph}`)[heading],
				heading
			).toBe('en');
	});

	it('splits a heading in capitals from the lower-case line under it', () => {
		const got = labels(
			`${englishParagraph}\n\nVÉASE TAMBIÉN\nat.allow(5), at.deny(5), cron(1), nice(1).\n\n${englishParagraph}`
		);
		expect(got['VÉASE TAMBIÉN']).toBe('es');
		expect(got['at.allow(5), at.deny(5), cron(1), nice(1).']).toBe('und');
	});

	it('reads a table of language names in Spanish as Spanish, its locale codes as no language', () => {
		const table =
			'Coreano\nko_KR.UTF-8\n\nTailandés\nth_TH.UTF-8\n\nAlemán\nde_DE.UTF-8\n\nJaponés\nja_JP.UTF-8';
		const got = labels(`${englishParagraph}\n\n${table}\n\n${englishParagraph}`);
		for (const name of ['Coreano', 'Tailandés', 'Alemán', 'Japonés'])
			expect(got[name], name).toBe('es');
		for (const code of ['ko_KR.UTF-8', 'th_TH.UTF-8']) expect(got[code], code).toBe('und');
	});

	it('gives a heading’s number the heading’s language, with no switch inside the heading', () => {
		const text = `${englishParagraph}\n\n7.3. Infraestructura gráfica\n\n${spanishParagraph}`;
		const detection = detectLanguages(text);
		const heading = text.indexOf('7.3.');
		const run = detection.runs.find((r) => r.start <= heading && r.end > heading);
		expect(run?.lang).toBe('es');
		expect(run!.end).toBeGreaterThanOrEqual(text.indexOf('Infraestructura gráfica') + 10);
	});
});

describe('word data', () => {
	it('knows words of one language only, and Spanish plurals and verb forms through their base form', () => {
		expect(dictionaryLanguage('package')).toBe('en');
		expect(dictionaryLanguage('paquete')).toBe('es');
		expect(dictionaryLanguage('opciones')).toBe('es');
		expect(dictionaryLanguage('consulte')).toBe('es');
		expect(dictionaryLanguage('ejecútelos')).toBe('es');
		expect(dictionaryLanguage('xeyes')).toBeNull();
	});
});

describe('protected terms at glossary scale', () => {
	it('masks terms of a 50,000-term glossary with the linear matcher, without one giant regular expression', () => {
		const terms = Array.from({ length: 50_000 }, (_, i) => `Término ${i} del Glosario`);
		terms.push('Marcha de los Cuatro Suyos');
		const sentence =
			'Thousands joined the Término 49999 del Glosario and the marcha de los cuatro suyos last week.';
		const masked = maskSentence(sentence, 0, sentence.length, termMatcher(terms));
		const silenced = masked.tokens
			.filter((_, i) => masked.weights[i] === 0 && masked.tokens[i].kind === 'word')
			.map((t) => t.text);
		expect(silenced).toEqual(
			expect.arrayContaining(['Término', 'Glosario', 'marcha', 'de', 'los', 'cuatro', 'suyos'])
		);
		const detection = detectLanguages(`${sentence} ${englishParagraph}`, { protectedTerms: terms });
		expect(detection.sentences[0].lang).toBe('en');
	});
});
