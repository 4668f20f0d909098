/**
 * Paper details in the runs the plugin and the command line share: Create with details, filling
 * the notes of a catalogue, and its BibTeX file. The network, the cache file and the vault come in
 * through small interfaces; what to do with them is decided here, once.
 */
import type { Catalogue } from "../catalogue/model";
import { CatalogueParser } from "../catalogue/parse";
import type { DetailValues } from "../notes/template";
import { parentFolder } from "../notes/vault-path";
import type { SyncPlan } from "../sync/plan";
import { planSync, type SyncRequest } from "../sync/sync";
import type { NoteVault } from "../sync/vault";
import { bibtexFile, isOwnBibtex } from "./bibtex";
import { type DetailsCacheData, emptyDetailsCache } from "./cache";
import { type DetailsReport, lookUpDetails, type LookupOptions } from "./lookup";
import type { DetailsQuery } from "./model";
import { CitekeyRegistry, detailValues, propertiesForNote } from "./note-details";
import type { NotePropertyStore } from "./note-properties";
import { textValue, yearValue } from "./note-values";
import { fillMissingProperties } from "./properties";

/** Where earlier look-ups are kept: the plugin's folder in the vault, shared with the command line. */
export interface DetailsCacheStore {
	/** An empty cache when there is none yet, or it cannot be read. */
	load(): Promise<DetailsCacheData>;
	save(cache: DetailsCacheData): Promise<void>;
}

/** Everything a look-up needs but the papers. */
export type DetailsSetup = Omit<LookupOptions, "cache"> & { cache: DetailsCacheStore };

export interface LookupWithCache extends DetailsReport {
	/** Why the cache could not be saved, when it could not: what was found is used all the same. */
	cacheNotSaved?: string;
}

/**
 * Looks up `queries`, reading and then saving the cache. Never rejects for the network's sake (see `lookUpDetails`),
 * nor for the cache's: a cache that cannot be read is empty, one that cannot be saved is said in `cacheNotSaved`.
 */
export async function lookUpWithCache(queries: readonly DetailsQuery[], setup: DetailsSetup): Promise<LookupWithCache> {
	const { cache: store, ...options } = setup;
	const cache = await store.load().catch(() => emptyDetailsCache());
	const report: LookupWithCache = await lookUpDetails(queries, { ...options, cache });
	if (report.cacheChanged) {
		try {
			await store.save(cache);
		} catch (error) {
			report.cacheNotSaved = error instanceof Error ? error.message : String(error);
		}
	}
	return report;
}

/** Citation keys the vault's notes already hold: new keys are chosen beside them, never over them. */
export async function citekeysInVault(vault: NoteVault): Promise<CitekeyRegistry> {
	const notes = await vault.notesIn("");
	return new CitekeyRegistry(notes.flatMap((note) => (note.citekey !== undefined ? [note.citekey] : [])));
}

export interface PlanWithDetails {
	plan: SyncPlan;
	/** Null when there was nothing to look up (no new notes). */
	details: LookupWithCache | null;
}

/**
 * Looks up the details of the papers a plan would make notes for, as template values by paper id,
 * each with a citation key no note in the vault has. Null when the plan makes no notes.
 */
export async function lookUpDetailsForPlan(plan: SyncPlan, vault: NoteVault, setup: DetailsSetup): Promise<{ details: Map<string, Partial<DetailValues>>; report: LookupWithCache } | null> {
	if (plan.create.length === 0) return null;
	const notes = new Map(plan.create.map((note) => [note.paperIds[0] ?? note.path, note]));
	const queries = [...notes].map(([key, note]): DetailsQuery => ({ key, title: note.title, ...(note.url !== undefined ? { url: note.url } : {}), ...(note.year !== undefined ? { year: note.year } : {}) }));
	const report = await lookUpWithCache(queries, setup);
	// Reading every note's keys costs a walk of the vault (a read of every file on the command line): only when a key is needed.
	const citekeys = report.papers.some((paper) => paper.found) ? await citekeysInVault(vault) : new CitekeyRegistry();
	const details = new Map<string, Partial<DetailValues>>();
	for (const paper of report.papers) {
		const note = notes.get(paper.key);
		if (!note || !paper.found) continue;
		const values = detailValues(paper.details, citekeys.keyFor(paper.details, note.title), { title: note.title, ...(note.url !== undefined ? { url: note.url } : {}) });
		for (const id of note.paperIds) details.set(id, values);
	}
	return { details, report };
}

/**
 * Plans Create with the details of the papers whose notes it would make. The plan is made twice:
 * once to know which papers need notes, and again after the look-up (which may take minutes), so
 * that it fits the catalogue and the vault as they are then.
 */
export async function planSyncWithDetails(vault: NoteVault, request: SyncRequest, setup: DetailsSetup): Promise<PlanWithDetails> {
	const parser = request.parser ?? new CatalogueParser();
	const first = await planSync(vault, { ...request, parser });
	const found = await lookUpDetailsForPlan(first, vault, setup);
	if (!found) return { plan: first, details: null };
	return { plan: await planSync(vault, { ...request, parser, details: found.details }), details: found.report };
}

/** A note of the catalogue's that exists, in catalogue order. */
export interface CatalogueNote {
	path: string;
	/** The catalogue's title for it. */
	title: string;
}

/**
 * The notes the catalogue's papers have, each once, in the order of their first listing. These
 * are provably paper notes: the plan takes only notes sync linked or whose properties name the paper.
 */
