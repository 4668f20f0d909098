/**
 * The reading report of a catalogue: per section, the papers read (title,
 * venue, year, read date, rating, the first sentence of the summary), with
 * totals and the reading pace. Data only; `report-markdown.ts` and
 * `report-csv.ts` write it out.
 */
import { format } from "date-fns";
import type { Catalogue, Paper, PaperGroup } from "../catalogue/model";
import { safeFileName } from "../notes/file-name";
import { type Completion, completionOf, doneByCheckboxOrNote, progressOf } from "../progress/completion";
import { type Pace, paceOf } from "../progress/pace";
import { meanRating } from "../progress/ratings";
import { firstSentence } from "./first-sentence";
import type { PaperNoteFacts } from "./note-facts";

export interface ReportPaper {
	id: string;
	title: string;
	venue: string | null;
	year: number | null;
	group: PaperGroup;
	readDate: Date | null;
	rating: number | null;
	/** The first sentence of the note's summary; empty when there is none (or no note). */
	summary: string;
}

export interface ReportSection {
	title: string;
	completion: Completion;
	/** Mean rating of the section's rated papers; null when none is rated. */
	meanRating: number | null;
	/** The papers read, in catalogue order. */
	read: ReportPaper[];
}

export interface ReadingReport {
	catalogueName: string;
	date: Date;
	completion: Completion;
	pace: Pace;
	meanRating: number | null;
	rated: number;
	sections: ReportSection[];
}

function reportPaper(paper: Paper, facts: PaperNoteFacts | undefined): ReportPaper {
	return {
		id: paper.id,
		title: paper.title === "" ? "Untitled paper" : paper.title,
		venue: paper.venue ?? null,
		year: paper.year ?? null,
		group: paper.group,
		readDate: facts?.readDate ?? null,
		rating: facts?.rating ?? null,
		summary: facts?.summary ? firstSentence(facts.summary) : "",
	};
}

function completionPart({ total, done, required, optional }: Completion): Completion {
	return { total, done, required: { ...required }, optional: { ...optional } };
}

/** One note counts once, however many times its paper is listed. */
function byNote(facts: Iterable<PaperNoteFacts | undefined>): PaperNoteFacts[] {
	const notes = new Map<string, PaperNoteFacts>();
	for (const fact of facts) if (fact) notes.set(fact.notePath, fact);
	return [...notes.values()];
}

/**
 * The report for a catalogue on `today`. A paper counts as read when its catalogue item is ticked (or, listed
 * without a checkbox, when its note's status is read), as in the progress view; `notes` (by paper id) gives its read date, rating and summary. Pace as in the progress view.
 */
export function readingReport(catalogue: Catalogue, catalogueName: string, notes: ReadonlyMap<string, PaperNoteFacts>, today: Date): ReadingReport {
	// An item without a checkbox is read when its note says so, as in the progress view and the CLI's progress.
	const isDone = doneByCheckboxOrNote((paper) => notes.get(paper.id)?.status);
	const progress = progressOf(catalogue, isDone);
	const sections = catalogue.sections.map((section, index): ReportSection => {
		const papers = section.paperIndexes.map((i) => catalogue.papers[i]).filter((paper): paper is Paper => paper !== undefined);
		return {
			title: section.title,
			completion: completionPart(progress.sections[index] ?? completionOf(papers)),
			meanRating: meanRating(byNote(papers.map((paper) => notes.get(paper.id))).map((facts) => facts.rating)),
			read: papers.filter(isDone).map((paper) => reportPaper(paper, notes.get(paper.id))),
		};
	});
	const allNotes = byNote(notes.values());
	const readDates = allNotes.flatMap((facts) => (facts.readDate ? [facts.readDate] : []));
	return {
		catalogueName,
		date: today,
		completion: completionPart(progress),
		pace: paceOf(readDates, progress.required.total - progress.required.done, today),
		meanRating: meanRating(allNotes.map((facts) => facts.rating)),
		rated: allNotes.filter((facts) => facts.rating !== null).length,
		sections,
	};
}

/** `CS294 AI-Systems – reading report 2026-03-20.md` (or `.csv`): a name for a new file, dated. */
export function reportFileName(catalogueName: string, today: Date, extension: "md" | "csv"): string {
	return `${safeFileName(`${catalogueName} – reading report ${format(today, "yyyy-MM-dd")}`)}.${extension}`;
}
