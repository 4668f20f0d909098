/**
 * Readings in schedules written as lines: a paragraph of rows separated by hard line breaks (two
 * trailing spaces, a backslash, `<br>`), such as
 *
 *     **Lecture 3:** [GFS](notes/l-gfs.txt), [video](…)\
 *     **Preparation:** Read [The Google File System](papers/gfs.pdf) ([FAQ](papers/gfs-faq.txt))\
 *     **Assigned:** [Lab 2: Raft](labs/lab-raft.html)
 *
 * A cue (`Read`, `Reading:`, `Readings:`, `Preparation:`, `Optional reading:` …) marks the links after
 * it on its row as readings, each one a paper. The cue starts the row, or follows a link or a
 * separator (`.`, `;`, `|`, `·`, `—`, `,`, a colon, a line end). Not readings: links before the cue,
 * links in parentheses (`([FAQ](…))`, `(for your amusement: [video](…))`), links named for what
 * they are rather than what to read (lecture notes, slides, videos, FAQs, questions, labs,
 * homework), and links after another label on the row (`Assigned: [Lab 2](…)`).
 */
import type { Nodes, Paragraph, PhrasingContent } from "mdast";
import { headingKind } from "./heading-kind";
import { type DefinitionMap, type Run, runsOf } from "./inline-runs";
import type { PaperGroup } from "./model";
import { collapseWhitespace, isInsertedLinkLabel, readTitle, type TitleReading } from "./title";

export interface Reading {
	reading: TitleReading;
	/** The reading's link in the tree: the paper's range, and the end of the link is where its note link goes. */
	node: Nodes;
	/** Set by a cue that names a group, such as `Optional reading:`. */
	group?: PaperGroup;
}

const CUE =
	/(?:(?:(?:required|optional|additional|further|suggested|recommended|background|supplementary|supplemental|extra|assigned)\s+)?(?:readings?|papers?)|preparation|prep|pre-?reading|required|optional)\s*[:：]|read(?=[\s:：])/iy;
/** A label such as `Assigned:` or `Lab 1 due:`: one to a few words and a colon. */
const LABEL = /\p{L}[\p{L}\p{N}'’&/ -]{0,40}?[ \t]*[:：]/uy;
/** Characters after which a cue may start. */
const SEPARATORS = new Set([..."\n.;|·—–,:：)"]);
const NOT_A_READING =
	/^(?:(?:lecture|class|course)\s+)?(?:notes?|slides?|videos?|recordings?|boards?|handouts?|faqs?|questions?|code|transcripts?|audio|podcast|screencast)(?:\s*\d+)?$|^(?:labs?|homework|hw|assignments?|quiz(?:zes)?|exams?|exercises?|psets?|problem sets?|projects?|solutions?)\b|\bfaq\b/i;

/** The paragraph's rows: its inline content split at hard line breaks. */
function rowsOf(paragraph: Paragraph): PhrasingContent[][] {
	const rows: PhrasingContent[][] = [[]];
	for (const child of paragraph.children) {
		if (child.type === "break" || (child.type === "html" && /^<br\s*\/?>$/i.test(child.value))) rows.push([]);
		else rows[rows.length - 1]?.push(child);
	}
	return rows.filter((row) => row.length > 0);
}

const CUE_WORD = /read|prep|paper|required|optional/i;

/** Whether a paragraph may hold a cue at all, in its text or in its bold or emphasis: a cheap test before the rows are read. */
function mayHoldCue(paragraph: Paragraph): boolean {
	return paragraph.children.some(
		(child) =>
			(child.type === "text" && CUE_WORD.test(child.value)) ||
			((child.type === "strong" || child.type === "emphasis") && child.children.some((inner) => inner.type === "text" && CUE_WORD.test(inner.value))),
	);
}

interface RowState {
	reading: boolean;
	group: PaperGroup | undefined;
	depth: number;
	/** Whether the next character starts a clause, where a cue or a label may begin. */
	clauseStart: boolean;
	/** Text since the last cue, label or link: the title of a reading whose link says only `pdf`. */
	pending: string;
}

/** Reads a text run of a row: cues and labels switch the reading part on and off, parentheses nest. */
function scanText(text: string, state: RowState): void {
	let i = 0;
	while (i < text.length) {
		const char = text.charAt(i);
		if (state.clauseStart && state.depth === 0) {
			// Emphasis markers left in the text (`**Preparation**:`) and spaces do not end a clause start.
			if (char === " " || char === "\t" || char === "*" || char === "_") {
				state.pending += char;
				i += 1;
				continue;
			}
			CUE.lastIndex = i;
			const cue = CUE.exec(text);
			if (cue) {
				state.reading = true;
				const kind = headingKind(cue[0]);
				state.group = kind === "plain" ? undefined : kind;
				state.pending = "";
				i = CUE.lastIndex;
				state.clauseStart = true;
				continue;
			}
			LABEL.lastIndex = i;
			const label = LABEL.exec(text);
			if (label) {
				state.reading = false;
				state.pending = "";
				i = LABEL.lastIndex;
				state.clauseStart = true;
				continue;
			}
			state.clauseStart = false;
		}
		if (char === "(") state.depth += 1;
		else if (char === ")") state.depth = Math.max(0, state.depth - 1);
		if (SEPARATORS.has(char)) state.clauseStart = true;
		state.pending += char;
		i += 1;
	}
}

function isReadingLink(run: Extract<Run, { kind: "link" }>): boolean {
	return !run.url.startsWith("#") && !NOT_A_READING.test(collapseWhitespace(run.text));
}

/**
 * The row's text with one link shown as "…": the reading's annotation. A note link goes with the
 * space before it, as sync inserts it (` [[Papers/Title|notes]]`), so that inserting one changes nothing.
 */
function annotationOf(runs: readonly Run[], index: number): string {
	let text = "";
	runs.forEach((run, i) => {
		if (run.kind === "note") text = text.trimEnd();
		else text += i === index ? "…" : run.text;
	});
	const annotation = collapseWhitespace(text);
	return /^[\s….,;:()[\]*_-]*$/.test(annotation) ? "" : annotation;
}

function readingsOfRow(row: PhrasingContent[], definitions: DefinitionMap): Reading[] {
	const runs = runsOf([{ type: "paragraph", children: row }], definitions);
	const readings: Reading[] = [];
	const state: RowState = { reading: false, group: undefined, depth: 0, clauseStart: true, pending: "" };
	let last: Reading | null = null;
	runs.forEach((run, index) => {
		switch (run.kind) {
			case "text":
			case "strong":
				scanText(run.text, state);
				return;
			case "note":
				// The note link after a reading is that reading's: sync inserts it right after the reading's link.
				if (last) {
					last.reading.noteLinks.push(run.target);
					if (isInsertedLinkLabel(run.label)) last.reading.insertedLinks.push(run.target);
				}
				return;
			case "link": {
				if (state.reading && state.depth === 0 && run.node && isReadingLink(run)) {
					const reading = readTitle([{ kind: "text", text: state.pending }, run]);
					reading.annotation = annotationOf(runs, index);
					last = { reading, node: run.node };
					if (state.group) last.group = state.group;
					readings.push(last);
				}
				state.pending = "";
				state.clauseStart = true;
				return;
			}
		}
	});
	return readings;
}

/** The readings of a paragraph written as schedule lines, in order; none for any other paragraph. */
export function scheduleReadings(paragraph: Paragraph, definitions: DefinitionMap): Reading[] {
	if (!mayHoldCue(paragraph)) return [];
	return rowsOf(paragraph).flatMap((row) => readingsOfRow(row, definitions));
}
