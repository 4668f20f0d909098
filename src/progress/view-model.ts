/**
 * What the reading progress view shows, computed from a catalogue, the
 * view's filters and what is known about the paper notes. Pure: the view
 * only turns this into DOM.
 */
import type { Catalogue, Paper } from "../catalogue/model";
import { isSafeExternalUrl } from "../catalogue/url";
import { type Pace, paceOf } from "./pace";
import { type Completion, completionOf, doneByCheckboxOrNote, type IsDone, progressOf } from "./completion";
import { sectionMeanRatings } from "./ratings";
import type { ReadingStatus } from "./reading-status";

export type PaperFilter = "all" | "unread" | "required";

export interface ViewFilters {
	filter: PaperFilter;
	/** Words the title must all contain (any case, any order); empty for all. */
	query: string;
}

/** What the view knows about a paper's note. */
export interface NoteInfo {
	path: string;
	reviewed: boolean;
	readDate: Date | null;
	/** The note's `status`, when it has one: the state of an item without a checkbox. */
	status?: ReadingStatus;
	/** The note's `rating` (1 to 5), when it holds one. */
	rating?: number | null;
}

export interface PaperRow {
	id: string;
	title: string;
	/** Only http(s) links: anything else (javascript:, data:, relative paths) is never made clickable. */
	externalUrl: string | null;
	/** Venue, year and award, e.g. "ICLR 2018"; empty when unknown. */
	meta: string;
	/** The item's own text around the title ("Read Chapter 1 of …"); shown as text, never markup. */
	annotation: string;
	/** Done: its checkbox ticked, or, for an item without a checkbox, its note read. */
	checked: boolean;
	/** Whether the catalogue item has a checkbox; without one the tick sets the note's status. */
	hasCheckbox: boolean;
	group: Paper["group"];
	hasNote: boolean;
	reviewed: boolean;
	/** The note's rating, shown beside a paper that is read; null for an unread or unrated one. */
	rating: number | null;
}

export interface SectionRow {
	/** Stable across updates: the section's title and its position among sections of that title. */
	key: string;
	title: string;
	completion: Completion;
	/** How many of its papers pass the filters. */
	matching: number;
	/** The mean rating of its rated papers (all of them, whatever the filters); null when none is rated. */
	meanRating: number | null;
	/** The papers that pass the filters; empty for a section whose rows are not wanted (a collapsed one). */
	papers: PaperRow[];
}

export interface ProgressViewModel {
	completion: Completion;
	reviewed: number;
	notes: number;
	pace: Pace;
	sections: SectionRow[];
	/** Sections hidden because none of their papers pass the filters. */
	hiddenSections: number;
	/** Papers that pass the filters, in all sections. */
	matching: number;
	/** Whether a filter or a search is on. */
	filtering: boolean;
}

function searchTerms(query: string): string[] {
	return query.toLowerCase().split(/\s+/).filter((term) => term !== "");
}

function passes(paper: Paper, filter: PaperFilter, terms: readonly string[], isDone: IsDone): boolean {
	if (filter === "unread" && isDone(paper)) return false;
	if (filter === "required" && paper.group !== "required") return false;
	if (terms.length === 0) return true;
	const title = paper.title.toLowerCase();
	return terms.every((term) => title.includes(term));
}

/** Compares texts the way people count: "2. Big data" before "10. Benchmarks", case aside. */
export function naturalCompare(a: string, b: string): number {
	return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
}

/** "ICLR 2018", "DAC 2021 · Best Paper Award", "2016": what the catalogue says about where and when. */
function metaOf(paper: Paper): string {
	const where = [paper.venue, paper.year?.toString()].filter((part) => part !== undefined && part !== "").join(" ");
	return [where, paper.award ?? ""].filter((part) => part !== "").join(" · ");
}

function rowOf(paper: Paper, note: NoteInfo | undefined, isDone: IsDone): PaperRow {
	return {
		id: paper.id,
		title: paper.title === "" ? "Untitled paper" : paper.title,
		externalUrl: paper.url !== undefined && isSafeExternalUrl(paper.url) ? paper.url : null,
		meta: metaOf(paper),
		annotation: paper.annotation,
		checked: isDone(paper),
		hasCheckbox: paper.checkboxOffset !== undefined,
		group: paper.group,
		hasNote: note !== undefined,
		reviewed: note?.reviewed ?? false,
		rating: isDone(paper) ? (note?.rating ?? null) : null,
	};
}

/**
 * Sections in document order (a numbered list stays 1, 2, … 10, never 1, 10, 2), each with the papers that pass
 * the filters; sections with none are left out while a filter or search is on.
 */
export function buildProgressViewModel(
	catalogue: Catalogue,
	filters: ViewFilters,
	notes: ReadonlyMap<string, NoteInfo>,
	today: Date,
	/** Which sections (by key) need their paper rows; all by default. The view asks only for expanded ones. */
	wantsRows: (key: string) => boolean = () => true,
): ProgressViewModel {
	const isDone = doneByCheckboxOrNote((paper) => notes.get(paper.id)?.status);
	const progress = progressOf(catalogue, isDone);
	const meanRatings = sectionMeanRatings(catalogue, new Map([...notes].map(([id, note]) => [id, note.rating ?? null])));
	const titleCounts = new Map<string, number>();
	const terms = searchTerms(filters.query);
	const filtering = filters.filter !== "all" || terms.length > 0;
	const sections: SectionRow[] = [];
	let hiddenSections = 0;
	let matching = 0;
	catalogue.sections.forEach((section, index) => {
		const seen = (titleCounts.get(section.title) ?? 0) + 1;
		titleCounts.set(section.title, seen);
		const papers = section.paperIndexes.map((i) => catalogue.papers[i]).filter((paper): paper is Paper => paper !== undefined);
		if (papers.length === 0) return;
		const visible = papers.filter((paper) => passes(paper, filters.filter, terms, isDone));
		matching += visible.length;
		if (filtering && visible.length === 0) {
			hiddenSections += 1;
			return;
		}
		const key = `${section.title}#${seen}`;
		sections.push({
			key,
			title: section.title,
			completion: progress.sections[index] ?? completionOf(papers, isDone),
			matching: visible.length,
			meanRating: meanRatings[index] ?? null,
			papers: wantsRows(key) ? visible.map((paper) => rowOf(paper, notes.get(paper.id), isDone)) : [],
		});
	});

	// One paper listed twice has one note: count each note once.
	const byPath = new Map([...notes.values()].map((note) => [note.path, note]));
	const readDates = [...byPath.values()].flatMap((note) => (note.readDate ? [note.readDate] : []));
	return {
		completion: progress,
		reviewed: [...byPath.values()].filter((note) => note.reviewed).length,
		notes: byPath.size,
		pace: paceOf(readDates, progress.required.total - progress.required.done, today),
		sections,
		hiddenSections,
		matching,
		filtering,
	};
}
