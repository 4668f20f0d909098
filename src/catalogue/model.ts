/**
 * The catalogue model: what a reading-list note holds once parsed.
 * Pure data, no behaviour; every position refers to the original text.
 */

/** A point in the source text. `line` and `column` are 1-based, `offset` is 0-based (UTF-16 code units). */
export interface SourcePoint {
	line: number;
	column: number;
	offset: number;
}

export interface SourceRange {
	start: SourcePoint;
	end: SourcePoint;
}

/** `required` / `optional` group headings steer the progress split; everything else is `plain`. */
export type HeadingKind = "required" | "optional" | "plain";

/** Which part of the reading list a paper belongs to. Papers under no group heading count as required. */
export type PaperGroup = "required" | "optional";

export interface Heading {
	/** Position in `Catalogue.headings` (document order). */
	index: number;
	/** 1 to 6. */
	depth: number;
	/** Plain text of the heading, markdown stripped. */
	text: string;
	kind: HeadingKind;
	/** Index of the enclosing heading (the nearest earlier one with a smaller depth), or null at the top. */
	parent: number | null;
	range: SourceRange;
}

/** Venue, year and award read from a bracketed note such as `[SC’21, Best Paper finalist]`. */
export interface VenueNote {
	venue?: string;
	year?: number;
	award?: string;
}

/**
 * A list item (task or link), a table row, a numbered reference paragraph, or a reading on a
 * schedule line (`Preparation: Read [Title](…)`, see `schedule.ts`): a link in a paragraph, with no
 * checkbox, whose note link goes right after the link.
 */
export type PaperKind = "item" | "row" | "reference" | "line";

export interface Paper extends VenueNote {
	/** Unique within the catalogue and stable across unrelated edits: the identity key plus `#2`, `#3`… for repeats. */
	id: string;
	/** Identity of the paper itself: its canonical URL, or its normalised title when it has no URL. Repeats share it. */
	key: string;
	title: string;
	/** The link target as written (relative links stay relative). */
	url?: string;
	/** `url` normalised so that different spellings of one paper compare equal (see `canonicalUrl`). */
	canonicalUrl?: string;
	/** The item's own text around the title, e.g. "Read Chapter 1 of …". Empty when there is none. */
	annotation: string;
	/** Text of sub-bullets under the item (authors, venue, a summary): they belong to this paper. */
	details: string[];
	/** True for a ticked checkbox; an item without a checkbox is not done. */
	checked: boolean;
	/** Offset of the character between the checkbox brackets (` `, `x` or `X`), when the item has one. */
	checkboxOffset?: number;
	/** Index of the nearest heading above the paper, or null before the first heading. */
	headingIndex: number | null;
	/** Texts of the enclosing headings, outermost first. */
	headingPath: string[];
	group: PaperGroup;
	/** Index of the heading that decided `group`, when one did. */
	groupHeadingIndex: number | null;
	/** Index in `Catalogue.sections`. */
	sectionIndex: number;
	/** What kind of block lists the paper. */
	kind: PaperKind;
	/** Where the paper's item (list item, table row or paragraph) sits in the source. */
	range: SourceRange;
	/** Where a link to the paper's note goes: the end of the item's own text (of the title cell, in a table). */
	linkOffset: number;
	/** Wikilink or internal markdown link targets in the item: the paper's note, or any note the user links. */
	noteLinks: string[];
	/**
	 * The targets among `noteLinks` that are labelled the way sync labels the link it inserts (`|notes`): links
	 * to the paper's own note. Any other note link is the user's text, and names the paper's note only when that
	 * note's properties say it is this paper's (see `src/notes/paper-note.ts`).
	 */
	insertedLinks: string[];
}

export interface Section {
	/** The heading that opens the section, or null for papers that come before any section heading. */
	headingIndex: number | null;
	title: string;
	/** Indexes into `Catalogue.papers`, in document order. */
	paperIndexes: number[];
}

export interface Catalogue {
	headings: Heading[];
	papers: Paper[];
	sections: Section[];
	/** Heading depth that the sections were taken at, or null when the papers do not split across headings. */
	sectionDepth: number | null;
}
