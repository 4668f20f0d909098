/**
 * The fake metadata cache's Markdown scanner: builds a `CachedMetadata` from a note's text by scanning lines,
 * close to what Obsidian indexes. It is an approximation, not a CommonMark parser:
 * - front matter is a first line `---` up to the next `---` line, parsed with `yaml`; when the YAML does not parse
 *   to a mapping, `frontmatter` is left out (the position and the `yaml` section stay);
 * - fenced code (``` or ~~~), `$$` math blocks, inline code and `%% comments %%` hide links, tags and headings;
 * - headings are ATX (`#` to `######` followed by a space or the line end), closing `#`s dropped;
 * - list items are lines with `-`, `*`, `+`, `1.` or `1)` markers; an item is a child of the item above whose
 *   content column it reaches (tabs count as 4 columns); `task` is the character between `[` and `]`;
 * - sections are runs of lines: yaml, heading, code, math, list, blockquote/callout, table, thematicBreak, html,
 *   paragraph; a list section runs across blank lines while the next non-blank line is indented or another item;
 * - links are `[[wikilinks]]` (`![[…]]` are embeds) and Markdown links/embeds to non-URL destinations;
 *   `displayText` is the alias, else `file > heading` for a subpath link, else the link text;
 * - tags are `#tag` in text (not all digits); block ids `^id` at the end of a paragraph or list item.
 * Keys with nothing in them are left out, as Obsidian does.
 */
import type { BlockCache, CachedMetadata, FrontmatterLinkCache, HeadingCache, LinkCache, ListItemCache, Loc, Pos, SectionCache, TagCache } from "./types";
import { getFrontMatterInfo, parseYaml } from "./util";

interface Line {
	index: number;
	start: number;
	/** Without the line break (and without a trailing `\r`). */
	text: string;
}

function splitLines(text: string): Line[] {
	const lines: Line[] = [];
	let start = 0;
	let index = 0;
	for (;;) {
		const newline = text.indexOf("\n", start);
		const end = newline === -1 ? text.length : newline;
		lines.push({ index, start, text: text.slice(start, end).replace(/\r$/, "") });
		if (newline === -1) break;
		start = newline + 1;
		index += 1;
	}
	return lines;
}

function loc(line: Line, col: number): Loc {
	return { line: line.index, col, offset: line.start + col };
}

function linePos(first: Line, last: Line, startCol = 0, endCol = last.text.length): Pos {
	return { start: loc(first, startCol), end: loc(last, endCol) };
}

/** Offset → Loc, for matches found in the whole text. */
function locator(lines: Line[]): (offset: number) => Loc {
	return (offset) => {
		let lo = 0;
		let hi = lines.length - 1;
		while (lo < hi) {
			const mid = (lo + hi + 1) >> 1;
			const line = lines[mid];
			if (line !== undefined && line.start <= offset) lo = mid;
			else hi = mid - 1;
		}
		const line = lines[lo] ?? { index: 0, start: 0, text: "" };
		return { line: line.index, col: offset - line.start, offset };
	};
}

