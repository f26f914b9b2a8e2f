// `puente align` reads the dictionary from the image of its tables that the build keeps beside
// the command's bundle (src/cli/puente.js): the command must answer as the dictionary indexed
// from its JSON does in-process, and differently from no dictionary at all, so an image that lost
// its tables could not pass.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignTexts } from '../../../src/lib/core/align/align-texts';
import { lookup } from '../../../src/lib/core/dictionary';

const root = resolve(import.meta.dirname, '../../..');
const pair = join(root, 'tests/fixtures/align/bible-dev/jonah');
const en = join(pair, 'en.txt');
const es = join(pair, 'es.txt');

function inProcess(withDictionary: boolean): string {
	const result = alignTexts({
		en: readFileSync(en, 'utf8'),
		es: readFileSync(es, 'utf8'),
		presplit: true,
		format: 'json',
		dictionary: withDictionary ? lookup : undefined
	});
	if (!result.ok) throw new Error(result.error.code);
	return result.value.output;
}

describe('puente align with the image of the dictionary tables', () => {
	it('answers as the dictionary read from its JSON does', { timeout: 60_000 }, () => {
		const command = () =>
			execFileSync(
				'node',
				[join(root, 'src/cli/puente.js'), 'align', en, es, '--presplit', '--format', 'json'],
				{ cwd: root, encoding: 'utf8' }
			);
		// The first run builds the bundle and the image when the sources changed; the second reads it.
		command();
		const output = command();
		const manifest = JSON.parse(
			readFileSync(join(root, 'node_modules/.cache/puente/cli.json'), 'utf8')
		) as { bundle: string };
		expect(
			existsSync(join(root, 'node_modules/.cache/puente', manifest.bundle, 'dictionary.bin'))
		).toBe(true);
		const expected = inProcess(true);
		expect(output).toBe(expected);
		expect(expected).not.toBe(inProcess(false));
	});
});
