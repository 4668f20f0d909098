/**
 * BibTeX from the notes' properties (so the user's corrections win), with entry types and fields
 * that both BibTeX and biblatex read:
 *
 * - a conference venue → `@inproceedings` with `booktitle`; a journal → `@article` with `journal`;
 * - an arXiv paper with no venue → `@misc` with `eprint` and `archivePrefix = {arXiv}` (biblatex
 *   reads `archivePrefix` as its `eprinttype`);
 * - anything else → `@misc`, the venue (a blog, a company) as `howpublished`.
 *
 * Any arXiv paper also gets `eprint`; `doi` and `url` go wherever they are known.
 */
import { citekeyFor, uniqueCitekey } from "./citekey";
import { textValue, namesValue, yearValue } from "./note-values";
import { normalizeArxivId, normalizeDoi } from "./ids";
import { venueKind } from "./venue-kind";

/** The first line of every file we write, so that an export can tell its own file from the user's. */
export const BIBTEX_HEADER = "% Written by Paper Catalogue from the properties of the paper notes.";

export function isOwnBibtex(text: string): boolean {
	return text.startsWith(BIBTEX_HEADER);
}

const SPECIAL = /[\\{}#$%&_~^]/g;
const ESCAPES: Record<string, string> = {
	"\\": "\\textbackslash{}",
	"{": "\\{",
	"}": "\\}",
	"#": "\\#",
	$: "\\$",
	"%": "\\%",
	"&": "\\&",
	_: "\\_",
	"~": "\\textasciitilde{}",
	"^": "\\textasciicircum{}",
};

/** Text for a braced field: every character TeX or BibTeX would read as markup escaped. */
export function escapeBibtex(text: string): string {
	return text.replace(SPECIAL, (character) => ESCAPES[character] ?? character);
}

/** `GPU`, `ZeRO-Infinity`, `SysML:`, `Megatron-LM`: a capital past the first letter of a word or of one of its hyphenated parts. */
function hasInnerCapital(word: string): boolean {
	return word.split(/[-‐–/]/).some((part) => /\p{Lu}/u.test(part.replace(/^[^\p{L}\p{N}]+/u, "").slice(1)));
}

/**
 * A title whose words with inner capitals are braced, as DBLP does: styles that lower-case
 * titles leave `GPU` alone, and still make `Large-Scale` `large-scale`.
 */
function titleField(title: string): string {
	return title
		.split(" ")
		.map((word) => (hasInnerCapital(word) ? `{${escapeBibtex(word)}}` : escapeBibtex(word)))
		.join(" ");
}

/** " and " separates names in BibTeX: a name that holds one (an organisation) is braced whole. */
function authorField(names: readonly string[]): string {
	return names.map((name) => (/\band\b/i.test(name) ? `{${escapeBibtex(name)}}` : escapeBibtex(name))).join(" and ");
}

/** URLs and DOIs are verbatim in biblatex and in `\url`: only what would break the braces is percent-encoded. */
function verbatimField(text: string): string {
	return text.replace(/[{}\\\s"]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/** Keys hold letters, digits and `_ - : .`; anything else could end the key or the entry. */
export function sanitizeCitekey(key: string): string {
	return key.replace(/[^A-Za-z0-9_\-:.]/g, "");
}

export interface BibtexPaper {
	title: string;
	authors: string[];
	year?: number;
	venue: string;
	published: string;
	doi?: string;
	arxiv?: string;
	url: string;
	citekey: string;
}

/** The properties BibTeX needs, read from a note's front matter of any shape. */
export function bibtexPaper(properties: Readonly<Record<string, unknown>>): BibtexPaper {
	const paper: BibtexPaper = {
		title: textValue(properties.title),
		authors: namesValue(properties.authors),
		venue: textValue(properties.venue),
		published: textValue(properties.published),
		url: textValue(properties.url) || textValue(properties.pdf),
		citekey: sanitizeCitekey(textValue(properties.citekey)),
	};
	const year = yearValue(properties.year) ?? yearValue(paper.published.slice(0, 4));
	if (year !== undefined) paper.year = year;
	const doi = normalizeDoi(textValue(properties.doi));
	if (doi !== undefined) paper.doi = doi;
	const arxiv = normalizeArxivId(textValue(properties.arxiv));
	if (arxiv !== undefined) paper.arxiv = arxiv;
	return paper;
}

/** One entry under `key`. */
export function bibtexEntry(paper: BibtexPaper, key: string): string {
	const kind = paper.venue === "" ? (paper.arxiv !== undefined ? "preprint" : "other") : venueKind(paper.venue);
	const type = kind === "conference" ? "inproceedings" : kind === "journal" ? "article" : "misc";
	const fields: [string, string][] = [];
	if (paper.authors.length > 0) fields.push(["author", `{${authorField(paper.authors)}}`]);
	if (paper.title !== "") fields.push(["title", `{${titleField(paper.title)}}`]);
	if (kind === "conference") fields.push(["booktitle", `{${escapeBibtex(paper.venue)}}`]);
	if (kind === "journal") fields.push(["journal", `{${escapeBibtex(paper.venue)}}`]);
	if (kind === "other" && paper.venue !== "") fields.push(["howpublished", `{${escapeBibtex(paper.venue)}}`]);
	if (paper.year !== undefined) {
		fields.push(["year", `{${paper.year}}`]);
		// The month only when the date is of the same year: an arXiv date can be months before the venue's.
		const date = /^(\d{4})-(\d{2})/.exec(paper.published);
		const month = date && Number(date[1]) === paper.year ? MONTHS[Number(date[2]) - 1] : undefined;
		if (month !== undefined) fields.push(["month", month]);
	}
	if (paper.doi !== undefined) fields.push(["doi", `{${verbatimField(paper.doi)}}`]);
	if (paper.arxiv !== undefined) {
		fields.push(["eprint", `{${paper.arxiv}}`]);
		fields.push(["archivePrefix", "{arXiv}"]);
	}
	if (paper.url !== "") fields.push(["url", `{${verbatimField(paper.url)}}`]);
	const width = Math.max(...fields.map(([name]) => name.length), 0);
	return `@${type}{${key},\n${fields.map(([name, value]) => `  ${name.padEnd(width)} = ${value}`).join(",\n")}\n}\n`;
}

export interface BibtexFile {
	text: string;
	/** The key of each note's entry, in the order given. */
	keys: string[];
}

/**
 * A .bib file with one entry per note, in order. A note's own `citekey` is kept (the first note to
 * claim a key keeps it; keys compare without case, as BibTeX does); a note without one, or whose
 * key another note claimed first, gets `citekeyFor` with a/b/c suffixes.
 */
export function bibtexFile(notes: readonly Readonly<Record<string, unknown>>[]): BibtexFile {
	const papers = notes.map(bibtexPaper);
	const used = new Set<string>();
	const taken = (key: string): boolean => used.has(key.toLowerCase());
	const claimed: (string | undefined)[] = papers.map((paper) => {
		if (paper.citekey === "" || taken(paper.citekey)) return undefined;
		used.add(paper.citekey.toLowerCase());
		return paper.citekey;
	});
	const keys = papers.map((paper, i) => {
		const own = claimed[i];
		if (own !== undefined) return own;
		const key = paper.citekey !== "" ? uniqueCitekey(paper.citekey, taken) : citekeyFor(paper, taken);
		used.add(key.toLowerCase());
		return key;
	});
	const entries = papers.map((paper, i) => bibtexEntry(paper, keys[i] ?? "paper"));
	return { text: `${BIBTEX_HEADER}\n\n${entries.join("\n")}`, keys };
}
