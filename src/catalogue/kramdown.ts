/**
 * kramdown markup of Jekyll course pages that CommonMark reads differently from the page's reader.
 *
 * - `<div class="required_reading" markdown="1">` … `</div>` (also `markdown="block"`, `"span"`, and
 *   any other element such as `<details markdown="1">` or `<td markdown="1">`) holds markdown. In
 *   CommonMark the opening line starts an HTML block that swallows the list below it. The lines that
 *   hold only the tags of such an element, of the elements around it, and of its `<summary>`, are
 *   blanked, so the inside parses as the markdown it is.
 * - `[//]: <> (a comment)` and `[//]: # (…)` lines are kramdown's comments: blanked too.
 * - An element (`<div>`, `<details>`, …) whose class or summary names required or optional reading
 *   makes a group region: the papers inside it belong to that group (see `parse.ts`).
 *
 * Blanking writes spaces of the same length, so every offset still points into the original text.
 * Only lines made of tags alone are touched; a tag with text beside it stays HTML. Fenced code and
 * HTML comments are skipped: a commented-out `<div markdown="1">` is not an element.
 */
import { headingKind } from "./heading-kind";
import { forEachLine, Patcher } from "./lines";
import type { PaperGroup } from "./model";

/** A stretch of text whose papers belong to a group, unless a group heading inside it says otherwise. */
export interface GroupRegion {
	start: number;
	end: number;
	group: PaperGroup;
}

export interface KramdownResult {
	text: string;
	/** In order of their start; an inner region comes after the one holding it. */
	groups: GroupRegion[];
}

