// The progress page's series, from the store's raw rows: cards due per day ahead, reviews per
// day behind, and how many items were known at the end of each day. Days are UTC dates.

export interface DayCount {
	/** YYYY-MM-DD */
	day: string;
	count: number;
}

const DAY = 86_400_000;
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

function days(from: Date, count: number): string[] {
	const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
	return Array.from({ length: count }, (_, i) => dayOf(new Date(start + i * DAY)));
}

/** Cards due on each of the next `count` days; what is overdue counts today. */
export function dueForecast(dues: Date[], now: Date, count = 14): DayCount[] {
	const series = days(now, count).map((day) => ({ day, count: 0 }));
	const index = new Map(series.map((d, i) => [d.day, i]));
	for (const due of dues) {
		const i = due.getTime() <= now.getTime() ? 0 : index.get(dayOf(due));
		if (i !== undefined) series[i].count++;
	}
	return series;
}

/** Reviews on each of the last `count` days, today last. */
export function reviewsPerDay(reviewedAt: Date[], now: Date, count = 30): DayCount[] {
	const series = days(new Date(now.getTime() - (count - 1) * DAY), count).map((day) => ({
		day,
		count: 0
	}));
	const index = new Map(series.map((d, i) => [d.day, i]));
	for (const at of reviewedAt) {
		const i = index.get(dayOf(at));
		if (i !== undefined) series[i].count++;
	}
	return series;
}

export interface StatusEvent {
	/** The item (its language and key); its status from `at` on. */
	item: string;
	status: string;
	at: Date;
}

/** Items whose latest status at the end of each of the last `count` days was `known`. */
export function knownOverTime(events: StatusEvent[], now: Date, count = 30): DayCount[] {
	const series = days(new Date(now.getTime() - (count - 1) * DAY), count).map((day) => ({
		day,
		count: 0
	}));
	const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
	const status = new Map<string, string>();
	let known = 0;
	let next = 0;
	for (const point of series) {
		while (next < sorted.length && dayOf(sorted[next].at) <= point.day) {
			const e = sorted[next++];
			const before = status.get(e.item);
			if (before === 'known') known--;
			if (e.status === 'known') known++;
			status.set(e.item, e.status);
		}
		point.count = known;
	}
	return series;
}
