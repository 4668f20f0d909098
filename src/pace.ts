/**
 * Reading pace from the notes' `read` dates, and when the remaining required
 * papers will be done at that pace.
 */
import { addDays, isValid, parse, parseISO, startOfDay, subDays } from "date-fns";

export const PACE_WINDOW_WEEKS = 4;

export interface Pace {
	/** Papers read per week over the last four weeks. */
	perWeek: number;
	/** Read dates found at all (in any week). */
	datedPapers: number;
	/** When the remaining required papers are done at this pace; null without a pace or with nothing left. */
	finish: Date | null;
}

/** A `read` property as written with the date format setting, or as an ISO date. */
export function parseReadDate(value: unknown, dateFormat: string, reference: Date): Date | null {
	if (value instanceof Date) return isValid(value) ? value : null;
	if (typeof value !== "string" || value.trim() === "") return null;
	const withFormat = parse(value.trim(), dateFormat, reference);
	if (isValid(withFormat)) return withFormat;
	const iso = parseISO(value.trim());
	return isValid(iso) ? iso : null;
}

export function paceOf(readDates: readonly Date[], remainingRequired: number, today: Date): Pace {
	const end = startOfDay(addDays(today, 1));
	const start = subDays(end, PACE_WINDOW_WEEKS * 7);
	const recent = readDates.filter((date) => date >= start && date < end).length;
	const perWeek = recent / PACE_WINDOW_WEEKS;
	const finish = perWeek > 0 && remainingRequired > 0 ? addDays(startOfDay(today), Math.ceil((remainingRequired / perWeek) * 7)) : null;
	return { perWeek, datedPapers: readDates.length, finish };
}
