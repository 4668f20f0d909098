/**
 * Keeps catalogue checkboxes and paper notes' `status` in step, both ways.
 *
 * Ticking an item sets its note to `read` (with today's date); unticking sets
 * it back to `unread`. Changing a note's `status` ticks or unticks its items.
 * Only real changes travel: a note's status is compared with the last status
 * we saw for it, so editing a review never touches the catalogue, and every
 * write is skipped when both sides already agree, so nothing loops.
 */
import { type App, type CachedMetadata, MarkdownView, normalizePath, TFile } from "obsidian";
import { checkboxChanges, withCheckbox } from "../catalogue/edits";
import type { Catalogue, Paper } from "../catalogue/model";
import { CatalogueParser } from "../catalogue/parse";
import type { PaperCatalogueSettings } from "../settings";
import { applyCheckboxToProperties, isDone, type ReadingStatus, readingStatus } from "../status";
import type { CatalogueIndex } from "./catalogue-index";

export interface StatusSyncHost {
	app: App;
	settings: PaperCatalogueSettings;
	index: CatalogueIndex;
	registerEvent(ref: ReturnType<App["vault"]["on"]>): void;
}

export class StatusSync {
	/** The last status seen for each paper note, to tell a status change from any other edit. */
	private readonly lastStatus = new Map<string, ReadingStatus>();

	constructor(private readonly host: StatusSyncHost) {}

	private get app(): App {
		return this.host.app;
	}

	register(): void {
		const { app, index } = this.host;
		this.host.registerEvent(index.onChanged((path, before, after) => void this.onCatalogueChanged(path, before, after)));
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
	async setNoteStatus(file: TFile, checked: boolean): Promise<void> {
		const status = this.statusOf(file);
		if (status !== undefined && isDone(status) === checked) return;
		let changed = false;
		await this.app.fileManager.processFrontMatter(file, (frontmatter: Record<string, unknown>) => {
			changed = applyCheckboxToProperties(frontmatter, checked, new Date(), this.host.settings.dateFormat);
		});
		if (changed) this.lastStatus.set(file.path, checked ? "read" : "unread");
	}

	private async onNoteChanged(file: TFile, cache: CachedMetadata): Promise<void> {
		const frontmatter = cache.frontmatter;
		if (!frontmatter || !("status" in frontmatter)) return;
		const status = readingStatus(frontmatter.status);
		const previous = this.lastStatus.get(file.path);
		this.lastStatus.set(file.path, status);
		if (!this.host.settings.syncStatus || previous === undefined || previous === status) return;
		for (const cataloguePath of this.host.settings.catalogues) {
			const catalogue = await this.host.index.load(cataloguePath);
			if (!catalogue) continue;
			const papers = catalogue.papers.filter((paper) => paper.checked !== isDone(status) && this.noteFilesOf(paper, cataloguePath).some((note) => note.path === file.path));
			if (papers.length > 0) await this.setCheckboxes(cataloguePath, papers.map((paper) => paper.id), isDone(status));
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
		const parser = new CatalogueParser();
		const edit = (text: string): string => paperIds.reduce((current, id) => withCheckbox(current, id, checked, parser) ?? current, text);
		const editor = this.openEditor(path);
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

	private openEditor(path: string): MarkdownView["editor"] | null {
		let editor: MarkdownView["editor"] | null = null;
		this.app.workspace.iterateAllLeaves((leaf) => {
			if (!editor && leaf.view instanceof MarkdownView && leaf.view.file?.path === path && leaf.view.getMode() === "source") editor = leaf.view.editor;
		});
		return editor;
	}
}
