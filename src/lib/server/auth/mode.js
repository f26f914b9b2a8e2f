// Whether Puente runs as the personal app (no accounts, the default) or in the shared mode for a
// class or newsroom (PUENTE_AUTH=on: accounts, sign-in, roles). Read once per process.
// Plain JavaScript so that `npm start` (src/cli/start.js, run by node as is) reads the same rule.

const ON = new Set(['on', 'true', '1', 'yes']);

/** @param {Record<string, string | undefined>} [env] */
export function sharedModeFromEnv(env = process.env) {
	return ON.has((env.PUENTE_AUTH ?? '').trim().toLowerCase());
}
