/**
 * Keeps catalogue checkboxes and paper notes' `status` in step, both ways, and every listing of a paper in step
 * with the others: one paper, one status, in every tracked catalogue and every place a catalogue lists it.
 *
 * Ticking an item sets its note to `read` (with today's date) and ticks the paper's other listings; unticking sets
 * `unread` and unticks them. Changing a note's `status` ticks or unticks every listing of its paper. Only real
 * changes travel: a note's status is compared with the last status we saw for it, so editing a review never
 * touches the catalogue; listings are matched across edits by what they are, so deleting one listing of a paper
 * listed twice is not a tick of the other; and every write is skipped when both sides already agree, so nothing
 * loops. Only notes that are provably the paper's (paper-notes.ts) are ever written.
 */
import { type App, type CachedMetadata, type EventRef, normalizePath, type TFile } from "obsidian";
import { checkboxChanges, withCheckboxes } from "../catalogue/edits";
import type { Catalogue, Paper } from "../catalogue/model";
import { readProperties } from "../notes/front-matter";
import { applyCheckboxToProperties, isDone, type ReadingStatus, readingStatus } from "../progress/reading-status";
import type { PaperCatalogueSettings } from "../settings";
import type { CatalogueChange, CatalogueIndex } from "./catalogue-index";
import { inBackground, showFailure } from "./failures";
import { openInSourceEditor } from "./live-text";
import type { PaperNotes } from "./paper-notes";
import { yieldToUi } from "./yield-to-ui";

export interface StatusSyncHost {
	app: App;
	settings: PaperCatalogueSettings;
	index: CatalogueIndex;
	notes: PaperNotes;
	registerEvent(ref: EventRef): void;
}

/** Above this many papers, remembering their notes' statuses yields to the UI every few milliseconds. */
const REMEMBER_SLICED_PAPERS = 250;
// Short: it may share a turn of the event loop with the progress view's own slice.
const REMEMBER_SLICE_MS = 4;

export class StatusSync {
	/** The last status seen for each paper note, to tell a status change from any other edit. */
	private readonly lastStatus = new Map<string, ReadingStatus>();
	/** The status write under way for each note, so that the next one waits for it. */
	private readonly noteWrites = new Map<string, Promise<void>>();
	/**
	 * The latest decision about each paper (by key): a tick or untick seen, or a status set. Passing a decision on to
	 * the paper's other listings takes a few steps; a newer decision seen meanwhile (the user unticked right after
	 * ticking) makes the older one stop, or the two would chase each other for ever.
	 */
	private readonly decisions = new Map<string, number>();
	private lastDecision = 0;

	constructor(private readonly host: StatusSyncHost) {}

	private get app(): App {
		return this.host.app;
	}

	register(): void {
		const { app, index } = this.host;
		const stale = (): void => {
			this.keysByNote = null;
		};
		this.host.registerEvent(index.onChanged(stale));
		this.host.registerEvent(index.onRemoved(stale));
		this.host.registerEvent(index.onRenamed(stale));
		this.host.registerEvent(index.onTrackedChanged(stale));
		this.host.registerEvent(app.metadataCache.on("changed", stale));
		this.host.registerEvent(app.vault.on("create", stale));
		this.host.registerEvent(app.vault.on("delete", stale));
		this.host.registerEvent(app.vault.on("rename", stale));
		this.host.registerEvent(index.onChanged((change) => inBackground(`Could not keep ${change.path} and its notes in step`, this.onCatalogueChanged(change))));
		// A catalogue parsed before it was tracked sends no "changed" when it becomes tracked: remember its notes'
		// statuses now, or the first status change of each would not be recognised as one.
		this.host.registerEvent(
			index.onTrackedChanged(() => {
				for (const path of this.host.settings.catalogues) {
					const catalogue = index.get(path);
					if (catalogue) inBackground(`Could not read the notes of ${path}`, this.remember(catalogue, path));
				}
			}),
		);
		this.host.registerEvent(
			app.metadataCache.on("changed", (file, _data, cache) => inBackground(`Could not update the catalogue items of ${file.basename}`, this.onNoteChanged(file, cache))),
		);
		this.host.registerEvent(
			app.vault.on("rename", (file, oldPath) => {
				const status = this.lastStatus.get(oldPath);
				if (status === undefined) return;
				this.lastStatus.delete(oldPath);
				this.lastStatus.set(file.path, status);
			}),
		);
		this.host.registerEvent(app.vault.on("delete", (file) => this.lastStatus.delete(file.path)));
	}

