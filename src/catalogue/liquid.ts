/**
 * Liquid tags (`{% include syllabus_entry %}`, `{% capture %}…{% endcapture %}`) in Jekyll course
 * pages are instructions to the site generator, not text a reader sees: they are blanked out before
 * parsing, with spaces of the same length, so that every offset still points into the original text.
 *
 * - `{% comment %}…{% endcomment %}` and `{% capture %}…{% endcapture %}` are blanked whole: what they
 *   hold is never shown where it is written.
 * - In `{% raw %}…{% endraw %}` only the two tags go: what is between them is shown as written.
 * - Any other tag is blanked, except one that starts a line with text after it (`{% if x %}- [ ] …`):
 *   blanked, that text would be indented by the tag's width and read as code. It stays, as text.
 * - `{{ output }}` is left alone: what it prints cannot be known here.
 */
import { Patcher } from "./lines";

export interface LiquidResult {
	text: string;
	/**
	 * Start offsets of the lines that held nothing but Liquid tags, one of them an `include` (on a course
	 * page, the markup that opens a lecture's entry), ascending.
	 */
	includeLines: number[];
}

/** A tag longer than this is taken for stray braces, not a tag. */
const MAX_TAG_LENGTH = 2_000;

interface Tag {
	start: number;
	end: number;
	name: string;
}

function isLineBreak(code: number): boolean {
	return code === 10 || code === 13;
}

function isBlank(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		const code = text.charCodeAt(i);
		if (code !== 32 && code !== 9) return false;
	}
	return true;
}

/**
 * The tags of `text` in order. Linear: each search starts where the last one ended, and the
 * search for a `%}` is reused until an opener passes it.
 */
function tagsOf(text: string, from: number): Tag[] {
	const tags: Tag[] = [];
	let open = text.indexOf("{%", from);
	let close = open === -1 ? -1 : text.indexOf("%}", open + 2);
	while (open !== -1 && close !== -1) {
		if (close < open + 2) {
			close = text.indexOf("%}", open + 2);
			continue;
		}
		if (close - open > MAX_TAG_LENGTH) {
			open = text.indexOf("{%", open + 2);
			continue;
		}
		const name = /^-?\s*([A-Za-z_]\w*)/.exec(text.slice(open + 2, Math.min(close, open + 64)))?.[1]?.toLowerCase() ?? "";
		tags.push({ start: open, end: close + 2, name });
		open = text.indexOf("{%", close + 2);
	}
	return tags;
}

function isInclude(tag: Tag | undefined): boolean {
	return tag !== undefined && (tag.name === "include" || tag.name === "include_relative");
}

/** Walks forward through the text's lines: where the line holding an offset starts and ends. */
class LineCursor {
	private start = 0;
	private scanned = 0;
	private end = -1;

	constructor(private readonly text: string) {}

	/** Start of the line holding `offset`; offsets must not go backwards. */
	startOf(offset: number): number {
		for (; this.scanned < offset; this.scanned++) {
			if (isLineBreak(this.text.charCodeAt(this.scanned))) this.start = this.scanned + 1;
		}
		return this.start;
	}

	private blankFrom = -1;
	private firstText = 0;

	/** Whether only spaces and tabs come before `offset` on its line; offsets must not go backwards. */
	leadsLine(offset: number): boolean {
		const start = this.startOf(offset);
		if (this.blankFrom !== start) {
			this.blankFrom = start;
			this.firstText = start;
			while (this.firstText < this.text.length && (this.text.charCodeAt(this.firstText) === 32 || this.text.charCodeAt(this.firstText) === 9)) this.firstText += 1;
		}
		return offset <= this.firstText;
	}

	/** End (before the line break) of the line holding `offset`. */
	endOf(offset: number): number {
		if (this.end < offset) {
			this.end = offset;
			while (this.end < this.text.length && !isLineBreak(this.text.charCodeAt(this.end))) this.end += 1;
		}
		return this.end;
	}
}

/** Blanks the Liquid tags of `text` from `from` (the end of any front matter) on: see the module comment. */
export function blankLiquid(text: string, from = 0): LiquidResult {
	if (!text.includes("{%", from)) return { text, includeLines: [] };
	const tags = tagsOf(text, from);
	const patcher = new Patcher(text);
	const lines = new LineCursor(text);
	const includeLines: number[] = [];

	/** What follows tag `index` (ending at `end`) on its line: any text but tags, and any `include` tag. */
	const restOfLine = (index: number, end: number): { text: boolean; include: boolean } => {
		const lineEnd = lines.endOf(end);
		let from = end;
		let include = false;
		for (let j = index + 1; j < tags.length; j++) {
			const next = tags[j];
			if (!next || next.start >= lineEnd) break;
			if (!isBlank(text, from, next.start)) return { text: true, include };
			include ||= isInclude(next);
			from = Math.max(from, next.end);
		}
		return { text: from < lineEnd && !isBlank(text, from, lineEnd), include };
	};

	/** Blanks tags `first` to `last` and what is between them; notes a line left holding an include and nothing else. */
	const blankTags = (first: number, last: number): void => {
		const start = tags[first]?.start ?? 0;
		const end = tags[last]?.end ?? start;
		if (!lines.leadsLine(start)) {
			patcher.blank(start, end);
			return;
		}
		const rest = restOfLine(last, end);
		// Text after a tag that starts a line would be indented by the tag's width: leave such a tag be.
		if (rest.text) return;
		patcher.blank(start, end);
		if (rest.include || (first === last && isInclude(tags[first]))) includeLines.push(lines.startOf(end));
	};

	// Closers known to be missing from some tag on: none can be found for a later opener either.
	const unclosed = new Set<string>();

	for (let i = 0; i < tags.length; i++) {
		const tag = tags[i];
		if (!tag) continue;
		const hidesBody = tag.name === "comment" || tag.name === "capture";
		const closer = `end${tag.name}`;
		if ((hidesBody || tag.name === "raw") && !unclosed.has(closer)) {
			let j = i + 1;
			while (j < tags.length && tags[j]?.name !== closer) j += 1;
			if (j === tags.length) unclosed.add(closer);
			else {
				if (hidesBody) {
					blankTags(i, j);
				} else {
					blankTags(i, i);
					blankTags(j, j);
				}
				i = j;
				continue;
			}
		}
		blankTags(i, i);
	}
	return { text: patcher.result(), includeLines };
}
