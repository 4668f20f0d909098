/**
 * Plans a sync: which paper notes to create and which catalogue items to link,
 * from the parsed catalogue and a snapshot of what the vault holds. Pure: the
 * snapshot is gathered first (`gatherSnapshot`), and `applyPlan` writes.
 *
 * A paper's note is found, in this order, by the note link already in its
 * catalogue item, by a note in the notes folder whose `url` property is the
 * same paper, and by its file name. Existing notes are never written.
 */
import type { Catalogue, Paper } from "../catalogue/model";
import { CatalogueParser } from "../catalogue/parse";
import { INSERTED_LINK_LABEL } from "../catalogue/title";
import { canonicalUrl } from "../catalogue/url";
import { safeFileName, uniqueFileName } from "../notes/file-name";
import { checkTemplate, compileTemplate, type DetailValues, fillText, type TemplateValues } from "../notes/template";
import { folderProblem, joinVaultPath, normalizeVaultPath, parentFolder } from "../notes/vault-path";
import { noteAbout } from "../notes/paper-note";
import type { ExistingNote, NoteVault, PathKind } from "./vault";

export interface SyncSettings {
	notesFolder: string;
	fileNameFormat: string;
	dateFormat: string;
	/** How inserted links are written. */
	linkStyle: "wikilink" | "markdown";
}

export interface VaultSnapshot {
	/** Notes below the notes folder. */
	notes: ExistingNote[];
	/** For each note link target found in the catalogue: the note it resolves to, or null. */
	links: ReadonlyMap<string, string | null>;
	/** The notes those links resolve to, with the properties that say which paper each is about. */
	linked: ReadonlyMap<string, ExistingNote>;
	/** What is at the notes folder and at each of its ancestors. */
	folders: ReadonlyMap<string, PathKind | null>;
}

export interface PlannedNote {
	path: string;
	content: string;
	title: string;
	/** The catalogue occurrences this note serves. */
	paperIds: string[];
	/** What the catalogue says of the paper, for looking up its details before the note is written. */
	url?: string;
	year?: number;
}

export interface PlannedLink {
	paperId: string;
	title: string;
	notePath: string;
	/** Where in the catalogue text the link goes (planned against `SyncPlan.catalogueText`). */
	offset: number;
	text: string;
}

export interface PaperOutcome {
	paperId: string;
	title: string;
	notePath: string;
}

export interface PlanConflict {
	paperId: string;
	title: string;
	reason: string;
}

export interface SyncPlan {
	cataloguePath: string;
	/** The catalogue text the plan was made against. */
	catalogueText: string;
	folders: string[];
	create: PlannedNote[];
	link: PlannedLink[];
	/** Occurrences whose note exists and that already link it. */
	unchanged: PaperOutcome[];
	conflicts: PlanConflict[];
}

/** A setting or template that cannot be used: nothing is planned, nothing is written. */
export class PlanError extends Error {
	override name = "PlanError";
}

export interface PlanInput {
	catalogue: Catalogue;
	cataloguePath: string;
	catalogueText: string;
	snapshot: VaultSnapshot;
	settings: SyncSettings;
	template: string;
	today: Date;
	/** Parses the catalogue with the links inserted, to check they read back; a warm one re-parses only what changed. */
	parser?: CatalogueParser;
	/** Given, planning yields through it every few milliseconds (the plugin runs on the UI thread). */
	pause?: () => Promise<void>;
	/** Details looked up for papers, by paper id: new notes are written with them (see src/details/). */
	details?: ReadonlyMap<string, Partial<DetailValues>>;
}

/** How long planning runs before it yields, when it may. */
const PLAN_SLICE_MS = 8;

/** Parses through `parser`, in slices when there is a `pause`. */
export function parseMaybeInSlices(parser: CatalogueParser, text: string, pause: (() => Promise<void>) | undefined): Promise<Catalogue> {
	return pause ? parser.parseInSlices(text, pause) : Promise.resolve(parser.parse(text));
}

/** Folders from the vault root down to `folder`, excluding the root. */
function foldersDownTo(folder: string): string[] {
	const normalized = normalizeVaultPath(folder);
	if (normalized === "/") return [];
	const parts = normalized.split("/");
	return parts.map((_, i) => parts.slice(0, i + 1).join("/"));
}

