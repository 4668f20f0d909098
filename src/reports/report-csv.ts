/**
 * The reading report as CSV for a spreadsheet: a header row, then one row per
 * paper read, in catalogue order. Dates are ISO 8601 (yyyy-MM-dd), which every
 * spreadsheet reads as a date whatever its locale.
 */
import { format } from "date-fns";
import { type CsvOptions, csvText } from "./csv";
import type { ReadingReport } from "./reading-report";

export const REPORT_CSV_HEADER = ["Section", "Title", "Group", "Venue", "Year", "Read on", "Rating", "Summary"] as const;

export function readingReportCsv(report: ReadingReport, options: CsvOptions = {}): string {
	const rows = report.sections.flatMap((section) =>
		section.read.map((paper) => [section.title, paper.title, paper.group, paper.venue, paper.year, paper.readDate === null ? null : format(paper.readDate, "yyyy-MM-dd"), paper.rating, paper.summary]),
	);
	return csvText([[...REPORT_CSV_HEADER], ...rows], options);
}