	/** The paper's notes, resolved as Obsidian resolves links: only notes that are provably the paper's. */
	noteFilesOf(paper: Paper, cataloguePath: string): TFile[] {
		return this.host.notes.notesOf(paper, cataloguePath);
	}

	/** Remembers the notes' current statuses, so that their first change is recognised as one. */
	private rememberNow(papers: readonly Paper[], cataloguePath: string): void {
		for (const paper of papers) {
			for (const file of this.noteFilesOf(paper, cataloguePath)) {
				if (this.lastStatus.has(file.path)) continue;
				const status = this.host.notes.statusOf(file);
				if (status !== undefined) this.lastStatus.set(file.path, status);
			}
		}
	}

	/** Catalogues whose notes' statuses are to be remembered, and the run that does it. */
	private readonly toRemember = new Map<string, Catalogue>();
	private remembering: Promise<void> | null = null;

	/**
	 * The same for a whole catalogue: a short one at once, a long one in slices that yield to the UI, one catalogue
	 * at a time (a burst of changes asks once, for the newest parse).
	 */
	private remember(catalogue: Catalogue, cataloguePath: string): Promise<void> {
		if (catalogue.papers.length <= REMEMBER_SLICED_PAPERS) {
			this.rememberNow(catalogue.papers, cataloguePath);
			return Promise.resolve();
		}
		this.toRemember.set(cataloguePath, catalogue);
		this.remembering ??= (async () => {
			try {
				// Not in the task that announced the parse: that one has just put the catalogue together.
				await yieldToUi();
				for (let next = this.toRemember.entries().next(); !next.done; next = this.toRemember.entries().next()) {
					const [path, { papers }] = next.value;
					this.toRemember.delete(path);
					let from = 0;
					while (from < papers.length) {
						const sliceStart = performance.now();
						while (from < papers.length && performance.now() - sliceStart < REMEMBER_SLICE_MS) {
							const paper = papers[from++];
							if (paper) this.rememberNow([paper], path);
						}
						if (from < papers.length) await yieldToUi();
					}
				}
			} finally {
				this.remembering = null;
			}
		})();
		return this.remembering;
	}

	/** Records a new decision about these papers; the number tells, later, whether a newer one came since. */
	private decide(keys: Iterable<string>): number {
		const decision = ++this.lastDecision;
		for (const key of keys) this.decisions.set(key, decision);
		return decision;
	}

	private isLatest(keys: Iterable<string>, decision: number): boolean {
		for (const key of keys) if (this.decisions.get(key) !== decision) return false;
		return true;
	}

	private async onCatalogueChanged(change: CatalogueChange): Promise<void> {
		if (!this.host.settings.catalogues.includes(change.path)) return;
		const { before, beforeText, after, afterText } = change;
		const changed = before && beforeText !== null ? checkboxChanges({ catalogue: before, text: beforeText }, { catalogue: after, text: afterText }) : [];
		const sync = this.host.settings.syncStatus;
		// Decided now, as the change is seen: anything still passing on an older decision about these papers (by any
		// of their keys: a note may be linked by listings with and without a URL) stops.
		const follows = sync
			? changed.map((paper) => {
					const notes = this.noteFilesOf(paper, change.path);
					const keys = new Set([paper.key]);
					for (const file of notes) for (const key of this.keysOfNote(file)) keys.add(key);
					return { paper, notes, keys, decision: this.decide(keys) };
				})
			: [];
		// A run of ticks changes nothing else: only the ticked papers' notes can be new to us.
		if (before !== null && after.headings === before.headings) this.rememberNow(changed, change.path);
		else inBackground(`Could not read the notes of ${change.path}`, this.remember(after, change.path));
		for (const follow of follows) await this.followListing(follow);
	}