/** Reads what `plan` needs from the vault: one listing of the notes folder and one lookup per note link. */
export async function gatherSnapshot(vault: NoteVault, catalogue: Catalogue, cataloguePath: string, settings: SyncSettings): Promise<VaultSnapshot> {
	const folders = new Map<string, PathKind | null>();
	for (const folder of foldersDownTo(settings.notesFolder)) {
		const kind = await vault.kind(folder);
		folders.set(folder, kind);
		if (kind !== "folder") break;
	}
	const notesFolder = normalizeVaultPath(settings.notesFolder);
	const notes = notesFolder === "/" || folders.get(notesFolder) === "folder" ? await vault.notesIn(notesFolder === "/" ? "" : notesFolder) : [];
	const links = new Map<string, string | null>();
	const linked = new Map<string, ExistingNote>();
	for (const paper of catalogue.papers) {
		for (const target of paper.noteLinks) {
			if (links.has(target)) continue;
			const path = await vault.resolveLink(target, cataloguePath);
			links.set(target, path);
			if (path !== null && !linked.has(path)) {
				const note = await vault.noteAt(path);
				if (note) linked.set(path, note);
			}
		}
	}
	return { notes, links, linked, folders };
}

function heading(catalogue: Catalogue, paper: Paper): string | null {
	const section = catalogue.sections[paper.sectionIndex];
	if (!section || section.headingIndex === null) return null;
	return catalogue.headings[section.headingIndex]?.text ?? null;
}

