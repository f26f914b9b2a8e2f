// Every form action and every write handler in src/routes has a line in the shared mode's
// policy (lib/server/auth/policy.ts). A write nobody listed would still need an editor, but
// listing it means someone decided who may do it, so this fails until they have.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { WRITES, type WriteKey } from '$lib/server/auth/policy';

const ROUTES = join(process.cwd(), 'src/routes');
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

function* files(dir: string): Generator<string> {
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) yield* files(path);
		else yield path;
	}
}

/** The route id SvelteKit gives a folder: `/doc/[id]`; groups `(name)` leave no trace. */
function routeIdOf(file: string): string {
	const parts = relative(ROUTES, file).split(sep).slice(0, -1);
	return '/' + parts.filter((part) => !/^\(.+\)$/.test(part)).join('/');
}

function exported(node: ts.Node): boolean {
	return (
		ts.canHaveModifiers(node) &&
		(ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
	);
}

/** The writes one route file declares: `action:NAME` for each action, or the methods it exports. */
function writesIn(file: string): WriteKey[] {
	const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
	const found: WriteKey[] = [];
	for (const statement of source.statements) {
		if (!exported(statement)) continue;
		if (ts.isFunctionDeclaration(statement) && statement.name) {
			const name = statement.name.text as WriteKey;
			if ((WRITE_METHODS as readonly string[]).includes(name)) found.push(name);
		}
		if (!ts.isVariableStatement(statement)) continue;
		for (const declaration of statement.declarationList.declarations) {
			if (!ts.isIdentifier(declaration.name)) continue;
			const name = declaration.name.text;
			if ((WRITE_METHODS as readonly string[]).includes(name)) found.push(name as WriteKey);
			if (name !== 'actions') continue;
			let init = declaration.initializer;
			while (init && (ts.isSatisfiesExpression(init) || ts.isAsExpression(init)))
				init = init.expression;
			if (!init || !ts.isObjectLiteralExpression(init))
				throw new Error(`${file}: actions is not an object literal this test can read`);
			for (const property of init.properties) {
				const key = property.name;
				if (!key || !(ts.isIdentifier(key) || ts.isStringLiteral(key)))
					throw new Error(`${file}: an action whose name this test cannot read`);
				found.push(`action:${key.text}`);
			}
		}
	}
	return found;
}

const declared = [...files(ROUTES)]
	.filter((file) => /[/\\]\+(page\.server|server)\.(ts|js)$/.test(file))
	.flatMap((file) => writesIn(file).map((key) => ({ file, routeId: routeIdOf(file), key })));

describe('the shared mode covers every write', () => {
	it('finds the writes the app is known to have', () => {
		const keys = declared.map(({ routeId, key }) => `${routeId} ${key}`);
		expect(keys).toEqual(
			expect.arrayContaining([
				'/doc/[id] action:edit',
				'/add action:paste',
				'/glossary/new action:default',
				'/glossary/[id]/edit action:delete',
				'/settings action:language',
				'/api/align POST',
				'/signin action:default',
				'/admin/users action:remove'
			])
		);
	});

	for (const { file, routeId, key } of declared)
		it(`${routeId} ${key} (${relative(process.cwd(), file)}) has a role`, () => {
			expect(WRITES[routeId]?.[key], `add ${key} of ${routeId} to WRITES`).toBeDefined();
		});

	it('reads actions declared with satisfies and exported functions', () => {
		// The reader itself, on a file of its own shape, so a change of style cannot hide writes.
		const text = `export const actions = { a: async () => {}, 'b-c': async () => {} } satisfies X;
export async function DELETE() {}
export const PATCH = () => {};
export const GET = () => {};`;
		const path = join(mkdtempSync(join(tmpdir(), 'puente-coverage-')), '+server.ts');
		writeFileSync(path, text);
		expect(writesIn(path).sort()).toEqual(['DELETE', 'PATCH', 'action:a', 'action:b-c']);
	});
});