const COMMENT_LINE = /^ {0,3}\[(?:\/\/|comment)\]:[ \t]*(?:<>|#)(?:[ \t]+(?:\(.*\)|".*"|'.*'))?[ \t]*$/i;
/**
 * A start or end tag. Attributes are anything but quotes and angle brackets, or quoted strings: one
 * way to read any text, so a long line that is no tag fails in one pass (alternatives that could
 * share whitespace backtracked exponentially).
 */
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9-]*)((?:[^"'<>]|"[^"]*"|'[^']*')*)>/y;
const SUMMARY_LINE = /^[ \t]*<summary\b[^>]*>(.*)<\/summary>[ \t]*$/i;
const MARKDOWN_ATTRIBUTE = /(?:^|\s)markdown\s*=\s*(?:"\s*(?:1|block|span)\s*"|'\s*(?:1|block|span)\s*'|(?:1|block|span)(?![^\s]))/i;
const CLASS_ATTRIBUTE = /(?:^|\s)class\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/i;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]);

/** Elements open at once beyond this are not followed: hostile nesting costs no more than this. */
const MAX_DEPTH = 64;
/** A `<summary>` over more lines than this is not read as one. */
const MAX_SUMMARY_LINES = 10;

interface Element {
	name: string;
	markdown: boolean;
	className: string;
	summary: string;
	parent: Element | null;
	/** Holds markdown, or an element that does: its tag lines are blanked. */
	structural: boolean;
	start: number;
	end: number | null;
}

interface Tag {
	closing: boolean;
	name: string;
	attributes: string;
	selfClosing: boolean;
}

interface TagLine {
	start: number;
	end: number;
	elements: Element[];
}

interface SummaryLine {
	start: number;
	end: number;
	/** The `<details>` (or other element) the summary belongs to. */
	owner: Element;
}

/** The tags of a line made of nothing but tags and whitespace, or null when it holds anything else. */
function tagsOfLine(line: string): Tag[] | null {
	const tags: Tag[] = [];
	let i = 0;
	for (;;) {
		while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i += 1;
		if (i >= line.length) return tags.length > 0 ? tags : null;
		TAG.lastIndex = i;
		const match = TAG.exec(line);
		if (!match) return null;
		const attributes = match[3] ?? "";
		const name = (match[2] ?? "").toLowerCase();
		// `<divx>` is no `<div>`: a name ends at whitespace, `/` or `>`.
		if (attributes !== "" && !/^[\s/]/.test(attributes)) return null;
		tags.push({ closing: match[1] === "/", name, attributes, selfClosing: attributes.trimEnd().endsWith("/") });
		i = TAG.lastIndex;
	}
}

function plainTextOf(html: string): string {
	return html.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ").trim();
}

function classOf(attributes: string): string {
	const match = CLASS_ATTRIBUTE.exec(attributes);
	return match ? (match[1] ?? match[2] ?? match[3] ?? "") : "";
}

/** The group an element's class (`required_reading`), or else its summary, names. */
function groupOf(element: Element): PaperGroup | null {
	const byClass = headingKind(element.className);
	const kind = byClass !== "plain" ? byClass : headingKind(element.summary);
	return kind === "plain" ? null : kind;
}

/** The first character on a line that could start a tag, a fence, a comment or a comment line. */
function mayMatter(text: string, start: number, end: number): boolean {
	let i = start;
	while (i < end && i - start < 64 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i += 1;
	const code = text.charCodeAt(i);
	// `<`, `` ` ``, `~`, `[`
	return i < end && (code === 60 || code === 96 || code === 126 || code === 91);
}

function isLetter(code: number): boolean {
	return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Whether some line starts (after spaces and tabs) with a start or end tag: one `indexOf` pass over the `<`s. */
function mayHoldTagLine(text: string): boolean {
	for (let at = text.indexOf("<"); at !== -1; at = text.indexOf("<", at + 1)) {
		const next = text.charCodeAt(at + 1);
		if (!(isLetter(next) || (next === 47 && isLetter(text.charCodeAt(at + 2))))) continue;
		let before = at - 1;
		while (before >= 0 && (text.charCodeAt(before) === 32 || text.charCodeAt(before) === 9)) before -= 1;
		if (before < 0 || text.charCodeAt(before) === 10 || text.charCodeAt(before) === 13) return true;
	}
	return false;
}

/** Whether the text may hold a kramdown comment line: a `]:` followed by ` <>` or ` #`. */
function mayHoldCommentLine(text: string): boolean {
	for (let at = text.indexOf("]:"); at !== -1; at = text.indexOf("]:", at + 2)) {
		let i = at + 2;
		while (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9) i += 1;
		if (text.startsWith("<>", i) || text.charCodeAt(i) === 35) return true;
	}
	return false;
}

/** Reads the markup above from `from` (the end of any front matter) on; see the module comment. */
export function readKramdown(text: string, from: number): KramdownResult {
	const hasComments = mayHoldCommentLine(text);
	const hasTags = mayHoldTagLine(text);
	if (!hasComments && !hasTags) return { text, groups: [] };

	const blanks: { start: number; end: number }[] = [];
	const tagLines: TagLine[] = [];
	const summaryLines: SummaryLine[] = [];
	const elements: Element[] = [];
	const open: Element[] = [];
	let fence: { char: string; length: number } | null = null;
	let inComment = false;
	let summaryLineCount = 0;

	const openElement = (tag: Tag, start: number): Element | null => {
		if (open.length >= MAX_DEPTH) return null;
		const element: Element = {
			name: tag.name,
			markdown: MARKDOWN_ATTRIBUTE.test(tag.attributes),
			className: classOf(tag.attributes),
			summary: "",
			parent: open[open.length - 1] ?? null,
			structural: false,
			start,
			end: null,
		};
		elements.push(element);
		open.push(element);
		return element;
	};

	const closeElement = (name: string, end: number): Element | null => {
		for (let i = open.length - 1; i >= 0; i--) {
			const element = open[i];
			if (element?.name !== name) continue;
			// Elements left open inside it end with it, as in HTML.
			for (let j = open.length - 1; j >= i; j--) {
				const closed = open[j];
				if (closed && closed.end === null) closed.end = end;
			}
			open.length = i;
			return element;
		}
		return null;
	};

	forEachLine(text, (start, end) => {
		if (end < from) return;
		if (fence) {
			const line = text.slice(start, end);
			const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
			if (close && close[1]?.[0] === fence.char && (close[1]?.length ?? 0) >= fence.length) fence = null;
			return;
		}
		if (inComment) {
			if (text.slice(start, end).includes("-->")) inComment = false;
			return;
		}
		const top = open[open.length - 1];
		const inSummary = top?.name === "summary";
		if (!inSummary && !mayMatter(text, start, end)) return;
		const line = text.slice(start, end);
		const opener = FENCE_OPEN.exec(line);
		if (opener && !(opener[1]?.startsWith("`") && opener[2]?.includes("`"))) {
			fence = { char: opener[1]?.[0] ?? "`", length: opener[1]?.length ?? 3 };
			return;
		}
		const trimmed = line.trimStart();
		if (trimmed.startsWith("<!--")) {
			if (!trimmed.includes("-->", 4)) inComment = true;
			return;
		}
		if (hasComments && COMMENT_LINE.test(line)) {
			blanks.push({ start, end });
			return;
		}
		if (!hasTags) return;
		const summary = top && top.name !== "summary" ? SUMMARY_LINE.exec(line) : null;
		if (summary && top) {
			top.summary = plainTextOf(summary[1] ?? "");
			summaryLines.push({ start, end, owner: top });
			return;
		}
		const tags = tagsOfLine(line);
		if (!tags) {
			// Text inside a `<summary>` written over several lines.
			if (inSummary && top && summaryLineCount < MAX_SUMMARY_LINES) {
				summaryLineCount += 1;
				top.summary = `${top.summary} ${plainTextOf(line)}`.trim();
				if (top.parent) summaryLines.push({ start, end, owner: top.parent });
			}
			return;
		}
		const lineElements: Element[] = [];
		let complete = true;
		for (const tag of tags) {
			if (VOID_ELEMENTS.has(tag.name) || tag.selfClosing) {
				complete = false;
				continue;
			}
			const element = tag.closing ? closeElement(tag.name, end) : openElement(tag, start);
			if (!element) {
				complete = false;
				continue;
			}
			if (!tag.closing && element.name === "summary") summaryLineCount = 0;
			if (tag.closing && element.name === "summary" && element.parent) element.parent.summary = element.summary;
			lineElements.push(element);
		}
		// A line is blanked only when every tag on it belongs to an element it can blank (decided below).
		if (complete) tagLines.push({ start, end, elements: lineElements });
	});

	for (const element of elements) {
		if (!element.markdown) continue;
		for (let current: Element | null = element; current && !current.structural; current = current.parent) current.structural = true;
	}
	for (const element of elements) {
		// A summary is blanked with the details it names.
		if (element.name === "summary" && element.parent?.structural) element.structural = true;
	}
	for (const line of tagLines) {
		if (line.elements.every((element) => element.structural)) blanks.push(line);
	}
	for (const line of summaryLines) {
		if (line.owner.structural) blanks.push(line);
	}

	const groups: GroupRegion[] = [];
	for (const element of elements) {
		const group = groupOf(element);
		if (group) groups.push({ start: element.start, end: element.end ?? text.length, group });
	}

	if (blanks.length === 0) return { text, groups };
	blanks.sort((a, b) => a.start - b.start);
	const patcher = new Patcher(text);
	for (const blank of blanks) patcher.replace(blank.start, blank.end, " ");
	return { text: patcher.result(), groups };
}
