/**
 * Reads a paper's title, URL, annotation and venue from its inline runs.
 *
 * Real catalogues rarely agree on where the title is: the link text
 * (`[Title](url)`), a bold lead (`**Title**. Authors. [pdf](url)`), a quoted
 * title (`Authors. "Title". [pdf](url)`), or just the item's text. We take
 * the first of those that looks like a title and treat the rest as annotation.
 */
import type { VenueNote } from "./model";
import type { Run } from "./inline-runs";
import { parseVenueNote, splitTitleNote } from "./venue";

export interface TitleReading extends VenueNote {
	title: string;
	url?: string;
	annotation: string;
	noteLinks: string[];
	/** The targets of note links labelled as sync labels the links it inserts: see `Paper.insertedLinks`. */
	insertedLinks: string[];
}

/** Link texts that name a format or a site rather than the paper (matched against `coreWords`). */
export const GENERIC_LINK_TEXT =
	/^(?:pdf|paper|papers|arxiv|link|links|code|slides?|video|talk|html|doi|url|web|website|site|blog|blog post|project|project page|page|github|source|src|abstract|preprint|here|poster|bib|bibtex|acm|ieee|springer|openreview|proceedings|full text|fulltext|download|review|notes?|summary|pdf link|paper link|view|read|official|publisher|dl|ssrn|semantic scholar|google scholar|scholar|youtube|twitter|tweet|thread|lab|lab page|faq|handout|question|questions|homework|assignment|lecture notes|lecture video|boards|\d+)$/i;

/** Strips decoration (brackets, emoji, punctuation) to see whether anything title-like is left. */
export function coreWords(text: string): string {
	return text
		.replace(/[[\](){}<>"'“”‘’`*_~|:;,.!?/\\-]/g, " ")
		.replace(/[^\p{L}\p{N}\s]/gu, " ")
		.replace(/\s+/g, " ")
		.trim();
}

/** No generic link text has more letters and digits than this ("semantic scholar" has 15). */
const LONGEST_GENERIC = 16;

/**
 * Whether a text surely has more than `LONGEST_GENERIC` ASCII letters and digits, one a letter: then
 * its core words are longer than any generic text and are not a number, so it is title text. A
 * shortcut for the common case (most titles), exact because it only ever answers yes.
 */
function surelyLong(text: string): boolean {
	let count = 0;
	let letter = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) letter = true;
		else if (!(code >= 48 && code <= 57)) continue;
		count += 1;
		if (count > LONGEST_GENERIC && letter) return true;
	}
	return false;
}

/** Whether a link's text could be a paper's title. */
export function isTitleText(text: string, url?: string): boolean {
	const trimmed = text.trim();
	if (url !== undefined && (trimmed === url || /^(?:https?:\/\/|www\.)\S+$/i.test(trimmed))) return false;
	if (surelyLong(trimmed)) return true;
	const core = coreWords(trimmed);
	if (core.length < 2) return false;
	return !GENERIC_LINK_TEXT.test(core);
}

/** The label sync gives the links it inserts after an item (`[[Papers/Title|notes]]`, `[notes](Papers/Title.md)`). */
export const INSERTED_LINK_LABEL = "notes";

/** Whether a note link's label says that sync inserted it, so that it links the paper's own note. */
export function isInsertedLinkLabel(label: string): boolean {
	return label.trim().toLowerCase() === INSERTED_LINK_LABEL;
}

export function collapseWhitespace(text: string): string {
	return text.replace(/\s+/g, " ").trim();
}

/** `()`, `(, )`, `[ | ]`: what is left of brackets around links that are not the title (`[ ]` stays: it reads as a box). */
const EMPTIED_BRACKETS = /\(\s*(?:[,;·|/]\s*)*\)|\[\s*[,;·|/](?:\s*[,;·|/])*\s*\]|\[\]/g;

// A quoted title inside plain text: "Title" or “Title”.
const QUOTED = /"([^"]{3,})"|“([^”]{3,})”/;

interface Choice {
	title: string;
	url?: string;
	/** Index of the run the title came from, or -1 when it came from all the text. */
	runIndex: number;
	/** For a quoted title: the quote's span inside that run. */
	span?: { start: number; end: number };
}

