/**
 * CSV as RFC 4180 writes it, for a spreadsheet: a header row, CRLF after
 * every record, a field quoted when it holds `"`, `,`, CR or LF (its quotes
 * doubled), UTF-8 with a byte order mark.
 */

export type CsvValue = string | number | null;

// Spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that starts with one of these as a formula, even
// from a CSV file: a title or a summary such as "=HYPERLINK(…)" or "@SUM(…)" copied from anywhere would become
// live. OWASP's advice (CSV injection) is to prefix such a cell with a single quote so that it reads as text. Its
// list of starting characters is = + - @ tab and carriage return; ASVS adds NUL.
// The price is a visible quote in such a cell, which is why numbers (a year, a rating) are never prefixed.
const FORMULA_START = /^[=+\-@\t\r\0]/;

/** Text that a spreadsheet shows as text: a leading formula character gets a `'` in front. */
export function guardFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: text guarded against formulas and quoted when it must be; a number as is; null as empty. */
export function csvField(value: CsvValue): string {
	if (value === null) return "";
	if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
	const text = guardFormula(value);
	return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface CsvOptions {
	/**
	 * Start with U+FEFF (on by default). Excel reads a CSV file without it in the system's legacy code page and
	 * garbles anything beyond ASCII; Google Sheets, Numbers and LibreOffice read it either way.
	 */
	byteOrderMark?: boolean;
}

/** The file's text: every record ended by CRLF. Write it as UTF-8. */
export function csvText(records: readonly (readonly CsvValue[])[], options: CsvOptions = {}): string {
	const body = records.map((record) => `${record.map(csvField).join(",")}\r\n`).join("");
	return (options.byteOrderMark ?? true) ? `\uFEFF${body}` : body;
}
