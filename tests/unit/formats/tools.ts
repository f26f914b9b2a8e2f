// What the format tests need from outside: the fixtures folder, and the field's own tools
// (xmllint, translate-toolkit), which .ci/run installs. A test that needs a tool fails when the
// tool is missing on CI, and is skipped with a reason on a developer's machine without it.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

export const fixture = (name: string) =>
	new URL(`../../fixtures/formats/${name}`, import.meta.url).pathname;
export const fixtureBytes = (name: string) => new Uint8Array(readFileSync(fixture(name)));
export const fixtureText = (name: string) => readFileSync(fixture(name), 'utf8');

function works(command: string, args: string[]): boolean {
	try {
		execFileSync(command, args, { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Debian's python3 (translate-toolkit is installed for it, not for a pyenv python on PATH). */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export const hasXmllint = works('xmllint', ['--version']);
export const hasTranslateToolkit = works(PYTHON, ['-c', 'import translate.storage.tmx']);

/** On CI the tools must be there (.ci/run installs them); elsewhere the test is skipped. */
export const needTool = (available: boolean) => available || process.env.CI === 'true';
