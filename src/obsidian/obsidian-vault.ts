/**
 * The sync's `NoteVault` over Obsidian's API: `Vault.create` for notes,
 * `createFolder` for missing folders, `Vault.process` for every catalogue
 * edit, and the metadata cache for properties and link resolution. Lookups go
 * by path (`getAbstractFileByPath`), never by scanning every file.
 */
import { type App, normalizePath, TFile, TFolder } from "obsidian";
import { readProperties } from "../notes/front-matter";
import type { ExistingNote, NoteVault, PathKind } from "../sync/vault";

export class ObsidianVault implements NoteVault {
	constructor(private readonly app: App) {}

	private file(path: string): TFile {
		const file = this.app.vault.getFileByPath(normalizePath(path));
		if (!file) throw new Error(`${path} does not exist`);
		return file;
	}

	kind(path: string): Promise<PathKind | null> {
		const found = this.app.vault.getAbstractFileByPath(normalizePath(path));
		return Promise.resolve(found instanceof TFolder ? "folder" : found instanceof TFile ? "file" : null);
	}

	read(path: string): Promise<string> {
		return this.app.vault.read(this.file(path));
	}

	async notesIn(folder: string): Promise<ExistingNote[]> {
		const root = folder === "" ? this.app.vault.getRoot() : this.app.vault.getFolderByPath(normalizePath(folder));
		if (!root) return [];
		const notes: ExistingNote[] = [];
		const walk = async (current: TFolder): Promise<void> => {
			for (const child of current.children) {
				if (child instanceof TFolder) {
					await walk(child);
				} else if (child instanceof TFile && child.extension === "md") {
					// The metadata cache may not have indexed a note created a moment ago: read that one.
					const cache = this.app.metadataCache.getFileCache(child);
					const url: unknown = cache ? cache.frontmatter?.url : readProperties(await this.app.vault.cachedRead(child))?.url;
					notes.push(typeof url === "string" ? { path: child.path, url } : { path: child.path });
				}
			}
		};
		await walk(root);
		return notes;
	}

	resolveLink(target: string, sourcePath: string): Promise<string | null> {
		return Promise.resolve(this.app.metadataCache.getFirstLinkpathDest(target, sourcePath)?.path ?? null);
	}

	async createFolder(path: string): Promise<void> {
		await this.app.vault.createFolder(normalizePath(path));
	}

	async create(path: string, content: string): Promise<void> {
		await this.app.vault.create(normalizePath(path), content);
	}

	process(path: string, edit: (text: string) => string): Promise<string> {
		return this.app.vault.process(this.file(path), edit);
	}
}
