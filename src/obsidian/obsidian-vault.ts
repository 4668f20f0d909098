/**
 * The sync's `NoteVault` over Obsidian's API: `Vault.create` for notes,
 * `createFolder` for missing folders, `Vault.process` for every catalogue
 * edit (through the editor when the catalogue is open in one), reads from
 * the editor while a note is open in one, and the metadata cache for
 * properties and link resolution. Lookups go by path
 * (`getAbstractFileByPath`), never by scanning every file.
 */
import { type App, type Editor, type EditorChange, type MarkdownView, normalizePath, TFile, TFolder } from "obsidian";
import { readProperties, splitFrontMatter } from "../notes/front-matter";
import { openInSourceEditor } from "./live-text";
import { yieldToUi } from "./yield-to-ui";
import type { NotePropertyStore } from "../details/note-properties";
import { type ExistingNote, existingNote, type NoteVault, type PathKind } from "../sync/vault";

export class ObsidianVault implements NoteVault, NotePropertyStore {
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

	/**
	 * The metadata cache's properties (indexed a moment after a change), else the note's own front matter: `{}` for
	 * a note without any (processFrontMatter adds it), null when it is not valid YAML.
	 */
	async propertiesOf(path: string): Promise<Record<string, unknown> | null> {
		const file = this.file(path);
		const frontmatter = this.app.metadataCache.getFileCache(file)?.frontmatter;
		if (frontmatter) return { ...frontmatter };
		const text = await this.read(path);
		return splitFrontMatter(text).yaml === null ? {} : readProperties(text);
	}

	updateProperties(path: string, edit: (properties: Record<string, unknown>) => void): Promise<void> {
		return this.app.fileManager.processFrontMatter(this.file(path), edit);
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
		const normalized = normalizePath(path);
		// The view editing this note now. Looked up again after every pause and never kept across one: a tab that
		// opens another note keeps its view and its editor, which then show that other note.
		const editing = (): MarkdownView | null => openInSourceEditor(this.app, normalized);
		let view = editing();
		if (!view) return this.app.vault.process(this.file(path), edit);
		// Open in an editor: a vault write would replace what the user typed since the last save (the sync's
		// notes are written between the plan and the links). Edit the editor's text instead, as changes it merges,
		// then save it, so the file holds what the editor shows.
		let pending: EditorChange[];
		for (;;) {
			const text = view.editor.getValue();
			// Thousands of links are thousands of changed lines: they are found in slices, and found again if the
			// user types meanwhile (the edit is worked out from the text as it is then).
			pending = await editorChangesInSlices(view.editor, text, edit(text), yieldToUi);
			const now = editing();
			// Closed meanwhile (Obsidian saved it): all of it through the file.
			if (!now) return this.app.vault.process(this.file(path), edit);
			if (now === view && now.editor.getValue() === text) break;
			view = now;
		}
		while (pending.length > 0) {
			// A few hundred changes per transaction, from the end of the note back, so the changes still to come keep
			// their positions, and the editor answers in between.
			view.editor.transaction({ changes: pending.splice(Math.max(0, pending.length - CHANGES_PER_TRANSACTION)) });
			if (pending.length === 0) break;
			const expected = view.editor.getValue();
			await yieldToUi();
			const now = editing();
			// Closed meanwhile (Obsidian saved what was done so far): the rest through the file.
			if (!now) return this.app.vault.process(this.file(path), edit);
			// The user typed, or the note now shows in another view: the rest is worked out again from its text.
			if (now !== view || now.editor.getValue() !== expected) {
				view = now;
				const text = view.editor.getValue();
				pending = editorChanges(view.editor, text, edit(text));
			}
		}
		await view.save();
		return view.editor.getValue();
	}
}

/** Changes per editor transaction when a sync edit is applied in steps. */
const CHANGES_PER_TRANSACTION = 500;

/**
 * The smallest changes, line by line, that turn the editor's `text` into `next`, in document order, positions in
 * `text`: the cursor and the rest of the text stay where they are. Sync edits insert links and set checkboxes, so
 * lines match up; when they do not, the changed stretch is one change.
 */
export function editorChanges(editor: Editor, text: string, next: string): EditorChange[] {
	const lines = linesOf(text, next);
	if (lines === null) return wholeStretch(editor, text, next);
	const changes: EditorChange[] = [];
	for (let n = 0; n < lines.before.length; n++) lineChange(lines.before, lines.after, n, changes);
	return changes;
}

/** The same, yielding through `pause` every few milliseconds: a long catalogue has thousands of lines to compare. */
export async function editorChangesInSlices(editor: Editor, text: string, next: string, pause: () => Promise<void>): Promise<EditorChange[]> {
	const lines = linesOf(text, next);
	if (lines === null) return wholeStretch(editor, text, next);
	const changes: EditorChange[] = [];
	let sliceStart = performance.now();
	for (let n = 0; n < lines.before.length; n++) {
		lineChange(lines.before, lines.after, n, changes);
		if ((n & 255) === 255 && performance.now() - sliceStart >= DIFF_SLICE_MS) {
			await pause();
			sliceStart = performance.now();
		}
	}
	return changes;
}

const DIFF_SLICE_MS = 8;

/** Both texts' lines when they have as many (then each line is compared with its own), else null. */
function linesOf(text: string, next: string): { before: string[]; after: string[] } | null {
	if (text === next) return { before: [], after: [] };
	const before = text.split("\n");
	const after = next.split("\n");
	return before.length === after.length ? { before, after } : null;
}

function wholeStretch(editor: Editor, text: string, next: string): EditorChange[] {
	const { start, endA, endB } = span(text, next);
	return [{ from: editor.offsetToPos(start), to: editor.offsetToPos(endA), text: next.slice(start, endB) }];
}

function lineChange(before: readonly string[], after: readonly string[], n: number, into: EditorChange[]): void {
	const line = before[n] ?? "";
	const other = after[n] ?? "";
	if (line === other) return;
	const { start, endA, endB } = span(line, other);
	into.push({ from: { line: n, ch: start }, to: { line: n, ch: endA }, text: other.slice(start, endB) });
}

/**
 * Where two texts start and stop differing: halving searches over native string compares, since a sync edit
 * changes thousands of lines of a long catalogue and a character-by-character walk costs a frame at 10,000.
 */
function span(a: string, b: string): { start: number; endA: number; endB: number } {
	let low = 0;
	let high = Math.min(a.length, b.length);
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if (a.slice(0, mid) === b.slice(0, mid)) low = mid;
		else high = mid - 1;
	}
	const start = low;
	low = 0;
	high = Math.min(a.length, b.length) - start;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if (a.slice(a.length - mid) === b.slice(b.length - mid)) low = mid;
		else high = mid - 1;
	}
	return { start, endA: a.length - low, endB: b.length - low };
}