function columns(prefix: string): number {
	let col = 0;
	for (const char of prefix) col = char === "\t" ? col + 4 - (col % 4) : col + 1;
	return col;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const MATH_FENCE = /^ {0,3}\$\$/;
const HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const LIST_ITEM = /^([ \t]*)([-*+]|\d{1,9}[.)])([ \t]+|$)/;
const TASK = /^\[(.)\](?=[ \t]|$)/;
const BLOCKQUOTE = /^ {0,3}>/;
const CALLOUT = /^ {0,3}>[ \t]*\[!/;
const TABLE_DELIMITER = /^[ \t]*\|?[ \t]*:?-+:?[ \t]*(\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const HTML_BLOCK = /^ {0,3}<(?:[a-zA-Z][a-zA-Z0-9-]*|!--)/;
const BLOCK_ID = /(?:^|[ \t])\^([A-Za-z0-9-]+)[ \t]*$/;

function isBlank(line: Line | undefined): boolean {
	return line === undefined || line.text.trim() === "";
}

/** Replaces code, math and comments with spaces (same length), so link and tag patterns skip them. */
function maskInline(text: string): string {
	let masked = text.replace(/%%[\s\S]*?(%%|$)/g, (match) => match.replace(/[^\n]/g, " "));
	masked = masked.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (match) => match.replace(/[^\n]/g, " "));
	return masked;
}

function frontmatterLinks(frontmatter: Record<string, unknown>): FrontmatterLinkCache[] {
	const links: FrontmatterLinkCache[] = [];
	const visit = (key: string, value: unknown): void => {
		if (typeof value === "string") {
			for (const match of value.matchAll(/\[\[([^\]]+?)\]\]/g)) {
				const { link, displayText } = splitWikilink(match[1] ?? "");
				links.push({ key, link, original: match[0], displayText });
			}
		} else if (Array.isArray(value)) {
			value.forEach((item, i) => visit(`${key}.${i}`, item));
		}
	};
	for (const [key, value] of Object.entries(frontmatter)) visit(key, value);
	return links;
}

function splitWikilink(inner: string): { link: string; displayText: string } {
	const bar = inner.search(/\\?\|/);
	const target = (bar === -1 ? inner : inner.slice(0, bar)).trim();
	const alias = bar === -1 ? undefined : inner.slice(bar).replace(/^\\?\|/, "");
	if (alias !== undefined) return { link: target, displayText: alias };
	const hash = target.indexOf("#");
	if (hash === -1) return { link: target, displayText: target };
	const path = target.slice(0, hash);
	const sub = target.slice(hash + 1).replace(/^\^/, "").split("#").filter((part) => part !== "").join(" > ");
	return { link: target, displayText: path === "" ? sub : `${path} > ${sub}` };
}

function safeDecode(url: string): string {
	try {
		return decodeURIComponent(url);
	} catch {
		return url;
	}
}

