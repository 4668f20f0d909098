/**
 * Text put into a generated note so that it reads as itself: a title stays a
 * title (never a link, a tag, a comment, emphasis or a table cell boundary),
 * and a user's text copied from a paper note cannot run on past its place.
 */

// CommonMark lets any ASCII punctuation be escaped; these start something in Markdown or in Obsidian:
// code, emphasis, links and wikilinks, HTML, tags and headings, table cells, strikethrough, highlights,
// footnotes and block ids, math, comments (%%) and entities.
const SPECIAL = /[\\`*_[\]<>#|~=^$%&]/g;

/** One line of plain text as Markdown that renders exactly as that text: whitespace collapsed, specials escaped. */
export function escapeMarkdownInline(text: string): string {
	return text.replace(/\s+/g, " ").trim().replace(SPECIAL, "\\$&");
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * `text` with a closing fence added when a fenced code block in it is still open at its end, so that what
 * follows it in a generated note is not swallowed into the code block.
 */
export function closeOpenFence(text: string): string {
	let open: { char: string; length: number } | null = null;
	for (const line of text.split(/\r\n|\n|\r/)) {
		const fence = FENCE.exec(line);
		if (!fence?.[1]) continue;
		const char = fence[1][0] ?? "`";
		if (open === null) {
			if (!(char === "`" && fence[2]?.includes("`"))) open = { char, length: fence[1].length };
		} else if (char === open.char && fence[1].length >= open.length && fence[2]?.trim() === "") {
			open = null;
		}
	}
	return open === null ? text : `${text}\n${open.char.repeat(open.length)}`;
}
