/**
 * An in-memory `NoteVault` for sync tests: a map of paths to texts, with the
 * same contract as the real adapters (create refuses an existing path, folders
 * must exist, process is atomic). `failOn` makes chosen writes fail.
 */
import { readProperties } from "../../src/notes/front-matter";
import { baseName, normalizeVaultPath, parentFolder } from "../../src/notes/vault-path";
import { type ExistingNote, existingNote, type NoteVault, type PathKind } from "../../src/sync/vault";

export class MemoryVault implements NoteVault {
	readonly files = new Map<string, string>();
	readonly folders = new Set<string>();
	/** Every write, in order, as "create path", "folder path" or "process path". */
	readonly writes: string[] = [];
	/** Return true to make that write (by its 1-based number among all writes) fail. */
	failOn: (write: number, description: string) => boolean = () => false;

	constructor(files: Record<string, string> = {}) {
		for (const [path, text] of Object.entries(files)) this.seed(path, text);
	}

	seed(path: string, text: string): void {
		const normalized = normalizeVaultPath(path);
		this.files.set(normalized, text);
		let folder = parentFolder(normalized);
		while (folder !== "") {
			this.folders.add(folder);
			folder = parentFolder(folder);
		}
	}

	private write(description: string): void {
		this.writes.push(description);
		if (this.failOn(this.writes.length, description)) throw new Error(`simulated failure of write ${this.writes.length} (${description})`);
	}

	kind(path: string): Promise<PathKind | null> {
		const normalized = normalizeVaultPath(path);
		if (this.files.has(normalized)) return Promise.resolve("file");
		return Promise.resolve(this.folders.has(normalized) ? "folder" : null);
	}

	read(path: string): Promise<string> {
		const text = this.files.get(normalizeVaultPath(path));
		return text === undefined ? Promise.reject(new Error(`${path} does not exist`)) : Promise.resolve(text);
	}

	notesIn(folder: string): Promise<ExistingNote[]> {
		const prefix = folder === "" ? "" : `${normalizeVaultPath(folder)}/`;
		const notes = [...this.files].filter(([path]) => path.startsWith(prefix) && path.endsWith(".md")).map(([path, text]) => existingNote(path, readProperties(text)));
		return Promise.resolve(notes);
	}

	noteAt(path: string): Promise<ExistingNote | null> {
		const normalized = normalizeVaultPath(path);
		const text = this.files.get(normalized);
		return Promise.resolve(text === undefined ? null : existingNote(normalized, readProperties(text)));
	}

	resolveLink(target: string, sourcePath: string): Promise<string | null> {
		const withExtension = target.endsWith(".md") ? target : `${target}.md`;
		for (const candidate of [normalizeVaultPath(withExtension), normalizeVaultPath(`${parentFolder(sourcePath)}/${withExtension}`)]) {
			if (this.files.has(candidate)) return Promise.resolve(candidate);
		}
		if (target.includes("/")) return Promise.resolve(null);
		const match = [...this.files.keys()].find((path) => baseName(path).toLowerCase() === baseName(target).toLowerCase());
		return Promise.resolve(match ?? null);
	}

	createFolder(path: string): Promise<void> {
		const normalized = normalizeVaultPath(path);
		try {
			this.write(`folder ${normalized}`);
		} catch (error) {
			return Promise.reject(error instanceof Error ? error : new Error(String(error)));
		}
		if (this.folders.has(normalized) || this.files.has(normalized)) return Promise.reject(new Error(`${path} already exists`));
		const parent = parentFolder(normalized);
		if (parent !== "" && !this.folders.has(parent)) return Promise.reject(new Error(`${parent} does not exist`));
		this.folders.add(normalized);
		return Promise.resolve();
	}

	create(path: string, content: string): Promise<void> {
		const normalized = normalizeVaultPath(path);
		try {
			this.write(`create ${normalized}`);
		} catch (error) {
			return Promise.reject(error instanceof Error ? error : new Error(String(error)));
		}
		if (this.files.has(normalized) || this.folders.has(normalized)) return Promise.reject(new Error(`${path} already exists`));
		const parent = parentFolder(normalized);
		if (parent !== "" && !this.folders.has(parent)) return Promise.reject(new Error(`${parent} does not exist`));
		this.files.set(normalized, content);
		return Promise.resolve();
	}

	process(path: string, edit: (text: string) => string): Promise<string> {
		const normalized = normalizeVaultPath(path);
		const current = this.files.get(normalized);
		if (current === undefined) return Promise.reject(new Error(`${path} does not exist`));
		try {
			this.write(`process ${normalized}`);
			const next = edit(current);
			this.files.set(normalized, next);
			return Promise.resolve(next);
		} catch (error) {
			return Promise.reject(error instanceof Error ? error : new Error(String(error)));
		}
	}

	/** All files, for byte-for-byte comparisons. */
	snapshot(): Map<string, string> {
		return new Map(this.files);
	}
}
