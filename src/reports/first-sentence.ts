/**
 * The first sentence of a summary, for a one-line entry in the reading
 * report. A heuristic, tuned for what paper summaries hold: abbreviations
 * ("e.g.", "et al.", "Fig. 3"), initials, decimals and version numbers, and
 * summaries written as a list or without a full stop.
 */

// Abbreviations that never end a sentence, lowercased, without their last dot.
const ABBREVIATIONS = new Set([
	"al", "approx", "ca", "cf", "ch", "dr", "e.g", "eq", "eqs", "esp", "fig", "figs", "i.e", "incl", "jr", "mr", "mrs", "ms",
	"no", "nos", "p", "pp", "prof", "ref", "refs", "resp", "sec", "secs", "sr", "st", "tab", "viz", "vol", "vs", "w.r.t",
]);
// Not "etc.": it ends a sentence as often as not, and does when a capital follows.

// A line that starts a block of its own: a list item (task or not), a heading, a quote.
const BLOCK_START = /^\s*(?:(?:[-*+]|\d{1,9}[.)])(?:\s+\[[ xX]\])?\s+|#{1,6}\s+|>\s?)/;
// Sentence-ending punctuation, the closing quotes or brackets after it, then a space or the end.
const ENDING = /([.!?…]+)(["'”’»)\]*_]*)(?=\s|$)|([。！？])/g;

/** The first paragraph or list item with words in it, on one line. */
function firstBlock(text: string): string {
	const blocks: string[][] = [];
	let current: string[] = [];
	for (const line of text.split(/\r\n|\n|\r/)) {
		const starts = BLOCK_START.test(line);
		if (line.trim() === "" || starts) {
			if (current.length > 0) blocks.push(current);
			current = [];
		}
		if (line.trim() !== "") current.push(line.replace(BLOCK_START, ""));
	}
	if (current.length > 0) blocks.push(current);
	const block = blocks.find((lines) => /[\p{L}\p{N}]/u.test(lines.join(" ")));
	return block ? block.join(" ").replace(/\s+/g, " ").trim() : "";
}

/** The word just before `end`, lowercased, without brackets or quotes in front. */
function wordBefore(text: string, end: number): string {
	const start = Math.max(text.lastIndexOf(" ", end - 1) + 1, 0);
	return text.slice(start, end).replace(/^[("'“‘[]+/, "");
}

/** The character that starts the next word after `from` (the block has single spaces only), or "" at the end. */
function nextCharacter(text: string, from: number): string {
	const start = text[from] === " " ? from + 1 : from;
	return String.fromCodePoint(text.codePointAt(start) ?? 32).trim();
}

function isBoundary(text: string, match: RegExpMatchArray): boolean {
	if (match[3]) return true;
	const index = match.index ?? 0;
	const after = nextCharacter(text, index + match[0].length);
	if (after === "") return true;
	// A sentence starts with a capital, a digit or a quote, never with a lowercase letter ("approx. five", "… and").
	if (/^\p{Ll}/u.test(after)) return false;
	if (match[1] !== ".") return true;
	const word = wordBefore(text, index);
	if (ABBREVIATIONS.has(word.toLowerCase())) return false;
	// An initial ("J. Dean") or a dotted abbreviation ("U.S.", "a.k.a.").
	if (/^\p{Lu}$/u.test(word) || /^(?:\p{L}\.)+\p{L}$/u.test(word)) return false;
	return true;
}

/**
 * The first sentence of `text`: up to the first `.`, `!`, `?` or `…` (with any closing quote or bracket) that is
 * followed by a space and a word that does not start in lowercase, and is not an abbreviation; or a CJK full stop.
 * Within the first paragraph or list item that has words; all of it when no sentence ends there. Markdown list
 * and quote markers are dropped and lines joined with spaces. Empty for a text without words.
 */
export function firstSentence(text: string): string {
	const block = firstBlock(text);
	for (const match of block.matchAll(ENDING)) {
		if (isBoundary(block, match)) return block.slice(0, (match.index ?? 0) + match[0].length).trim();
	}
	return block;
}
