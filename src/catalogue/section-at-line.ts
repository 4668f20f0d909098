/**
 * Which section of a catalogue a line of its text is in: the section of the paper on that line, else the section
 * whose heading is the last one at or above the line. Pure; lines are 0-based, as editors count them.
 */
import { paperAtLine } from "./edits";
import type { Catalogue } from "./model";

/**
 * The index into `catalogue.sections`, or null for a line above the first section heading (a title, an
 * introduction) unless papers come before any heading there (their section, untitled by a heading, holds it).
 */
export function sectionAtLine(catalogue: Catalogue, line: number): number | null {
	const paper = paperAtLine(catalogue, line);
	if (paper && catalogue.sections[paper.sectionIndex]) return paper.sectionIndex;
	const oneBased = line + 1;
	let found: number | null = null;
	let foundLine = -1;
	catalogue.sections.forEach((section, index) => {
		if (section.headingIndex === null) return;
		const start = catalogue.headings[section.headingIndex]?.range.start.line;
		if (start !== undefined && start <= oneBased && start > foundLine) {
			found = index;
			foundLine = start;
		}
	});
	if (found !== null) return found;
	const top = catalogue.sections.findIndex((section) => section.headingIndex === null);
	return top === -1 ? null : top;
}
