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

/** What identifies a note's paper, compared as `noteAbout` compares: its canonical URL and its normalized title. */
export interface NoteKeys {
	url?: string;
	title?: string;
}

export function noteKeys(properties: NoteIdentity): NoteKeys {
	const keys: NoteKeys = {};
	const url = typeof properties.url === "string" ? canonicalUrl(properties.url) : undefined;
	if (url !== undefined) keys.url = url;
	const title = typeof properties.title === "string" ? normalizedTitle(properties.title) : "";
	if (title !== "") keys.title = title;
	return keys;
}

/** `noteAbout` from keys worked out before (a caller that asks about one note for many papers keeps them). */
export function noteAboutKeys(paper: PaperIdentity, paperTitle: string, keys: NoteKeys | null): NoteAbout {
	if (keys === null) return "unknown";
	if (keys.url !== undefined && paper.canonicalUrl !== undefined) return keys.url === paper.canonicalUrl ? "this" : "other";
	if (keys.title !== undefined && keys.title === paperTitle) return "this";
	// A url property of another paper, where this one has none to compare: the note is about that paper.
	return keys.url !== undefined ? "other" : "unknown";
}

export function noteAbout(paper: PaperIdentity, properties: NoteIdentity | null): NoteAbout {
	return noteAboutKeys(paper, normalizedTitle(paper.title), properties === null ? null : noteKeys(properties));
}

/**
 * Whether a note an item links is the paper's note: the link sync inserted names it unless the note says it is
 * another paper's; any other link of the item names it only when the note's properties say it is this paper's.
 */
export function isPaperNoteOf(paper: PaperIdentity, properties: NoteIdentity | null, linkInsertedBySync: boolean): boolean {
	return isPaperNoteAbout(noteAbout(paper, properties), linkInsertedBySync);
}

/** The same rule, from what the note's properties say about the paper. */
export function isPaperNoteAbout(about: NoteAbout, linkInsertedBySync: boolean): boolean {
	return linkInsertedBySync ? about !== "other" : about === "this";
}
