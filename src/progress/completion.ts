import type { Catalogue, Paper } from "../catalogue/model";

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

function count(into: Completion, paper: Paper): void {
	const group = into[paper.group];
	into.total += 1;
	group.total += 1;
	if (paper.checked) {
		into.done += 1;
		group.done += 1;
	}
}

/** Completion of any subset of papers. */
export function completionOf(papers: Iterable<Paper>): Completion {
	const completion = emptyCompletion();
	for (const paper of papers) count(completion, paper);
	return completion;
}

/** Overall and per-section completion, sections in document order. */
export function progressOf(catalogue: Catalogue): CatalogueProgress {
	const sections = catalogue.sections.map((section): SectionProgress => ({
		title: section.title,
		headingIndex: section.headingIndex,
		...completionOf(section.paperIndexes.map((index) => catalogue.papers[index]).filter((paper) => paper !== undefined)),
	}));
	return { ...completionOf(catalogue.papers), sections };
}

/**
 * Completion rolled up per heading: each heading counts every paper below it,
 * up to the next heading of the same or a shallower depth. Indexed like `Catalogue.headings`.
 */
export function headingCompletions(catalogue: Catalogue): Completion[] {
	const completions = catalogue.headings.map(() => emptyCompletion());
	for (const paper of catalogue.papers) {
		let index = paper.headingIndex;
		while (index !== null) {
			const completion = completions[index];
			if (completion) count(completion, paper);
			index = catalogue.headings[index]?.parent ?? null;
		}
	}
	return completions;
}
