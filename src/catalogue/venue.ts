/**
 * Reads the bracketed note that reading lists put after a title, e.g.
 * `Mixed precision training. [ICLR’18]` or `Chimera … [SC’21, Best Paper finalist]`.
 *
 * Pure string functions: they take text with markdown already stripped and never throw.
 */

import type { VenueNote } from "./model";

export interface TitleNote {
	title: string;
	/** Content of the trailing `[...]`, trimmed; absent when there is none or it is empty. */
	note?: string;
}

/**
 * One bracket group at the very end, optionally followed by the punctuation that closed the sentence
 * (`Title [ICLR’18].`). The note holds no brackets, so the match is always the last group, and
 * `Title [see [1]]` has no note at all rather than a half-split one.
 */
const TRAILING_NOTE = /\[([^[\]]*)\][\s.,;:]*$/;

/** Sentence punctuation that ends a title in a list but is not part of the paper's name. */
const TITLE_TAIL_CHARS = new Set([".", ",", ";", ":"]);

function cleanTitle(text: string): string {
	let end = text.length;
	// A loop rather than a `[…]+$` regex: that pattern backtracks quadratically on long runs of spaces.
	while (end > 0) {
		const char = text.charAt(end - 1);
		if (!TITLE_TAIL_CHARS.has(char) && char.trim() !== "") break;
		end -= 1;
	}
	return text.slice(0, end).trim();
}

/**
 * Splits `Title [note]` into its title and note.
 *
 * A title that is nothing but a bracket (`[Blog post]`) keeps the bracket's content as its title and
 * has no note: a paper needs a title to be found by, and a lone bracket is more likely to be a title
 * written in brackets than a note about nothing.
 */
export function splitTitleNote(text: string): TitleNote {
	const match = TRAILING_NOTE.exec(text);
	if (!match) return { title: cleanTitle(text) };
	// `\]` inside link text is normally unescaped by the markdown parser; tolerate callers that did not.
	const note = (match[1] ?? "").replace(/\\$/, "").trim();
	const title = cleanTitle(text.slice(0, match.index));
	if (title === "") return { title: note === "" ? cleanTitle(text) : cleanTitle(note) };
	return note === "" ? { title } : { title, note };
}

/** Years come 4-digit or apostrophe-2-digit; parentheses and full-width punctuation also separate parts. */
const PART_SEPARATOR = /[,;()，；（）]/;

/**
 * A 4-digit year from 1900 to 2099, not glued to other digits and not the first half of an arXiv
 * id such as `2001.08361`. Letters may touch it (`ICLR2018`). The leading group replaces a lookbehind,
 * which iOS Safari lacks.
 */
const FOUR_DIGIT_YEAR = /(^|[^\p{N}.])((?:19|20)\p{N}{2})(?!\p{N}|\.\p{N})/u;

/**
 * An apostrophe year: `ICLR’18`, `NeurIPS'12`, `OSDI '16`. The apostrophe is required, since bare
 * two-digit numbers in notes are far more often model sizes or volumes (`ResNet50`) than years.
 * A following letter rules out decades such as `’90s`.
 */
const TWO_DIGIT_YEAR = /['’‘`´′]\s?(\d{2})(?![\p{L}\p{N}])/u;

/**
 * Fixed century pivot for two-digit years: 00–49 are 2000s, 50–99 are 1900s. Fixed rather than
 * derived from today's date so that parsing is deterministic and the same note never changes meaning.
 */
const TWO_DIGIT_YEAR_PIVOT = 50;

function fullYear(twoDigits: number): number {
	return twoDigits < TWO_DIGIT_YEAR_PIVOT ? 2000 + twoDigits : 1900 + twoDigits;
}

/** Words that mark a part of the note as a distinction rather than a venue. */
const AWARD = /\b(?:best|awards?|awarded|finalists?|honou?rable|distinguished|outstanding|oral|spotlight|test[\s-]+of[\s-]+time)\b/i;

/** Link labels that say what the target is, not where the paper appeared. Compared after lower-casing. */
const GENERIC_NOTES = new Set([
	"pdf",
	"html",
	"link",
	"url",
	"paper",
	"slides",
	"slide",
	"code",
	"video",
	"videos",
	"talk",
	"poster",
	"website",
	"site",
	"web",
	"github",
	"repo",
]);

/** Quotes, dashes and stray brackets left at the edges once a year is cut out of a part. */
const EDGE_CHARS = new Set([..."\"'“”‘’„‚«»‹›`´′-–—:/|·[]{}"]);

function trimEdges(text: string): string {
	let start = 0;
	let end = text.length;
	const isEdge = (char: string): boolean => EDGE_CHARS.has(char) || char.trim() === "";
	while (start < end && isEdge(text.charAt(start))) start += 1;
	while (end > start && isEdge(text.charAt(end - 1))) end -= 1;
	return text.slice(start, end).replace(/\s+/g, " ");
}

interface YearSplit {
	year: number;
	before: string;
	after: string;
}

function splitYear(part: string): YearSplit | undefined {
	const long = FOUR_DIGIT_YEAR.exec(part);
	if (long) {
		const prefix = long[1] ?? "";
		const digits = long[2] ?? "";
		const start = long.index + prefix.length;
		return { year: Number(digits), before: part.slice(0, start), after: part.slice(start + digits.length) };
	}
	const short = TWO_DIGIT_YEAR.exec(part);
	if (short) {
		return {
			year: fullYear(Number(short[1])),
			before: part.slice(0, short.index),
			after: part.slice(short.index + short[0].length),
		};
	}
	return undefined;
}

/**
 * Reads venue, year and award from a note such as `SC’21, Best Paper finalist` or
 * `Best Paper Award, DAC’21`.
 *
 * The note splits on commas, semicolons and parentheses. The first year found wins (later parts
 * stay as written); parts that name an award go to `award`; generic link labels (`pdf`, `slides`…)
 * are dropped; everything else is venue. Several venue or award parts are joined with `, ` so that
 * nothing the author wrote is lost. Keys with nothing to say are left out.
 */
export function parseVenueNote(note: string): VenueNote {
	const venues: string[] = [];
	const awards: string[] = [];
	let year: number | undefined;

	const classify = (text: string): void => {
		const cleaned = trimEdges(text);
		if (cleaned === "" || GENERIC_NOTES.has(cleaned.toLowerCase())) return;
		if (AWARD.test(cleaned)) awards.push(cleaned);
		else venues.push(cleaned);
	};

	for (const part of note.split(PART_SEPARATOR)) {
		const split = year === undefined ? splitYear(part) : undefined;
		if (split) {
			year = split.year;
			classify(split.before);
			classify(split.after);
		} else {
			classify(part);
		}
	}

	const result: VenueNote = {};
	if (venues.length > 0) result.venue = venues.join(", ");
	if (year !== undefined) result.year = year;
	if (awards.length > 0) result.award = awards.join(", ");
	return result;
}
