/**
 * Lines too long for remark. micromark's inline parsing is quadratic in places (the words of one
 * link text: a 200 kB title took 7 s, a 5 MB one hours; many links on one line), and even a line of
 * spaces costs it a step per character. Whatever a line of more than `MAX_LINE_LENGTH` characters
 * holds in its middle, its first and last `MAX_LINE_LENGTH / 2` still show what it is:
 * `- [ ] [Title … end](url)` stays one paper, with its URL. The middle is not read.
 *
 * `capLongLines` blanks the middle with spaces (the same length, every offset unchanged: the
 * reference a whole-document parse is compared with). `cutLongLines` cuts it out, down to one space,
 * so remark never walks it, and `LineCuts.offset` maps a position in the cut text back.
 */
import { forEachLine } from "./lines";

/** Lines longer than this are parsed without their middle. */
export const MAX_LINE_LENGTH = 10_000;

interface Middle {
	start: number;
	end: number;
	/** 1-based number of the line it is on. */
	line: number;
}

function isHighSurrogate(code: number): boolean {
	return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
	return code >= 0xdc00 && code <= 0xdfff;
}

/** The middles of the text's long lines, in order. */
function longLineMiddles(text: string): Middle[] {
	const middles: Middle[] = [];
	if (text.length <= MAX_LINE_LENGTH) return middles;
	const keep = MAX_LINE_LENGTH / 2;
	let line = 0;
	forEachLine(text, (start, end) => {
		line += 1;
		if (end - start <= MAX_LINE_LENGTH) return;
		let middleStart = start + keep;
		let middleEnd = end - keep;
		// Never split a surrogate pair: half of one would reach a title as a lone surrogate.
		if (isHighSurrogate(text.charCodeAt(middleStart - 1))) middleStart -= 1;
		if (isLowSurrogate(text.charCodeAt(middleEnd))) middleEnd += 1;
		middles.push({ start: middleStart, end: middleEnd, line });
	});
	return middles;
}

/** The text with the middle of every line longer than `MAX_LINE_LENGTH` blanked by spaces (the same length). */
export function capLongLines(text: string): string {
	const middles = longLineMiddles(text);
	if (middles.length === 0) return text;
	const parts: string[] = [];
	let copied = 0;
	for (const middle of middles) {
		parts.push(text.slice(copied, middle.start), " ".repeat(middle.end - middle.start));
		copied = middle.end;
	}
	return parts.join("") + text.slice(copied);
}

/** Where the cut text was shortened: after `at` (the one space left of a middle), `removed` characters are gone. */
interface Cut {
	at: number;
	removed: number;
	line: number;
	/** Characters removed by this cut and all before it. */
	before: number;
}

/** Maps positions in a text whose long lines were cut (see `cutLongLines`) back to the original. */
export class LineCuts {
	constructor(private readonly cuts: readonly Cut[]) {}

	get empty(): boolean {
		return this.cuts.length === 0;
	}

	/** The last cut whose space lies before `offset`, or -1. */
	private cutBefore(offset: number): number {
		let low = 0;
		let high = this.cuts.length - 1;
		let found = -1;
		while (low <= high) {
			const mid = (low + high) >> 1;
			if ((this.cuts[mid]?.at ?? Infinity) < offset) {
				found = mid;
				low = mid + 1;
			} else {
				high = mid - 1;
			}
		}
		return found;
	}

	offset(offset: number): number {
		const index = this.cutBefore(offset);
		const cut = this.cuts[index];
		return cut ? offset + cut.before + cut.removed : offset;
	}

	/** A point's column moves only when a cut on its own line lies before it. */
	column(offset: number, line: number, column: number): number {
		const cut = this.cuts[this.cutBefore(offset)];
		return cut && cut.line === line ? column + cut.removed : column;
	}
}

const NO_CUTS = new LineCuts([]);

/** The text with the middle of every line longer than `MAX_LINE_LENGTH` cut down to one space, and the map back. */
export function cutLongLines(text: string): { text: string; cuts: LineCuts } {
	const middles = longLineMiddles(text);
	if (middles.length === 0) return { text, cuts: NO_CUTS };
	const parts: string[] = [];
	const cuts: Cut[] = [];
	let copied = 0;
	let removedSoFar = 0;
	for (const middle of middles) {
		parts.push(text.slice(copied, middle.start), " ");
		const removed = middle.end - middle.start - 1;
		cuts.push({ at: middle.start - removedSoFar, removed, line: middle.line, before: removedSoFar });
		removedSoFar += removed;
		copied = middle.end;
	}
	return { text: parts.join("") + text.slice(copied), cuts: new LineCuts(cuts) };
}
