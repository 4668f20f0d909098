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

/** The texts are compared in blocks of this many characters, and a differing block halved... */
const BLOCK = 4096;
/** ...until this many are left, searched character by character. */
const SCAN = 32;

/**
 * Offsets where two texts of equal length differ, ascending, or null when there are more than
 * `limit`. Equal blocks are skipped at native speed and a differing one halved until a short
 * stretch is left, so a few toggles in a long text cost a pass of native comparisons and a few
 * short loops: this runs on every keystroke that ticks a box, often before the JIT has compiled it.
 */
function differences(before: string, after: string, limit: number): number[] | null {
	const found: number[] = [];
	// Stretches still to look at, as start/end pairs, pushed so that offsets come out in order.
	const stack: number[] = [];
	for (let blockEnd = after.length; blockEnd > 0; blockEnd -= BLOCK) stack.push(Math.max(0, blockEnd - BLOCK), blockEnd);
	while (stack.length > 0) {
		const end = stack.pop() ?? 0;
		const start = stack.pop() ?? 0;
		if (end - start <= SCAN) {
			for (let i = start; i < end; i++) {
				if (before.charCodeAt(i) !== after.charCodeAt(i)) {
					found.push(i);
					if (found.length > limit) return null;
				}
			}
			continue;
		}
		if (before.slice(start, end) === after.slice(start, end)) continue;
		const middle = (start + end) >> 1;
		stack.push(middle, end, start, middle);
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
	let unmatched = byOffset.size;
	for (let index = 0; index < previous.papers.length && unmatched > 0; index++) {
		const offset = previous.papers[index]?.checkboxOffset;
		if (offset !== undefined && byOffset.get(offset) === -1) {
			byOffset.set(offset, index);
			unmatched -= 1;
		}
	}
	const papers: Paper[] = previous.papers.slice();
	for (const [offset, index] of byOffset) {
		const paper = papers[index];
		if (!paper) return null;
		papers[index] = { ...paper, checked: text[offset] !== " " };
	}
	return { ...previous, papers };
}
