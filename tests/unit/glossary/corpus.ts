// The shipped glossary and the bundled corpus, read the way the tests need them.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GlossaryEntry } from '../../../src/lib/core/glossary';

const data = resolve(import.meta.dirname, '../../../src/lib/data');

export const glossary: GlossaryEntry[] = JSON.parse(
	readFileSync(resolve(data, 'glossary.json'), 'utf8')
);

const index: { file: string }[] = JSON.parse(
	readFileSync(resolve(data, 'corpus/index.json'), 'utf8')
);
export const corpus: Record<string, string> = Object.fromEntries(
	index.map(({ file }) => [file, readFileSync(resolve(data, 'corpus', file), 'utf8')])
);
