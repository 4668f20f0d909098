/**
 * Which note is a paper's note. A catalogue item may link several notes: the one sync inserted (labelled
 * `notes`), and any the user wrote (`background: [[Transformers]]`). Only a note that is provably the paper's is
 * treated as its note — made, ticked, given properties — so that the plugin never writes into a note of the user's.
 */
import { canonicalUrl } from "../catalogue/url";

/** The facts about a paper that name it. */
export interface PaperIdentity {
	title: string;
	canonicalUrl?: string;
}

/** The properties of a note that say which paper it is about (as front matter holds them: any type). */
export interface NoteIdentity {
	url?: unknown;
	title?: unknown;
}

/** What a note's properties say about a paper: it is this paper's note, another paper's, or they do not say. */
export type NoteAbout = "this" | "other" | "unknown";

/** Titles compared as a reader would: case, spacing and surrounding punctuation aside. */
export function normalizedTitle(title: string): string {
	return title
		.normalize("NFKC")
		.toLowerCase()
		.replace(/[\s\u00A0]+/g, " ")
		.replace(/^[\s"'“”‘’.,:;!?()[\]-]+|[\s"'“”‘’.,:;!?()[\]-]+$/g, "");
}

export function noteAbout(paper: PaperIdentity, properties: NoteIdentity | null): NoteAbout {
	if (properties === null) return "unknown";
	const url = typeof properties.url === "string" ? canonicalUrl(properties.url) : undefined;
	if (url !== undefined && paper.canonicalUrl !== undefined) return url === paper.canonicalUrl ? "this" : "other";
	const title = typeof properties.title === "string" ? normalizedTitle(properties.title) : "";
	if (title !== "" && title === normalizedTitle(paper.title)) return "this";
	// A url property of another paper, where this one has none to compare: the note is about that paper.
	return url !== undefined ? "other" : "unknown";
}

/**
 * Whether a note an item links is the paper's note: the link sync inserted names it unless the note says it is
 * another paper's; any other link of the item names it only when the note's properties say it is this paper's.
 */
export function isPaperNoteOf(paper: PaperIdentity, properties: NoteIdentity | null, linkInsertedBySync: boolean): boolean {
	const about = noteAbout(paper, properties);
	return linkInsertedBySync ? about !== "other" : about === "this";
}