export function computeMetadata(text: string): CachedMetadata {
	const lines = splitLines(text);
	const at = locator(lines);
	const cache: CachedMetadata = {};
	const sections: SectionCache[] = [];
	const headings: HeadingCache[] = [];
	const listItems: ListItemCache[] = [];
	const blocks: Record<string, BlockCache> = {};
	/** Line indexes whose text is code, math or front matter: no links, tags or headings there. */
	const opaque = new Set<number>();

	let first = 0;
	const info = getFrontMatterInfo(text);
	if (info.exists) {
		const closing = at(info.to);
		const closingLine = lines[closing.line];
		if (closingLine !== undefined && lines[0] !== undefined) {
			const position = linePos(lines[0], closingLine, 0, 3);
			cache.frontmatterPosition = position;
			sections.push({ type: "yaml", position });
			for (let i = 0; i <= closingLine.index; i++) opaque.add(i);
			first = closingLine.index + 1;
		}
		let parsed: unknown;
		try {
			parsed = parseYaml(info.frontmatter);
		} catch {
			parsed = undefined;
		}
		if (info.frontmatter.trim() === "") parsed = {};
		if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) {
			const frontmatter = parsed as Record<string, unknown>;
			cache.frontmatter = frontmatter;
			const links = frontmatterLinks(frontmatter);
			if (links.length > 0) cache.frontmatterLinks = links;
		}
	}

	// Lists: a stack of open items, and the line of the current list's first item.
	let listStart = -1;
	let stack: { contentCol: number; line: number }[] = [];
	let openItem: ListItemCache | null = null;

	const closeItem = (last: Line): void => {
		if (openItem === null) return;
		openItem.position.end = loc(last, last.text.length);
		const id = BLOCK_ID.exec(last.text);
		if (id?.[1] !== undefined) {
			openItem.id = id[1];
			blocks[id[1]] = { id: id[1], position: openItem.position };
		}
		openItem = null;
	};

	let i = first;
	while (i < lines.length) {
		const line = lines[i];
		if (line === undefined) break;
		if (isBlank(line)) {
			i += 1;
			continue;
		}
		const fence = FENCE.exec(line.text);
		if (fence?.[1] !== undefined || MATH_FENCE.test(line.text)) {
			const marker = fence?.[1];
			let j = i + 1;
			for (; j < lines.length; j++) {
				const candidate = lines[j]?.text ?? "";
				const closes = marker === undefined ? MATH_FENCE.test(candidate) : new RegExp(`^ {0,3}${marker[0] === "`" ? "`" : "~"}{${marker.length},}[ \\t]*$`).test(candidate);
				if (closes) break;
			}
			const last = lines[Math.min(j, lines.length - 1)] ?? line;
			for (let k = i; k <= last.index; k++) opaque.add(k);
			sections.push({ type: marker === undefined ? "math" : "code", position: linePos(line, last) });
			i = last.index + 1;
			continue;
		}
		const heading = HEADING.exec(line.text);
		if (heading?.[1] !== undefined) {
			const title = (heading[2] ?? "").replace(/(^|[ \t]+)#+$/, "").trim();
			const position = linePos(line, line);
			headings.push({ heading: title, level: heading[1].length, position });
			sections.push({ type: "heading", position });
			i += 1;
			continue;
		}
		if (THEMATIC_BREAK.test(line.text) && !LIST_ITEM.test(line.text.replace(/^([-*])[ \t]+\1[ \t]+\1/, ""))) {
			sections.push({ type: "thematicBreak", position: linePos(line, line) });
			i += 1;
			continue;
		}
		if (LIST_ITEM.test(line.text)) {
			listStart = line.index;
			stack = [];
			let j = i;
			let lastContent = line;
			while (j < lines.length) {
				const current = lines[j];
				if (current === undefined) break;
				if (isBlank(current)) {
					const next = lines.slice(j + 1).find((candidate) => !isBlank(candidate));
					if (next === undefined || !(LIST_ITEM.test(next.text) || /^[ \t]+\S/.test(next.text))) break;
					j += 1;
					continue;
				}
				const item = LIST_ITEM.exec(current.text);
				if (item !== null && !(FENCE.test(current.text) || HEADING.test(current.text))) {
					closeItem(lastContent);
					const indent = item[1] ?? "";
					const markerCol = columns(indent);
					const contentCol = columns(indent + (item[2] ?? "") + (item[3] === "" ? " " : (item[3] ?? " ")));
					while (stack.length > 0 && markerCol < (stack[stack.length - 1]?.contentCol ?? 0)) stack.pop();
					const parentItem = stack[stack.length - 1];
					const rest = current.text.slice(item[0].length);
					const task = TASK.exec(rest);
					openItem = { position: linePos(current, current, indent.length), parent: parentItem === undefined ? -listStart : parentItem.line, task: task?.[1] };
					if (task === null) delete openItem.task;
					listItems.push(openItem);
					stack.push({ contentCol, line: current.index });
				} else if (j > i && (HEADING.test(current.text) || FENCE.test(current.text) || BLOCKQUOTE.test(current.text)) && !/^[ \t]{2,}/.test(current.text)) {
					break;
				} else if (j > i && isBlank(lines[j - 1]) && !/^[ \t]+\S/.test(current.text)) {
					break;
				}
				lastContent = current;
				j += 1;
			}
			closeItem(lastContent);
			sections.push({ type: "list", position: linePos(line, lastContent) });
			i = lastContent.index + 1;
			continue;
		}
		if (BLOCKQUOTE.test(line.text)) {
			let j = i;
			while (j + 1 < lines.length && BLOCKQUOTE.test(lines[j + 1]?.text ?? "")) j += 1;
			sections.push({ type: CALLOUT.test(line.text) ? "callout" : "blockquote", position: linePos(line, lines[j] ?? line) });
			i = j + 1;
			continue;
		}
		const next = lines[i + 1];
		if (line.text.includes("|") && next !== undefined && next.text.includes("-") && TABLE_DELIMITER.test(next.text)) {
			let j = i + 1;
			while (j + 1 < lines.length && !isBlank(lines[j + 1]) && (lines[j + 1]?.text.includes("|") ?? false)) j += 1;
			sections.push({ type: "table", position: linePos(line, lines[j] ?? line) });
			i = j + 1;
			continue;
		}
		const html = HTML_BLOCK.test(line.text);
		let j = i;
		while (j + 1 < lines.length) {
			const candidate = lines[j + 1];
			if (candidate === undefined || isBlank(candidate)) break;
			if (!html && (HEADING.test(candidate.text) || FENCE.test(candidate.text) || BLOCKQUOTE.test(candidate.text) || /^[ \t]*[-*+][ \t]+\S/.test(candidate.text) || THEMATIC_BREAK.test(candidate.text))) break;
			j += 1;
		}
		const last = lines[j] ?? line;
		const section: SectionCache = { type: html ? "html" : "paragraph", position: linePos(line, last) };
		const id = html ? null : BLOCK_ID.exec(last.text);
		if (id?.[1] !== undefined) {
			section.id = id[1];
			blocks[id[1]] = { id: id[1], position: section.position };
		}
		sections.push(section);
		i = j + 1;
	}

	// Links, embeds and tags in the visible text.
	const chars = text.split("");
	for (const index of opaque) {
		const line = lines[index];
		if (line !== undefined) for (let k = line.start; k < line.start + line.text.length; k++) chars[k] = " ";
	}
	const visible = maskInline(chars.join(""));
	const links: LinkCache[] = [];
	const embeds: LinkCache[] = [];
	const tags: TagCache[] = [];
	const posOf = (start: number, length: number): Pos => ({ start: at(start), end: at(start + length) });
	for (const match of visible.matchAll(/(!?)\[\[([^\]\n]+?)\]\]/g)) {
		const start = match.index;
		const original = text.slice(start, start + match[0].length);
		const { link, displayText } = splitWikilink(match[2] ?? "");
		(match[1] === "!" ? embeds : links).push({ link: link.replace(/\\$/, ""), original, displayText, position: posOf(start, match[0].length) });
	}
	for (const match of visible.matchAll(/(!?)\[([^\]\n]*)\]\((<[^>\n]+>|[^)\s]+)(?:[ \t]+"[^"\n]*")?\)/g)) {
		const start = match.index;
		if (start > 0 && visible[start - 1] === "[") continue;
		const rawUrl = (match[3] ?? "").replace(/^<|>$/g, "");
		if (/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(rawUrl)) continue;
		const original = text.slice(start, start + match[0].length);
		(match[1] === "!" ? embeds : links).push({ link: safeDecode(rawUrl), original, displayText: match[2] ?? "", position: posOf(start, match[0].length) });
	}
	for (const match of visible.matchAll(/(^|[\s(])#([^\s#!"$%&'()*+,.:;<=>?@[\\\]^`{|}~]+)/gu)) {
		const name = match[2] ?? "";
		if (/^\d+$/.test(name)) continue;
		const start = match.index + (match[1] ?? "").length;
		tags.push({ tag: `#${name}`, position: posOf(start, name.length + 1) });
	}
	links.sort((a, b) => a.position.start.offset - b.position.start.offset);
	embeds.sort((a, b) => a.position.start.offset - b.position.start.offset);

	if (links.length > 0) cache.links = links;
	if (embeds.length > 0) cache.embeds = embeds;
	if (tags.length > 0) cache.tags = tags;
	if (headings.length > 0) cache.headings = headings;
	if (sections.length > 0) cache.sections = sections;
	if (listItems.length > 0) cache.listItems = listItems;
	if (Object.keys(blocks).length > 0) cache.blocks = blocks;
	return cache;
}
