/**
 * Surgical catalogue edits: given the catalogue as it is now (inside an
 * atomic `process` call, or the editor's text) and its parse, change only the
 * bytes meant to change, one checkbox character each.
 */
import type { Catalogue, Paper } from "./model";

/**
 * The text with the checkboxes of `paperIds` set to `checked`; `catalogue` must
 * be the parse of `text`. Only the characters between the brackets change.
 */
export function withCheckboxes(text: string, catalogue: Catalogue, paperIds: readonly string[], checked: boolean): string {
	const wanted = new Set(paperIds);
	let result = text;
	for (const paper of catalogue.papers) {
		if (!wanted.has(paper.id) || paper.checkboxOffset === undefined || paper.checked === checked) continue;
		const offset = paper.checkboxOffset;
		result = `${result.slice(0, offset)}${checked ? "x" : " "}${result.slice(offset + 1)}`;
	}
	return result;
}

/** Papers whose checkbox changed between two parses of one catalogue, matched by id. */
export function checkboxChanges(before: Catalogue, after: Catalogue): Paper[] {
	const previous = new Map(before.papers.map((paper) => [paper.id, paper.checked]));
	return after.papers.filter((paper) => {
		const was = previous.get(paper.id);
		return was !== undefined && was !== paper.checked;
	});
}

/** The paper whose item covers a line of the catalogue (0-based, as editors count), if any. */
export function paperAtLine(catalogue: Catalogue, line: number): Paper | undefined {
	const oneBased = line + 1;
	// The innermost item on that line: items nest, and a paper's own line wins over its parent's range.
	let found: Paper | undefined;
	for (const paper of catalogue.papers) {
		if (paper.range.start.line <= oneBased && oneBased <= paper.range.end.line) found = paper;
		if (paper.range.start.line > oneBased) break;
	}
	return found;
}