function chooseTitle(runs: readonly Run[]): Choice {
	const links = runs.flatMap((run, runIndex) => (run.kind === "link" ? [{ run, runIndex }] : []));
	const titled = links.find(({ run }) => isTitleText(run.text, run.url));
	if (titled) return { title: titled.run.text, url: titled.run.url, runIndex: titled.runIndex };

	const firstUrl = links[0]?.run.url;
	const strongIndex = runs.findIndex((run) => run.kind === "strong" && isTitleText(run.text) && !/^\[?\d+\]?\.?$/.test(run.text.trim()));
	const strong = runs[strongIndex];
	if (strong && strong.kind === "strong") return { title: strong.text, url: firstUrl, runIndex: strongIndex };

	for (let runIndex = 0; runIndex < runs.length; runIndex++) {
		const run = runs[runIndex];
		if (run?.kind !== "text") continue;
		const quoted = QUOTED.exec(run.text);
		if (quoted) {
			const title = quoted[1] ?? quoted[2] ?? "";
			return { title, url: firstUrl, runIndex, span: { start: quoted.index, end: quoted.index + quoted[0].length } };
		}
	}

	const text = runs
		.map((run) => (run.kind === "text" || run.kind === "strong" ? run.text : run.kind === "link" && isTitleText(run.text, run.url) ? run.text : ""))
		.join("")
		// Brackets that held only the links left out: `Lecture 1: Introduction ([notes](…), [video](…))`.
		.replace(EMPTIED_BRACKETS, " ");
	// Nothing but a link that looks generic ("[Paper](url)"): its text is still the best title there is.
	const onlyLink = links[0];
	if (text.trim() === "" && onlyLink) return { title: onlyLink.run.text, url: onlyLink.run.url, runIndex: onlyLink.runIndex };
	return { title: text, url: firstUrl, runIndex: -1 };
}

/** Annotation: the item's own words around the title, the title itself shown as "…". */
function annotationAround(runs: readonly Run[], choice: Choice): string {
	if (choice.runIndex === -1) return "";
	const parts: string[] = [];
	runs.forEach((run, index) => {
		if (index === choice.runIndex) {
			if (choice.span && run.kind === "text") {
				parts.push(run.text.slice(0, choice.span.start), "…", run.text.slice(choice.span.end));
			} else {
				parts.push("…");
			}
			return;
		}
		if (run.kind === "text" || run.kind === "strong") parts.push(run.text);
		else if (run.kind === "link" && isTitleText(run.text, run.url)) parts.push(run.text);
	});
	const annotation = collapseWhitespace(parts.join(""));
	return /^[\s….,;:()[\]-]*$/.test(annotation) ? "" : annotation;
}

/** Looks for a bracketed venue note such as `[ICLR’18]` in text outside the title. */
function venueNoteIn(text: string): VenueNote {
	for (const match of text.matchAll(/\[([^[\]]{2,80})\]/g)) {
		const note = parseVenueNote(match[1] ?? "");
		if (note.venue !== undefined || note.year !== undefined) return note;
	}
	return {};
}

/** `Title?(comment)`: a parenthesised group glued to the end of a title, with what came before it. */
const GLUED_GROUP = /^([\s\S]*[^\s(])\(([^()]*)\)$/;

/**
 * Splits the reader's comment off a plain-text title it is glued to, as in
 * `How Good Are Query Optimizers, Really?(some experiment, good)`. The group must touch the title
 * (`Title (Extended Version)` keeps its words) and read as a comment rather than as part of a name:
 * it follows punctuation, or holds several words, or is a venue note with a year (`ResNet(CVPR’16)`).
 * `The Case for O(1)`, `f(x)` and a link written out as text (`[text](https://…)`) are left whole.
 */
export function splitGluedComment(title: string): { title: string; comment: string } | null {
	const match = GLUED_GROUP.exec(title);
	if (!match) return null;
	const before = match[1] ?? "";
	const comment = collapseWhitespace(match[2] ?? "");
	if (!/[\p{L}\p{N}]/u.test(comment) || !/\p{L}/u.test(before)) return null;
	const glue = before.charAt(before.length - 1);
	if (glue === "]" || /^\S*[/:]\S*$/.test(comment)) return null;
	const isComment = !/[\p{L}\p{N}]/u.test(glue) || /[\s,;]/.test(comment) || parseVenueNote(comment).year !== undefined;
	return isComment ? { title: before.trim(), comment } : null;
}

export function readTitle(runs: readonly Run[]): TitleReading {
	const noteLinks = runs.flatMap((run) => (run.kind === "note" ? [run.target] : []));
	const insertedLinks = runs.flatMap((run) => (run.kind === "note" && isInsertedLinkLabel(run.label) ? [run.target] : []));
	const choice = chooseTitle(runs);
	let { title, note } = splitTitleNote(collapseWhitespace(choice.title));
	let annotation = annotationAround(runs, choice);
	// A title read from the item's plain text may carry the reader's comment glued to its end.
	const glued = choice.runIndex === -1 ? splitGluedComment(title) : null;
	if (glued) {
		title = glued.title;
		annotation = glued.comment;
		const commentNote = parseVenueNote(glued.comment);
		if (note === undefined && commentNote.year !== undefined) note = glued.comment;
	}
	const venue = note !== undefined ? parseVenueNote(note) : venueNoteIn(annotation);
	const reading: TitleReading = { title, annotation, noteLinks, insertedLinks, ...venue };
	if (choice.url !== undefined) reading.url = choice.url;
	return reading;
}
