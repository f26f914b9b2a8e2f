// The review-cards page's state: the glossary entries from `load`, the progress read from
// localStorage once mounted (never on the server), and the card on show, which stays put until
// it is graded even if the clock makes another card due meanwhile.
import {
	gradeCard,
	nextCard,
	promptLanguage,
	reviewStats,
	type Direction,
	type Grade
} from '$lib/glossary-cards/leitner';
import {
	emptyReview,
	parseStoredReview,
	serializeReview,
	STORAGE_KEY,
	type StoredReview
} from '$lib/glossary-cards/storage';

export interface ReviewEntry {
	id: string;
	type: string;
	es: string;
	en: string;
	explanation: { en: string; es: string };
}

export class CardReview {
	#entries: () => ReviewEntry[];
	#clock: () => number;

	/** Null until read in the browser: the server and the first render know nothing of it. */
	stored = $state<StoredReview | null>(null);
	now = $state(0);
	currentId = $state<string | null>(null);
	/** Shown early: nothing else was due. */
	ahead = $state(false);
	revealed = $state(false);

	entries = $derived.by(() => {
		const type = this.stored?.type;
		const all = this.#entries();
		return type && all.some((e) => e.type === type) ? all.filter((e) => e.type === type) : all;
	});
	ids = $derived(this.entries.map((e) => e.id));
	stats = $derived(this.stored ? reviewStats(this.ids, this.stored.progress, this.now) : undefined);
	current = $derived(this.entries.find((e) => e.id === this.currentId));
	promptLang = $derived(
		this.current && this.stored
			? promptLanguage(
					this.stored.direction,
					this.current.id,
					this.stored.progress[this.current.id]?.reviews ?? 0
				)
			: 'es'
	);

	constructor(entries: () => ReviewEntry[], clock: () => number = Date.now) {
		this.#entries = entries;
		this.#clock = clock;
	}

	/** Reads the stored progress; call after mount. */
	load(text: string | null) {
		this.now = this.#clock();
		this.stored = parseStoredReview(text);
		this.#pick();
	}

	/** Another tab changed the progress: take it, keeping the card on show if it is still there. */
	sync(text: string | null) {
		this.stored = parseStoredReview(text);
		this.now = this.#clock();
		if (!this.current) this.#pick();
	}

	tick() {
		this.now = this.#clock();
		if (!this.current) this.#pick();
	}

	reveal() {
		if (this.current) this.revealed = true;
	}

	grade(grade: Grade) {
		if (!this.stored || !this.current || !this.revealed) return;
		const now = this.#clock();
		const id = this.current.id;
		this.stored.progress = {
			...this.stored.progress,
			[id]: gradeCard(this.stored.progress[id], grade, now)
		};
		this.now = now;
		this.#pick();
		this.#save();
	}

	setDirection(direction: Direction) {
		if (!this.stored) return;
		this.stored.direction = direction;
		this.revealed = false;
		this.#save();
	}

	setType(type: string) {
		if (!this.stored) return;
		this.stored.type = type;
		this.#pick();
		this.#save();
	}

	reset() {
		if (!this.stored) return;
		this.stored = { ...emptyReview(), direction: this.stored.direction, type: this.stored.type };
		this.now = this.#clock();
		this.#pick();
		this.#save();
	}

	#pick() {
		const next = this.stored ? nextCard(this.ids, this.stored.progress, this.now) : undefined;
		this.currentId = next?.id ?? null;
		this.ahead = next?.ahead ?? false;
		this.revealed = false;
	}

	#save() {
		if (!this.stored) return;
		try {
			localStorage.setItem(STORAGE_KEY, serializeReview(this.stored));
		} catch {
			// Storage full or refused (private mode): the review goes on, unsaved.
		}
	}
}
