// The speech module against a fake speechSynthesis: voices that arrive late, the voice chosen for
// a language, the rate kept in storage, and stop() ending what was being read.
import { describe, expect, it } from 'vitest';
import {
	Speech,
	pickVoice,
	parseRate,
	RATE_STORAGE_KEY,
	type SpeechEnvironment
} from '$lib/speech';

interface FakeVoice {
	lang: string;
	name: string;
	default: boolean;
	localService: boolean;
	voiceURI: string;
}

const voice = (lang: string, name: string, extra: Partial<FakeVoice> = {}): FakeVoice => ({
	lang,
	name,
	default: false,
	localService: false,
	voiceURI: name,
	...extra
});

class FakeUtterance {
	voice: FakeVoice | null = null;
	lang = '';
	rate = 1;
	onend: (() => void) | null = null;
	onerror: (() => void) | null = null;
	constructor(public text: string) {}
}

function fakeEnvironment(initialVoices: FakeVoice[] = []) {
	let voices = initialVoices;
	const listeners = new Set<() => void>();
	const spoken: FakeUtterance[] = [];
	const stored = new Map<string, string>();
	let cancels = 0;
	const env = {
		synth: {
			getVoices: () => voices,
			speak: (u: FakeUtterance) => spoken.push(u),
			cancel: () => {
				cancels++;
			},
			addEventListener: (_: string, fn: () => void) => listeners.add(fn),
			removeEventListener: (_: string, fn: () => void) => listeners.delete(fn)
		},
		Utterance: FakeUtterance,
		storage: {
			getItem: (k: string) => stored.get(k) ?? null,
			setItem: (k: string, v: string) => void stored.set(k, v)
		}
	} as unknown as SpeechEnvironment;
	return {
		env,
		spoken,
		stored,
		cancels: () => cancels,
		listeners,
		loadVoices(next: FakeVoice[]) {
			voices = next;
			for (const fn of listeners) fn();
		}
	};
}

describe('pickVoice', () => {
	const voices = [
		voice('en-GB', 'Daniel'),
		voice('es-MX', 'Paulina', { localService: true }),
		voice('es_ES', 'Android Spanish'),
		voice('en-US', 'Samantha', { default: true })
	];
	it('matches the language part of the tag, whatever the region or separator', () => {
		expect(pickVoice([voice('es_ES', 'A')], 'es')?.name).toBe('A');
		expect(pickVoice(voices, 'fr')).toBeUndefined();
		expect(pickVoice(voices, 'und')).toBeUndefined();
	});
	it('prefers the default voice, then one on the device', () => {
		expect(pickVoice(voices, 'en')?.name).toBe('Samantha');
		expect(pickVoice(voices, 'es')?.name).toBe('Paulina');
	});
});

describe('parseRate', () => {
	it('reads stored rates defensively and keeps them in range', () => {
		expect(parseRate(null)).toBe(1);
		expect(parseRate('fast')).toBe(1);
		expect(parseRate('1.25')).toBe(1.25);
		expect(parseRate('9')).toBe(2);
		expect(parseRate('0.1')).toBe(0.5);
	});
});

describe('Speech', () => {
	it('speaks in a matching voice at the stored rate, and refuses a language it has no voice for', () => {
		const fake = fakeEnvironment([voice('en-US', 'Samantha'), voice('es-ES', 'Monica')]);
		fake.stored.set(RATE_STORAGE_KEY, '0.8');
		const speech = new Speech(() => fake.env);
		expect(speech.speak('Marcharon a Lima.', 'es')).toBe(true);
		expect(fake.spoken).toHaveLength(1);
		expect(fake.spoken[0].voice?.name).toBe('Monica');
		expect(fake.spoken[0].lang).toBe('es-ES');
		expect(fake.spoken[0].rate).toBe(0.8);
		expect(speech.isSpeaking('Marcharon a Lima.', 'es')).toBe(true);
		expect(speech.speak('Bonjour', 'fr')).toBe(false);
		expect(fake.spoken).toHaveLength(1);
	});

	it('remembers a new rate and uses it; an explicit rate wins for one sentence', () => {
		const fake = fakeEnvironment([voice('en-US', 'Samantha')]);
		const speech = new Speech(() => fake.env);
		speech.setRate(1.5);
		expect(fake.stored.get(RATE_STORAGE_KEY)).toBe('1.5');
		expect(new Speech(() => fake.env).rate).toBe(1.5);
		speech.speak('One.', 'en');
		speech.speak('Two.', 'en', { rate: 0.7 });
		expect(fake.spoken.map((u) => u.rate)).toEqual([1.5, 0.7]);
	});

	it('stop() cancels and ends the current sentence once; a new sentence cuts off the old', () => {
		const fake = fakeEnvironment([voice('en-US', 'Samantha')]);
		const speech = new Speech(() => fake.env);
		const ended: string[] = [];
		speech.speak('First.', 'en', { onend: () => ended.push('first') });
		speech.speak('Second.', 'en', { onend: () => ended.push('second') });
		expect(ended).toEqual(['first']);
		// The engine's late `error` for the cut-off sentence must not end the new one.
		fake.spoken[0].onerror?.();
		expect(speech.isSpeaking('Second.', 'en')).toBe(true);
		speech.stop();
		fake.spoken[1].onend?.();
		expect(ended).toEqual(['first', 'second']);
		expect(speech.speaking).toBeNull();
		expect(fake.cancels()).toBeGreaterThanOrEqual(2);
	});

	it('the end of a sentence read to its close clears what is speaking', () => {
		const fake = fakeEnvironment([voice('en-US', 'Samantha')]);
		const speech = new Speech(() => fake.env);
		let ended = 0;
		speech.speak('Done.', 'en', { onend: () => ended++ });
		fake.spoken[0].onend?.();
		expect(ended).toBe(1);
		expect(speech.speaking).toBeNull();
	});

	it('without speechSynthesis nothing speaks and nothing throws', () => {
		const speech = new Speech(() => null);
		expect(speech.canSpeak('en')).toBe(false);
		expect(speech.speak('Hello.', 'en')).toBe(false);
		expect(() => speech.stop()).not.toThrow();
		speech.setRate(1.2);
		expect(speech.rate).toBe(1.2);
	});

	// Reactivity itself (a button appearing on `voiceschanged`) needs Svelte's client runtime:
	// the unit project runs the server one, so tests/browser/reader-words.test.ts covers it.
	it('voices that load late are found on the next read', () => {
		const fake = fakeEnvironment([]);
		const speech = new Speech(() => fake.env);
		expect(speech.canSpeak('es')).toBe(false);
		expect(speech.speak('Hola.', 'es')).toBe(false);
		fake.loadVoices([voice('es-ES', 'Monica')]);
		expect(speech.voiceFor('es')?.name).toBe('Monica');
		expect(speech.speak('Hola.', 'es')).toBe(true);
	});
});
