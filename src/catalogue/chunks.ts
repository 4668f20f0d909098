/**
 * Splits a catalogue into chunks that remark can parse one at a time.
 *
 * remark's cost grows faster than linearly with the length of one document
 * (long nested lists especially), so we never hand it the whole catalogue.
 * A cheap line scan cuts the text only where a fresh parse of the remainder
 * reads the same as a parse of the whole: before an ATX heading at column 0,
 * and, inside long runs of list items, before a top-level bullet. Anything
 * that could hide such a line (front matter, fenced code, HTML blocks and
 * comments) suppresses cutting until it ends. When in doubt we do not cut:
 * a missed cut costs time, a wrong cut would cost correctness.
 */

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
	 * link in one chunk may use a definition in another, so they are given to every chunk.
	 */
	definitions: string;
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
const DEFINITION = /^ {0,3}\[(?:[^\]\\]|\\.)+\]:[ \t]*\S/;
const FRONT_MATTER_FENCE = /^---[ \t]*$/;
const FRONT_MATTER_END = /^(?:---|\.\.\.)[ \t]*$/;

interface Line {
	start: number;
	/** The line without its line ending. */
	content: string;
}

function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	while (start <= text.length) {
		let end = text.indexOf("\n", start);
		if (end === -1) end = text.length;
		let contentEnd = end;
		if (contentEnd > start && text.charCodeAt(contentEnd - 1) === 13) contentEnd -= 1;
		lines.push({ start, content: text.slice(start, contentEnd) });
		if (end === text.length) break;
		start = end + 1;
	}
	return lines;
}

/** What, if anything, currently stops us from cutting, and how it ends. */
type Blocker =
	| { kind: "fence"; marker: string }
	| { kind: "comment" }
	| { kind: "raw-html"; closer: string }
	| { kind: "html" };

function blockerAfter(line: string): Blocker | null {
	const fence = FENCE_OPEN.exec(line);
	if (fence) {
		const marker = fence[1] ?? "";
		const info = fence[2] ?? "";
		// A backtick fence's info string may not contain backticks; then it is inline code, not a fence.
		if (!(marker.startsWith("`") && info.includes("`"))) return { kind: "fence", marker };
	}
	const raw = RAW_HTML_START.exec(line);
	if (raw) {
		const closer = `</${(raw[1] ?? "").toLowerCase()}>`;
		return line.toLowerCase().includes(closer) ? null : { kind: "raw-html", closer };
	}
	const commentStart = line.lastIndexOf("<!--");
	if (commentStart !== -1 && !line.includes("-->", commentStart + 4)) return { kind: "comment" };
	if (HTML_BLOCK_START.test(line)) return { kind: "html" };
	return null;
}

function blockerEnds(blocker: Blocker, line: string): boolean {
	switch (blocker.kind) {
		case "fence": {
			const trimmed = line.trim();
			const char = blocker.marker[0] ?? "`";
			return trimmed.length >= blocker.marker.length && /^(`+|~+)$/.test(trimmed) && trimmed[0] === char;
		}
		case "comment":
			return line.includes("-->");
		case "raw-html":
			return line.toLowerCase().includes(blocker.closer);
		case "html":
			return line.trim() === "";
	}
}

function frontMatterEnd(lines: Line[]): number {
	if (lines.length < 2 || !FRONT_MATTER_FENCE.test(lines[0]?.content ?? "")) return 0;
	for (let i = 1; i < lines.length; i++) {
		if (FRONT_MATTER_END.test(lines[i]?.content ?? "")) return i + 1;
	}
	return 0;
}

export function chunkText(text: string): ChunkedText {
	const lines = splitLines(text);
	const bodyStartLine = frontMatterEnd(lines);
	const bodyStart = lines[bodyStartLine]?.start ?? text.length;
	const frontMatter = bodyStartLine > 0 ? { offset: 0, end: bodyStart } : null;

	const cutLines: number[] = [bodyStartLine];
	const definitions: string[] = [];
	let blocker: Blocker | null = null;
	let linesSinceCut = 0;

	for (let i = bodyStartLine; i < lines.length; i++) {
		const content = lines[i]?.content ?? "";
		if (blocker) {
			if (blockerEnds(blocker, content)) blocker = null;
			linesSinceCut += 1;
			continue;
		}
		const isCut =
			i > bodyStartLine &&
			(ATX_HEADING.test(content) ||
				(linesSinceCut >= MAX_CHUNK_LINES && TOP_LEVEL_ITEM.test(content) && !THEMATIC_BREAK.test(content)));
		if (isCut) {
			cutLines.push(i);
			linesSinceCut = 0;
		}
		linesSinceCut += 1;
		if (DEFINITION.test(content)) definitions.push(content);
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
	return { frontMatter, chunks, definitions: definitions.join("\n") };
}
