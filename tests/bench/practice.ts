// Practice comparison benchmark on real paraphrases (eval/practice: two English Bible translations
// of the same verses, see its README): how much of a right answer (the KJV verse against its WEB
// verse) is counted right, and how much of a wrong one (the KJV verse against the WEB verse seven
// on), with the also-right matches (forms of a lemma, dictionary synonyms) and without them (the
// exact matches alone, which is what the comparison counted before). A fair comparison raises the
// first and not the second. Run with `npx tsx tests/bench/practice.ts`. Prints numbers; asserts nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { compareTranslation } from '../../src/lib/core/practice/compare-translation';

const dir = resolve(import.meta.dirname, '../../eval/practice/web-kjv');
const WRONG_OFFSET = 7;
const PAIRS_SHOWN = 25;

interface Verse {
	reference: string;
	attempt: string;
}

const books = readdirSync(dir)
	.filter((f) => f.endsWith('.tsv'))
	.sort()
	.map((file) =>
		readFileSync(resolve(dir, file), 'utf8')
			.split('\n')
			.slice(1)
			.map((line) => line.split('\t'))
			.filter((cells) => cells.length === 3 && cells[1].trim() && cells[2].trim())
			.map(([, web, kjv]): Verse => ({ reference: web, attempt: kjv }))
	);

interface Tally {
	n: number;
	exactRecall: number;
	recall: number;
	exactPrecision: number;
	precision: number;
}
const tally = (): Tally => ({ n: 0, exactRecall: 0, recall: 0, exactPrecision: 0, precision: 0 });
const right = tally();
const wrong = tally();
const accepted = new Map<string, number>();
const rightBeatsWrong = { exact: 0, all: 0, pairs: 0 };
let alsoRightInRight = 0;
let alsoRightInWrong = 0;

function score(attempt: string, reference: string, into: Tally) {
	const result = compareTranslation(attempt, reference, 'en');
	const { exact, referenceWords, attemptWords } = result.counts;
	into.n++;
	into.exactRecall += referenceWords ? exact / referenceWords : 0;
	into.recall += result.recall;
	into.exactPrecision += attemptWords ? exact / attemptWords : 0;
	into.precision += result.precision;
	return result;
}

const started = performance.now();
for (const verses of books) {
	verses.forEach((verse, i) => {
		const good = score(verse.attempt, verse.reference, right);
		alsoRightInRight += good.counts.alsoRight;
		for (const w of good.words) {
			if (w.status !== 'also-right') continue;
			const key = `${w.text.toLowerCase()} for ${w.reference!.toLowerCase()} (${w.relation!.kind} ${w.relation!.via})`;
			accepted.set(key, (accepted.get(key) ?? 0) + 1);
		}
		const other = verses[(i + WRONG_OFFSET) % verses.length];
		if (other === verse) return;
		const bad = score(verse.attempt, other.reference, wrong);
		alsoRightInWrong += bad.counts.alsoRight;
		rightBeatsWrong.pairs++;
		const exactOf = (r: typeof good) => r.counts.exact / Math.max(1, r.counts.referenceWords);
		if (exactOf(good) > exactOf(bad)) rightBeatsWrong.exact++;
		if (good.recall > bad.recall) rightBeatsWrong.all++;
	});
}
const elapsed = performance.now() - started;

const pct = (v: number, n: number) => `${((100 * v) / n).toFixed(1)}%`.padStart(7);
console.log(
	`Practice comparison on ${right.n} KJV verses against their WEB verse (right) and ${wrong.n} against the WEB verse ${WRONG_OFFSET} on (wrong); load average ${loadavg()
		.map((n) => n.toFixed(1))
		.join(' ')}`
);
console.log('                         exact only (before)   with also-right (now)');
console.log(
	`  right answers: recall   ${pct(right.exactRecall, right.n)}               ${pct(right.recall, right.n)}`
);
console.log(
	`                 precision${pct(right.exactPrecision, right.n)}               ${pct(right.precision, right.n)}`
);
console.log(
	`  wrong answers: recall   ${pct(wrong.exactRecall, wrong.n)}               ${pct(wrong.recall, wrong.n)}`
);
console.log(
	`                 precision${pct(wrong.exactPrecision, wrong.n)}               ${pct(wrong.precision, wrong.n)}`
);
console.log(
	`  separation (right - wrong recall)  ${(100 * (right.exactRecall / right.n - wrong.exactRecall / wrong.n)).toFixed(1)} points       ${(100 * (right.recall / right.n - wrong.recall / wrong.n)).toFixed(1)} points`
);
console.log(
	`  right scores above its wrong        ${pct(rightBeatsWrong.exact, rightBeatsWrong.pairs)}               ${pct(rightBeatsWrong.all, rightBeatsWrong.pairs)}`
);
console.log(
	`  also-right words per verse: right ${(alsoRightInRight / right.n).toFixed(2)}, wrong ${(alsoRightInWrong / wrong.n).toFixed(2)}`
);
console.log(`  time: ${(elapsed / (right.n + wrong.n)).toFixed(2)} ms per comparison`);
console.log(`Most frequent also-right matches in right answers (for a person to judge):`);
for (const [key, count] of [...accepted].sort((a, b) => b[1] - a[1]).slice(0, PAIRS_SHOWN))
	console.log(`  ${String(count).padStart(4)}  ${key}`);
