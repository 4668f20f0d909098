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

/** Two parses of one catalogue, with the texts they were made from. */
export interface Revision {
	catalogue: Catalogue;
	text: string;
}

/** An item's text with its checkbox character blanked: what stays the same when only the box is ticked. */
function fingerprint(paper: Paper, text: string): string {
	const { start, end } = paper.range;
	const item = text.slice(start.offset, end.offset);
	if (paper.checkboxOffset === undefined) return item;
	const at = paper.checkboxOffset - start.offset;
	return `${item.slice(0, at)}\u0000${item.slice(at + 1)}`;
}

function groupByKey(papers: readonly Paper[]): Map<string, Paper[]> {
	const groups = new Map<string, Paper[]>();
	for (const paper of papers) {
		const group = groups.get(paper.key);
		if (group) group.push(paper);
		else groups.set(paper.key, [paper]);
	}
	return groups;
}

/**
 * Pairs the listings of one paper before and after an edit: a listing is the one with the same item text
 * (checkbox aside); listings whose text changed too pair up in order when as many changed on both sides. A listing
 * added or deleted pairs with nothing, so it is never taken for a tick of another listing.
 */
function pairListings(before: readonly Paper[], beforeText: string, after: readonly Paper[], afterText: string): [Paper, Paper][] {
	const unpaired = new Map<string, Paper[]>();
	for (const paper of before) {
		const key = fingerprint(paper, beforeText);
		const queue = unpaired.get(key);
		if (queue) queue.push(paper);
		else unpaired.set(key, [paper]);
	}
	const pairs: [Paper, Paper][] = [];
	const leftAfter: Paper[] = [];
	for (const paper of after) {
		const match = unpaired.get(fingerprint(paper, afterText))?.shift();
		if (match) pairs.push([match, paper]);
		else leftAfter.push(paper);
	}
	const leftBefore = [...unpaired.values()].flat().sort((a, b) => a.range.start.offset - b.range.start.offset);
	if (leftBefore.length === leftAfter.length) leftAfter.forEach((paper, i) => pairs.push([leftBefore[i] as Paper, paper]));
	return pairs;
}

/**
 * The papers (as they are after) whose own checkbox was ticked or unticked between two revisions of one catalogue.
 * Listings are matched by what they are, not by position: deleting one listing of a paper listed twice is not a
 * tick of the other (`id`s of repeats are positional, `#2` becomes the first).
 */
export function checkboxChanges(before: Revision, after: Revision): Paper[] {
	const was = before.catalogue;
	const now = after.catalogue;
	// A run of ticks, read without a parse (see toggle.ts), shares everything but the flipped papers.
	if (now.headings === was.headings && now.papers.length === was.papers.length) {
		return now.papers.filter((paper, i) => paper !== was.papers[i] && paper.checked !== was.papers[i]?.checked);
	}
	// Listings at the start and at the end that are the same paper and as ticked as before are the same listings:
	// only the stretch between, where the edit was, needs matching (an edit of one item's text matches nothing).
	const same = (a: Paper | undefined, b: Paper | undefined): boolean => a !== undefined && b !== undefined && a.key === b.key && a.checked === b.checked;
	let start = 0;
	while (start < was.papers.length && start < now.papers.length && same(was.papers[start], now.papers[start])) start++;
	let endWas = was.papers.length;
	let endNow = now.papers.length;
	while (endWas > start && endNow > start && same(was.papers[endWas - 1], now.papers[endNow - 1])) {
		endWas--;
		endNow--;
	}
	if (endWas === start || endNow === start) return [];
	const previous = groupByKey(was.papers.slice(start, endWas));
	const changed: Paper[] = [];
	for (const [key, listings] of groupByKey(now.papers.slice(start, endNow))) {
		const earlier = previous.get(key);
		if (!earlier) continue;
		for (const [old, current] of pairListings(earlier, before.text, listings, after.text)) {
			if (old.checkboxOffset !== undefined && current.checkboxOffset !== undefined && old.checked !== current.checked) changed.push(current);
		}
	}
	return changed.sort((a, b) => a.range.start.offset - b.range.start.offset);
}

/**
 * The paper whose item covers a line of the catalogue (0-based, as editors count), if any. A line of a schedule
 * can hold several readings: given the cursor's column (0-based), the reading under it or the last one before it.
 */
export function paperAtLine(catalogue: Catalogue, line: number, ch?: number): Paper | undefined {
	const oneBased = line + 1;
	// The innermost item on that line: items nest, and a paper's own line wins over its parent's range.
	let found: Paper | undefined;
	const onLine: Paper[] = [];
	for (const paper of catalogue.papers) {
		if (paper.range.start.line <= oneBased && oneBased <= paper.range.end.line) {
			found = paper;
			if (paper.range.start.line === oneBased && paper.range.end.line === oneBased) onLine.push(paper);
		}
		if (paper.range.start.line > oneBased) break;
	}
	if (ch === undefined || onLine.length < 2) return found;
	const column = ch + 1;
	return onLine.filter((paper) => paper.range.start.column <= column).at(-1) ?? onLine[0];
}