export function notesOfCatalogue(catalogue: Catalogue, plan: SyncPlan): CatalogueNote[] {
	const created = new Set(plan.create.map((note) => note.path));
	const byPaper = new Map<string, string>();
	for (const outcome of [...plan.unchanged, ...plan.link]) {
		if (!created.has(outcome.notePath)) byPaper.set(outcome.paperId, outcome.notePath);
	}
	const seen = new Set<string>();
	const notes: CatalogueNote[] = [];
	for (const paper of catalogue.papers) {
		const path = byPaper.get(paper.id);
		if (path === undefined || seen.has(path)) continue;
		seen.add(path);
		notes.push({ path, title: paper.title });
	}
	return notes;
}

/** The catalogue as the plan read it, and its notes; the parser is warm, so this parses nothing new. */
export async function catalogueNotes(vault: NoteVault, request: SyncRequest): Promise<{ catalogue: Catalogue; plan: SyncPlan; notes: CatalogueNote[] }> {
	const parser = request.parser ?? new CatalogueParser();
	const plan = await planSync(vault, { ...request, parser });
	const catalogue = parser.parse(plan.catalogueText);
	return { catalogue, plan, notes: notesOfCatalogue(catalogue, plan) };
}

export interface FillReport {
	/** Notes that gained properties, and which. */
	filled: { path: string; names: string[] }[];
	/** Notes found that had nothing missing that was found. */
	unchanged: number;
	/** Notes that could not be read or written, and why. */
	failed: { path: string; message: string }[];
	lookup: LookupWithCache;
}

/**
 * Looks up details for notes that exist and fills only their missing or empty properties; the
 * note's body and every property the user set stay as they are. A note with nothing to fill is
 * not written at all, so a re-run with nothing new writes nothing.
 */
export async function fillNotesWithDetails(notes: readonly CatalogueNote[], vault: NoteVault, store: NotePropertyStore, setup: DetailsSetup): Promise<FillReport> {
	const failed: FillReport["failed"] = [];
	const properties = new Map<string, Record<string, unknown>>();
	const queries: DetailsQuery[] = [];
	for (const note of notes) {
		const found = await store.propertiesOf(note.path).catch(() => null);
		if (found === null) {
			failed.push({ path: note.path, message: "its properties are not valid YAML (or it could not be read)" });
			continue;
		}
		properties.set(note.path, found);
		// The note's own title and link: a correction the user made there wins over the catalogue's.
		const query: DetailsQuery = { key: note.path, title: textValue(found.title) || note.title };
		const url = textValue(found.url);
		if (url !== "") query.url = url;
		const year = yearValue(found.year);
		if (year !== undefined) query.year = year;
		queries.push(query);
	}
	const lookup = await lookUpWithCache(queries, setup);
	const citekeys = lookup.papers.some((paper) => paper.found) ? await citekeysInVault(vault) : new CitekeyRegistry();
	const report: FillReport = { filled: [], unchanged: 0, failed, lookup };
	for (const paper of lookup.papers) {
		const current = properties.get(paper.key);
		if (!current || !paper.found) continue;
		const wanted = propertiesForNote(paper.details, paper.title, current.citekey, citekeys);
		// Tried on a copy first: a note with nothing to fill is never written.
		if (fillMissingProperties({ ...current }, wanted).length === 0) {
			report.unchanged += 1;
			continue;
		}
		try {
			let names: string[] = [];
			await store.updateProperties(paper.key, (frontMatter) => {
				names = fillMissingProperties(frontMatter, wanted);
			});
			if (names.length > 0) report.filled.push({ path: paper.key, names });
			else report.unchanged += 1;
		} catch (error) {
			report.failed.push({ path: paper.key, message: error instanceof Error ? error.message : String(error) });
		}
		await setup.pause?.();
	}
	return report;
}

/** `Reading/CS294.md` → `Reading/CS294.bib`. */
export function bibtexPathFor(cataloguePath: string): string {
	const folder = parentFolder(cataloguePath);
	const name = cataloguePath.slice(folder === "" ? 0 : folder.length + 1).replace(/\.md$/i, "");
	return folder === "" ? `${name}.bib` : `${folder}/${name}.bib`;
}

export interface CatalogueBibtex {
	path: string;
	text: string;
	entries: number;
	/** What is at `path` now: nothing, a file this plugin wrote, or someone else's file (ask before replacing it). */
	existing: "none" | "ours" | "theirs";
	/** Notes whose properties could not be read: left out of the file. */
	skipped: string[];
}

/** The catalogue's BibTeX file, from its notes' properties (so the user's corrections win). Writes nothing. */
export async function catalogueBibtex(notes: readonly CatalogueNote[], bibPath: string, vault: NoteVault, store: NotePropertyStore): Promise<CatalogueBibtex> {
	const entries: Record<string, unknown>[] = [];
	const skipped: string[] = [];
	for (const note of notes) {
		const properties = await store.propertiesOf(note.path).catch(() => null);
		if (properties === null) skipped.push(note.path);
		else entries.push({ title: note.title, ...properties });
	}
	const file = bibtexFile(entries);
	const kind = await vault.kind(bibPath);
	const existing = kind === null ? "none" : kind === "file" && isOwnBibtex(await vault.read(bibPath)) ? "ours" : "theirs";
	return { path: bibPath, text: file.text, entries: file.keys.length, existing, skipped };
}

/** Writes the file `catalogueBibtex` made: created, or replaced in one atomic edit. */
export async function writeCatalogueBibtex(bib: CatalogueBibtex, vault: NoteVault): Promise<void> {
	if ((await vault.kind(bib.path)) === null) await vault.create(bib.path, bib.text);
	else await vault.process(bib.path, () => bib.text);
}
