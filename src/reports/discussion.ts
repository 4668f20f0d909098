/**
 * The discussion note for one section of a catalogue: per paper, in
 * catalogue order, a link to its note, its status and rating, and what the
 * user wrote under "Summary" and "Questions for discussion". A paper without
 * a note, or a note without those sections, is listed and says so.
 */
import type { Catalogue, Paper } from "../catalogue/model";
import { MAX_FILE_NAME_BYTES, safeFileName } from "../notes/file-name";
import { readProperties } from "../notes/front-matter";
import { baseName, joinVaultPath, parentFolder } from "../notes/vault-path";
import { formatRating, ratingOf } from "../progress/ratings";
import { type ReadingStatus, readingStatus } from "../progress/reading-status";
import { generatedBlock } from "./generated-block";
import { closeOpenFence, escapeMarkdownInline } from "./markdown-text";
import { hasWords, QUESTIONS_HEADING, sectionText, SUMMARY_HEADING } from "./note-sections";
import { type NoteLinkStyle, noteLink } from "./note-link";

export const PREPARE_DISCUSSION_COMMAND = "Prepare discussion for this section";
const CREATE_NOTES_COMMAND = "Create paper notes from this catalogue";

export interface DiscussionPaper {
	title: string;
	/** The paper note's vault path, or null when the paper has no note. */
	notePath: string | null;
	status: ReadingStatus;
	rating: number | null;
	/** The note's text, or null when it has none (or it could not be read). */
	noteText: string | null;
}

export interface DiscussionInput {
	catalogueName: string;
	sectionTitle: string;
	/** In catalogue order. */
	papers: readonly DiscussionPaper[];
	linkStyle?: NoteLinkStyle;
}

const SUFFIX = " discussion";
const encoder = new TextEncoder();

/** `CS294 AI-Systems – 4. Distributed deep learning, Part I - Systems discussion`: the note's title and name. */
export function discussionTitle(catalogueName: string, sectionTitle: string): string {
	// Cut the catalogue and section, never the word "discussion", to fit a file name.
	return `${safeFileName(`${catalogueName} – ${sectionTitle}`, MAX_FILE_NAME_BYTES - encoder.encode(SUFFIX).length)}${SUFFIX}`;
}

/** The discussion note's file name: valid on every platform, at most 200 bytes before `.md`. */
export function discussionNoteName(catalogueName: string, sectionTitle: string): string {
	return `${discussionTitle(catalogueName, sectionTitle)}.md`;
}

/** Where a section's discussion note goes: beside its catalogue. */
export function discussionNotePath(cataloguePath: string, sectionTitle: string): string {
	return joinVaultPath(parentFolder(cataloguePath), discussionNoteName(baseName(cataloguePath), sectionTitle));
}

function headingPart(noteText: string, heading: string, missing: string): string {
	const text = sectionText(noteText, heading);
	if (text === null) return `*${missing} (the note has no “${heading}” heading).*`;
	if (!hasWords(text)) return `*${missing}.*`;
	return closeOpenFence(text);
}

function paperPart(paper: DiscussionPaper, linkStyle: NoteLinkStyle): string {
	const title = paper.title.trim() === "" ? "Untitled paper" : paper.title;
	const rating = paper.rating === null ? "no rating" : `rating ${formatRating(paper.rating)}/5`;
	const facts = `Status: ${paper.status} · ${rating}`;
	if (paper.notePath === null) {
		return [`## ${escapeMarkdownInline(title)}`, "", `${facts} · no note yet: run **${CREATE_NOTES_COMMAND}** to make one.`].join("\n");
	}
	const lines = [`## ${noteLink(paper.notePath, title, linkStyle)}`, "", facts, ""];
	if (paper.noteText === null) return [...lines, "*The note could not be read.*"].join("\n");
	return [
		...lines,
		`### ${SUMMARY_HEADING}`,
		"",
		headingPart(paper.noteText, SUMMARY_HEADING, "No summary yet"),
		"",
		`### ${QUESTIONS_HEADING}`,
		"",
		headingPart(paper.noteText, QUESTIONS_HEADING, "No questions yet"),
	].join("\n");
}

/** The generated block of a section's discussion note (markers included), for `updateGeneratedBlock`. */
export function discussionBlock(input: DiscussionInput): string {
	const parts = input.papers.map((paper) => paperPart(paper, input.linkStyle ?? "wikilink"));
	const content = parts.length === 0 ? "*No papers in this section.*" : parts.join("\n\n");
	return generatedBlock(content, PREPARE_DISCUSSION_COMMAND);
}

/** What the plugin or the CLI read of a paper's note. */
export interface PaperNoteText {
	path: string;
	/** Null when the note exists but could not be read. */
	text: string | null;
}

/**
 * The papers of a section, in catalogue order (a paper listed twice in it once), from the catalogue and the notes
 * found for them (by paper id). A note's `status` and `rating` properties say how far the user got; without a
 * note, the catalogue's checkbox does.
 */
export function discussionPapersOf(catalogue: Catalogue, sectionIndex: number, notes: ReadonlyMap<string, PaperNoteText>): DiscussionPaper[] {
	const section = catalogue.sections[sectionIndex];
	if (!section) return [];
	const seen = new Set<string>();
	const papers: DiscussionPaper[] = [];
	for (const index of section.paperIndexes) {
		const paper: Paper | undefined = catalogue.papers[index];
		if (!paper || seen.has(paper.key)) continue;
		seen.add(paper.key);
		const note = notes.get(paper.id);
		const properties = note?.text ? readProperties(note.text) : null;
		papers.push({
			title: paper.title,
			notePath: note?.path ?? null,
			status: properties && "status" in properties ? readingStatus(properties.status) : paper.checked ? "read" : "unread",
			rating: ratingOf(properties?.rating),
			noteText: note?.text ?? null,
		});
	}
	return papers;
}
