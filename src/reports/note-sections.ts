/**
 * The text a user wrote under a heading of a paper note ("Summary",
 * "Questions for discussion"), without the template's comment prompts.
 *
 * A line scanner rather than a Markdown parser: a paper note can be anything
 * a user pasted, and this stays linear in its length. It knows what hides a
 * heading — fenced code, HTML comments and Obsidian's `%%` comments, which
 * may span lines — and ATX headings (`## Summary`); setext headings
 * (a line underlined with `===`) are not read as headings.
 */
import { splitFrontMatter } from "../notes/front-matter";

export const SUMMARY_HEADING = "Summary";
export const QUESTIONS_HEADING = "Questions for discussion";

const HEADING_OPEN = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
// No section heading the reports look for is longer; a longer one is never compared (and never costs a regex).
const MAX_HEADING_CHARS = 500;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** A heading's text as compared: trimmed, emphasis and trailing colons dropped, spaces collapsed, any case. */
export function headingKey(text: string): string {
	let key = text.normalize("NFC").replace(/\s+/g, " ").trim();
	// "**Summary**", "_Summary_": a bold heading is still the Summary heading.
	for (let previous = ""; previous !== key; ) {
		previous = key;
		key = key.replace(/^(\*\*|__|\*|_)(.+)\1$/, "$2").trim();
		key = key.replace(/[ \t]*:+$/, "").trim();
	}
	return key.toLowerCase();
}

type Comment = "html" | "percent";

interface ScanState {
	fence: { char: string; length: number } | null;
	comment: Comment | null;
}

interface ScannedLine {
	/** The line as the reader sees it: comments taken out (verbatim inside fenced code). */
	visible: string;
	/** Whether a comment was taken out of this line, or it lies inside one. */
	hadComment: boolean;
	heading: { depth: number; text: string } | null;
}

/** An ATX heading's depth and text (without the closing `#` sequence), by hand: regexes here go quadratic on long lines. */
function atxHeading(line: string): { depth: number; text: string } | null {
	const open = HEADING_OPEN.exec(line);
	if (!open?.[1]) return null;
	let text = line.slice(open[0].length).trim();
	let end = text.length;
	while (end > 0 && text[end - 1] === "#") end -= 1;
	if (end < text.length && (end === 0 || text[end - 1] === " " || text[end - 1] === "\t")) text = text.slice(0, end).trimEnd();
	return { depth: open[1].length, text };
}

/** Where each run of backticks in a line starts, its length, and the next run of the same length (which closes a code span). */
function backtickRuns(line: string): Map<number, { length: number; closer: number | null }> {
	const runs: { start: number; length: number }[] = [];
	for (let i = 0; i < line.length; i++) {
		if (line[i] !== "`") continue;
		let length = 1;
		while (line[i + length] === "`") length += 1;
		runs.push({ start: i, length });
		i += length - 1;
	}
	const byStart = new Map<number, { length: number; closer: number | null }>();
	const nextOfLength = new Map<number, number>();
	for (let r = runs.length - 1; r >= 0; r--) {
		const run = runs[r];
		if (!run) continue;
		byStart.set(run.start, { length: run.length, closer: nextOfLength.get(run.length) ?? null });
		nextOfLength.set(run.length, run.start);
	}
	return byStart;
}

const CLOSER: Record<Comment, string> = { html: "-->", percent: "%%" };

/** Takes comments out of one line (outside code spans), carrying an open comment over to the next line. */
function stripComments(line: string, state: ScanState): { text: string; hadComment: boolean } {
	let text = "";
	let hadComment = state.comment !== null;
	const runs = line.includes("`") ? backtickRuns(line) : new Map<number, { length: number; closer: number | null }>();
	let i = 0;
	while (i < line.length) {
		if (state.comment !== null) {
			const close = line.indexOf(CLOSER[state.comment], i);
			if (close === -1) return { text, hadComment: true };
			i = close + CLOSER[state.comment].length;
			state.comment = null;
			continue;
		}
		const run = line[i] === "`" ? runs.get(i) : undefined;
		if (run) {
			// An inline code span: `%%` or `<!--` inside it is text, not a comment. A run with no closer is text too.
			const end = run.closer === null ? i + run.length : run.closer + run.length;
			text += line.slice(i, end);
			i = end;
			continue;
		}
		if (line.startsWith("<!--", i)) {
			state.comment = "html";
			hadComment = true;
			i += 4;
			continue;
		}
		if (line.startsWith("%%", i)) {
			state.comment = "percent";
			hadComment = true;
			i += 2;
			continue;
		}
		text += line[i];
		i += 1;
	}
	return { text, hadComment };
}

function scanLine(line: string, state: ScanState): ScannedLine {
	if (state.fence) {
		const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
		if (close?.[1] && close[1][0] === state.fence.char && close[1].length >= state.fence.length) state.fence = null;
		return { visible: line, hadComment: false, heading: null };
	}
	if (state.comment === null) {
		const fence = FENCE_OPEN.exec(line);
		// A backtick fence's info string may not hold a backtick (CommonMark); otherwise it is inline code.
		if (fence?.[1] && !(fence[1][0] === "`" && fence[2]?.includes("`"))) {
			state.fence = { char: fence[1][0] ?? "`", length: fence[1].length };
			return { visible: line, hadComment: false, heading: null };
		}
	}
	const startsInComment = state.comment !== null;
	const { text, hadComment } = stripComments(line, state);
	return { visible: text, hadComment, heading: startsInComment ? null : atxHeading(text) };
}

/**
 * The text under the first heading named `heading` (compared by `headingKey`), up to the next heading of the
 * same or a higher level: comments taken out (a line that held only a comment goes), leading and trailing
 * blank lines dropped, line ends as `\n`. An empty string when the heading is there with nothing under it;
 * null when the note has no such heading.
 */
export function sectionText(note: string, heading: string): string | null {
	const wanted = headingKey(heading);
	const lines = splitFrontMatter(note).body.split(/\r\n|\n|\r/);
	const state: ScanState = { fence: null, comment: null };
	let depth: number | null = null;
	const kept: string[] = [];
	for (const line of lines) {
		const scanned = scanLine(line, state);
		if (depth === null) {
			const found = scanned.heading;
			if (found && found.text.length <= MAX_HEADING_CHARS && headingKey(found.text) === wanted) depth = found.depth;
			continue;
		}
		if (scanned.heading && scanned.heading.depth <= depth) break;
		if (scanned.hadComment && scanned.visible.trim() === "") continue;
		kept.push(scanned.visible);
	}
	if (depth === null) return null;
	while (kept.length > 0 && kept[0]?.trim() === "") kept.shift();
	return kept.join("\n").trimEnd();
}

/** Whether a section's text says anything: a letter or a digit, not just an empty bullet or a rule. */
export function hasWords(text: string | null): boolean {
	return text !== null && /[\p{L}\p{N}]/u.test(text);
}