/** `[[Catalogue#Heading|Heading]]`: Obsidian drops these characters from heading links. */
function headingLink(catalogueLinkPath: string, headingText: string | null): string {
	if (headingText === null) return `[[${catalogueLinkPath}]]`;
	const subpath = headingText.replace(/[#|^:[\]\\]|%%/g, " ").replace(/\s+/g, " ").trim();
	const alias = headingText.replace(/[|[\]]/g, " ").replace(/\s+/g, " ").trim();
	return `[[${catalogueLinkPath}#${subpath}|${alias}]]`;
}

/** A vault path as Obsidian writes it in a Markdown link: spaces and parentheses escaped. */
export function markdownLinkPath(path: string): string {
	return encodeURI(path).replace(/\(/g, "%28").replace(/\)/g, "%29");
}

/** The text inserted after a catalogue item to link its note. */
export function noteLinkText(notePath: string, style: SyncSettings["linkStyle"], inTable: boolean): string {
	if (style === "markdown") return ` [${INSERTED_LINK_LABEL}](${markdownLinkPath(notePath)})`;
	const target = notePath.replace(/\.md$/i, "");
	// In a table an unescaped pipe would end the cell.
	return ` [[${target}${inTable ? "\\|" : "|"}${INSERTED_LINK_LABEL}]]`;
}

/** Where a note link that does not resolve would live: the note was deleted, so it is made again there. */
function pathForMissingLink(target: string, notesFolder: string): string | null {
	const withoutExtension = target.replace(/\.md$/i, "").trim();
	if (withoutExtension === "" || folderProblem(withoutExtension) !== null) return null;
	// Not where Obsidian can link: a name with `#^[]|` (a link to "a^b" became a note "a^b.md"), or a hidden
	// folder such as the config folder, which Obsidian never indexes, so the link would stay unresolved and
	// every later run would try to create the note again.
	if (/[#^[\]|]/.test(withoutExtension) || withoutExtension.split("/").some((segment) => segment.startsWith("."))) return null;
	const path = withoutExtension.includes("/") ? `${withoutExtension}.md` : joinVaultPath(notesFolder, `${withoutExtension}.md`);
	return normalizeVaultPath(path);
}

/** The notes an item's links resolve to, each with whether sync inserted the link. */
function resolvedLinks(paper: Paper, snapshot: VaultSnapshot): { path: string; inserted: boolean }[] {
	const inserted = new Set(paper.insertedLinks);
	const found: { path: string; inserted: boolean }[] = [];
	for (const target of paper.noteLinks) {
		const path = snapshot.links.get(target);
		if (path) found.push({ path, inserted: inserted.has(target) });
	}
	return found;
}

interface PaperGroup {
	key: string;
	papers: Paper[];
}

function groupByIdentity(papers: readonly Paper[]): PaperGroup[] {
	const groups = new Map<string, PaperGroup>();
	for (const paper of papers) {
		let group = groups.get(paper.key);
		if (!group) {
			group = { key: paper.key, papers: [] };
			groups.set(paper.key, group);
		}
		group.papers.push(paper);
	}
	return [...groups.values()];
}

function firstDefined<T>(papers: readonly Paper[], pick: (paper: Paper) => T | undefined): T | undefined {
	for (const paper of papers) {
		const value = pick(paper);
		if (value !== undefined && value !== "") return value;
	}
	return undefined;
}

/** Throws PlanError or TemplateError when the settings or the template cannot be used; before anything is read or written. */
export function checkSyncSettings(settings: SyncSettings, template: string): void {
	const problem = folderProblem(settings.notesFolder);
	if (problem) throw new PlanError(`The notes folder cannot be used: ${problem}.`);
	checkTemplate(template, settings.dateFormat);
	checkTemplate(settings.fileNameFormat, settings.dateFormat, "The file name format");
}

export async function plan(input: PlanInput): Promise<SyncPlan> {
	const { catalogue, cataloguePath, catalogueText, snapshot, settings, template, today } = input;
	const notesFolder = normalizeVaultPath(settings.notesFolder);
	checkSyncSettings(settings, template);
	const compiled = compileTemplate(template, settings.dateFormat);
	for (const [folder, kind] of snapshot.folders) {
		if (kind === "file") throw new PlanError(`The notes folder cannot be used: "${folder}" is a file, not a folder.`);
	}

	const catalogueLinkPath = normalizeVaultPath(cataloguePath).replace(/\.md$/i, "");
	const notesByUrl = new Map<string, string>();
	for (const note of [...snapshot.notes].sort((a, b) => a.path.localeCompare(b.path))) {
		const url = note.url !== undefined ? canonicalUrl(note.url) : undefined;
		if (url !== undefined && !notesByUrl.has(url)) notesByUrl.set(url, note.path);
	}
	// File systems on macOS, Windows and phones ignore case: "Foo.md" and "foo.md" are one file there.
	const existing = new Map(snapshot.notes.map((note) => [note.path.toLowerCase(), note]));
	const taken = new Set(existing.keys());
	const identityOf = (path: string): ExistingNote | null => snapshot.linked.get(path) ?? existing.get(path.toLowerCase()) ?? null;

	const result: SyncPlan = { cataloguePath, catalogueText, folders: [], create: [], link: [], unchanged: [], conflicts: [] };
	const folders = new Set<string>();

	// A note's `rank` is its paper's place in the catalogue: the base sorts by it to show catalogue order. Notes
	// that exist keep theirs, so a new note's rank is chosen after the loop, between its neighbours' (see ranksFor).
	const order: RankSlot[] = [];

	let sliceStart = performance.now();
	for (const group of groupByIdentity(catalogue.papers)) {
		if (input.pause && performance.now() - sliceStart >= PLAN_SLICE_MS) {
			await input.pause();
			sliceStart = performance.now();
		}
		const first = group.papers[0];
		if (!first) continue;
		let notePath: string | null = null;
		let exists = false;

		// 1. A note an item links that is the paper's: the link sync inserted, or any link to a note whose
		// properties say it is this paper's. Every other note link in an item is the user's text (a concept note,
		// a related paper) and is never taken for the paper's note. When the items link several of the paper's
		// notes, the one whose properties name this paper wins: an item linking a note another paper's sync
		// re-created, plus the note an earlier run found by URL and linked, flipped to the other note on every run
		// (found by fuzzing). Otherwise the note most of its items link: after a run every item links the chosen
		// note, so a second run chooses it again even when another linked note has appeared meanwhile.
		const linkCounts = new Map<string, number>();
		let linkedToAnother: string | undefined;
		for (const paper of group.papers) {
			const paths = new Set<string>();
			for (const { path, inserted } of resolvedLinks(paper, snapshot)) {
				const about = noteAbout(first, identityOf(path));
				if (inserted && about === "other") linkedToAnother ??= path;
				if (inserted ? about !== "other" : about === "this") paths.add(path);
			}
			for (const path of paths) linkCounts.set(path, (linkCounts.get(path) ?? 0) + 1);
		}
		const resolvedPaths = [...linkCounts.keys()];
		const aboutThisPaper = resolvedPaths.find((path) => noteAbout(first, identityOf(path)) === "this");
		const mostLinked = resolvedPaths.reduce<string | undefined>((best, path) => (best === undefined || (linkCounts.get(path) ?? 0) > (linkCounts.get(best) ?? 0) ? path : best), undefined);
		// The link sync inserted points at a note about another paper: a conflict whatever else is linked (it stays
		// one on the next run), for the user to sort out.
		if (linkedToAnother !== undefined && aboutThisPaper === undefined) {
			const otherUrl = identityOf(linkedToAnother)?.url ?? "";
			for (const paper of group.papers) {
				result.conflicts.push({ paperId: paper.id, title: paper.title, reason: `its item links ${linkedToAnother}, a note about another paper (${otherUrl})` });
			}
			continue;
		}
		const resolved = aboutThisPaper ?? mostLinked;
		if (resolved !== undefined) {
			notePath = resolved;
			exists = true;
		}
		// 2. A note in the notes folder about the same paper (also when a linked note was moved by hand).
		if (notePath === null && first.canonicalUrl !== undefined) {
			const byUrl = notesByUrl.get(first.canonicalUrl);
			if (byUrl) {
				notePath = byUrl;
				exists = true;
			}
		}
		// A linked note that is gone was deleted: it is made again where the link points.
		if (notePath === null) {
			// Only a link sync inserted: a user's link to a note that does not exist (yet) is not the paper's note.
			const missing = group.papers.flatMap((paper) => paper.insertedLinks).map((target) => pathForMissingLink(target, notesFolder)).find((path) => path !== null);
			if (missing) {
				// Items of two papers may link one deleted note: it is made once and both keep their link.
				// (Planned twice, the second write failed with "already exists".) A note whose name differs
				// only in case is that note on most file systems: it is used, not made again beside it.
				const known = existing.get(missing.toLowerCase());
				notePath = known?.path ?? missing;
				exists = taken.has(missing.toLowerCase());
			}
		}
		const values: TemplateValues = templateValues(group.papers, catalogue, catalogueLinkPath, today, input.details);
		// 3. The file name: a note there is this paper's note only when its properties say so. A note of the
		// user's that happens to have the name (a summary written by hand, no properties) is left alone.
		if (notePath === null) {
			const name = safeFileName(fillText(settings.fileNameFormat, values, settings.dateFormat));
			const unique = uniqueFileName(name, (candidate) => {
				const path = joinVaultPath(notesFolder, `${candidate}.md`).toLowerCase();
				if (!taken.has(path)) return false;
				const note = existing.get(path);
				// Taken by this run, or by a note that is not this paper's.
				return note === undefined || noteAbout(first, note) !== "this";
			});
			const path = joinVaultPath(notesFolder, `${unique}.md`);
			const note = existing.get(path.toLowerCase());
			notePath = note?.path ?? path;
			exists = note !== undefined;
		}

		if (!exists) {
			taken.add(notePath.toLowerCase());
			for (const folder of foldersDownTo(parentFolder(notePath))) folders.add(folder);
			const note: PlannedNote = {
				path: notePath,
				content: "",
				title: first.title,
				paperIds: group.papers.map((paper) => paper.id),
				...definedFields({ url: firstDefined(group.papers, (paper) => paper.url), year: firstDefined(group.papers, (paper) => paper.year) }),
			};
			result.create.push(note);
			order.push({ note, values });
		} else {
			order.push({ rank: identityOf(notePath)?.rank });
		}

		for (const paper of group.papers) {
			const linked =
				resolvedLinks(paper, snapshot).some(({ path, inserted }) => path === notePath && (inserted || noteAbout(first, identityOf(path)) === "this")) ||
				paper.insertedLinks.some((target) => !snapshot.links.get(target) && pathForMissingLink(target, notesFolder) === notePath);
			if (linked) {
				result.unchanged.push({ paperId: paper.id, title: paper.title, notePath });
			} else {
				result.link.push({
					paperId: paper.id,
					title: paper.title,
					notePath,
					offset: paper.linkOffset,
					text: noteLinkText(notePath, settings.linkStyle, paper.kind === "row"),
				});
			}
		}
	}
	const ranks = ranksFor(order);
	for (const [i, slot] of order.entries()) if ("note" in slot) slot.note.content = compiled.render({ ...slot.values, rank: ranks[i] ?? i + 1 });
	result.folders = [...folders].filter((folder) => snapshot.folders.get(folder) !== "folder").sort((a, b) => a.split("/").length - b.split("/").length);
	result.link = await linksThatReadBack(catalogueText, result.link, result.conflicts, input.parser ?? new CatalogueParser(), input.pause);
	return result;
}

/** A markdown link target that nothing in the item can change: every character that markdown reads is escaped. */
function opaqueLinkPath(path: string): string {
	return path
		.split("/")
		.map((segment) => encodeURIComponent(segment).replace(/[()]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
		.join("/");
}

/**
 * The planned links that read back: with all of them inserted and the catalogue parsed again, each
 * item must link its note, or the next sync would not see the link and would add it (or make the
 * note) again, every run. A wikilink is plain text to the parser, so an item can swallow it: a "`" or
 * "~" in the item pairs with one in an existing note's name, "&amp;" in a name reads as "&", "www.x"
 * as a web link (found by fuzzing sync twice). Such a link is written as a markdown link instead, whose
 * target the parser never reads as markup; one that still does not read back is left out, reported.
 */
async function linksThatReadBack(
	catalogueText: string,
	links: PlannedLink[],
	conflicts: PlanConflict[],
	parser: CatalogueParser,
	pause: (() => Promise<void>) | undefined,
): Promise<PlannedLink[]> {
	if (links.length === 0) return links;
	const notReadBack = async (candidates: readonly PlannedLink[]): Promise<Set<PlannedLink>> => {
		const parsed = await parseMaybeInSlices(parser, insertLinks(catalogueText, candidates), pause);
		const papers = new Map(parsed.papers.map((paper) => [paper.id, paper]));
		return new Set(
			candidates.filter((link) => {
				const target = normalizeVaultPath(link.notePath.replace(/\.md$/i, ""));
				return !papers.get(link.paperId)?.insertedLinks.some((noteLink) => normalizeVaultPath(noteLink) === target);
			}),
		);
	};
	const failed = await notReadBack(links);
	if (failed.size === 0) return links;
	const retried = links.map((link) => (failed.has(link) ? { ...link, text: ` [${INSERTED_LINK_LABEL}](${opaqueLinkPath(link.notePath)})` } : link));
	const stillFailed = await notReadBack(retried);
	for (const link of stillFailed) {
		conflicts.push({ paperId: link.paperId, title: link.title, reason: `a link to ${link.notePath} would not read as a link in its item; link it by hand` });
	}
	return retried.filter((link) => !stillFailed.has(link));
}

function templateValues(papers: readonly Paper[], catalogue: Catalogue, catalogueLinkPath: string, today: Date, found?: ReadonlyMap<string, Partial<DetailValues>>): TemplateValues {
	const first = papers[0];
	const details = found && firstDefined(papers, (paper) => found.get(paper.id));
	const places = [...new Set(papers.map((paper) => headingLink(catalogueLinkPath, heading(catalogue, paper))))];
	const section = first ? (catalogue.sections[first.sectionIndex]?.title ?? "") : "";
	return {
		title: first?.title ?? "",
		url: firstDefined(papers, (paper) => paper.url) ?? "",
		section,
		group: papers.some((paper) => paper.group === "required") ? "required" : "optional",
		// The catalogue's own venue and year first: the list's author chose them.
		venue: firstDefined(papers, (paper) => paper.venue) ?? details?.venue ?? "",
		year: firstDefined(papers, (paper) => paper.year) ?? details?.year ?? null,
		award: firstDefined(papers, (paper) => paper.award) ?? "",
		annotation: firstDefined(papers, (paper) => paper.annotation) ?? "",
		catalogue: `[[${catalogueLinkPath}]]`,
		listed: places.join(", "),
		date: today,
		checked: papers.some((paper) => paper.checked),
		...(details ? { details } : {}),
	};
}

/** A paper's place in catalogue order: a note to be written, or one that exists (with the rank it has, if any). */
type RankSlot = { note: PlannedNote; values: TemplateValues } | { rank: number | undefined };

/**
 * Ranks for the papers in catalogue order. A note that exists keeps its rank; new notes get 1, 2, 3… where nothing
 * constrains them, and ranks evenly between their neighbours' when papers were added between papers that have
 * notes, so that sorting by rank keeps catalogue order without rewriting the notes that exist.
 */
export function ranksFor(order: readonly RankSlot[]): number[] {
	const fixed = order.map((slot) => ("rank" in slot && typeof slot.rank === "number" && Number.isFinite(slot.rank) ? slot.rank : undefined));
	const ranks: number[] = [];
	let previous = 0;
	for (let i = 0; i < order.length; i++) {
		const own = fixed[i];
		if (own !== undefined) {
			ranks.push(own);
			previous = own;
			continue;
		}
		// The run of papers without a rank, up to the next paper that has one.
		let end = i;
		while (end < order.length && fixed[end] === undefined) end++;
		const next = fixed[end];
		const count = end - i;
		for (let k = 1; k <= count; k++) {
			const rank = next !== undefined && next > previous ? previous + ((next - previous) * k) / (count + 1) : previous + k;
			ranks.push(Math.round(rank * 1e6) / 1e6);
		}
		previous = ranks[ranks.length - 1] ?? previous;
		i = end - 1;
	}
	return ranks;
}

/** The fields of `fields` that have a value: optional properties stay absent rather than undefined. */
function definedFields<T extends Record<string, unknown>>(fields: T): Partial<T> {
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Applies link insertions to a text; offsets refer to that text. Pure insertion: nothing else changes. */
export function insertLinks(text: string, links: readonly { offset: number; text: string }[]): string {
	const sorted = [...links].sort((a, b) => a.offset - b.offset);
	let result = "";
	let last = 0;
	for (const link of sorted) {
		result += text.slice(last, link.offset) + link.text;
		last = link.offset;
	}
	return result + text.slice(last);
}
