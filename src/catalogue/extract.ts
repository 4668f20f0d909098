/**
 * Finds the headings and papers in one parsed chunk.
 *
 * Papers are task items (every one with its own checkbox, nested or not), list
 * items that carry a link, table rows with a link, numbered reference paragraphs
 * (`**[3]** Authors. "Title" [pdf](url)`) and the readings of schedule lines (see
 * `schedule.ts`). Positions stay relative to the chunk; `parse.ts` shifts them into place.
 */
import type { List, ListItem, Nodes, Paragraph, Root, RootContent, Table, TableRow } from "mdast";
import type { PaperGroup, PaperKind, SourceRange } from "./model";
import { type DefinitionMap, type Run, plainText, runsOf } from "./inline-runs";
import { scheduleReadings } from "./schedule";
import { collapseWhitespace, readTitle, type TitleReading } from "./title";
import { canonicalUrl } from "./url";
import { parseVenueNote } from "./venue";

export interface FoundHeading {
	depth: number;
	text: string;
	range: SourceRange;
}

export interface FoundPaper extends TitleReading {
	kind: PaperKind;
	canonicalUrl?: string;
	details: string[];
	checked: boolean;
	checkboxOffset?: number;
	range: SourceRange;
	linkOffset: number;
	/** How many of the chunk's headings come before this paper. */
	headingsBefore: number;
	/** The group the paper's own text names (a schedule cue such as `Optional reading:`), when it names one. */
	group?: PaperGroup;
}

/** What an item, row or reading adds to its title reading. */
type PaperExtras = Partial<Pick<FoundPaper, "checked" | "details" | "checkboxOffset" | "group">>;

export interface ChunkFindings {
	headings: FoundHeading[];
	papers: FoundPaper[];
}

function rangeOf(node: Nodes): SourceRange | null {
	const position = node.position;
	if (!position || position.start.offset === undefined || position.end.offset === undefined) return null;
	return {
		start: { line: position.start.line, column: position.start.column, offset: position.start.offset },
		end: { line: position.end.line, column: position.end.column, offset: position.end.offset },
	};
}

function ownBlocks(item: ListItem): Nodes[] {
	return item.children.filter((child) => child.type !== "list");
}

function nestedLists(item: ListItem): List[] {
	return item.children.filter((child): child is List => child.type === "list");
}

function hasExternalLink(runs: readonly Run[]): boolean {
	return runs.some((run) => run.kind === "link" && !run.url.startsWith("#"));
}

function isTaskItem(item: ListItem): boolean {
	return typeof item.checked === "boolean";
}

function containsTask(list: List): boolean {
	return list.children.some((item) => isTaskItem(item) || nestedLists(item).some(containsTask));
}

/**
 * Text of each sub-bullet under a paper, depth first, and the task items below it. A task item is
 * a paper of its own, done by its own box (a lecture's readings, notes and labs in a progress
 * checklist), so it and what is under it are not the paper's details.
 */
function detailsOf(item: ListItem, definitions: DefinitionMap): { details: string[]; tasks: ListItem[] } {
	const details: string[] = [];
	const tasks: ListItem[] = [];
	const visit = (list: List): void => {
		for (const child of list.children) {
			if (isTaskItem(child)) {
				tasks.push(child);
				continue;
			}
			const text = collapseWhitespace(
				runsOf(ownBlocks(child), definitions)
					.map((run) => (run.kind === "note" ? "" : run.text))
					.join(""),
			);
			if (text) details.push(text);
			nestedLists(child).forEach(visit);
		}
	};
	nestedLists(item).forEach(visit);
	return { details, tasks };
}

const CHECKBOX = /^(?:[-*+]|\d{1,9}[.)])[ \t]+\[([ xX])\]/;

/** Offset of the character inside a task item's `[ ]`, found in the source after the list marker. */
function checkboxOffsetIn(source: string, range: SourceRange): number | undefined {
	const head = source.slice(range.start.offset, Math.min(range.end.offset, range.start.offset + 64));
	const match = CHECKBOX.exec(head);
	if (!match) return undefined;
	return range.start.offset + match[0].length - 2;
}

/** Whether a table cell is a checkbox, `[x]` or `[ ]`. */
function isCheckboxCell(text: string): "checked" | "unchecked" | null {
	const trimmed = text.trim();
	// Only a real checkbox counts: a ✅ cannot be toggled back, so the plugin could not keep it in sync.
	if (/^\[[xX]\]$/.test(trimmed)) return "checked";
	if (/^\[ \]$/.test(trimmed)) return "unchecked";
	return null;
}

