/**
 * Completion of a catalogue: how many papers are done, overall, per section and per heading, split into required
 * and optional. What "done" means for one paper is the caller's: its ticked checkbox, or, for an item without a
 * checkbox, its note's status (see `doneByCheckboxOrNote`).
 */
import type { Catalogue, Paper } from "../catalogue/model";
import type { ReadingStatus } from "./reading-status";

/** Whether a paper is done. */
export type IsDone = (paper: Paper) => boolean;

/** Done when ticked: all a catalogue alone can tell. */
export const byCheckbox: IsDone = (paper) => paper.checked;

/**
 * Done when its checkbox is ticked; an item without a checkbox (a link-only reading list, a table row, a numbered
 * reference) is done when its note says `read`.
 */
export function doneByCheckboxOrNote(noteStatus: (paper: Paper) => ReadingStatus | undefined): IsDone {
	return (paper) => (paper.checkboxOffset !== undefined ? paper.checked : noteStatus(paper) === "read");
}

export interface Tally {
	total: number;
	done: number;
}

/** Completion of a set of papers, overall and split into required / optional. */
export interface Completion extends Tally {
	required: Tally;
	optional: Tally;
}

export interface SectionProgress extends Completion {
	title: string;
	headingIndex: number | null;
}

export interface CatalogueProgress extends Completion {
	sections: SectionProgress[];
}

function emptyCompletion(): Completion {
	return { total: 0, done: 0, required: { total: 0, done: 0 }, optional: { total: 0, done: 0 } };
}

function count(into: Completion, paper: Paper, isDone: IsDone): void {
	const group = into[paper.group];
	into.total += 1;
	group.total += 1;
	if (isDone(paper)) {
		into.done += 1;
		group.done += 1;
	}
}

/** Completion of any subset of papers. */
export function completionOf(papers: Iterable<Paper>, isDone: IsDone = byCheckbox): Completion {
	const completion = emptyCompletion();
	for (const paper of papers) count(completion, paper, isDone);
	return completion;
}

/** Overall and per-section completion, sections in document order. */
export function progressOf(catalogue: Catalogue, isDone: IsDone = byCheckbox): CatalogueProgress {
	const sections = catalogue.sections.map((section): SectionProgress => ({
		title: section.title,
		headingIndex: section.headingIndex,
		...completionOf(
			section.paperIndexes.map((index) => catalogue.papers[index]).filter((paper) => paper !== undefined),
			isDone,
		),
	}));
	return { ...completionOf(catalogue.papers, isDone), sections };
}

/**
 * Completion rolled up per heading: each heading counts every paper below it,
 * up to the next heading of the same or a shallower depth. Indexed like `Catalogue.headings`.
 */
export function headingCompletions(catalogue: Catalogue, isDone: IsDone = byCheckbox): Completion[] {
	const completions = catalogue.headings.map(() => emptyCompletion());
	for (const paper of catalogue.papers) {
		let index = paper.headingIndex;
		while (index !== null) {
			const completion = completions[index];
			if (completion) count(completion, paper, isDone);
			index = catalogue.headings[index]?.parent ?? null;
		}
	}
	return completions;
}
