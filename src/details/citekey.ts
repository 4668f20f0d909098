/**
 * Citation keys such as `narayanan2021efficient`: the first author's family name, the year and
 * the first significant word of the title, ASCII-folded and lower-cased. The same inputs give the
 * same key; a key already taken gets `a`, `b`, `c`… appended.
 */
import { cleanText } from "./clean-text";
import { asciiFold } from "./title-key";

export interface CitekeyInput {
	authors?: readonly string[];
	year?: number;
	title?: string;
}

/** Words a title starts with that say nothing about it. */
const INSIGNIFICANT = new Set(["a", "an", "the", "on", "of", "in", "for", "to", "and", "or", "with", "towards", "toward", "via", "from", "at", "by", "into"]);
const NAME_SUFFIX = /^(?:jr|sr|ii|iii|iv|phd)\.?$/i;

function asciiWords(text: string): string[] {
	return asciiFold(cleanText(text))
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter((word) => word !== "");
}

/**
 * A name's family part: before the comma of "Family, Given", else its last word (a suffix such
 * as "Jr." skipped). Multi-word family names without a comma keep only their last word: the name
 * alone cannot tell "van Gogh" from a middle name.
 */
export function familyName(name: string): string {
	const text = cleanText(name);
	const comma = text.indexOf(",");
	if (comma > 0) return text.slice(0, comma).trim();
	const words = text.split(" ").filter((word) => word !== "");
	while (words.length > 1 && NAME_SUFFIX.test(words[words.length - 1] ?? "")) words.pop();
	return words[words.length - 1] ?? "";
}

function titleWord(title: string): string {
	const words = asciiWords(title);
	return words.find((word) => !INSIGNIFICANT.has(word)) ?? words[0] ?? "";
}

/** The key before any suffix; parts that are unknown are left out, and "paper" is left when all are. */
export function baseCitekey(input: CitekeyInput): string {
	const first = input.authors?.find((author) => cleanText(author) !== "");
	const family = first === undefined ? "" : asciiWords(familyName(first)).join("");
	const year = input.year !== undefined && Number.isInteger(input.year) && input.year > 0 ? String(input.year) : "";
	const word = input.title === undefined ? "" : titleWord(input.title);
	const key = `${family}${year}${word}`;
	return key === "" ? "paper" : key;
}

/** `a`…`z`, then `aa`, `ab`…: the nth suffix (1-based). */
function suffix(n: number): string {
	let text = "";
	for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) text = String.fromCharCode(97 + ((rest - 1) % 26)) + text;
	return text;
}

/** `base` if it is free, else the first of `base` + a, b, c… that is. */
export function uniqueCitekey(base: string, taken: (key: string) => boolean): string {
	if (!taken(base)) return base;
	for (let n = 1; ; n++) {
		const key = `${base}${suffix(n)}`;
		if (!taken(key)) return key;
	}
}

/** The citation key for a paper, unique against `taken` (the caller knows which keys the vault already holds). */
export function citekeyFor(input: CitekeyInput, taken: (key: string) => boolean = () => false): string {
	return uniqueCitekey(baseCitekey(input), taken);
}
