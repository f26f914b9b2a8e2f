// `puente align-words EN ES`: word alignment of two pre-tokenised, sentence-aligned files (tokens
// separated by spaces, line i of one translating line i of the other), one line of "i-j" links
// per sentence pair on standard output (the Pharaoh format of fast_align and eflomal).
import { alignPretokenised } from '../lib/core/words/pharaoh';
import { loadWordResources } from '../lib/core/words/resources';
import { EXIT_BAD_INPUT, EXIT_OK, readTextInput, reportError, type CliIO } from './io';

const USAGE = 'Usage: puente align-words EN ES   (pre-tokenised, one sentence a line)\n';

export async function run(args: string[], io: CliIO): Promise<number> {
	const unknown = args.find((arg) => arg.startsWith('--'));
	if (unknown || args.length !== 2) {
		io.stderr(
			`puente align-words: ${unknown ? `unknown option ${unknown}` : 'give two files'}\n${USAGE}`
		);
		return EXIT_BAD_INPUT;
	}
	const en = await readTextInput(args[0], io);
	if (!en.ok) return reportError(en.error, io);
	const es = await readTextInput(args[1], io);
	if (!es.ok) return reportError(es.error, io);
	const links = alignPretokenised(en.value, es.value, await loadWordResources(), {
		en: args[0],
		es: args[1]
	});
	if (!links.ok) return reportError(links.error, io);
	io.stdout(links.value.map((line) => `${line}\n`).join(''));
	return EXIT_OK;
}
