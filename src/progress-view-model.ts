/**
 * What the reading progress view shows, computed from a catalogue, the
 * view's filters and what is known about the paper notes. Pure: the view
 * only turns this into DOM.
 */
import type { Catalogue, Paper } from "./catalogue/model";
import { isSafeExternalUrl } from "./catalogue/url";
import { type Pace, paceOf } from "./pace";
import { type Completion, completionOf, progressOf } from "./progress";

export type PaperFilter = "all" | "unread" | "required";

export interface ViewFilters {
	filter: PaperFilter;
	/** Case-insensitive text the title must contain; empty for all. */
	query: string;
}

/** What the view knows about a paper's note. */
export interface NoteInfo {
	path: string;
	reviewed: boolean;
	readDate: Date | null;
}

export interface PaperRow {
	id: string;
	title: string;
	/** Only http(s) links: anything else (javascript:, data:, relative paths) is never made clickable. */
	externalUrl: string | null;
	meta: string;
	checked: boolean;
	hasCheckbox: boolean;
	group: Paper["group"];
	hasNote: boolean;
	reviewed: boolean;
}

export interface SectionRow {
	/** Stable across updates: the section's title and its position among sections of that title. */
	key: string;
	title: string;
	completion: Completion;
	/** The papers that pass the filters. */
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
}

function passes(paper: Paper, filters: ViewFilters): boolean {
	if (filters.filter === "unread" && paper.checked) return false;
	if (filters.filter === "required" && paper.group !== "required") return false;
	const query = filters.query.trim().toLowerCase();
	return query === "" || paper.title.toLowerCase().includes(query);
}

function metaOf(paper: Paper): string {
	return [paper.venue, paper.year?.toString()].filter((part) => part !== undefined && part !== "").join(" ");
}

function rowOf(paper: Paper, note: NoteInfo | undefined): PaperRow {
	return {
		id: paper.id,
		title: paper.title === "" ? "Untitled paper" : paper.title,
		externalUrl: paper.url !== undefined && isSafeExternalUrl(paper.url) ? paper.url : null,
		meta: metaOf(paper),
		checked: paper.checked,
		hasCheckbox: paper.checkboxOffset !== undefined,
		group: paper.group,
		hasNote: note !== undefined,
		reviewed: note?.reviewed ?? false,
	};
}

export function buildProgressViewModel(catalogue: Catalogue, filters: ViewFilters, notes: ReadonlyMap<string, NoteInfo>, today: Date): ProgressViewModel {
	const progress = progressOf(catalogue);
	const titleCounts = new Map<string, number>();
	const filtering = filters.filter !== "all" || filters.query.trim() !== "";
	const sections: SectionRow[] = [];
	let hiddenSections = 0;
	catalogue.sections.forEach((section, index) => {
		const seen = (titleCounts.get(section.title) ?? 0) + 1;
		titleCounts.set(section.title, seen);
		const papers = section.paperIndexes.map((i) => catalogue.papers[i]).filter((paper): paper is Paper => paper !== undefined);
		const visible = papers.filter((paper) => passes(paper, filters));
		if (filtering && visible.length === 0) {
			hiddenSections += 1;
			return;
		}
		sections.push({
			key: `${section.title}#${seen}`,
			title: section.title,
			completion: progress.sections[index] ?? completionOf(papers),
			papers: visible.map((paper) => rowOf(paper, notes.get(paper.id))),
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
	};
}
