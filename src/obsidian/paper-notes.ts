/**
 * Finds each catalogue item's paper note in the vault, as Obsidian resolves links, and only notes that are provably
 * the paper's (see src/notes/paper-note.ts): the plugin reads their status and writes into them, and nothing else.
 *
 * Resolving a link costs a lookup in Obsidian's index; the view and status sync ask for every paper of a catalogue
 * on every change, so answers are remembered per link until a note of that name is created, deleted or renamed.
 */
import { type App, type EventRef, type TAbstractFile, TFile, TFolder } from "obsidian";
import type { Paper } from "../catalogue/model";
import { linkName } from "../notes/link-name";
import { isPaperNoteAbout, type NoteKeys, noteAboutKeys, noteKeys, normalizedTitle } from "../notes/paper-note";
import { doneByCheckboxOrNote, type IsDone } from "../progress/completion";
import { type ReadingStatus, readingStatus } from "../progress/reading-status";

const TITLES_KEPT = 50_000;

export class PaperNotes {
	/** Resolved links by source note and target: the note's path, or null for none. */
	private readonly resolved = new Map<string, string | null>();
	/** The keys of `resolved` by the name their target matches, to forget them when such a note comes or goes. */
	private readonly keysByName = new Map<string, Set<string>>();

	/** What each note's properties identify, by the metadata cache's front matter object (a new one on each change). */
	private readonly noteKeyCache = new WeakMap<object, NoteKeys>();
	/** Normalized titles by title: every parse makes new papers, but their titles stay the same. */
	private readonly titleCache = new Map<string, string>();

	constructor(private readonly app: App) {}

	/** Keeps the remembered answers right as notes are created, deleted and renamed. */
	register(registerEvent: (ref: EventRef) => void): void {
		const { vault } = this.app;
		registerEvent(vault.on("create", (file) => this.forgetAround(file.path, file)));
		registerEvent(vault.on("delete", (file) => this.forgetAround(file.path, file)));
		registerEvent(
			vault.on("rename", (file, oldPath) => {
				this.forgetAround(oldPath, file);
				this.forgetAround(file.path, file);
			}),
		);
	}

	private forgetAround(path: string, file: TAbstractFile): void {
		if (file instanceof TFolder) {
			// Every note below it moved or went: cheaper to start again than to walk it.
			this.resolved.clear();
			this.keysByName.clear();
			return;
		}
		const name = linkName(path);
		for (const key of this.keysByName.get(name) ?? []) this.resolved.delete(key);
		this.keysByName.delete(name);
	}

	/** The note a link target names from `sourcePath`, as Obsidian resolves it. */
	resolve(target: string, sourcePath: string): TFile | null {
		const key = `${sourcePath}\n${target}`;
		const known = this.resolved.get(key);
		if (known !== undefined) return known === null ? null : this.app.vault.getFileByPath(known);
		const file = this.app.metadataCache.getFirstLinkpathDest(target, sourcePath);
		this.resolved.set(key, file?.path ?? null);
		const name = linkName(target);
		const keys = this.keysByName.get(name);
		if (keys) keys.add(key);
		else this.keysByName.set(name, new Set([key]));
		return file;
	}

	/** The note's properties as the metadata cache has them; null when it has none (yet). */
	properties(file: TFile): Record<string, unknown> | null {
		return this.app.metadataCache.getFileCache(file)?.frontmatter ?? null;
	}

	/** The paper's notes among the notes its item links: the one sync linked, or one whose properties name it. */
	notesOf(paper: Paper, cataloguePath: string): TFile[] {
		if (paper.noteLinks.length === 0) return [];
		const inserted = new Set(paper.insertedLinks);
		const found: TFile[] = [];
		for (const target of paper.noteLinks) {
			const file = this.resolve(target, cataloguePath);
			if (!file || found.includes(file)) continue;
			if (isPaperNoteAbout(noteAboutKeys(paper, this.titleOf(paper), this.keysOf(file)), inserted.has(target))) found.push(file);
		}
		return found;
	}

	private keysOf(file: TFile): NoteKeys | null {
		const properties = this.properties(file);
		if (!properties) return null;
		let keys = this.noteKeyCache.get(properties);
		if (!keys) {
			keys = noteKeys(properties);
			this.noteKeyCache.set(properties, keys);
		}
		return keys;
	}

	private titleOf(paper: Paper): string {
		let title = this.titleCache.get(paper.title);
		if (title === undefined) {
			title = normalizedTitle(paper.title);
			// Bounded: far more than a vault's catalogues hold, few enough to never matter.
			if (this.titleCache.size >= TITLES_KEPT) this.titleCache.clear();
			this.titleCache.set(paper.title, title);
		}
		return title;
	}

	noteOf(paper: Paper, cataloguePath: string): TFile | null {
		return this.notesOf(paper, cataloguePath)[0] ?? null;
	}

	/** A note's reading status, when it has a `status` property. */
	statusOf(file: TFile): ReadingStatus | undefined {
		const properties = this.properties(file);
		return properties && "status" in properties ? readingStatus(properties.status) : undefined;
	}

	/** The status of a paper's note, when it has a note with a status. */
	paperStatus(paper: Paper, cataloguePath: string): ReadingStatus | undefined {
		const file = this.noteOf(paper, cataloguePath);
		return file ? this.statusOf(file) : undefined;
	}

	/** Done, in a catalogue: its checkbox ticked, or, for an item without one, its note's status `read`. */
	isDoneIn(cataloguePath: string): IsDone {
		return doneByCheckboxOrNote((paper) => this.paperStatus(paper, cataloguePath));
	}

	/**
	 * Whether a note carries the properties sync writes into every paper note: a status and the catalogue that
	 * lists it. A project note with a `status` and a `url` of its own does not.
	 */
	hasPaperProperties(file: TFile): boolean {
		const properties = this.properties(file);
		return !!properties && "status" in properties && "catalogue" in properties;
	}
}
