/**
 * Splits a catalogue into chunks that remark can parse one at a time.
 *
 * remark's cost grows faster than linearly with the length of one document
 * (long nested lists especially), so we never hand it the whole catalogue.
 * A cheap line scan cuts the text only where a fresh parse of the remainder
 * reads the same as a parse of the whole: before an ATX heading at column 0,
 * and, inside long runs of list items, before a top-level bullet. Anything
 * that could hide such a line (front matter, fenced code, HTML blocks and
 * comments) suppresses cutting until it ends, or for the rest of the text when
 * we cannot tell where it ends. When in doubt we do not cut: a missed cut costs
 * time, a wrong cut would cost correctness.
 */
import { forEachLine, Patcher } from "./lines";

export interface Chunk {
	/** Offset of the chunk's first character in the whole text. */
	offset: number;
	/** 1-based line number of the chunk's first line. */
	line: number;
	text: string;
}

export interface ChunkedText {
	/** Front matter, if the text opens with it; never parsed as markdown. */
	frontMatter: { offset: number; end: number } | null;
	chunks: Chunk[];
	/**
	 * Link reference definitions (`[id]: url`) found anywhere in the text. A reference
	 * link in one chunk may use a definition in another, so each chunk is given the ones
	 * it can use (`definitionsFor`).
	 */
	definitions: string;
	/** The same definitions one by one, with their normalised labels: see `definitionsFor`. */
	definitionList: { label: string; line: string }[];
}

/** Bullet items longer than this many lines are split between top-level items. */
export const MAX_CHUNK_LINES = 24;

