/**
 * The sync's `NoteVault` over Obsidian's API: `Vault.create` for notes,
 * `createFolder` for missing folders, `Vault.process` for every catalogue
 * edit (through the editor when the catalogue is open in one), reads from
 * the editor while a note is open in one, and the metadata cache for
 * properties and link resolution. Lookups go by path
 * (`getAbstractFileByPath`), never by scanning every file.
 */
import { type App, type Editor, type EditorChange, normalizePath, TFile, TFolder } from "obsidian";
import { readProperties } from "../notes/front-matter";
import { openInSourceEditor } from "./live-text";
import { type ExistingNote, existingNote, type NoteVault, type PathKind } from "../sync/vault";

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

	/** The editor's text while the note is open in one (it saves only ~2 s after the last change), else the file's. */
	read(path: string): Promise<string> {
		const view = openInSourceEditor(this.app, normalizePath(path));
		return view ? Promise.resolve(view.editor.getValue()) : this.app.vault.read(this.file(path));
	}

	async notesIn(folder: string): Promise<ExistingNote[]> {
		const root = folder === "" ? this.app.vault.getRoot() : this.app.vault.getFolderByPath(normalizePath(folder));
		if (!root) return [];
		const notes: ExistingNote[] = [];
		const walk = async (current: TFolder): Promise<void> => {
			for (const child of current.children) {
				if (child instanceof TFolder) await walk(child);
				else if (child instanceof TFile && child.extension === "md") notes.push(await this.identity(child));
			}
		};
		await walk(root);
		return notes;
	}

	async noteAt(path: string): Promise<ExistingNote | null> {
		const file = this.app.vault.getFileByPath(normalizePath(path));
		return file && file.extension === "md" ? this.identity(file) : null;
	}

	private async identity(file: TFile): Promise<ExistingNote> {
		// The metadata cache may not have indexed a note created a moment ago: read that one.
		const cache = this.app.metadataCache.getFileCache(file);
		return existingNote(file.path, cache ? cache.frontmatter : readProperties(await this.app.vault.cachedRead(file)));
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

	async process(path: string, edit: (text: string) => string): Promise<string> {
		const view = openInSourceEditor(this.app, normalizePath(path));
		if (!view) return this.app.vault.process(this.file(path), edit);
		// Open in an editor: a vault write would replace what the user typed since the last save (the sync's
		// notes are written between the plan and the links). Edit the editor's text instead, as a change it merges,
		// then save it, so the file holds what the editor shows.
		const text = view.editor.getValue();
		const next = edit(text);
		replaceChanged(view.editor, text, next);
		await view.save();
		return next;
	}
}

/**
 * Turns the editor's `text` into `next` with the smallest changes, line by line, in one transaction: the cursor
 * and the rest of the text stay where they are. Sync edits insert links and set checkboxes, so lines match up;
 * when they do not, the changed stretch is replaced as a whole.
 */
export function replaceChanged(editor: Editor, text: string, next: string): void {
	if (text === next) return;
	const before = text.split("\n");
	const after = next.split("\n");
	const changes: EditorChange[] = [];
	const span = (a: string, b: string): { start: number; endA: number; endB: number } => {
		let start = 0;
		while (start < a.length && start < b.length && a[start] === b[start]) start++;
		let endA = a.length;
		let endB = b.length;
		while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
			endA--;
			endB--;
		}
		return { start, endA, endB };
	};
	if (before.length === after.length) {
		before.forEach((line, n) => {
			const other = after[n] ?? "";
			if (line === other) return;
			const { start, endA, endB } = span(line, other);
			changes.push({ from: { line: n, ch: start }, to: { line: n, ch: endA }, text: other.slice(start, endB) });
		});
	} else {
		const { start, endA, endB } = span(text, next);
		changes.push({ from: editor.offsetToPos(start), to: editor.offsetToPos(endA), text: next.slice(start, endB) });
	}
	editor.transaction({ changes });
}
