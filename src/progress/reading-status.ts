/**
 * A paper note's reading status, and how it follows the catalogue checkbox.
 * The checkbox says done or not; the note says `unread`, `reading` or `read`
 * and, once read, when.
 */
import { format } from "date-fns";

export type ReadingStatus = "unread" | "reading" | "read";

export function readingStatus(value: unknown): ReadingStatus {
	return value === "read" || value === "reading" ? value : "unread";
}

/** Whether a note's status means its catalogue item should be ticked. */
export function isDone(status: unknown): boolean {
	return readingStatus(status) === "read";
}

/**
 * Updates a note's properties (in place, as `processFrontMatter` hands them)
 * for a checkbox that is now `checked`. Returns false, touching nothing, when
 * they already agree, so that sync never loops or rewrites a note for nothing.
 */
export function applyCheckboxToProperties(properties: Record<string, unknown>, checked: boolean, today: Date, dateFormat: string): boolean {
	if (isDone(properties.status) === checked) return false;
	if (checked) {
		properties.status = "read";
		properties.read = format(today, dateFormat);
	} else {
		// Unticking says "not done"; a note marked reading was never done, so only "read" goes back.
		properties.status = "unread";
		properties.read = null;
	}
	return true;
}
