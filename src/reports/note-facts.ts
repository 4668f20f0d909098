/**
 * What the reading report takes from a paper note: when it was read, its
 * rating and its summary. The plugin and the CLI read the note; this reads
 * its text.
 */
import { type ReadingStatus, readingStatus } from "../progress/reading-status";
import { readProperties } from "../notes/front-matter";
import { parseReadDate } from "../progress/pace";
import { ratingOf } from "../progress/ratings";
import { hasWords, sectionText, SUMMARY_HEADING } from "./note-sections";

export interface PaperNoteFacts {
	notePath: string;
	/** The `read` property as a date; null when it is empty or not a date. */
	readDate: Date | null;
	/** The `rating` property, 1 to 5; null when unset or not a rating. */
	rating: number | null;
	/** The user's text under "Summary"; null when the note has none. */
	summary: string | null;
	/** The `status` property: what says whether a paper listed without a checkbox is read. */
	status?: ReadingStatus;
}

/** The facts of a note from its text; `dateFormat` is the date format setting the `read` dates were written in. */
export function paperNoteFacts(notePath: string, text: string, dateFormat: string, today: Date): PaperNoteFacts {
	const properties = readProperties(text) ?? {};
	const summary = sectionText(text, SUMMARY_HEADING);
	return {
		notePath,
		readDate: parseReadDate(properties.read, dateFormat, today),
		rating: ratingOf(properties.rating),
		summary: hasWords(summary) ? summary : null,
		status: readingStatus(properties.status),
	};
}
