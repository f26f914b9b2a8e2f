import { describe, expect, it } from 'vitest';
import { alignLines } from '$lib/core/align/align-texts';
import { findWraps, unwrap } from '$lib/core/align/wrapped';
import { LIMA_EN } from './lima-protests';

// fstab(5) as `man` prints it at 80 columns (util-linux, GPL-2+; Spanish from manpages-es, GPL-3+).
const EN = [
	'DESCRIPTION',
	'       The file fstab contains descriptive information about the filesystems',
	'       the system can mount. fstab is only read by programs, and not written;',
	'       it is the duty of the system administrator to properly create and',
	'       maintain this file.',
	'       Each filesystem is described on a separate line. Fields on each line',
	'       are separated by tabs or spaces.',
	'       The following is a typical example of an fstab entry:',
	'           LABEL=t-home2   /home      ext4    defaults,auto_da_alloc      0  2'
];
const ES = [
	'DESCRIPCIÓN',
	'       El fichero fstab contiene información que describe los diversos',
	'       sistemas de ficheros que el sistema es capaz de gestionar. Las',
	'       distintas aplicaciones podrán leer su contenido pero no modificarlo. La',
	'       creación y correcto mantenimiento de este archivo es tarea del',
	'       administrador.',
	'       Cada linea representa un sistema de archivos. Los campos de dicha línea',
	'       están separados por tabulaciones o espacios.',
	'       Un ejemplo típico de una entrada de fstab sería el siguiente:',
	'           LABEL=t-home2   /home      ext4    defaults,auto_da_alloc      0  2'
];

describe('hard-wrapped lines', () => {
	it('finds the lines that continue a full line with the same indentation', () => {
		const wraps = findWraps(EN);
		expect(wraps).not.toBeNull();
		expect(wraps).toEqual([false, false, true, true, true, false, true, false, false]);
	});

	it('leaves one sentence a line alone', () => {
		const lines = LIMA_EN;
		expect(findWraps(lines)).toBeNull();
		expect(unwrap(lines)).toBeNull();
	});

	it('joins wrapped lines into sentences that remember their lines', () => {
		const joined = unwrap(EN)!;
		expect(joined.units).toContain('Each filesystem is described on a separate line.');
		// A sentence that starts mid-line keeps that line: "Fields on each line" starts on line 5.
		const k = joined.units.indexOf('Fields on each line are separated by tabs or spaces.');
		expect(joined.lines[k]).toEqual([5, 6]);
		expect(joined.lines[joined.units.indexOf('DESCRIPTION')]).toEqual([0]);
	});

	it('aligns wrapped pages and answers over the original line numbers', () => {
		const beads = alignLines(EN, ES, {});
		expect(beads.flatMap((b) => b.en)).toEqual([...EN.keys()]);
		expect(beads.flatMap((b) => b.es)).toEqual([...ES.keys()]);
		const shape = beads.map((b) => `${b.en.join(',')}:${b.es.join(',')}`);
		expect(shape).toEqual(['0:0', '1,2,3,4:1,2,3,4,5', '5,6:6,7', '7:8', '8:9']);
	});
});
