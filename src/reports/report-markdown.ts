/**
 * The reading report as a note: totals and pace, then per section a table
 * of the papers read. Every title and summary is written as text.
 */
import { format } from "date-fns";
import type { Completion } from "../progress/completion";
import { formatPerWeek, PACE_WINDOW_WEEKS } from "../progress/pace";
import { formatRating } from "../progress/ratings";
import { escapeMarkdownInline } from "./markdown-text";
import type { ReadingReport, ReportPaper, ReportSection } from "./reading-report";

const NONE = "—";

export interface ReportMarkdownOptions {
	/** date-fns format for dates (the date format setting); yyyy-MM-dd by default. */
	dateFormat?: string;
}

function split(completion: Completion): string {
	return `required ${completion.required.done}/${completion.required.total}, optional ${completion.optional.done}/${completion.optional.total}`;
}

function paceLine(report: ReadingReport, dateFormat: string): string {
	const { pace } = report;
	const over = `over the last ${PACE_WINDOW_WEEKS} weeks`;
	if (pace.perWeek === 0) return `no paper read ${over}`;
	const rate = `${formatPerWeek(pace.perWeek)} ${over}`;
	if (pace.remainingRequired === 0 || pace.finish === null) return `${rate}; every required paper is read`;
	const left = pace.remainingRequired === 1 ? "the 1 required paper left is" : `the ${pace.remainingRequired} required papers left are`;
	return `${rate}; at this pace ${left} done by ${format(pace.finish, dateFormat)}`;
}

function cell(text: string): string {
	const escaped = escapeMarkdownInline(text);
	return escaped === "" ? NONE : escaped;
}

function row(paper: ReportPaper, dateFormat: string): string {
	const cells = [
		cell(paper.title),
		cell(paper.venue ?? ""),
		paper.year === null ? NONE : String(paper.year),
		paper.readDate === null ? NONE : format(paper.readDate, dateFormat),
		paper.rating === null ? NONE : `${formatRating(paper.rating)}/5`,
		cell(paper.summary),
	];
	return `| ${cells.join(" | ")} |`;
}

function sectionPart(section: ReportSection, dateFormat: string): string {
	const { completion } = section;
	const facts = [`Read ${completion.done} of ${completion.total} (${split(completion)})`];
	if (section.meanRating !== null) facts.push(`mean rating ${formatRating(section.meanRating)}`);
	const lines = [`## ${escapeMarkdownInline(section.title)}`, "", facts.join(" · "), ""];
	if (section.read.length === 0) return [...lines, "Nothing read yet."].join("\n");
	return [...lines, "| Title | Venue | Year | Read on | Rating | Summary |", "| --- | --- | --- | --- | --- | --- |", ...section.read.map((paper) => row(paper, dateFormat))].join("\n");
}

/** The report as the text of a new note. */
export function readingReportMarkdown(report: ReadingReport, options: ReportMarkdownOptions = {}): string {
	const dateFormat = options.dateFormat ?? "yyyy-MM-dd";
	const { completion } = report;
	const summary = [
		`- **Read:** ${completion.done} of ${completion.total} papers (${split(completion)})`,
		`- **Pace:** ${paceLine(report, dateFormat)}`,
		`- **Mean rating:** ${report.meanRating === null ? "no paper rated yet" : `${formatRating(report.meanRating)} (${report.rated} ${report.rated === 1 ? "paper" : "papers"} rated)`}`,
	];
	return [
		`# ${escapeMarkdownInline(report.catalogueName)}: reading report`,
		"",
		`Made by Paper Catalogue on ${format(report.date, dateFormat)}.`,
		"",
		...summary,
		"",
		report.sections.map((section) => sectionPart(section, dateFormat)).join("\n\n"),
		"",
	].join("\n");
}