const ATX_HEADING = /^#{1,6}(?:[ \t]|$)/;
// A top-level list item with content: a bullet, or an ordered item numbered 1 (only those may interrupt a paragraph).
const TOP_LEVEL_ITEM = /^(?:[-*+]|1[.)])[ \t]+\S/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const FENCE_OPEN = /^[ \t]*(`{3,}|~{3,})(.*)$/;
const HTML_BLOCK_START = /^ {0,3}<(?:[A-Za-z]|\/[A-Za-z]|!|\?)/;
const RAW_HTML_START = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i;
const HTML_TO_CLOSER = /^ {0,3}(<\?|<!\[CDATA\[|<![A-Za-z])/;
const DEFINITION = /^ {0,3}\[((?:[^\]\\]|\\.)+)\]:[ \t]*\S/;
// An empty list item: it cannot interrupt a paragraph, so it is only a safe cut where no paragraph can be open.
const EMPTY_ITEM = /^(?:[-*+]|\d{1,9}[.)])[ \t]*$/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const FRONT_MATTER_END = /^(?:---|\.\.\.)[ \t]*$/;

interface Line {
	start: number;
	/** The line without its line ending. */
	content: string;
}

/** Lines end at `\r\n`, `\n` or a lone `\r`, as in CommonMark (a lone `\r` was not a line end here). */
const LINE_END = /\r\n?|\n/g;

function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	for (const match of text.matchAll(LINE_END)) {
		lines.push({ start, content: text.slice(start, match.index) });
		start = match.index + match[0].length;
	}
	lines.push({ start, content: text.slice(start) });
	return lines;
}

/**
 * What, if anything, currently stops us from cutting, and how it ends. `indent` is the column the
 * block opened at: above 0 it may sit inside a list item, and then it may also end with the item.
 */
type Blocker =
	| { kind: "fence"; marker: string; indent: number }
	/** `sure`: opened by `<!--` at the start of a line, so it runs exactly to the next `-->`. */
	| { kind: "comment"; sure: boolean }
	| { kind: "raw-html"; closer: string; indent: number }
	| { kind: "html"; indent: number }
	/** We cannot tell where a block ends: no more cuts in this text. */
	| { kind: "unsure" };

function indentOf(line: string): number {
	let column = 0;
	for (const char of line) {
		if (char === " ") column += 1;
		else if (char === "\t") column += 4 - (column % 4);
		else break;
	}
	return column;
}

function blockerAfter(line: string): Blocker | null {
	const fence = FENCE_OPEN.exec(line);
	if (fence) {
		const marker = fence[1] ?? "";
		const info = fence[2] ?? "";
		// A backtick fence's info string may not contain backticks; then it is inline code, not a fence.
		if (!(marker.startsWith("`") && info.includes("`"))) return { kind: "fence", marker, indent: indentOf(line) };
	}
	const raw = RAW_HTML_START.exec(line);
	if (raw) {
		const closer = `</${(raw[1] ?? "").toLowerCase()}>`;
		return line.toLowerCase().includes(closer) ? null : { kind: "raw-html", closer, indent: indentOf(line) };
	}
	const commentStart = line.lastIndexOf("<!--");
	if (commentStart !== -1 && !line.includes("-->", commentStart + 4)) return { kind: "comment", sure: commentStart === 0 };
	// Processing instructions, declarations and CDATA (HTML blocks 3 to 5) run to their closer, across blank
	// lines: ending them at a blank line, like other HTML blocks, let a cut read fake items inside as papers.
	const special = HTML_TO_CLOSER.exec(line);
	if (special) {
		const closer = special[1] === "<?" ? "?>" : special[1] === "<![CDATA[" ? "]]>" : ">";
		return line.includes(closer, (special.index ?? 0) + special[0].length) ? null : { kind: "raw-html", closer, indent: indentOf(line) };
	}
	if (HTML_BLOCK_START.test(line)) return { kind: "html", indent: indentOf(line) };
	return null;
}

/** Whether a line could open a block that hides headings: a fence, or an HTML block that ignores blank lines. */
function opensHidingBlock(line: string): boolean {
	return FENCE_OPEN.test(line) || RAW_HTML_START.test(line) || HTML_TO_CLOSER.test(line) || /^ {0,3}<!--/.test(line);
}

/**
 * The blocker after `line`, given the one before it: the same, another, or null when it ended.
 *
 * A block that opened indented may sit in a list item and end with it, and a comment that opened
 * mid-line may be inline and end with its paragraph; either way a fence may open where we thought
 * we were still inside. Seeing that possibility, we stop cutting for good: guessing wrong about a
 * fence puts every later fence out of step, and cuts inside code read its fake items as papers
 * (`- <!--` then "```-->" then "# Heading": the heading is code, but it was cut and read).
 */
function blockerThrough(blocker: Blocker, line: string): Blocker | null {
	const blank = line.trim() === "";
	switch (blocker.kind) {
		case "unsure":
			return blocker;
		case "fence": {
			if (blank) return blocker;
			const indent = indentOf(line);
			// Less indented than the opener: the list item holding the fence may have ended here.
			if (indent < blocker.indent) return { kind: "unsure" };
			const trimmed = line.trim();
			const char = blocker.marker[0] ?? "`";
			const closes = trimmed.length >= blocker.marker.length && /^(`+|~+)$/.test(trimmed) && trimmed[0] === char;
			if (!closes) return blocker;
			// A closing fence is indented at most 3 columns more than its container's content.
			if (indent === blocker.indent || indent <= 3) return null;
			return indent > blocker.indent + 3 ? blocker : { kind: "unsure" };
		}
		case "comment":
			if (!blocker.sure && opensHidingBlock(line)) return { kind: "unsure" };
			return line.includes("-->") ? null : blocker;
		case "raw-html":
			if (!blank && indentOf(line) < blocker.indent) return { kind: "unsure" };
			return line.toLowerCase().includes(blocker.closer) ? null : blocker;
		case "html":
			if (blank) return null;
			// If we were wrong and no HTML block is open, this line opens a fence or comment for real.
			if (opensHidingBlock(line)) return { kind: "unsure" };
			return indentOf(line) < blocker.indent ? { kind: "unsure" } : blocker;
	}
}

/** Where the body starts: after a leading byte order mark and front matter, if the text has them. */
export function bodyStart(text: string): number {
	const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	if (!text.startsWith("---", bom)) return bom;
	let lineIndex = 0;
	// Without a closing fence there is no front matter.
	let body = bom;
	forEachLine(text, (start, end) => {
		const content = text.slice(Math.max(start, bom), end);
		if (lineIndex === 0 && !FRONT_MATTER_FENCE.test(content)) return false;
		if (lineIndex > 0 && FRONT_MATTER_END.test(content)) {
			body = nextLineStart(text, end);
			return false;
		}
		lineIndex += 1;
		return true;
	});
	return body;
}

function nextLineStart(text: string, lineEnd: number): number {
	if (lineEnd >= text.length) return text.length;
	return lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
}

function frontMatterEnd(lines: Line[]): number {
	if (lines.length < 2 || !FRONT_MATTER_FENCE.test(lines[0]?.content ?? "")) return 0;
	for (let i = 1; i < lines.length; i++) {
		if (FRONT_MATTER_END.test(lines[i]?.content ?? "")) return i + 1;
	}
	return 0;
}

export function chunkText(text: string): ChunkedText {
	// A leading byte order mark is not text. micromark drops it, which put every position in the first
	// chunk one too early (a checkbox toggle or an inserted link landed on the wrong character), and it hid
	// front matter. The chunks start after it.
	if (text.charCodeAt(0) === 0xfeff) {
		const inner = chunkText(text.slice(1));
		return {
			...inner,
			frontMatter: inner.frontMatter && { offset: inner.frontMatter.offset + 1, end: inner.frontMatter.end + 1 },
			chunks: inner.chunks.map((chunk) => ({ ...chunk, offset: chunk.offset + 1 })),
		};
	}
	const lines = splitLines(text);
	const bodyStartLine = frontMatterEnd(lines);
	const bodyStart = lines[bodyStartLine]?.start ?? text.length;
	const frontMatter = bodyStartLine > 0 ? { offset: 0, end: bodyStart } : null;

	const cutLines: number[] = [bodyStartLine];
	const definitionList: ChunkedText["definitionList"] = [];
	let blocker: Blocker | null = null;
	let linesSinceCut = 0;
	// Whether the previous line leaves no paragraph open: blank, or itself an empty bullet item.
	let afterBlankOrEmptyItem = false;

	for (let i = bodyStartLine; i < lines.length; i++) {
		const content = lines[i]?.content ?? "";
		if (blocker) {
			const next = blockerThrough(blocker, content);
			// While we thought ourselves inside one block, a line there may have opened another that ends only
			// at a blank line (`- <!--`, then `</div>`, then `- -->`: the HTML block runs on). Do not cut before one.
			blocker = next === null && blocker.kind !== "html" && content.trim() !== "" ? { kind: "html", indent: 0 } : next;
			linesSinceCut += 1;
			afterBlankOrEmptyItem = false;
			continue;
		}
		const longRun = linesSinceCut >= MAX_CHUNK_LINES;
		const isCut =
			i > bodyStartLine &&
			(ATX_HEADING.test(content) ||
				(longRun && TOP_LEVEL_ITEM.test(content) && !THEMATIC_BREAK.test(content)) ||
				// Long runs of empty items (`-` alone) gave remark one huge list: 100,000 of them took seconds.
				// After a blank line or another empty item no paragraph is open, so `-` starts an item there.
				(longRun && afterBlankOrEmptyItem && EMPTY_ITEM.test(content)));
		if (isCut) {
			cutLines.push(i);
			linesSinceCut = 0;
		}
		linesSinceCut += 1;
		const definition = DEFINITION.exec(content);
		if (definition) definitionList.push({ label: normaliseLabel(definition[1] ?? ""), line: content });
		afterBlankOrEmptyItem = content.trim() === "" || EMPTY_ITEM.test(content);
		blocker = blockerAfter(content);
	}

	const chunks: Chunk[] = [];
	for (let c = 0; c < cutLines.length; c++) {
		const firstLine = cutLines[c] ?? 0;
		const offset = lines[firstLine]?.start ?? text.length;
		const nextLine = cutLines[c + 1];
		const end = nextLine === undefined ? text.length : (lines[nextLine]?.start ?? text.length);
		if (end > offset || chunks.length === 0) chunks.push({ offset, line: firstLine + 1, text: text.slice(offset, end) });
	}
	return { frontMatter, chunks, definitions: definitionList.map((definition) => definition.line).join("\n"), definitionList };
}

/** A link label as micromark compares them: whitespace collapsed, trimmed, case-folded. */
function normaliseLabel(label: string): string {
	return label.replace(/[\t\n\r ]+/g, " ").trim().toLowerCase().toUpperCase();
}

// Anything in brackets that a reference could use as its label (labels hold no unescaped brackets).
const BRACKETED = /\[((?:[^[\]\\]|\\.)*)\]/g;

/**
 * The definitions a chunk can use: those whose label appears in brackets in the chunk. Giving
 * every chunk every definition cost O(chunks × definitions): 500 sections with a reference link
 * each took 44 s to parse. A definition whose label the chunk never writes cannot change its parse.
 */
export function definitionsFor(chunk: string, definitionList: ChunkedText["definitionList"]): string {
	if (definitionList.length === 0 || !chunk.includes("]")) return "";
	const labels = new Set<string>();
	for (const match of chunk.matchAll(BRACKETED)) labels.add(normaliseLabel(match[1] ?? ""));
	return definitionList
		.filter((definition) => labels.has(definition.label))
		.map((definition) => definition.line)
		.join("\n");
}

/**
 * Container markers (`>`, list bullets and numbers) that start at or beyond this column are not
 * read as markers: see `capNesting`.
 */
export const MAX_MARKER_COLUMN = 64;

/**
 * The text with container markers that start at column `MAX_MARKER_COLUMN` or beyond replaced by
 * no-break spaces (the same length, so every offset still points into the original text).
 *
 * remark's time grows faster than the nesting depth (400 nested list levels took 2.4 s, 1,000 took
 * 22 s) and, a few thousand levels down, its tree walks overflow the stack. No reading list nests
 * that deep: beyond the cap a marker is plain text, so the line continues the item above it.
 */
export function capNesting(text: string): string {
	const patcher = new Patcher(text);
	forEachLine(text, (lineStart, lineEnd) => {
		let i = lineStart;
		let column = 0;
		// Walk the line's container prefix: indentation, `>`, and list markers followed by a space or the line end.
		while (i < lineEnd) {
			const char = text.charCodeAt(i);
			if (char === 32 || char === 9) {
				column += char === 32 ? 1 : 4 - (column % 4);
				i += 1;
				continue;
			}
			let end = i;
			if (char === 62 || char === 45 || char === 42 || char === 43) {
				end = i + 1;
			} else if (char >= 48 && char <= 57) {
				let j = i;
				while (j < lineEnd && j - i < 9 && text.charCodeAt(j) >= 48 && text.charCodeAt(j) <= 57) j += 1;
				const after = text.charCodeAt(j);
				if (j < lineEnd && (after === 46 || after === 41)) end = j + 1;
			}
			if (end === i) break;
			const next = text.charCodeAt(end);
			// A bullet or number is a marker only before a space, a tab or the line end; `>` needs nothing after it.
			if (char !== 62 && end < lineEnd && next !== 32 && next !== 9) break;
			if (column >= MAX_MARKER_COLUMN) patcher.replace(i, end, "\u00A0");
			column += end - i;
			i = end;
		}
	});
	return patcher.result();
}

export { capLongLines, MAX_LINE_LENGTH } from "./long-lines";
