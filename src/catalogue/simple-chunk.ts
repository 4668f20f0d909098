/**
 * The mdast tree of a chunk written in the plain shape most catalogue chunks have, built directly:
 * the same tree, node for node and position for position, as unified + remark-parse + remark-gfm
 * would give, at a fraction of the cost. Any line outside the shape and the chunk goes to remark.
 *
 * The shape, line by line (`\n` line ends only, no tabs):
 *
 * - a blank line (empty);
 * - an ATX heading `## Text`, its text plain (below);
 * - a list item `- Inline`, `- [ ] Inline`, `- - [x] Inline` (`- ` markers only, a box on the
 *   innermost item), consecutive items forming one tight list: a list ends at a heading, or at a
 *   blank line followed by a heading or the end (a blank line followed by an item would make the
 *   list loose: not this shape);
 * - a sub-bullet `    - Inline` right under an item, indented from the item's content column up to
 *   three more, every sub-bullet of the item alike: a tight list inside the innermost item.
 *
 * Inline is plain text, wikilinks `[[Note|label]]` (text to remark) and links `[Label](destination)`:
 * the text starts with a letter or a bracket,
 * holds no markdown punctuation (`\ * _ ` < & ~ [ ]`), no autolink literal (`www.`, `http://`,
 * `https://`, `@`) and no trailing space; a label is plain text, `*plain text*`, or plain text and a
 * bracketed note with an escaped closing bracket (`Title [SC’21\]`, which CommonMark reads as the text
 * `[Title ` and a link `SC’21]`); a destination is non-empty and holds no space, `<`, `>`, `(`, `)`,
 * `\` or `&`. Plain text allows any other character but control characters and lone surrogates.
 *
 * `test/catalogue/markdown.test.ts` compares these trees with remark's on random chunks in and
 * around the shape.
 */
import type { Heading, Link, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Text } from "mdast";

type Position = NonNullable<Root["position"]>;
type Point = Position["start"];

/** Where in the chunk a line is. */
interface Line {
	number: number;
	start: number;
	end: number;
}

class Reject extends Error {}

/** Thrown (and caught below) when the chunk leaves the shape: cheaper than threading a null through. */
const REJECT = new Reject();

function reject(): never {
	throw REJECT;
}

function point(line: Line, offset: number): Point {
	return { line: line.number, column: offset - line.start + 1, offset };
}

function span(startLine: Line, start: number, endLine: Line, end: number): Position {
	return { start: point(startLine, start), end: point(endLine, end) };
}

/** micromark's `\s`, which it uses for Unicode whitespace. */
const WHITESPACE = /\s/;

/**
 * Checks `[from, to)` of `text` is plain text (see the module comment): throws otherwise. In a label,
 * `*` is also refused (the caller handles the one emphasis form).
 */
function checkPlain(text: string, from: number, to: number): void {
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		if (code < 32 || code === 127) reject();
		switch (code) {
			case 92: // \
			case 42: // *
			case 95: // _
			case 96: // `
			case 60: // <
			case 38: // &
			case 126: // ~
			case 91: // [
			case 93: // ]
			case 64: // @
				reject();
				break;
			case 119: // w
			case 87: // W
				if ((text.charCodeAt(i + 1) | 32) === 119 && (text.charCodeAt(i + 2) | 32) === 119 && text.charCodeAt(i + 3) === 46) reject();
				break;
			case 104: // h
			case 72: // H
				if (/^https?:\/\//i.test(text.slice(i, i + 8))) reject();
				break;
			default:
				if (code >= 0xd800 && code <= 0xdbff) {
					const next = text.charCodeAt(i + 1);
					if (!(next >= 0xdc00 && next <= 0xdfff)) reject();
					i += 1;
				} else if (code >= 0xdc00 && code <= 0xdfff) {
					reject();
				}
		}
	}
}

function textNode(value: string, line: Line, start: number, end: number): Text {
	return { type: "text", value, position: span(line, start, line, end) };
}

/** Appends a text node, merging it into a text node just before it, as micromark's data does. */
function pushText(children: PhrasingContent[], text: string, line: Line, start: number, end: number): void {
	const last = children[children.length - 1];
	if (last?.type === "text" && last.position && last.position.end.offset === start) {
		last.value += text.slice(start, end);
		last.position.end = point(line, end);
		return;
	}
	children.push(textNode(text.slice(start, end), line, start, end));
}

function checkDestination(text: string, from: number, to: number): void {
	if (to <= from) reject();
	for (let i = from; i < to; i++) {
		const code = text.charCodeAt(i);
		if (code <= 32 || code === 127 || code === 60 || code === 62 || code === 40 || code === 41 || code === 92 || code === 38) reject();
	}
}

