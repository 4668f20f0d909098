/**
 * The commonest edit to a catalogue, by far, is ticking or unticking a box:
 * one character between brackets. Such an edit cannot move a chunk boundary
 * or change anything but `checked`, so the new catalogue is the old one with
 * those papers flipped, found without running remark at all.
 */
import type { Catalogue, Paper } from "./model";

/** More differences than this and it is not a run of toggles; a parse is cheaper than checking. */
const MAX_TOGGLES = 32;
const BOX = /[ xX]/;

/** Offsets where two texts of equal length differ, or null when there are more than `limit`. */
function differences(before: string, after: string, limit: number): number[] | null {
	const found: number[] = [];
	let start = 0;
	const length = after.length;
	while (start < length) {
		// Compare in blocks first: equal blocks (nearly all of them) are skipped at native speed.
		const end = Math.min(length, start + 4096);
		if (before.slice(start, end) !== after.slice(start, end)) {
			for (let i = start; i < end; i++) {
				if (before.charCodeAt(i) !== after.charCodeAt(i)) {
					found.push(i);
					if (found.length > limit) return null;
				}
			}
		}
		start = end;
	}
	return found;
}

/** The catalogue of `text`, when it differs from `previousText` only in checkbox characters; null otherwise. */
export function catalogueAfterToggles(previousText: string, previous: Catalogue, text: string): Catalogue | null {
	if (previousText.length !== text.length) return null;
	const offsets = differences(previousText, text, MAX_TOGGLES);
	if (offsets === null || offsets.length === 0) return null;
	const byOffset = new Map<number, number>();
	for (const offset of offsets) {
		const char = text[offset] ?? "";
		if (!BOX.test(char) || !BOX.test(previousText[offset] ?? "")) return null;
		byOffset.set(offset, -1);
	}
	previous.papers.forEach((paper, index) => {
		if (paper.checkboxOffset !== undefined && byOffset.has(paper.checkboxOffset)) byOffset.set(paper.checkboxOffset, index);
	});
	const papers: Paper[] = previous.papers.slice();
	for (const [offset, index] of byOffset) {
		const paper = papers[index];
		if (!paper) return null;
		papers[index] = { ...paper, checked: text[offset] !== " " };
	}
	return { ...previous, papers };
}
