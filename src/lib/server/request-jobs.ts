// The heavy work of requests as plain functions of plain data, run in the worker pool
// (analysis-pool.ts) so that no request handler holds the event loop for long: POST
// /api/detect on a large text, the language check of a pasted or uploaded pair, and a
// translation memory's import (reading the file, checking it, detecting both texts and pairing
// the units with their sentences). The main thread only stores what comes back; a glossary
// import is also written here, on the worker's own connection (glossary-import.ts says why).
//
// Relative imports only: in development and tests the worker loads this file through tsx,
// outside Vite, where the `$lib` alias does not exist.
import { detectLanguages } from '../core/detect';
import { checkUserText } from '../core/text/decode';
import { userError, type UserError } from '../core/errors';
import type { Detection, Lang } from '../core/types';
import { runAnalysisTask, type DocumentAnalysis, type GlossaryInput } from './analysis-jobs';
import { parseJsonObject } from './json-body';
import {
	checkPair,
	importBeads,
	prepareImport,
	type ContributeField,
	type Contribution,
	type MemoryInput,
	type PairCheck,
	type PairCheckInput,
	type PreparedImport
} from './contribute-prepare';
import {
	runGlossaryImport,
	type GlossaryImportDone,
	type GlossaryImportJob
} from './glossary-import';

export type RequestTask =
	| { kind: 'detect-request'; body: ArrayBuffer }
	| { kind: 'check-pair'; input: PairCheckInput; fields?: Record<Lang, ContributeField> }
	| { kind: 'prepare-import'; input: MemoryInput; glossary: GlossaryInput }
	| ({ kind: 'import-glossary' } & GlossaryImportJob);

/** POST /api/detect's answer as JSON text, or why the body was refused. */
export type DetectResponse = { ok: true; body: string } | { ok: false; error: UserError };

/** A memory ready to store: its two texts analysed, and its pairing over their sentences. */
export type ImportReady =
	| Extract<Contribution, { ok: false }>
	| {
			ok: true;
			import: Pick<PreparedImport, 'title' | 'format' | 'languages' | 'meta'>;
			en: { text: string; analysis: DocumentAnalysis };
			es: { text: string; analysis: DocumentAnalysis };
			/** The beads as JSON, as the store keeps them. */
			beads: string;
	  };

export interface RequestTaskResults {
	'detect-request': DetectResponse;
	'check-pair': PairCheck;
	'prepare-import': ImportReady;
	'import-glossary': GlossaryImportDone;
}

/** The body of POST /api/detect: `{ "text": "…" }`, as bytes (decoding and parsing are work too). */
export function detectRequest(body: ArrayBuffer): DetectResponse {
	const parsed = parseJsonObject(new Uint8Array(body));
	if (!parsed.ok) return parsed;
	const { text } = parsed.value;
	if (typeof text !== 'string')
		return { ok: false, error: userError('invalid-input', { detail: '"text" must be a string' }) };
	const checked = checkUserText(text);
	if (!checked.ok) return checked;
	const { runs, sentences } = detectLanguages(checked.value);
	return { ok: true, body: JSON.stringify({ runs, sentences }) };
}

function importReady(input: MemoryInput, glossary: GlossaryInput): ImportReady {
	const prepared = prepareImport(input);
	if (!prepared.ok) return prepared;
	const { en, es, title, format, languages, meta } = prepared.value;
	// The same analysis the background worker makes of a new text (glossary terms protected,
	// marks, repeats), so the documents are stored analysed and the units meet their sentences.
	const analyse = (text: string) => runAnalysisTask({ kind: 'document', text, glossary });
	const enAnalysis = analyse(en.text);
	const esAnalysis = analyse(es.text);
	const sentences = (analysis: DocumentAnalysis) =>
		(JSON.parse(analysis.detection) as Detection).sentences;
	const beads = importBeads(prepared.value, sentences(enAnalysis), sentences(esAnalysis));
	return {
		ok: true,
		import: { title, format, languages, meta },
		en: { text: en.text, analysis: enAnalysis },
		es: { text: es.text, analysis: esAnalysis },
		beads: JSON.stringify(beads)
	};
}

const tasks: {
	[K in RequestTask['kind']]: (task: Extract<RequestTask, { kind: K }>) => RequestTaskResults[K];
} = {
	'detect-request': (task) => detectRequest(task.body),
	'check-pair': (task) => checkPair(task.input, task.fields),
	'prepare-import': (task) => importReady(task.input, task.glossary),
	'import-glossary': (task) => runGlossaryImport(task)
};

/** Where the worker finds this module: the source file under tsx, the built chunk in production. */
export const REQUEST_JOBS_URL = import.meta.url;

// The worker's bootstrap imports this module for this side effect (a bundler may rename exports)
// and sends it the tasks whose kind it lists.
(globalThis as Record<symbol, unknown>)[Symbol.for('puente.request-tasks')] = tasks;
