// The words of every .txt file under a folder (the bundled corpus), lower-cased, in file order:
// what the word-lists test and its bench probe the detector's lists with.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export function corpusWords(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...corpusWords(path));
		else if (name.endsWith('.txt'))
			for (const m of readFileSync(path, 'utf8').matchAll(/\p{L}+/gu)) out.push(m[0].toLowerCase());
	}
	return out;
}
