/**
 * Surgical catalogue edits. Each one re-reads the text it is given (the
 * catalogue as it is now, inside an atomic `process` call) and changes only
 * the bytes it means to: one checkbox character.
 */
import type { Catalogue, Paper } from "./model";
import { CatalogueParser } from "./parse";

/**
 * The text with the checkbox of paper `paperId` set to `checked`, or null when
 * nothing needs to change (already so, the paper is gone, or it has no checkbox).
 */
export function withCheckbox(text: string, paperId: string, checked: boolean, parser = new CatalogueParser()): string | null {
	const paper = parser.parse(text).papers.find((candidate) => candidate.id === paperId);
	if (!paper || paper.checkboxOffset === undefined || paper.checked === checked) return null;
	const offset = paper.checkboxOffset;
	return `${text.slice(0, offset)}${checked ? "x" : " "}${text.slice(offset + 1)}`;
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
