// Every input class × every entry point: the same input gets the same answer wherever it comes
// in (the paste, upload and import actions of /add, POST /api/detect and /api/align, and the
// CLI's detect, align and import), and a refusal leaves the store as it was. One decode-and-check
// (lib/core/text/decode.ts) is what makes the rows agree; this table is what keeps them agreeing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRedirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { closePool } from '$lib/server/analysis-pool';
import { MAX_INPUT_BYTES } from '$lib/core/text/decode';
import { createTranslator } from '$lib/i18n/translator';
import { actions } from '../../../src/routes/add/+page.server';
import { POST as detectPost } from '../../../src/routes/api/detect/+server';
import { POST as alignPost } from '../../../src/routes/api/align/+server';
import { run as cliDetect } from '../../../src/cli/detect';
import { run as cliAlign } from '../../../src/cli/align';
import { run as cliImport } from '../../../src/cli/import';
import { cliLanguage } from '../../../src/cli/io';

const ENGLISH =
	'The river rose overnight after three days of heavy rain at the café.\n' +
	'By morning the old bridge was closed to traffic, and the farmers moved their animals.\n';
const SPANISH =
	'El río creció durante la noche después de tres días de lluvias intensas en el café.\n' +
	'Por la mañana el puente viejo estaba cerrado al tráfico, y los campesinos movieron sus animales.\n';
// A memory: English and Spanish cells, one pair a line.
const TSV = ENGLISH.trimEnd()
	.split('\n')
	.map((en, k) => `${en}\t${SPANISH.trimEnd().split('\n')[k]}\n`)
	.join('');

const utf8 = (text: string) => new TextEncoder().encode(text);
/** Windows-1252 bytes of text made of Latin-1 characters (all of ours are). */
const cp1252 = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const utf16leRaw = (text: string) => new Uint8Array(Buffer.from(text, 'utf16le'));
const utf16le = (text: string) => new Uint8Array([0xff, 0xfe, ...utf16leRaw(text)]);
/** The start of a PNG: signature, then the IHDR chunk (NUL bytes in both parities). */
const PNG = new Uint8Array([
	0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0,
	0, 0, 1, 0, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89
]);
const repeatTo = (text: string, chars: number) => text.repeat(Math.ceil(chars / text.length));
/** Valid text past the first 8 KB, then a line with a NUL, then more valid text. */
const withNulAfter8k = (body: string) => `${repeatTo(body, 9000)}one more\u0000line\n${body}`;
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

type ClassName =
	| 'empty'
	| 'whitespace'
	| 'binary'
	| 'control after 8 KB'
	| 'Windows-1252'
	| 'Windows-1252, chosen'
	| 'UTF-16 LE with BOM'
	| 'UTF-16 LE, no BOM'
	| 'over 5 MB'
	| 'valid text';

/**
 * One input class: its bytes, given the valid body of the entry point (a text or a TSV memory),
 * and the parameters of its refusal.
 */
interface InputClass {
	bytes: (body: string) => Uint8Array;
	params?: (body: string) => Record<string, string | number>;
	/** The person chose Windows-1252 (where the entry point offers that choice). */
	chosen?: boolean;
}

const CLASSES: Record<ClassName, InputClass> = {
	empty: { bytes: () => new Uint8Array(0) },
	whitespace: { bytes: () => utf8(' \n\t  \r\n ') },
	// Read as text, the PNG signature's first control character (0x1A) is on line 2.
	binary: { bytes: () => PNG, params: () => ({ line: 2 }) },
	'control after 8 KB': {
		bytes: (body) => utf8(withNulAfter8k(body)),
		params: (body) => {
			const text = withNulAfter8k(body);
			return { line: lineOf(text, text.indexOf('\u0000')) };
		}
	},
	'Windows-1252': { bytes: cp1252, params: () => ({ encoding: 'windows-1252' }) },
	'Windows-1252, chosen': { bytes: cp1252, chosen: true },
	'UTF-16 LE with BOM': { bytes: utf16le },
	// UTF-16 without a BOM: a file is recognised by its NULs in every other byte; a form field
	// arrives already read as UTF-8 (its accents lost), so a paste is refused at its first NUL,
	// and a JSON body must be UTF-8 unless a BOM says otherwise (RFC 8259).
	'UTF-16 LE, no BOM': { bytes: utf16leRaw, params: () => ({ line: 1 }) },
	'over 5 MB': {
		bytes: (body) => utf8(repeatTo(body, MAX_INPUT_BYTES + 1000)),
		params: () => ({ limitMb: 5 })
	},
	'valid text': { bytes: utf8 }
};