/** The link starting at `open` (a `[`), appended to `children`; returns where it ends. */
function pushLink(text: string, line: Line, open: number, children: PhrasingContent[]): number {
	const close = text.indexOf("](", open + 1);
	if (close === -1 || close >= line.end) reject();
	const destinationEnd = text.indexOf(")", close + 2);
	if (destinationEnd === -1 || destinationEnd >= line.end) reject();
	checkDestination(text, close + 2, destinationEnd);
	const url = text.slice(close + 2, destinationEnd);
	const end = destinationEnd + 1;
	const labelStart = open + 1;
	const link = (start: number, content: PhrasingContent[]): Link => ({ type: "link", title: null, url, children: content, position: span(line, start, line, end) });

	if (text.charCodeAt(labelStart) === 42 && text.charCodeAt(close - 1) === 42) {
		// `[*Title*](…)`: emphasis, whatever the title's first and last characters, as long as they are not spaces.
		const innerStart = labelStart + 1;
		const innerEnd = close - 1;
		if (innerEnd <= innerStart || WHITESPACE.test(text.charAt(innerStart)) || WHITESPACE.test(text.charAt(innerEnd - 1))) reject();
		checkPlain(text, innerStart, innerEnd);
		children.push(link(open, [{ type: "emphasis", children: [textNode(text.slice(innerStart, innerEnd), line, innerStart, innerEnd)], position: span(line, labelStart, line, close) }]));
		return end;
	}
	const note = text.lastIndexOf(" [", close);
	if (note > labelStart && text.charCodeAt(close - 1) === 93 && text.charCodeAt(close - 2) === 92) {
		// `[Title [Note\]](…)`: the outer bracket is text, the link is `Note]` (see the module comment).
		checkPlain(text, labelStart, note);
		if (WHITESPACE.test(text.charAt(note - 1))) reject();
		const noteStart = note + 2;
		const noteEnd = close - 2;
		if (noteEnd <= noteStart) reject();
		checkPlain(text, noteStart, noteEnd);
		pushText(children, text, line, open, note + 1);
		const value = `${text.slice(noteStart, noteEnd)}]`;
		children.push(link(note + 1, [{ type: "text", value, position: span(line, noteStart, line, close) }]));
		return end;
	}
	if (close === labelStart) reject();
	checkPlain(text, labelStart, close);
	children.push(link(open, [textNode(text.slice(labelStart, close), line, labelStart, close)]));
	return end;
}

/** The inline content of `[from, line.end)`: text and links. */
function inline(text: string, line: Line, from: number): PhrasingContent[] {
	const first = text.charCodeAt(from);
	// A letter or a link: never a block marker (`#`, `>`, `1.`, `-`, `*`, a fence…) at the content's start.
	if (!(first === 91 || /\p{L}/u.test(text.charAt(from)))) reject();
	const last = text.charCodeAt(line.end - 1);
	if (last === 32 || last === 92) reject();
	const children: PhrasingContent[] = [];
	let i = from;
	while (i < line.end) {
		const open = text.indexOf("[", i);
		const runEnd = open === -1 || open >= line.end ? line.end : open;
		if (runEnd > i) {
			checkPlain(text, i, runEnd);
			// `![` would be an image.
			if (runEnd < line.end && text.charCodeAt(runEnd - 1) === 33) reject();
			pushText(children, text, line, i, runEnd);
		}
		if (runEnd >= line.end) break;
		i = text.charCodeAt(runEnd + 1) === 91 ? pushWikilink(text, line, runEnd, children) : pushLink(text, line, runEnd, children);
	}
	return children;
}

/**
 * `[[Note|label]]` at `open`, as text (the parser reads wikilinks out of text, as Obsidian does);
 * returns where it ends. Without a definition in the chunk no bracket of it can make a link, as long
 * as no `(` or `[` follows it and its inside is plain text not starting with `^` (a footnote call).
 */
function pushWikilink(text: string, line: Line, open: number, children: PhrasingContent[]): number {
	const close = text.indexOf("]]", open + 2);
	if (close === -1 || close + 2 > line.end || close === open + 2 || text.charCodeAt(open + 2) === 94) reject();
	checkPlain(text, open + 2, close);
	const end = close + 2;
	const next = text.charCodeAt(end);
	if (next === 40 || next === 91) reject();
	pushText(children, text, line, open, end);
	return end;
}

interface ItemLine {
	line: Line;
	/** Nesting of `- ` markers on the line: 1 for `- x`, 2 for `- - x`. */
	depth: number;
	checked: boolean | null;
	/** Where the item's inline content starts (after the box). */
	content: number;
}

function itemLine(text: string, line: Line): ItemLine {
	let i = line.start;
	let depth = 0;
	while (text.startsWith("- ", i) && i + 2 <= line.end) {
		depth += 1;
		i += 2;
	}
	let checked: boolean | null = null;
	if (text.charCodeAt(i) === 91 && text.charCodeAt(i + 2) === 93 && text.charCodeAt(i + 3) === 32) {
		const mark = text.charCodeAt(i + 1);
		if (mark === 32) checked = false;
		else if (mark === 120 || mark === 88) checked = true;
	}
	if (checked !== null) i += 4;
	return { line, depth, checked, content: i };
}

