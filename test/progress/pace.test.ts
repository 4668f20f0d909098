import { describe, expect, it } from "vitest";
import { formatPerWeek, paceOf, parseReadDate } from "../../src/progress/pace";

const TODAY = new Date(2026, 2, 20, 15, 30); // Friday 20 March 2026, afternoon

function day(y: number, m: number, d: number, h = 0): Date {
	return new Date(y, m - 1, d, h);
}

describe("parseReadDate", () => {
	const cases: { name: string; value: unknown; format?: string; expected: Date | null }[] = [
		{ name: "the date format setting", value: "2026-03-05", expected: day(2026, 3, 5) },
		{ name: "surrounding spaces", value: "  2026-03-05 ", expected: day(2026, 3, 5) },
		{ name: "another format setting", value: "05/03/2026", format: "dd/MM/yyyy", expected: day(2026, 3, 5) },
		{ name: "ISO when the setting does not fit", value: "2026-03-05", format: "dd/MM/yyyy", expected: day(2026, 3, 5) },
		{ name: "ISO with a time", value: "2026-03-05T10:00", expected: day(2026, 3, 5, 10) },
		{ name: "a Date from YAML", value: day(2026, 1, 2), expected: day(2026, 1, 2) },
		{ name: "a format date-fns refuses (moment's YYYY-MM-DD)", value: "2026-03-05", format: "YYYY-MM-DD", expected: day(2026, 3, 5) },
		{ name: "an impossible day", value: "2026-02-30", expected: null },
		{ name: "empty", value: "", expected: null },
		{ name: "blank", value: "   ", expected: null },
		{ name: "null (read: with no value)", value: null, expected: null },
		{ name: "a number", value: 20260305, expected: null },
		{ name: "words", value: "last week", expected: null },
		{ name: "an invalid Date", value: new Date(Number.NaN), expected: null },
		{ name: "a list", value: ["2026-03-05"], expected: null },
	];
	it.each(cases)("$name", ({ value, format, expected }) => {
		expect(parseReadDate(value, format ?? "yyyy-MM-dd", TODAY)).toEqual(expected);
	});
});

describe("paceOf", () => {
	const cases: { name: string; dates: Date[]; remaining: number; perWeek: number; recent: number; finish: Date | null }[] = [
		{ name: "no dates", dates: [], remaining: 10, perWeek: 0, recent: 0, finish: null },
		{ name: "one today: a quarter a week", dates: [day(2026, 3, 20, 9)], remaining: 1, perWeek: 0.25, recent: 1, finish: day(2026, 4, 17) },
		{ name: "later today still counts", dates: [day(2026, 3, 20, 23)], remaining: 1, perWeek: 0.25, recent: 1, finish: day(2026, 4, 17) },
		{ name: "27 days ago is in the window", dates: [day(2026, 2, 21)], remaining: 0, perWeek: 0.25, recent: 1, finish: null },
		{ name: "28 days ago is not", dates: [day(2026, 2, 20, 23)], remaining: 4, perWeek: 0, recent: 0, finish: null },
		{ name: "a date in the future is not", dates: [day(2026, 3, 21)], remaining: 4, perWeek: 0, recent: 0, finish: null },
		{ name: "eight in four weeks, six left: three weeks", dates: Array.from({ length: 8 }, (_, i) => day(2026, 3, 1 + i)), remaining: 6, perWeek: 2, recent: 8, finish: day(2026, 4, 10) },
		{ name: "partial days round up", dates: Array.from({ length: 3 }, (_, i) => day(2026, 3, 10 + i)), remaining: 1, perWeek: 0.75, recent: 3, finish: day(2026, 3, 30) },
		{ name: "nothing left", dates: [day(2026, 3, 19)], remaining: 0, perWeek: 0.25, recent: 1, finish: null },
		{ name: "a negative remainder counts as nothing left", dates: [day(2026, 3, 19)], remaining: -2, perWeek: 0.25, recent: 1, finish: null },
	];
	it.each(cases)("$name", ({ dates, remaining, perWeek, recent, finish }) => {
		const pace = paceOf(dates, remaining, TODAY);
		expect(pace).toEqual({ perWeek, recent, datedPapers: dates.length, remainingRequired: Math.max(0, remaining), finish });
	});

	it("counts every dated paper, in the window or not", () => {
		expect(paceOf([day(2025, 1, 1), day(2026, 3, 19)], 3, TODAY).datedPapers).toBe(2);
	});
});

describe("formatPerWeek", () => {
	it.each([
		[1, "1 paper a week"],
		[2, "2 papers a week"],
		[0.25, "0.25 papers a week"],
		[2.5, "2.5 papers a week"],
		[1 / 3, "0.33 papers a week"],
	])("%s → %s", (perWeek, text) => {
		expect(formatPerWeek(perWeek)).toBe(text);
	});
});