	/** A listing was ticked or unticked: its note and the paper's other listings follow. */
	private async followListing({ paper, notes, keys, decision }: { paper: Paper; notes: TFile[]; keys: Set<string>; decision: number }): Promise<void> {
		for (const file of notes) {
			if (this.isLatest(keys, decision)) await this.setNoteStatusOrSay(file, paper.checked);
		}
		await this.setListings(keys, new Set(notes.map((file) => file.path)), paper.checked, decision);
	}

	private async setNoteStatusOrSay(file: TFile, read: boolean): Promise<void> {
		try {
			await this.setNoteStatus(file, read);
		} catch (error) {
			showFailure(`Could not mark ${file.path} as ${read ? "read" : "unread"}`, error);
		}
	}

	/** Sets a note's status to match a checkbox; does nothing when they already agree. */
	setNoteStatus(file: TFile, checked: boolean): Promise<void> {
		// One write at a time per note, each deciding on the note as the previous one left it: a tick and an
		// untick in quick succession must end unread, not with the second skipped because the first had not landed.
		const previous = this.noteWrites.get(file.path) ?? Promise.resolve();
		const next = previous.then(() => this.writeNoteStatus(file, checked));
		const settled = next.catch(() => undefined);
		this.noteWrites.set(file.path, settled);
		void settled.then(() => {
			if (this.noteWrites.get(file.path) === settled) this.noteWrites.delete(file.path);
		});
		return next;
	}