/** The item's paragraph: after a box, it starts at its text, or at the box when a link comes first. */
function paragraphOf(text: string, item: ItemLine): Paragraph {
	const { line } = item;
	const children = inline(text, line, item.content);
	const start = item.checked !== null && children[0]?.type !== "text" ? item.content - 4 : item.content;
	return { type: "paragraph", children, position: span(line, start, line, line.end) };
}

function list(items: ListItem[]): List {
	const first = items[0]?.position;
	const last = items[items.length - 1]?.position;
	if (!first || !last) reject();
	return { type: "list", ordered: false, start: null, spread: false, children: items, position: { start: first.start, end: last.end } };
}

/** The item of an item line, with its sub-bullets' list inside the innermost item. */
function listItemOf(text: string, item: ItemLine, details: ListItem[], endLine: Line): ListItem {
	const innermost: ListItem = {
		type: "listItem",
		spread: false,
		checked: item.checked,
		children: details.length > 0 ? [paragraphOf(text, item), list(details)] : [paragraphOf(text, item)],
		position: span(item.line, item.line.start + (item.depth - 1) * 2, endLine, endLine.end),
	};
	let current = innermost;
	for (let depth = item.depth - 1; depth >= 1; depth--) {
		current = { type: "listItem", spread: false, checked: null, children: [list([current])], position: span(item.line, item.line.start + (depth - 1) * 2, endLine, endLine.end) };
	}
	return current;
}

function headingOf(text: string, line: Line): Heading {
	let depth = 0;
	while (depth < 7 && text.charCodeAt(line.start + depth) === 35) depth += 1;
	if (depth > 6 || text.charCodeAt(line.start + depth) !== 32) reject();
	const from = line.start + depth + 1;
	if (from >= line.end || text.charCodeAt(from) === 32 || text.charCodeAt(line.end - 1) === 32) reject();
	checkPlain(text, from, line.end);
	if (text.indexOf("#", from) !== -1 && text.indexOf("#", from) < line.end) reject();
	return { type: "heading", depth: depth as Heading["depth"], children: [textNode(text.slice(from, line.end), line, from, line.end)], position: span(line, line.start, line, line.end) };
}

function linesOf(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	let number = 1;
	for (;;) {
		const end = text.indexOf("\n", start);
		lines.push({ number, start, end: end === -1 ? text.length : end });
		if (end === -1) return lines;
		start = end + 1;
		number += 1;
	}
}

function build(text: string): Root {
	if (text.includes("\r") || text.includes("\t")) reject();
	const lines = linesOf(text);
	const children: RootContent[] = [];
	let items: ListItem[] = [];
	let blankAfterList = false;
	const endList = (): void => {
		if (items.length > 0) children.push(list(items));
		items = [];
		blankAfterList = false;
	};
	for (let index = 0; index < lines.length; index++) {
		const line = lines[index];
		if (!line) break;
		if (line.end === line.start) {
			if (items.length > 0) blankAfterList = true;
			continue;
		}
		const first = text.charCodeAt(line.start);
		if (first === 35) {
			endList();
			children.push(headingOf(text, line));
			continue;
		}
		if (first !== 45 || text.charCodeAt(line.start + 1) !== 32) reject();
		// A blank line between two items makes the list loose.
		if (blankAfterList) reject();
		const item = itemLine(text, line);
		const contentColumn = item.depth * 2;
		const details: ListItem[] = [];
		let endLine = line;
		let indent = -1;
		for (let next = lines[index + 1]; next && text.charCodeAt(next.start) === 32; next = lines[index + 1]) {
			let spaces = 0;
			while (text.charCodeAt(next.start + spaces) === 32) spaces += 1;
			if (spaces < contentColumn || spaces > contentColumn + 3 || (indent !== -1 && spaces !== indent)) reject();
			indent = spaces;
			const marker = next.start + spaces;
			if (text.charCodeAt(marker) !== 45 || text.charCodeAt(marker + 1) !== 32) reject();
			const detail: ItemLine = { line: next, depth: 1, checked: null, content: marker + 2 };
			details.push({ type: "listItem", spread: false, checked: null, children: [paragraphOf(text, detail)], position: span(next, marker, next, next.end) });
			endLine = next;
			index += 1;
		}
		items.push(listItemOf(text, item, details, endLine));
	}
	endList();
	const last = lines[lines.length - 1];
	if (!last) reject();
	return { type: "root", children, position: { start: { line: 1, column: 1, offset: 0 }, end: point(last, text.length) } };
}

/** The chunk's tree, or null when the chunk is not in the shape this module reads. */
export function parseSimpleChunk(text: string): Root | null {
	try {
		return build(text);
	} catch (error) {
		if (error === REJECT) return null;
		throw error;
	}
}
