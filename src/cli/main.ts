// Entry of the `puente` command: picks the subcommand and hands it the arguments.
import { EXIT_BAD_INPUT, type CliIO } from './io';

const USAGE = `Usage:
  puente detect FILE|- [--format jsonl|text] [--encoding E]
  puente align EN ES [--presplit] [--format beads|tsv|tmx|json] [--languages en,es] [--encoding E]
  puente align MIXED --format json
  puente align --pairs LIST --out DIR [options]  (LIST: "EN ES" paths, one pair a line)
  puente align FOLDER --out DIR [options]        (every NAME.en.txt with NAME.es.txt)
  puente align-words EN ES                       (pre-tokenised lines; i-j links a line)
  puente convert IN OUT [--from F] [--to F] [--encoding E] [--tbx-version 2|3]   (tmx, tsv, csv, json, tbx)
  puente import FILE [ES_FILE] [--title T] [--encoding E] [--from F] [--sides confirmed|swap]
  puente export SLUG [--format tmx|tsv|csv|json] [--output FILE]
  puente user add --email E --name N [--role reader|editor|admin]   (password: PUENTE_PASSWORD or a prompt)
  puente user list
`;

const commands: Record<
	string,
	() => Promise<{ run: (args: string[], io: CliIO) => Promise<number> }>
> = {
	detect: () => import('./detect'),
	align: () => import('./align'),
	'align-words': () => import('./align-words'),
	convert: () => import('./convert'),
	import: () => import('./import'),
	export: () => import('./export'),
	user: () => import('./user')
};

export async function main(argv: string[], io: CliIO): Promise<number> {
	const [name, ...args] = argv;
	if (!name || name === '--help' || name === '-h') {
		io.stdout(USAGE);
		return name ? 0 : EXIT_BAD_INPUT;
	}
	const load = commands[name];
	if (!load) {
		io.stderr(`puente: unknown command "${name}"\n${USAGE}`);
		return EXIT_BAD_INPUT;
	}
	const command = await load();
	return command.run(args, io);
}
