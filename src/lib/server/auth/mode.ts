// Whether Puente runs as the personal app (no accounts, the default) or in the shared mode for a
// class or newsroom (PUENTE_AUTH=on: accounts, sign-in, roles). Read once per process.

const ON = new Set(['on', 'true', '1', 'yes']);

export function sharedModeFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
	return ON.has((env.PUENTE_AUTH ?? '').trim().toLowerCase());
}
