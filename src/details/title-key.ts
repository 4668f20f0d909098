/**
 * Comparable forms of titles and names: two spellings of one title (case, accents, punctuation,
 * quotes, dashes, spacing) give one key.
 */
import { cleanText } from "./clean-text";

/** Letters NFKD does not take apart. */
const FOLDS: Record<string, string> = { ß: "ss", æ: "ae", Æ: "AE", ø: "o", Ø: "O", œ: "oe", Œ: "OE", ł: "l", Ł: "L", đ: "d", Đ: "D", þ: "th", Þ: "Th", ð: "d", Ð: "D", ı: "i" };
const FOLDABLE = /[ßæÆøØœŒłŁđĐþÞðÐı]/g;

/** Accents removed and a few letters spelt out (`Agüera` → `Aguera`, `Straße` → `Strasse`); other scripts are kept. */
export function asciiFold(text: string): string {
	return text
		.normalize("NFKD")
		.replace(/\p{M}+/gu, "")
		.replace(FOLDABLE, (letter) => FOLDS[letter] ?? letter);
}

/**
 * A title as a comparison key: plain text, folded, lower-cased, every run of characters that are
 * not letters or digits one space. `GPipe: Efficient Training…` and `Gpipe — efficient training…`
 * give the same key.
 */
export function normalizeTitle(title: string): string {
	return asciiFold(cleanText(title))
		.toLowerCase()
		.replace(/[^\p{L}\p{N}]+/gu, " ")
		.trim();
}
