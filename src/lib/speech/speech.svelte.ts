// Reads text aloud with the browser's speech synthesis, in the text's language and a voice that
// speaks it. Voices arrive asynchronously (Chromium fills getVoices() only after `voiceschanged`),
// so the voice list is reactive: a listen button appears once a matching voice is known.
// On the server, and in browsers without speechSynthesis, nothing speaks and canSpeak() is false.
import { createSubscriber } from 'svelte/reactivity';

/** The parts of the Web Speech API we use, so a test can hand in a fake. */
export interface SpeechEnvironment {
	synth: Pick<
		SpeechSynthesis,
		'getVoices' | 'speak' | 'cancel' | 'addEventListener' | 'removeEventListener'
	>;
	Utterance: new (text: string) => SpeechSynthesisUtterance;
	storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

export type VoiceLike = Pick<SpeechSynthesisVoice, 'lang' | 'name' | 'default' | 'localService'>;

export const RATE_STORAGE_KEY = 'puente-speech-rate';
export const MIN_RATE = 0.5;
export const MAX_RATE = 2;
export const DEFAULT_RATE = 1;

/** A stored rate read defensively: anything but a number in range is the default. */
export function parseRate(value: string | null | undefined): number {
	const rate = Number(value);
	return value && Number.isFinite(rate) ? clampRate(rate) : DEFAULT_RATE;
}

export function clampRate(rate: number): number {
	return Math.round(Math.min(MAX_RATE, Math.max(MIN_RATE, rate)) * 100) / 100;
}

/**
 * The voice for a language code ('es', 'en'): among voices whose BCP 47 tag starts with it
 * (es-ES, es-MX, Android's es_ES), the browser's default first, then one on the device (no
 * network, no delay), then the first listed.
 */
export function pickVoice<V extends VoiceLike>(voices: readonly V[], lang: string): V | undefined {
	const base = lang.toLowerCase().split(/[-_]/)[0];
	if (!base || base === 'und') return undefined;
	const matching = voices.filter((v) => v.lang.toLowerCase().split(/[-_]/)[0] === base);
	return matching.find((v) => v.default) ?? matching.find((v) => v.localService) ?? matching.at(0);
}

export interface SpeakOptions {
	/** 0.5 to 2; the stored rate when left out. */
	rate?: number;
	/** Called once the utterance ends, fails or is cut off by another. */
	onend?: () => void;
}

export class Speech {
	rate = $state(DEFAULT_RATE);
	/** The text being read now, so a button can show that it is the one speaking. */
	speaking = $state<{ text: string; lang: string } | null>(null);
	#env: SpeechEnvironment | null;
	#current: { utterance: SpeechSynthesisUtterance; onend?: () => void } | null = null;
	/** Re-runs whatever read the voices when the browser announces new ones. */
	#subscribeToVoices: () => void;

	constructor(environment: () => SpeechEnvironment | null = browserEnvironment) {
		const env = environment();
		this.#env = env;
		this.rate = parseRate(safely(() => env?.storage?.getItem(RATE_STORAGE_KEY)));
		this.#subscribeToVoices = createSubscriber((update) => {
			env?.synth.addEventListener('voiceschanged', update);
			// Safari fills the list without always firing voiceschanged: look again shortly.
			const timers = [250, 1500].map((ms) => setTimeout(update, ms));
			return () => {
				env?.synth.removeEventListener('voiceschanged', update);
				for (const timer of timers) clearTimeout(timer);
			};
		});
	}

	/** The voices the browser offers now; empty until they load (or for good, without any). Reactive. */
	get voices(): readonly SpeechSynthesisVoice[] {
		this.#subscribeToVoices();
		return this.#env?.synth.getVoices() ?? [];
	}

	/** Reactive: the voice that would read `lang`, or undefined (also while voices load). */
	voiceFor(lang: string): SpeechSynthesisVoice | undefined {
		return pickVoice(this.voices, lang);
	}

	canSpeak(lang: string): boolean {
		return this.voiceFor(lang) !== undefined;
	}

	/** Reads `text` in `lang`, cutting off whatever was being read. False when no voice fits. */
	speak(text: string, lang: string, options: SpeakOptions = {}): boolean {
		const env = this.#env;
		const voice = this.voiceFor(lang);
		if (!env || !voice || !text.trim()) return false;
		this.stop();
		const utterance = new env.Utterance(text);
		utterance.voice = voice;
		utterance.lang = voice.lang;
		utterance.rate = clampRate(options.rate ?? this.rate);
		const current = { utterance, onend: options.onend };
		const finished = () => {
			if (this.#current === current) this.#finish();
		};
		utterance.onend = finished;
		utterance.onerror = finished;
		this.#current = current;
		this.speaking = { text, lang };
		env.synth.speak(utterance);
		return true;
	}

	/** Stops reading; the cut-off utterance's onend still runs, once. */
	stop() {
		if (!this.#env) return;
		// Finish first: cancel() fires `error` (Chromium), `end` or nothing, depending on the engine.
		this.#finish();
		this.#env.synth.cancel();
	}

	#finish() {
		const current = this.#current;
		this.#current = null;
		this.speaking = null;
		current?.onend?.();
	}

	isSpeaking(text: string, lang: string): boolean {
		return this.speaking?.text === text && this.speaking.lang === lang;
	}

	/** Sets and remembers the reading rate (kept in localStorage). */
	setRate(rate: number) {
		this.rate = clampRate(rate);
		safely(() => this.#env?.storage?.setItem(RATE_STORAGE_KEY, String(this.rate)));
	}
}

function browserEnvironment(): SpeechEnvironment | null {
	if (typeof window === 'undefined' || !('speechSynthesis' in window)) return null;
	if (typeof SpeechSynthesisUtterance === 'undefined') return null;
	return {
		synth: window.speechSynthesis,
		Utterance: SpeechSynthesisUtterance,
		storage: safely(() => window.localStorage)
	};
}

/** localStorage throws in some private modes and sandboxed frames: reading aloud still works. */
function safely<T>(read: () => T): T | undefined {
	try {
		return read();
	} catch {
		return undefined;
	}
}