export function findInChunk(tree: Root, source: string, definitions: DefinitionMap, limit: number): ChunkFindings {
	const headings: FoundHeading[] = [];
	const papers: FoundPaper[] = [];

	const addPaper = (node: Nodes, kind: PaperKind, reading: TitleReading, linkOffset: number | null, extra: PaperExtras): void => {
		const range = rangeOf(node);
		if (!range || range.start.offset >= limit) return;
		// Field by field, not by spreading: this runs once per paper, and spreads are slow at that rate.
		const paper: FoundPaper = {
			title: reading.title,
			annotation: reading.annotation,
			noteLinks: reading.noteLinks,
			insertedLinks: reading.insertedLinks,
			kind,
			details: extra.details ?? [],
			checked: extra.checked ?? false,
			range,
			linkOffset: linkOffset ?? range.end.offset,
			headingsBefore: headings.length,
		};
		if (reading.url !== undefined) {
			paper.url = reading.url;
			const canonical = canonicalUrl(reading.url);
			if (canonical !== undefined) paper.canonicalUrl = canonical;
		}
		if (reading.venue !== undefined) paper.venue = reading.venue;
		if (reading.year !== undefined) paper.year = reading.year;
		if (reading.award !== undefined) paper.award = reading.award;
		if (extra.checkboxOffset !== undefined) paper.checkboxOffset = extra.checkboxOffset;
		if (extra.group !== undefined) paper.group = extra.group;
		papers.push(paper);
	};

	const visitItem = (item: ListItem): void => {
		const runs = runsOf(ownBlocks(item), definitions);
		const isTask = isTaskItem(item);
		const isContainer = nestedLists(item).some(containsTask);
		if (isTask || (hasExternalLink(runs) && !isContainer)) {
			const range = rangeOf(item);
			const { details, tasks } = detailsOf(item, definitions);
			const extra: PaperExtras = { checked: item.checked === true, details };
			if (isTask && range) {
				const offset = checkboxOffsetIn(source, range);
				if (offset !== undefined) extra.checkboxOffset = offset;
			}
			const reading = readTitle(runs);
			if (reading.venue === undefined && reading.year === undefined) {
				for (const detail of extra.details ?? []) {
					const note = parseVenueNote(detail);
					if (note.year !== undefined && note.venue !== undefined) {
						Object.assign(reading, note);
						break;
					}
				}
			}
			const firstBlock = item.children[0];
			const linkOffset = firstBlock?.type === "paragraph" ? (rangeOf(firstBlock)?.end.offset ?? null) : null;
			addPaper(item, "item", reading, linkOffset, extra);
			tasks.forEach(visitItem);
			return;
		}
		nestedLists(item).forEach(visitList);
	};

	const visitList = (list: List): void => list.children.forEach(visitItem);

	const visitTable = (table: Table): void => {
		const [header, ...rows] = table.children;
		const columns = header?.children.map((cell) => plainText(cell).trim().toLowerCase()) ?? [];
		const titleColumn = columns.findIndex((name) => /^(?:title|paper|papers|name|reading)$/.test(name));
		rows.forEach((row) => visitTableRow(row, columns, titleColumn));
	};

	const visitTableRow = (row: TableRow, columns: string[], titleColumn: number): void => {
		const cellRuns = row.children.map((cell) => runsOf([cell], definitions));
		const allRuns = cellRuns.flatMap((runs, index) => (index === 0 ? runs : [{ kind: "text" as const, text: " · " }, ...runs]));
		if (!hasExternalLink(allRuns)) return;
		const preferred = cellRuns[titleColumn];
		const linkCell = titleColumn !== -1 ? titleColumn : Math.max(0, cellRuns.findIndex((runs) => hasExternalLink(runs)));
		const reading = readTitle(preferred && preferred.length > 0 ? [...preferred, ...allRuns.filter((run) => run.kind === "link")] : allRuns);
		// The annotation of a row is its other cells, not a sentence around the title.
		reading.annotation = "";
		const extra: PaperExtras = {};
		row.children.forEach((cell, index) => {
			const text = plainText(cell);
			const box = isCheckboxCell(text);
			const column = columns[index] ?? "";
			if (box) {
				extra.checked = box === "checked";
				const range = rangeOf(cell);
				if (range) {
					const open = source.indexOf("[", range.start.offset);
					if (open !== -1 && open < range.end.offset && source[open + 2] === "]") extra.checkboxOffset = open + 1;
				}
			} else if (/venue|conference|journal|published/.test(column) && reading.venue === undefined) {
				Object.assign(reading, parseVenueNote(text));
			} else if (/^year$/.test(column) && /^\d{4}$/.test(text.trim())) {
				reading.year = Number(text.trim());
			}
		});
		addPaper(row, "row", reading, cellTextEnd(row.children[linkCell]), extra);
	};

	// A cell's position runs from its leading pipe through trailing spaces (and, last, the closing pipe).
	const cellTextEnd = (cell: Nodes | undefined): number | null => {
		const range = cell ? rangeOf(cell) : null;
		if (!range) return null;
		const text = source.slice(range.start.offset, range.end.offset).replace(/\|\s*$/, "").trimEnd();
		return range.start.offset + text.length;
	};

	// `**[3]** Authors. "Title". [pdf](url)` or `[3] Authors…`: a numbered reference list written as paragraphs.
	// Any other paragraph may be schedule lines, whose cued links are readings.
	const visitParagraph = (paragraph: Paragraph): void => {
		if (!/^\s*\[\d{1,4}\]/.test(plainText(paragraph))) {
			for (const { reading, node, group } of scheduleReadings(paragraph, definitions)) {
				const range = rangeOf(node);
				if (!range) continue;
				addPaper(node, "line", reading, range.end.offset, group === undefined ? {} : { group });
			}
			return;
		}
		const runs = runsOf([paragraph], definitions);
		if (!hasExternalLink(runs)) return;
		const first = runs[0];
		if (first && (first.kind === "text" || first.kind === "strong")) first.text = first.text.replace(/^\s*\[\d{1,4}\]\s*/, "");
		addPaper(paragraph, "reference", readTitle(runs), null, {});
	};

	const visitBlock = (node: RootContent): void => {
		switch (node.type) {
			case "heading": {
				const range = rangeOf(node);
				if (range && range.start.offset < limit) headings.push({ depth: node.depth, text: collapseWhitespace(plainText(node)), range });
				return;
			}
			case "list":
				visitList(node);
				return;
			case "table":
				visitTable(node);
				return;
			case "paragraph":
				visitParagraph(node);
				return;
			case "blockquote":
				// Callouts and quotes may hold reading lists too; a quoted lone link is still not a paper.
				node.children.forEach(visitBlock);
				return;
			default:
				// Code, HTML, comments, definitions and thematic breaks never hold papers.
				return;
		}
	};

	tree.children.forEach(visitBlock);
	return { headings, papers };
}
