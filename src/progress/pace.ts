/**
 * Reading pace from the notes' `read` dates, and when the remaining required
 * papers will be done at that pace.
 */
import { addDays, isValid, parse, parseISO, startOfDay, subDays } from "date-fns";

export const PACE_WINDOW_WEEKS = 4;

export interface Pace {
	/** Papers read per week over the last four weeks (today included). */
	perWeek: number;
	/** Papers read in those four weeks. */
	recent: number;
	/** Read dates found at all (in any week). */
	datedPapers: number;
	/** Required papers not read yet. */
	remainingRequired: number;
	/** When the remaining required papers are done at this pace; null without a pace or with nothing left. */
	finish: Date | null;
}

function parseWithFormat(text: string, dateFormat: string, reference: Date): Date | null {
	// Moment's YYYY and DD are date-fns's week-year and day-of-year: date-fns refuses them (and says so on the console).
	if (/[YD]/.test(dateFormat.replace(/'[^']*'?/g, ""))) return null;
	try {
		const date = parse(text, dateFormat, reference);
		return isValid(date) ? date : null;
	} catch {
		// A format date-fns refuses (moment's YYYY-MM-DD, say): fall back to ISO dates.
		return null;
	}
}

/**
 * A `read` property as written with the date format setting, or as an ISO
 * date (with or without a time); YAML may also hand over a Date. Anything
 * else, empty values and impossible dates (2024-02-30) are null.
 */
export function parseReadDate(value: unknown, dateFormat: string, reference: Date): Date | null {
	if (value instanceof Date) return isValid(value) ? value : null;
	if (typeof value !== "string" || value.trim() === "") return null;
	const text = value.trim();
	const withFormat = parseWithFormat(text, dateFormat, reference);
	if (withFormat) return withFormat;
	const iso = parseISO(text);
	return isValid(iso) ? iso : null;
}

/**
 * The pace over the four weeks that end today (28 days, today and the 27
 * before it; later dates are ignored), and the day the remaining required
 * papers are done at that pace.
 */
export function paceOf(readDates: readonly Date[], remainingRequired: number, today: Date): Pace {
	const end = startOfDay(addDays(today, 1));
	const start = subDays(end, PACE_WINDOW_WEEKS * 7);
	const recent = readDates.filter((date) => date >= start && date < end).length;
	const perWeek = recent / PACE_WINDOW_WEEKS;
	const remaining = Math.max(0, remainingRequired);
	const finish = perWeek > 0 && remaining > 0 ? addDays(startOfDay(today), Math.ceil((remaining / perWeek) * 7)) : null;
	return { perWeek, recent, datedPapers: readDates.length, remainingRequired: remaining, finish };
}

/** "1 paper a week", "2.5 papers a week", "0.25 papers a week". */
export function formatPerWeek(perWeek: number): string {
	const number = Number(perWeek.toFixed(2)).toString();
	return `${number} ${perWeek === 1 ? "paper" : "papers"} a week`;
}
