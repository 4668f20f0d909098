/**
 * What a catalogue's page-level markup says before any chunk is parsed: Liquid tags and kramdown
 * blocks are blanked out of the text (same length, see `liquid.ts` and `kramdown.ts`), and what they
 * told about the page is kept for putting the catalogue together:
 *
 * - group regions: `<div class="optional_reading" markdown="1">` and the like;
 * - entry headings: on a Jekyll course page each lecture is a Liquid include followed by its heading
 *   (`{% include syllabus_entry %}` then `## Big Ideas`, blank lines and kramdown comments between).
 *   Such a heading opens a lecture whatever its depth: a `## lecture` after a `# Holiday` entry is the
 *   holiday's sibling, not its child, and the page's sections are its entries.
 *
 * All of it is worked out on the whole text, so that cutting it into chunks stays invisible: a
 * `<div markdown="1">` may open in one chunk and close several chunks later.
 */
import { bodyStart } from "./chunks";
import { type GroupRegion, readKramdown } from "./kramdown";
import { forEachLine } from "./lines";
import { blankLiquid } from "./liquid";

export interface PreparedPage {
	/** The text to parse: as long as the original, every offset the same. */
	text: string;
	groups: GroupRegion[];
	/** 1-based line numbers of the headings that open a page entry (see above). */
	entryLines: ReadonlySet<number>;
}

const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const NO_ENTRIES: ReadonlySet<number> = new Set();

/** Headings that come right after a line holding a Liquid include, blank lines between. */
function entryHeadingLines(text: string, tagLines: readonly number[]): Set<number> {
	const entries = new Set<number>();
	let nextTagLine = 0;
	let afterTags = false;
	let lineNumber = 0;
	forEachLine(text, (start, end) => {
		lineNumber += 1;
		let isTagLine = false;
		while (nextTagLine < tagLines.length && (tagLines[nextTagLine] ?? Infinity) <= start) {
			if (tagLines[nextTagLine] === start) isTagLine = true;
			nextTagLine += 1;
		}
		if (isTagLine) {
			afterTags = true;
			return;
		}
		const line = text.slice(start, end);
		if (line.trim() === "") return;
		if (afterTags && ATX_HEADING.test(line)) entries.add(lineNumber);
		afterTags = false;
	});
	return entries;
}

export function preparePage(text: string): PreparedPage {
	const from = bodyStart(text);
	const liquid = blankLiquid(text, from);
	const kramdown = readKramdown(liquid.text, from);
	const entryLines = liquid.includeLines.length > 0 ? entryHeadingLines(kramdown.text, liquid.includeLines) : NO_ENTRIES;
	return { text: kramdown.text, groups: kramdown.groups, entryLines };
}
