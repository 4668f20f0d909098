/**
 * Keeps catalogue checkboxes and paper notes' `status` in step, both ways.
 *
 * Ticking an item sets its note to `read` (with today's date); unticking sets
 * it back to `unread`. Changing a note's `status` ticks or unticks its items.
 * Only real changes travel: a note's status is compared with the last status
 * we saw for it, so editing a review never touches the catalogue, and every
 * write is skipped when both sides already agree, so nothing loops.
 */
import { type App, type CachedMetadata, normalizePath, type TFile } from "obsidian";
import { checkboxChanges, withCheckboxes } from "../catalogue/edits";
import type { Catalogue, Paper } from "../catalogue/model";
import { readProperties } from "../notes/front-matter";
import type { PaperCatalogueSettings } from "../settings";
import { applyCheckboxToProperties, isDone, type ReadingStatus, readingStatus } from "../progress/reading-status";
import type { CatalogueIndex } from "./catalogue-index";
import { openInSourceEditor } from "./obsidian-vault";

export interface StatusSyncHost {
	app: App;
	settings: PaperCatalogueSettings;
	index: CatalogueIndex;
	registerEvent(ref: ReturnType<App["vault"]["on"]>): void;
}

export class StatusSync {
	/** The last status seen for each paper note, to tell a status change from any other edit. */
	private readonly lastStatus = new Map<string, ReadingStatus>();
	/** The status write under way for each note, so that the next one waits for it. */
	private readonly noteWrites = new Map<string, Promise<void>>();

	constructor(private readonly host: StatusSyncHost) {}

	private get app(): App {
		return this.host.app;
	}

	register(): void {
		const { app, index } = this.host;
		this.host.registerEvent(index.onChanged((path, before, after) => void this.onCatalogueChanged(path, before, after)));
		// A catalogue parsed before it was tracked sends no "changed" when it becomes tracked: remember its notes'
		// statuses now, or the first status change of each would not be recognised as one.
		this.host.registerEvent(
			index.onTrackedChanged(() => {
				for (const path of this.host.settings.catalogues) {
					const catalogue = index.get(path);
					if (catalogue) this.remember(catalogue, path);
				}
			}),
		);
		this.host.registerEvent(app.metadataCache.on("changed", (file, _data, cache) => void this.onNoteChanged(file, cache)));
		this.host.registerEvent(
			app.vault.on("rename", (file, oldPath) => {
				const status = this.lastStatus.get(oldPath);
				if (status === undefined) return;
				this.lastStatus.delete(oldPath);
				this.lastStatus.set(file.path, status);
			}),
		);
	}

	private isTracked(path: string): boolean {
		return this.host.settings.catalogues.includes(path);
	}

	/** The note files an item links, resolved as Obsidian resolves them. */
	noteFilesOf(paper: Paper, cataloguePath: string): TFile[] {
		return paper.noteLinks.flatMap((target) => {
			const file = this.app.metadataCache.getFirstLinkpathDest(target, cataloguePath);
			return file ? [file] : [];
		});
	}

	private statusOf(file: TFile): ReadingStatus | undefined {
		const frontmatter = this.app.metadataCache.getFileCache(file)?.frontmatter;
		return frontmatter && "status" in frontmatter ? readingStatus(frontmatter.status) : undefined;
	}

	/** Remembers the notes' current statuses, so that their first change is recognised as one. */
	private remember(catalogue: Catalogue, cataloguePath: string): void {
		for (const paper of catalogue.papers) {
			for (const file of this.noteFilesOf(paper, cataloguePath)) {
				if (this.lastStatus.has(file.path)) continue;
				const status = this.statusOf(file);
				if (status !== undefined) this.lastStatus.set(file.path, status);
			}
		}
	}

	private async onCatalogueChanged(path: string, before: Catalogue | null, after: Catalogue): Promise<void> {
		if (!this.isTracked(path)) return;
		this.remember(after, path);
		if (!this.host.settings.syncStatus || !before) return;
		for (const paper of checkboxChanges(before, after)) {
			for (const file of this.noteFilesOf(paper, path)) await this.setNoteStatus(file, paper.checked);
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
	 * Marks a paper note as read or unread and, when sync is on, ticks or unticks the items that link it. The
	 * commands use this: `setNoteStatus` records the status it writes, so the metadata change that follows is
	 * (rightly, for a write that followed a checkbox) not taken for a status change to pass on.
	 */
	async setPaperStatus(file: TFile, read: boolean): Promise<void> {
		await this.setNoteStatus(file, read);
		if (this.host.settings.syncStatus) await this.setItemsOf(file, read);
	}

	private async onNoteChanged(file: TFile, cache: CachedMetadata): Promise<void> {
		const frontmatter = cache.frontmatter;
		if (!frontmatter || !("status" in frontmatter)) return;
		const status = readingStatus(frontmatter.status);
		const previous = this.lastStatus.get(file.path);
		this.lastStatus.set(file.path, status);
		if (!this.host.settings.syncStatus || previous === undefined || previous === status) return;
		await this.setItemsOf(file, isDone(status));
	}

	/** Ticks or unticks, in every tracked catalogue, the items that link a note and do not say so yet. */
	private async setItemsOf(file: TFile, checked: boolean): Promise<void> {
		for (const cataloguePath of this.host.settings.catalogues) {
			const catalogue = await this.host.index.load(cataloguePath);
			if (!catalogue) continue;
			const papers = catalogue.papers.filter((paper) => paper.checked !== checked && this.noteFilesOf(paper, cataloguePath).some((note) => note.path === file.path));
			if (papers.length > 0) await this.setCheckboxes(cataloguePath, papers.map((paper) => paper.id), checked);
		}
	}

	/**
	 * Ticks or unticks items in a catalogue. When the catalogue is open in an
	 * editor the change goes through the editor, so that it merges with what the
	 * user is typing; otherwise through `Vault.process`, atomically. Either way the
	 * checkbox is found again in the text as it is at that moment.
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
