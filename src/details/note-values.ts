/**
 * Reading paper properties back from a note's front matter, whatever the user (or another tool)
 * put there: a list may be a string, a year a string, a date a Date.
 */
import { cleanText } from "./clean-text";

export function textValue(value: unknown): string {
	if (typeof value === "string") return cleanText(value, 5000);
	if (typeof value === "number" && Number.isFinite(value)) return String(value);
	if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
	return "";
}

/** A list of names: a YAML list, or one string with names separated by ";" or " and ". */
export function namesValue(value: unknown): string[] {
	const items = Array.isArray(value) ? value : typeof value === "string" ? value.split(/;|\s+and\s+/) : [];
	return items.map((item) => textValue(item)).filter((name) => name !== "");
}

export function yearValue(value: unknown): number | undefined {
	const text = textValue(value);
	return /^\d{4}$/.test(text) ? Number(text) : undefined;
}
