// Listening, for every page: one Speech per browser tab (speechSynthesis is one queue per tab
// anyway). On the server it is inert: no voices, canSpeak() false, speak() does nothing.
import { Speech, type SpeakOptions } from './speech.svelte';

export {
	Speech,
	pickVoice,
	parseRate,
	clampRate,
	MIN_RATE,
	MAX_RATE,
	DEFAULT_RATE,
	RATE_STORAGE_KEY,
	type SpeakOptions,
	type SpeechEnvironment
} from './speech.svelte';

export const speech = new Speech();

/** Reads `text` aloud in `lang` ('es', 'en'); false when the browser has no voice for it. */
export const speak = (text: string, lang: string, options?: SpeakOptions) =>
	speech.speak(text, lang, options);
export const stop = () => speech.stop();
/** Reactive in components and $derived: re-evaluates when the browser's voices load. */
export const voiceFor = (lang: string) => speech.voiceFor(lang);
export const canSpeak = (lang: string) => speech.canSpeak(lang);