/** What an entry point made of an input: accepted, or refused with a code, a key and a message. */
type Answer =
	| { accepted: true }
	| {
			accepted: false;
			code: string;
			key?: string;
			params?: Record<string, unknown>;
			message?: string;
	  };

type EntryName =
	| '/add paste'
	| '/add upload'
	| '/add import (TSV)'
	| 'POST /api/detect'
	| 'POST /api/align'
	| 'puente detect'
	| 'puente align'
	| 'puente import';

interface EntryPoint {
	/** The valid input this entry point takes: a text, or a TSV memory. */
	body: string;
	/** Whether the person can choose Windows-1252 here. */
	choosesEncoding: boolean;
	/** Writes to the store when it accepts. */
	stores: boolean;
	answer: (input: InputClass) => Promise<Answer>;
}

// ── Form actions ────────────────────────────────────────────────────────────────────────

/** A multipart body by hand, so a text field can carry bytes a browser would never send. */
function multipart(fields: Record<string, Uint8Array | string>): Request {
	const boundary = 'puente-test-boundary';
	const parts: Uint8Array[] = [];
	for (const [name, value] of Object.entries(fields)) {
		parts.push(
			utf8(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`),
			typeof value === 'string' ? utf8(value) : value,
			utf8('\r\n')
		);
	}
	parts.push(utf8(`--${boundary}--\r\n`));
	return new Request('http://localhost/add', {
		method: 'POST',
		headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
		body: Buffer.concat(parts)
	});
}

function formRequest(fields: Record<string, string | File>): Request {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	return new Request('http://localhost/add', { method: 'POST', body: form });
}

type Action = (event: { request: Request }) => Promise<unknown>;

async function runAction(action: Action | undefined, request: Request): Promise<Answer> {
	try {
		const result = (await action!({ request } as never)) as {
			status: number;
			data: {
				errors: { error: { code: string; key: string; params?: Record<string, unknown> } }[];
			};
		};
		expect(result.status).toBe(400);
		const { error } = result.data.errors[0];
		return { accepted: false, code: error.code, key: error.key, params: error.params };
	} catch (thrown) {
		if (isRedirect(thrown)) return { accepted: true };
		throw thrown;
	}
}

const file = (bytes: Uint8Array, name: string) =>
	new File([bytes as Uint8Array<ArrayBuffer>], name);

// ── API routes ──────────────────────────────────────────────────────────────────────────

/**
 * The JSON body an API client sends for an input class: the text as a JSON string; for
 * Windows-1252 the raw bytes inside an otherwise UTF-8 body (what `curl --data-binary` of such a
 * file sends), for UTF-16 the whole body in UTF-16 LE with its BOM, for binary the bytes read as
 * Latin-1 characters (what a client that does not check sends, NULs escaped by JSON).
 */
function apiBody(input: InputClass, body: string, fields: (text: string) => object): Uint8Array {
	const bytes = input.bytes(body);
	if (input === CLASSES['Windows-1252']) {
		const marker = '\u0001MARK\u0001';
		const [before, after] = JSON.stringify(fields(marker)).split(
			JSON.stringify(marker).slice(1, -1)
		);
		return new Uint8Array([...utf8(before), ...bytes, ...utf8(after)]);
	}
	if (input === CLASSES['UTF-16 LE with BOM']) return utf16le(JSON.stringify(fields(body)));
	if (input === CLASSES['UTF-16 LE, no BOM']) return utf16leRaw(JSON.stringify(fields(body)));
	const text =
		input === CLASSES.binary ? String.fromCharCode(...bytes) : new TextDecoder().decode(bytes);
	return utf8(JSON.stringify(fields(text)));
}

async function callApi(
	handler: (event: never) => unknown,
	url: string,
	bytes: Uint8Array
): Promise<Answer> {
	const request = new Request(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: bytes as Uint8Array<ArrayBuffer>
	});
	const response = (await handler({ request, locals: { lang: 'en' } } as never)) as Response;
	const json = await response.json();
	if (response.status === 200) return { accepted: true };
	expect(response.status).toBe(json.error.code === 'text-too-large' ? 413 : 400);
	return {
		accepted: false,
		code: json.error.code,
		params: json.error.params,
		message: json.error.message
	};
}

// ── CLI ─────────────────────────────────────────────────────────────────────────────────

let dir: string;
let fileCount = 0;
function writeInput(bytes: Uint8Array, extension: string): string {
	const path = join(dir, `input-${++fileCount}.${extension}`);
	writeFileSync(path, bytes);
	return path;
}

async function runCli(
	command: (args: string[], io: never) => Promise<number>,
	args: string[]
): Promise<Answer> {
	const out: string[] = [];
	const err: string[] = [];
	const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) };
	const exit = await command(args, io as never);
	if (exit === 0) return { accepted: true };
	expect(exit).toBe(2);
	return { accepted: false, code: '(cli)', message: err.join('') };
}

const ENTRY_POINTS: Record<EntryName, EntryPoint> = {
	'/add paste': {
		body: ENGLISH,
		choosesEncoding: false,
		stores: true,
		answer: (input) =>
			runAction(
				actions.paste as Action,
				multipart({ shape: 'one', title: '', text: input.bytes(ENGLISH) })
			)
	},
	'/add upload': {
		body: ENGLISH,
		choosesEncoding: true,
		stores: true,
		answer: (input) =>
			runAction(
				actions.upload as Action,
				formRequest({
					shape: 'one',
					title: '',
					file: file(input.bytes(ENGLISH), 'article.txt'),
					...(input.chosen ? { encoding: 'windows-1252' } : {})
				})
			)
	},
	'/add import (TSV)': {
		body: TSV,
		choosesEncoding: true,
		stores: true,
		answer: (input) =>
			runAction(
				actions.import as Action,
				formRequest({
					title: '',
					memory: file(input.bytes(TSV), 'memory.tsv'),
					...(input.chosen ? { encoding: 'windows-1252' } : {})
				})
			)
	},
	'POST /api/detect': {
		body: ENGLISH,
		choosesEncoding: false,
		stores: false,
		answer: (input) =>
			callApi(
				detectPost as never,
				'http://localhost/api/detect',
				apiBody(input, ENGLISH, (text) => ({ text }))
			)
	},
	'POST /api/align': {
		body: ENGLISH,
		choosesEncoding: false,
		stores: false,
		answer: (input) =>
			callApi(
				alignPost as never,
				'http://localhost/api/align',
				apiBody(input, ENGLISH, (en) => ({ en, es: SPANISH }))
			)
	},
	'puente detect': {
		body: ENGLISH,
		choosesEncoding: true,
		stores: false,
		answer: (input) =>
			runCli(cliDetect as never, [
				writeInput(input.bytes(ENGLISH), 'txt'),
				...(input.chosen ? ['--encoding', 'cp1252'] : [])
			])
	},
	'puente align': {
		body: ENGLISH,
		choosesEncoding: true,
		stores: false,
		answer: (input) =>
			runCli(cliAlign as never, [
				writeInput(input.bytes(ENGLISH), 'txt'),
				writeInput(utf8(SPANISH), 'txt'),
				...(input.chosen ? ['--encoding', 'cp1252'] : [])
			])
	},
	'puente import': {
		body: ENGLISH,
		choosesEncoding: true,
		stores: true,
		answer: (input) =>
			runCli(cliImport as never, [
				writeInput(input.bytes(ENGLISH), 'txt'),
				...(input.chosen ? ['--encoding', 'cp1252'] : [])
			])
	}
};

// ── The table ───────────────────────────────────────────────────────────────────────────

/**
 * The expected answer of every cell: 'accepted', or the message key of the refusal (its code
 * is KEY_CODES[key]). `null`: the entry point has no such choice.
 */
type Expected = 'accepted' | keyof typeof KEY_CODES | null;
const KEY_CODES = {
	'text-empty': 'text-empty',
	'side-empty': 'side-empty',
	'file-binary': 'file-binary',
	'text-control-character': 'file-binary',
	'file-looks-cp1252': 'file-not-utf8',
	'file-not-utf8': 'file-not-utf8',
	'text-replacement-character': 'file-not-utf8',
	'text-too-large': 'text-too-large'
} as const;

// Columns: paste, upload, import, /api/detect, /api/align, puente detect, puente align, puente import.
const TABLE: Record<ClassName, Expected[]> = {
	// prettier-ignore
	'empty':                ['text-empty', 'text-empty', 'text-empty', 'text-empty', 'side-empty', 'text-empty', 'text-empty', 'text-empty'],
	// prettier-ignore
	'whitespace':           ['text-empty', 'text-empty', 'text-empty', 'text-empty', 'side-empty', 'text-empty', 'text-empty', 'text-empty'],
	// prettier-ignore
	'binary':               ['text-control-character', 'file-binary', 'file-binary', 'text-control-character', 'text-control-character', 'file-binary', 'file-binary', 'file-binary'],
	// prettier-ignore
	'control after 8 KB':   ['text-control-character', 'text-control-character', 'text-control-character', 'text-control-character', 'text-control-character', 'text-control-character', 'text-control-character', 'text-control-character'],
	// prettier-ignore
	'Windows-1252':         ['text-replacement-character', 'file-looks-cp1252', 'file-looks-cp1252', 'file-not-utf8', 'file-not-utf8', 'file-looks-cp1252', 'file-looks-cp1252', 'file-looks-cp1252'],
	// prettier-ignore
	'Windows-1252, chosen': [null, 'accepted', 'accepted', null, null, 'accepted', 'accepted', 'accepted'],
	// prettier-ignore
	'UTF-16 LE with BOM':   ['text-control-character', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted'],
	// prettier-ignore
	'UTF-16 LE, no BOM':    ['text-control-character', 'accepted', 'accepted', 'file-not-utf8', 'file-not-utf8', 'accepted', 'accepted', 'accepted'],
	// prettier-ignore
	'over 5 MB':            ['text-too-large', 'text-too-large', 'text-too-large', 'text-too-large', 'text-too-large', 'text-too-large', 'text-too-large', 'text-too-large'],
	// prettier-ignore
	'valid text':           ['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted']
};

const ENTRY_NAMES = Object.keys(ENTRY_POINTS) as EntryName[];
const CELLS = (Object.keys(TABLE) as ClassName[]).flatMap((inputClass) =>
	ENTRY_NAMES.map((entry, k) => ({ inputClass, entry, expected: TABLE[inputClass][k] })).filter(
		(cell) => cell.expected !== null
	)
);

const storeCounts = () => {
	const db = getDb();
	const count = (table: string) =>
		(db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
	return { documents: count('documents'), alignments: count('alignments') };
};

const previousDb = process.env.PUENTE_DB;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'puente-input-classes-'));
	// The actions' shared connection and the CLI's own both open this file.
	process.env.PUENTE_DB = join(dir, 'store.db');
});
afterAll(async () => {
	getDb().close();
	if (previousDb === undefined) delete process.env.PUENTE_DB;
	else process.env.PUENTE_DB = previousDb;
	await closePool();
	rmSync(dir, { recursive: true, force: true });
});

describe('every input class × every entry point', () => {
	it('the table names a cell for every class and entry point, and the choice only where there is one', () => {
		for (const row of Object.values(TABLE)) expect(row).toHaveLength(ENTRY_NAMES.length);
		ENTRY_NAMES.forEach((entry, k) =>
			expect(TABLE['Windows-1252, chosen'][k] !== null).toBe(ENTRY_POINTS[entry].choosesEncoding)
		);
	});

	it.each(CELLS)(
		'$inputClass → $entry: $expected',
		async ({ inputClass, entry, expected }) => {
			const input = CLASSES[inputClass];
			const point = ENTRY_POINTS[entry];
			const before = storeCounts();
			const answer = await point.answer(input);
			const after = storeCounts();
			if (expected === 'accepted') {
				expect(answer).toEqual({ accepted: true });
				if (point.stores) {
					expect(after.documents).toBeGreaterThan(before.documents);
					// Stored as the person wrote it: every accented character read, none replaced.
					const { text } = getDb()
						.prepare('SELECT text FROM documents ORDER BY id DESC LIMIT 1')
						.get() as { text: string };
					expect(text).toContain('café');
					expect(text).not.toContain('\ufffd');
				}
				return;
			}
			expect(after).toEqual(before);
			expect(answer.accepted).toBe(false);
			if (answer.accepted) return;
			const params = {
				...(input.params?.(point.body) ?? {}),
				...(expected === 'side-empty' ? { side: 'en' } : {})
			};
			// Only the refusals that carry parameters are given them (the offer names the encoding).
			const keyParams = [
				'text-control-character',
				'file-looks-cp1252',
				'text-too-large',
				'side-empty'
			].includes(expected!)
				? params
				: expected === 'text-replacement-character'
					? { line: 1 }
					: undefined;
			if (answer.code === '(cli)') {
				const t = createTranslator(cliLanguage());
				expect(answer.message).toContain(t(`errors:${expected}`, keyParams));
				return;
			}
			expect(answer.code).toBe(KEY_CODES[expected!]);
			if (answer.key) expect(answer.key).toBe(`errors:${expected}`);
			if (keyParams) expect(answer.params).toMatchObject(keyParams);
			if (answer.message !== undefined)
				expect(answer.message).toBe(createTranslator('en')(`errors:${expected}`, keyParams));
		},
		60_000
	);
});
