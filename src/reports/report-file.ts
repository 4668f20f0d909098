/**
 * Writing a reading report where one may already be: a report note carries a stamp (a hidden comment on its last
 * line holding a hash of the text above it), so a later export knows an earlier one the user never touched and
 * may replace it. A note the user edited, or any other file, is never written over. A CSV has no room for a
 * stamp: an existing one is replaced only when it is already exactly the new text (then nothing is written).
 */

const STAMP = /^<!-- paper-catalogue:report ([0-9a-f]{8}): [^\n]*-->\n?$/;
const STAMP_TEXT = "made by Paper Catalogue; once you edit this note, the next export writes a new one";

/** FNV-1a, 32 bits, over the UTF-16 code units: a checksum for telling edits apart, not a secret. */
function hash(text: string): string {
	let value = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		value ^= text.charCodeAt(i);
		value = Math.imul(value, 0x01000193) >>> 0;
	}
	return value.toString(16).padStart(8, "0");
}

/** The report note's text: the report's markdown and the stamp on a last line of its own. */
export function stampedReport(markdown: string): string {
	const body = markdown.endsWith("\n") ? markdown : `${markdown}\n`;
	return `${body}<!-- paper-catalogue:report ${hash(body)}: ${STAMP_TEXT} -->\n`;
}

/** Whether `text` is a report note exactly as an export wrote it (its stamp matches the text above it). */
export function isUnchangedReport(text: string): boolean {
	const withoutEnd = text.endsWith("\n") ? text.slice(0, -1) : text;
	const lastLine = withoutEnd.lastIndexOf("\n") + 1;
	const match = STAMP.exec(text.slice(lastLine));
	return match !== null && match[1] === hash(text.slice(0, lastLine));
}

export type ReportFormat = "md" | "csv";

/**
 * What to do with `next` at a path holding `existing` (null: nothing there): `create` it, `replace` an unchanged
 * earlier report, leave it (`unchanged`: it already holds `next`), or `keep` the file (the user's) and write
 * elsewhere or not at all.
 */
export function reportWrite(existing: string | null, next: string, format: ReportFormat): "create" | "replace" | "unchanged" | "keep" {
	if (existing === null) return "create";
	if (existing === next) return "unchanged";
	return format === "md" && isUnchangedReport(existing) ? "replace" : "keep";
}