	private async writeNoteStatus(file: TFile, checked: boolean): Promise<void> {
		// A note open in an editor may hold typing not saved yet, which a vault write would replace: save it first.
		await openInSourceEditor(this.app, file.path)?.save();
		// The note's text, not the metadata cache: the cache is indexed some time after a write, ours included.
		const properties = readProperties(await this.app.vault.read(file));
		if (properties && "status" in properties && isDone(properties.status) === checked) return;
		let changed = false;
		await this.app.fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => {
			changed = applyCheckboxToProperties(frontmatter, checked, new Date(), this.host.settings.dateFormat);
		});
		if (changed) this.lastStatus.set(file.path, checked ? "read" : "unread");
	}

	/**
	 * Marks a paper note as read or unread and, when sync is on, ticks or unticks every listing of its paper. The
	 * commands and the view use this: `setNoteStatus` records the status it writes, so the metadata change that
	 * follows is (rightly, for a write that followed a checkbox) not taken for a status change to pass on.
	 */
	async setPaperStatus(file: TFile, read: boolean): Promise<void> {
		const keys = this.keysOfNote(file);
		const decision = this.decide(keys);
		await this.setNoteStatus(file, read);
		if (this.host.settings.syncStatus) await this.setListings(keys, new Set([file.path]), read, decision);
	}

	private async onNoteChanged(file: TFile, cache: CachedMetadata): Promise<void> {
		const frontmatter = cache.frontmatter;
		if (!frontmatter || !("status" in frontmatter)) return;
		const status = readingStatus(frontmatter.status);
		const previous = this.lastStatus.get(file.path);
		this.lastStatus.set(file.path, status);
		if (!this.host.settings.syncStatus || previous === undefined || previous === status) return;
		const keys = this.keysOfNote(file);
		await this.setListings(keys, new Set([file.path]), isDone(status), this.decide(keys));
	}

	/** Whether a tracked catalogue lists a paper whose note this is (by its link, or by the note's properties). */
	isListedNote(file: TFile): boolean {
		return this.keysOfNote(file).size > 0;
	}

	/** The papers a note is the note of, by key: those of every listing, in every tracked catalogue, that links it. */
	private keysOfNote(file: TFile): Set<string> {
		return this.noteKeys().get(file.path) ?? new Set();
	}

	/**
	 * For every note a tracked catalogue links as a paper's, the keys of the papers it is the note of. Built once
	 * when first needed after a change (a catalogue, a note's properties, a note coming or going): a tick of many
	 * items at once then costs one walk over the catalogues, not one per item.
	 */
	private noteKeys(): Map<string, Set<string>> {
		if (this.keysByNote) return this.keysByNote;
		const map = new Map<string, Set<string>>();
		for (const cataloguePath of this.host.settings.catalogues) {
			for (const paper of this.host.index.get(cataloguePath)?.papers ?? []) {
				for (const note of this.noteFilesOf(paper, cataloguePath)) {
					const keys = map.get(note.path);
					if (keys) keys.add(paper.key);
					else map.set(note.path, new Set([paper.key]));
				}
			}
		}
		this.keysByNote = map;
		return map;
	}

	private keysByNote: Map<string, Set<string>> | null = null;

	/**
	 * Ticks or unticks, in every tracked catalogue, the listings of a paper that do not say so yet: those with one
	 * of its keys (the same URL, or the same title for a paper without one) and those that link one of its notes.
	 */
	private async setListings(keys: ReadonlySet<string>, notePaths: ReadonlySet<string>, checked: boolean, decision: number): Promise<void> {
		for (const cataloguePath of this.host.settings.catalogues) {
			const catalogue = await this.host.index.load(cataloguePath);
			// Decided otherwise meanwhile: the newer decision passes itself on.
			if (!catalogue || !this.isLatest(keys, decision)) continue;
			const ids = catalogue.papers
				.filter((paper) => paper.checkboxOffset !== undefined && paper.checked !== checked)
				.filter((paper) => keys.has(paper.key) || (notePaths.size > 0 && this.noteFilesOf(paper, cataloguePath).some((note) => notePaths.has(note.path))))
				.map((paper) => paper.id);
			if (ids.length === 0) continue;
			try {
				await this.setCheckboxes(cataloguePath, ids, checked);
			} catch (error) {
				showFailure(`Could not ${checked ? "tick" : "untick"} ${ids.length === 1 ? "an item" : `${ids.length} items`} in ${cataloguePath}`, error);
			}
		}
	}

	/**
	 * Ticks or unticks items in a catalogue. When the catalogue is open in an editor the change goes through the
	 * editor, so that it merges with what the user is typing; otherwise through `Vault.process`, atomically. Either
	 * way the checkbox is found again in the text as it is at that moment.
	 */
	async setCheckboxes(cataloguePath: string, paperIds: readonly string[], checked: boolean): Promise<void> {
		const path = normalizePath(cataloguePath);
		// The index usually holds this very text already, so finding the checkboxes costs no parse at all.
		const edit = (text: string): string => withCheckboxes(text, this.host.index.update(path, text), paperIds, checked);
		const editor = openInSourceEditor(this.app, path)?.editor;
		if (editor) {
			const text = editor.getValue();
			const next = edit(text);
			// A checkbox edit changes single characters in place; apply each one as its own small change.
			for (let offset = 0; offset < text.length; offset++) {
				if (text[offset] !== next[offset]) editor.replaceRange(next[offset] ?? "", editor.offsetToPos(offset), editor.offsetToPos(offset + 1));
			}
			this.host.index.update(path, editor.getValue());
			return;
		}
		const file = this.app.vault.getFileByPath(path);
		if (!file) return;
		const written = await this.app.vault.process(file, (text) => edit(text));
		this.host.index.update(path, written);
	}
}
