// Entry of the `puente` command: picks the subcommand and hands it the arguments.
import { EXIT_BAD_INPUT, type CliIO } from './io';

const USAGE = `Usage:
  puente detect FILE|- [--format jsonl|text]
  puente align EN ES [--presplit] [--format beads|tsv|tmx|json]
  puente align MIXED --format json
`;

const commands: Record<
	string,
	() => Promise<{ run: (args: string[], io: CliIO) => Promise<number> }>
> = {
	detect: () => import('./detect'),
	align: () => import('./align')
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
