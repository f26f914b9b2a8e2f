// The CLI's streams for a test that calls main() in-process: what it writes to stdout and stderr
// is kept to read back, and stdin (when given) holds the bytes a pipe would.
import type { CliIO } from '../../src/cli/io';

export function fakeIO(stdin?: Uint8Array) {
	const out: string[] = [];
	const err: string[] = [];
	const io: CliIO = {
		stdout: (s: string) => void out.push(s),
		stderr: (s: string) => void err.push(s),
		stdin: stdin && (async () => stdin)
	};
	return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
