// The Host check that defeats DNS rebinding: a page on attacker.example pointed at 127.0.0.1
// still sends "Host: attacker.example", and only names the person chose are answered.
import { describe, expect, it } from 'vitest';
import { hostnameOf, hostPolicyFromEnv, isAllowedHost } from '$lib/server/host-check';

describe('the Host check', () => {
	const local = hostPolicyFromEnv({});

	it('answers the localhost names on any port, by default', () => {
		for (const host of [
			'localhost',
			'localhost:3000',
			'LOCALHOST:80',
			'localhost.:3000',
			'127.0.0.1',
			'127.0.0.1:4173',
			'[::1]',
			'[::1]:3000'
		])
			expect(isAllowedHost(host, local), host).toBe(true);
	});

	it('refuses another name, even one that resolves to this computer', () => {
		for (const host of [
			'attacker.example',
			'attacker.example:3202',
			'localhost.attacker.example',
			'127.0.0.1.nip.io:3000',
			'192.168.1.20:3000'
		])
			expect(isAllowedHost(host, local), host).toBe(false);
	});

	it('refuses a missing or malformed Host header rather than guessing', () => {
		for (const host of [
			null,
			undefined,
			'',
			'   ',
			'evil@localhost',
			'localhost/path',
			'localhost:3000:1',
			'local host',
			'localhost:port',
			'[::1'
		])
			expect(isAllowedHost(host, local), String(host)).toBe(false);
	});

	it('adds the names of ALLOWED_HOSTS, with or without a port, IPv6 with or without brackets', () => {
		const policy = hostPolicyFromEnv({ ALLOWED_HOSTS: ' Puente.LAN:3000 , aula-3.local,,fd00::7' });
		expect(isAllowedHost('puente.lan:3000', policy)).toBe(true);
		expect(isAllowedHost('puente.lan:8080', policy)).toBe(true);
		expect(isAllowedHost('aula-3.local', policy)).toBe(true);
		expect(isAllowedHost('[fd00::7]:3000', policy)).toBe(true);
		expect(isAllowedHost('localhost:3000', policy)).toBe(true);
		expect(isAllowedHost('attacker.example', policy)).toBe(false);
		expect(isAllowedHost('lan', policy)).toBe(false);
	});

	it('adds a specific HOST the server listens on', () => {
		const byAddress = hostPolicyFromEnv({ HOST: '192.168.1.20' });
		expect(isAllowedHost('192.168.1.20:3000', byAddress)).toBe(true);
		expect(isAllowedHost('192.168.1.21:3000', byAddress)).toBe(false);
		expect(isAllowedHost('attacker.example', byAddress)).toBe(false);
		const byName = hostPolicyFromEnv({ HOST: 'puente.lan' });
		expect(isAllowedHost('puente.lan:3000', byName)).toBe(true);
		expect(isAllowedHost('[::1]:3000', hostPolicyFromEnv({ HOST: '::1' }))).toBe(true);
	});

	it('adds the public name of ORIGIN, for a server behind a proxy', () => {
		const policy = hostPolicyFromEnv({ ORIGIN: 'https://Puente.Example.org' });
		expect(isAllowedHost('puente.example.org', policy)).toBe(true);
		expect(isAllowedHost('example.org', policy)).toBe(false);
		expect(isAllowedHost('attacker.example', hostPolicyFromEnv({ ORIGIN: 'not a url' }))).toBe(
			false
		);
	});

	it('with HOST on every interface, answers any address typed as such but still no other name', () => {
		for (const HOST of ['0.0.0.0', '::']) {
			const open = hostPolicyFromEnv({ HOST });
			expect(isAllowedHost('192.168.1.20:3000', open), HOST).toBe(true);
			expect(isAllowedHost('[fe80::1]:3000', open), HOST).toBe(true);
			expect(isAllowedHost('attacker.example:3000', open), HOST).toBe(false);
			// The wildcard itself is not a name anybody browses to.
			expect(open.names.has('0.0.0.0'), HOST).toBe(false);
		}
	});

	it('names the host of a well-formed header only', () => {
		expect(hostnameOf('Attacker.Example:3202')).toBe('attacker.example');
		expect(hostnameOf('[::1]:3000')).toBe('[::1]');
		expect(hostnameOf('evil@localhost')).toBeUndefined();
	});
});
