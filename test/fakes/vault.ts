/**
 * An in-memory vault: `TAbstractFile`/`TFile`/`TFolder`, `Vault` and its `DataAdapter` (`FileSystemAdapter`).
 *
 * One store holds every file and folder, hidden ones included (the config folder, `.trash`); the vault indexes
 * the visible ones (no path segment starting with `.`) as `TFile`/`TFolder` objects, like Obsidian, which does not
 * index dot-folders. Adapter writes to visible paths show up in the vault with the same events as vault writes
 * (standing in for Obsidian's file watcher).
 *
 * Behaviour choices, each matching Obsidian as far as its docs, error messages and plugin reports tell:
 * - Every async method settles on a later microtask, never synchronously, so tests can interleave calls; calls
 *   made in one tick apply in call order. Events fire before the returned promise settles.
 * - `create`/`createBinary`/`createFolder`/`copy`/`rename` normalize the target path with `normalizePath`; the
 *   lookups (`getAbstractFileByPath`…) take the path as given, so un-normalized lookups miss like in Obsidian.
 * - `create` rejects with `Error("File already exists.")` when anything is at the path, and rejects with an
 *   ENOENT error when the parent folder is missing: Obsidian does not create parent folders for a new file
 *   (plugins call `createFolder` first; a plugin that relied on it sees "rejects when parent folder absent" on a
 *   fresh vault). `createFolder` rejects with `Error("Folder already exists.")`, and creates missing ancestors
 *   (the adapter's `mkdir` is recursive), firing `create` for each new folder, outermost first.
 * - `rename` rejects with `Error("Destination file already exists!")` when the target exists and with ENOENT
 *   when the target's folder is missing; renaming a folder fires `rename` for the folder, then for each
 *   descendant (with its own old path). `delete`/`trash` of a folder fire `delete` for each descendant (deepest
 *   first), then for the folder.
 * - `process` reads, applies `fn` synchronously and writes in one step (nothing else can run in between), fires
 *   one `modify` even when the text is unchanged (Obsidian writes it back), and resolves to the written text.
 * - Paths are case-sensitive (like a Linux file system).
 * - `trash(file, false)` moves the item under the hidden `.trash` folder; `trash(file, true)` removes it (see
 *   `trashedPaths` in harness.ts for both).
 * - `mtime` strictly increases with every write, so two writes in the same millisecond still differ.
 */
import { Events, type EventRef } from "./events";
import { fsError, microtask } from "./internal";
import type { DataWriteOptions, FileStats, ListedFiles, Stat } from "./types";
import { normalizePath, toArrayBuffer } from "./util";

export abstract class TAbstractFile {
	vault!: Vault;
	path = "";
	name = "";
	parent: TFolder | null = null;
}

export class TFile extends TAbstractFile {
	stat: FileStats = { ctime: 0, mtime: 0, size: 0 };
	basename = "";
	extension = "";
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];

	isRoot(): boolean {
		return this.parent === null && this.path === "/";
	}
}

/** What the vault reports to the rest of the fake app (metadata cache, workspace); no `Events` listeners. */
export interface VaultHooks {
	created(file: TAbstractFile): void;
	modified(file: TFile): void;
	deleted(file: TAbstractFile): void;
	renamed(file: TAbstractFile, oldPath: string): void;
	/** A file in a hidden folder (the config folder) was written: Obsidian watches its plugins' data.json. */
	hiddenWritten?(path: string): void;
}

interface StoredFile {
	kind: "file";
	data: string | Uint8Array;
	ctime: number;
	mtime: number;
}

interface StoredFolder {
	kind: "folder";
	ctime: number;
	mtime: number;
}

type Stored = StoredFile | StoredFolder;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function textOf(data: string | Uint8Array): string {
	return typeof data === "string" ? data : decoder.decode(data);
}

function bytesOf(data: string | Uint8Array): Uint8Array {
	return typeof data === "string" ? encoder.encode(data) : data;
}

function parentPathOf(path: string): string {
	const slash = path.lastIndexOf("/");
	return slash <= 0 ? "/" : path.slice(0, slash);
}

function nameOf(path: string): string {
	return path === "/" ? "" : path.slice(path.lastIndexOf("/") + 1);
}

function isHidden(path: string): boolean {
	return path.split("/").some((segment) => segment.startsWith("."));
}

/** Adapter paths: "" and "/" both name the root. */
function adapterPath(path: string): string {
	return path === "" ? "/" : path;
}

function setFilePath(file: TAbstractFile, path: string): void {
	file.path = path;
	file.name = nameOf(path);
	if (file instanceof TFile) {
		const dot = file.name.lastIndexOf(".");
		file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
		file.extension = dot > 0 ? file.name.slice(dot + 1) : "";
	}
}

export interface VaultOptions {
	name?: string;
	configDir?: string;
}

export class Vault extends Events {
	adapter: FileSystemAdapter;
	configDir: string;

	private readonly vaultName: string;
	private readonly store = new Map<string, Stored>();
	private readonly index = new Map<string, TAbstractFile>();
	/** Indexed files by lower-case name (`note.md`), for the metadata cache's link lookups by name. */
	private readonly filesByName = new Map<string, Set<TFile>>();
	private readonly root: TFolder;
	private readonly hooks: VaultHooks;
	private lastTime = 0;
	/** Paths removed through `trash(file, true)`, for harness.ts. */
	private readonly systemTrash: string[] = [];

	constructor(options: VaultOptions = {}, hooks?: VaultHooks) {
		super();
		this.vaultName = options.name ?? "Test vault";
		this.configDir = options.configDir ?? `.obsidian`;
		this.hooks = hooks ?? { created: () => undefined, modified: () => undefined, deleted: () => undefined, renamed: () => undefined };
		this.root = new TFolder();
		this.root.vault = this;
		setFilePath(this.root, "/");
		const now = this.now();
		this.store.set("/", { kind: "folder", ctime: now, mtime: now });
		this.index.set("/", this.root);
		this.adapter = new FileSystemAdapter(this);
	}

	override on(name: "create", callback: (file: TAbstractFile) => unknown, ctx?: unknown): EventRef;
	override on(name: "modify", callback: (file: TAbstractFile) => unknown, ctx?: unknown): EventRef;
	override on(name: "delete", callback: (file: TAbstractFile) => unknown, ctx?: unknown): EventRef;
	override on(name: "rename", callback: (file: TAbstractFile, oldPath: string) => unknown, ctx?: unknown): EventRef;
	override on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
		return super.on(name, callback as (...data: unknown[]) => unknown, ctx);
	}

	getName(): string {
		return this.vaultName;
	}

	getFileByPath(path: string): TFile | null {
		const file = this.index.get(path);
		return file instanceof TFile ? file : null;
	}

	getFolderByPath(path: string): TFolder | null {
		const folder = this.index.get(path);
		return folder instanceof TFolder ? folder : null;
	}

	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.index.get(path) ?? null;
	}

	getRoot(): TFolder {
		return this.root;
	}

	async create(path: string, data: string, options?: DataWriteOptions): Promise<TFile> {
		await microtask();
		return this.createFile(normalizePath(path), data, options);
	}

	async createBinary(path: string, data: ArrayBuffer, options?: DataWriteOptions): Promise<TFile> {
		await microtask();
		return this.createFile(normalizePath(path), new Uint8Array(data.slice(0)), options);
	}

	async createFolder(path: string): Promise<TFolder> {
		await microtask();
		const normalized = normalizePath(path);
		if (this.store.has(normalized)) throw new Error("Folder already exists.");
		this.makeFolders(normalized);
		return this.folderObject(normalized);
	}

	async read(file: TFile): Promise<string> {
		await microtask();
		return textOf(this.storedFile(file).data);
	}

	async cachedRead(file: TFile): Promise<string> {
		await microtask();
		return textOf(this.storedFile(file).data);
	}

	async readBinary(file: TFile): Promise<ArrayBuffer> {
		await microtask();
		return toArrayBuffer(bytesOf(this.storedFile(file).data));
	}

	getResourcePath(file: TFile): string {
		return `app://local/${encodeURI(file.path)}?${file.stat.mtime}`;
	}

	async delete(file: TAbstractFile, force?: boolean): Promise<void> {
		return this.discard(file, "delete");
	}

	async trash(file: TAbstractFile, system: boolean): Promise<void> {
		return this.discard(file, system ? "system" : "local");
	}

	async rename(file: TAbstractFile, newPath: string): Promise<void> {
		await microtask();
		this.requireLive(file, "rename");
		this.movePath(file.path, normalizePath(newPath));
	}

	async modify(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
		await microtask();
		this.storedFile(file);
		this.writeFile(file.path, data, options);
	}

	async modifyBinary(file: TFile, data: ArrayBuffer, options?: DataWriteOptions): Promise<void> {
		await microtask();
		this.storedFile(file);
		this.writeFile(file.path, new Uint8Array(data.slice(0)), options);
	}

	async append(file: TFile, data: string, options?: DataWriteOptions): Promise<void> {
		await microtask();
		const stored = this.storedFile(file);
		this.writeFile(file.path, textOf(stored.data) + data, options);
	}

	async process(file: TFile, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
		await microtask();
		const current = textOf(this.storedFile(file).data);
		const next = fn(current);
		this.writeFile(file.path, next, options);
		return next;
	}

	async copy<T extends TAbstractFile>(file: T, newPath: string): Promise<T> {
		await microtask();
		this.requireLive(file, "copyfile");
		const target = normalizePath(newPath);
		if (this.store.has(target)) throw new Error("File already exists.");
		this.requireFolder(parentPathOf(target), "copyfile", target);
		this.copyPath(file.path, target);
		return this.index.get(target) as T;
	}

	getAllLoadedFiles(): TAbstractFile[] {
		return [...this.index.values()];
	}

	getAllFolders(includeRoot?: boolean): TFolder[] {
		const folders: TFolder[] = [];
		for (const file of this.index.values()) if (file instanceof TFolder && (includeRoot === true || file !== this.root)) folders.push(file);
		return folders;
	}

	static recurseChildren(root: TFolder, cb: (file: TAbstractFile) => unknown): void {
		cb(root);
		for (const child of [...root.children]) {
			if (child instanceof TFolder) Vault.recurseChildren(child, cb);
			else cb(child);
		}
	}

	getMarkdownFiles(): TFile[] {
		return this.getFiles().filter((file) => file.extension === "md");
	}

	getFiles(): TFile[] {
		const files: TFile[] = [];
		for (const file of this.index.values()) if (file instanceof TFile) files.push(file);
		return files;
	}

	// ---- the store; shared with the adapter and harness.ts --------------------------------------------------

	/** `delete`/`trash`, and `FileManager.trashFile` by the user's preference. */
	private async discard(file: TAbstractFile, how: "delete" | "system" | "local"): Promise<void> {
		await microtask();
		this.requireLive(file, "unlink");
		if (file === this.root) throw new Error("Cannot delete the vault root.");
		if (how === "delete") this.removePath(file.path);
		else if (how === "system") this.trashToSystem(file.path);
		else this.trashToLocal(file.path);
	}

	private now(): number {
		this.lastTime = Math.max(Date.now(), this.lastTime + 1);
		return this.lastTime;
	}

	private requireLive(file: TAbstractFile, syscall: string): void {
		if (this.index.get(file.path) !== file) throw fsError("ENOENT", syscall, file.path);
	}

	private storedFile(file: TFile): StoredFile {
		const stored = this.store.get(file.path);
		if (this.index.get(file.path) !== file || stored?.kind !== "file") throw fsError("ENOENT", "open", file.path);
		return stored;
	}

	private requireFolder(path: string, syscall: string, forPath: string): void {
		const stored = this.store.get(path);
		if (stored === undefined) throw fsError("ENOENT", syscall, forPath);
		if (stored.kind !== "folder") throw fsError("ENOTDIR", syscall, forPath);
	}

	private folderObject(path: string): TFolder {
		const folder = this.index.get(path);
		if (folder instanceof TFolder) return folder;
		// A hidden folder: not indexed, but `createFolder` still hands back an object for it.
		const detached = new TFolder();
		detached.vault = this;
		setFilePath(detached, path);
		return detached;
	}

	private createFile(path: string, data: string | Uint8Array, options?: DataWriteOptions): TFile {
		if (this.store.has(path)) throw new Error("File already exists.");
		this.requireFolder(parentPathOf(path), "open", path);
		this.writeFile(path, data, options);
		const file = this.index.get(path);
		if (file instanceof TFile) return file;
		const detached = new TFile();
		detached.vault = this;
		setFilePath(detached, path);
		return detached;
	}

	/** Creates or overwrites a file whose folder exists; indexes it and fires `create`/`modify` when visible. */
	private writeFile(path: string, data: string | Uint8Array, options?: DataWriteOptions): void {
		const existing = this.store.get(path);
		if (existing?.kind === "folder") throw fsError("EISDIR", "open", path);
		if (existing === undefined) this.requireFolder(parentPathOf(path), "open", path);
		const now = this.now();
		const stored: StoredFile = { kind: "file", data, ctime: options?.ctime ?? existing?.ctime ?? now, mtime: options?.mtime ?? now };
		this.store.set(path, stored);
		if (isHidden(path)) {
			this.hooks.hiddenWritten?.(path);
			return;
		}
		const known = this.index.get(path);
		if (known instanceof TFile) {
			known.stat = this.statOf(stored);
			this.trigger("modify", known);
			this.hooks.modified(known);
			return;
		}
		const file = new TFile();
		file.vault = this;
		setFilePath(file, path);
		file.stat = this.statOf(stored);
		this.attach(file);
		this.trigger("create", file);
		this.hooks.created(file);
	}

	private statOf(stored: StoredFile): FileStats {
		return { ctime: stored.ctime, mtime: stored.mtime, size: bytesOf(stored.data).byteLength };
	}

	private attach(file: TAbstractFile): void {
		const parent = this.index.get(parentPathOf(file.path));
		if (!(parent instanceof TFolder)) throw new Error(`obsidian fake: no folder for ${file.path}`);
		file.parent = parent;
		parent.children.push(file);
		this.index.set(file.path, file);
		this.nameIndexed(file, true);
	}

	private nameIndexed(file: TAbstractFile, on: boolean): void {
		if (!(file instanceof TFile)) return;
		const name = file.name.toLowerCase();
		let files = this.filesByName.get(name);
		if (on) {
			if (!files) this.filesByName.set(name, (files = new Set()));
			files.add(file);
		} else if (files) {
			files.delete(file);
			if (files.size === 0) this.filesByName.delete(name);
		}
	}

	/** Indexed files with this name (any case), for harness-side lookups by name. */
	private filesNamed(name: string): TFile[] {
		return [...(this.filesByName.get(name.toLowerCase()) ?? [])];
	}

	private detachFromParent(file: TAbstractFile): void {
		const parent = file.parent;
		if (parent === null) return;
		const at = parent.children.indexOf(file);
		if (at !== -1) parent.children.splice(at, 1);
	}

	/** mkdir -p: creates the missing folders, outermost first, firing `create` for each visible one. */
	private makeFolders(path: string): void {
		if (path === "/") return;
		const existing = this.store.get(path);
		if (existing?.kind === "folder") return;
		if (existing?.kind === "file") throw fsError("EEXIST", "mkdir", path);
		this.makeFolders(parentPathOf(path));
		const now = this.now();
		this.store.set(path, { kind: "folder", ctime: now, mtime: now });
		if (isHidden(path)) return;
		const folder = new TFolder();
		folder.vault = this;
		setFilePath(folder, path);
		this.attach(folder);
		this.trigger("create", folder);
		this.hooks.created(folder);
	}

	/** The path and every stored path below it, the path first. */
	private subtree(path: string): string[] {
		const prefix = path === "/" ? "" : `${path}/`;
		const below = [...this.store.keys()].filter((key) => key !== path && key.startsWith(prefix) && key !== "/");
		return [path, ...below.sort()];
	}

	/** Removes a file or a folder with everything in it; `delete` events deepest first. */
	private removePath(path: string): void {
		const paths = this.subtree(path);
		for (const key of [...paths].reverse()) {
			this.store.delete(key);
			const file = this.index.get(key);
			if (file === undefined) continue;
			this.index.delete(key);
			this.nameIndexed(file, false);
			this.detachFromParent(file);
			this.trigger("delete", file);
			this.hooks.deleted(file);
		}
	}

	private movePath(from: string, to: string): void {
		if (from === to) return;
		if (from === "/") throw new Error("Cannot rename the vault root.");
		if (this.store.has(to)) throw new Error("Destination file already exists!");
		if (to.startsWith(`${from}/`)) throw new Error("Cannot move a folder into itself.");
		this.requireFolder(parentPathOf(to), "rename", to);
		const moved: [TAbstractFile, string][] = [];
		for (const oldKey of this.subtree(from)) {
			const newKey = to + oldKey.slice(from.length);
			const stored = this.store.get(oldKey);
			if (stored === undefined) continue;
			this.store.delete(oldKey);
			this.store.set(newKey, stored);
			const file = this.index.get(oldKey);
			if (file !== undefined) {
				this.index.delete(oldKey);
				this.nameIndexed(file, false);
				if (oldKey === from) this.detachFromParent(file);
				setFilePath(file, newKey);
				if (oldKey === from) {
					if (isHidden(newKey)) {
						file.parent = null;
					} else {
						this.attach(file);
					}
				} else {
					this.index.set(newKey, file);
					if (!isHidden(newKey)) this.nameIndexed(file, true);
				}
				moved.push([file, oldKey]);
			} else if (!isHidden(newKey)) {
				// Moving a hidden item into view: it appears like a new file.
				this.adopt(newKey, stored);
			}
		}
		for (const [file, oldPath] of moved) {
			if (isHidden(file.path)) {
				this.index.delete(file.path);
				this.nameIndexed(file, false);
				this.trigger("delete", file);
				this.hooks.deleted(file);
				continue;
			}
			this.trigger("rename", file, oldPath);
			this.hooks.renamed(file, oldPath);
		}
	}

	private adopt(path: string, stored: Stored): void {
		const file = stored.kind === "folder" ? new TFolder() : new TFile();
		file.vault = this;
		setFilePath(file, path);
		if (file instanceof TFile && stored.kind === "file") file.stat = this.statOf(stored);
		this.attach(file);
		this.trigger("create", file);
		this.hooks.created(file);
	}

	private copyPath(from: string, to: string): void {
		for (const oldKey of this.subtree(from)) {
			const stored = this.store.get(oldKey);
			const newKey = to + oldKey.slice(from.length);
			if (stored?.kind === "folder") this.makeFolders(newKey);
			else if (stored?.kind === "file") this.writeFile(newKey, typeof stored.data === "string" ? stored.data : stored.data.slice());
		}
	}

	private trashToSystem(path: string): void {
		this.systemTrash.push(...this.subtree(path).filter((key) => this.store.get(key)?.kind === "file"));
		this.removePath(path);
	}

	private trashToLocal(path: string): void {
		this.makeFolders(".trash");
		const name = nameOf(path);
		const dot = name.lastIndexOf(".");
		const stem = dot > 0 ? name.slice(0, dot) : name;
		const ext = dot > 0 ? name.slice(dot) : "";
		let target = `.trash/${name}`;
		for (let n = 2; this.store.has(target); n++) target = `.trash/${stem} ${n}${ext}`;
		this.movePath(path, target);
	}

	// ---- adapter primitives (normalized paths, hidden ones included) ---------------------------------------

	private statPath(path: string): Stat | null {
		const stored = this.store.get(adapterPath(path));
		if (stored === undefined) return null;
		if (stored.kind === "folder") return { type: "folder", ctime: stored.ctime, mtime: stored.mtime, size: 0 };
		return { type: "file", ...this.statOf(stored) };
	}

	private listPath(path: string): ListedFiles {
		const folder = adapterPath(path);
		this.requireFolder(folder, "scandir", folder);
		const files: string[] = [];
		const folders: string[] = [];
		for (const [key, stored] of this.store) {
			if (key === "/" || parentPathOf(key) !== folder) continue;
			(stored.kind === "folder" ? folders : files).push(key);
		}
		return { files: files.sort(), folders: folders.sort() };
	}

	private requireExists(path: string, syscall: string): void {
		if (!this.store.has(adapterPath(path))) throw fsError("ENOENT", syscall, path);
	}

	private readPath(path: string): string | Uint8Array {
		const stored = this.store.get(path);
		if (stored === undefined) throw fsError("ENOENT", "open", path);
		if (stored.kind === "folder") throw fsError("EISDIR", "read", path);
		return stored.data;
	}

	private removeFolderPath(path: string, recursive: boolean): void {
		this.requireFolder(adapterPath(path), "rmdir", path);
		if (!recursive && this.subtree(path).length > 1) throw fsError("ENOTEMPTY", "rmdir", path);
		this.removePath(path);
	}

	private removeFilePath(path: string): void {
		const stored = this.store.get(path);
		if (stored === undefined) throw fsError("ENOENT", "unlink", path);
		if (stored.kind === "folder") throw fsError("EISDIR", "unlink", path);
		this.removePath(path);
	}
}

/**
 * The vault's `DataAdapter`, over the same store. Paths are taken as given (callers pass `normalizePath`d paths);
 * `write` needs the parent folder to exist (ENOENT otherwise), `mkdir` is recursive and quiet when the folder
 * exists, `append` creates a missing file, `exists(path, false)` compares case-insensitively.
 */
export class FileSystemAdapter {
	private readonly vault: Vault;

	constructor(vault: Vault) {
		this.vault = vault;
	}

	getName(): string {
		return this.vault.getName();
	}

	getBasePath(): string {
		return `/fake-vaults/${this.vault.getName()}`;
	}

	async mkdir(normalizedPath: string): Promise<void> {
		await microtask();
		this.vault["makeFolders"](adapterPath(normalizedPath));
	}

	async trashSystem(normalizedPath: string): Promise<boolean> {
		await microtask();
		this.vault["requireExists"](normalizedPath, "unlink");
		this.vault["trashToSystem"](normalizedPath);
		return true;
	}

	async trashLocal(normalizedPath: string): Promise<void> {
		await microtask();
		this.vault["requireExists"](normalizedPath, "rename");
		this.vault["trashToLocal"](normalizedPath);
	}

	async rmdir(normalizedPath: string, recursive: boolean): Promise<void> {
		await microtask();
		this.vault["removeFolderPath"](normalizedPath, recursive);
	}

	async read(normalizedPath: string): Promise<string> {
		await microtask();
		return textOf(this.vault["readPath"](normalizedPath));
	}

	async readBinary(normalizedPath: string): Promise<ArrayBuffer> {
		await microtask();
		return toArrayBuffer(bytesOf(this.vault["readPath"](normalizedPath)));
	}

	async write(normalizedPath: string, data: string, options?: DataWriteOptions): Promise<void> {
		await microtask();
		this.vault["writeFile"](normalizedPath, data, options);
	}

	async writeBinary(normalizedPath: string, data: ArrayBuffer, options?: DataWriteOptions): Promise<void> {
		await microtask();
		this.vault["writeFile"](normalizedPath, new Uint8Array(data.slice(0)), options);
	}

	async append(normalizedPath: string, data: string, options?: DataWriteOptions): Promise<void> {
		await microtask();
		const stat = this.vault["statPath"](normalizedPath);
		const before = stat === null ? "" : textOf(this.vault["readPath"](normalizedPath));
		this.vault["writeFile"](normalizedPath, before + data, options);
	}

	async process(normalizedPath: string, fn: (data: string) => string, options?: DataWriteOptions): Promise<string> {
		await microtask();
		const next = fn(textOf(this.vault["readPath"](normalizedPath)));
		this.vault["writeFile"](normalizedPath, next, options);
		return next;
	}

	getResourcePath(normalizedPath: string): string {
		return `app://local/${encodeURI(normalizedPath)}`;
	}

	getFilePath(normalizedPath: string): string {
		return `file://${encodeURI(this.getFullPath(normalizedPath))}`;
	}

	getFullPath(normalizedPath: string): string {
		return `${this.getBasePath()}/${normalizedPath}`;
	}

	async remove(normalizedPath: string): Promise<void> {
		await microtask();
		this.vault["removeFilePath"](normalizedPath);
	}

	async rename(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		await microtask();
		this.vault["requireExists"](normalizedPath, "rename");
		this.vault["movePath"](normalizedPath, normalizedNewPath);
	}

	async copy(normalizedPath: string, normalizedNewPath: string): Promise<void> {
		await microtask();
		const data = this.vault["readPath"](normalizedPath);
		if (this.vault["statPath"](normalizedNewPath) !== null) throw fsError("EEXIST", "copyfile", normalizedNewPath);
		this.vault["writeFile"](normalizedNewPath, typeof data === "string" ? data : data.slice());
	}

	async exists(normalizedPath: string, sensitive?: boolean): Promise<boolean> {
		await microtask();
		if (this.vault["statPath"](normalizedPath) !== null) return true;
		if (sensitive !== false) return false;
		const lower = adapterPath(normalizedPath).toLowerCase();
		return [...this.vault["store"].keys()].some((key) => key.toLowerCase() === lower);
	}

	async stat(normalizedPath: string): Promise<Stat | null> {
		await microtask();
		return this.vault["statPath"](normalizedPath);
	}

	async list(normalizedPath: string): Promise<ListedFiles> {
		await microtask();
		return this.vault["listPath"](normalizedPath);
	}

	static readLocalFile(path: string): Promise<ArrayBuffer> {
		return Promise.reject(fsError("ENOENT", "open", path));
	}

	static mkdir(path: string): Promise<void> {
		return Promise.reject(fsError("ENOENT", "mkdir", path));
	}
}

export type DataAdapter = FileSystemAdapter;

/** Harness access: seeds a file without events (parents created silently), as if it were there at startup. */
export function seedFile(vault: Vault, path: string, data: string | Uint8Array): void {
	const normalized = normalizePath(path);
	const parent = parentPathOf(normalized);
	if (!vault["store"].has(parent)) seedFolder(vault, parent);
	const now = vault["now"]();
	const existing = vault["store"].get(normalized);
	const stored: StoredFile = { kind: "file", data, ctime: existing?.ctime ?? now, mtime: now };
	vault["store"].set(normalized, stored);
	if (isHidden(normalized)) return;
	const known = vault["index"].get(normalized);
	if (known instanceof TFile) {
		known.stat = vault["statOf"](stored);
		return;
	}
	const file = new TFile();
	file.vault = vault;
	setFilePath(file, normalized);
	file.stat = vault["statOf"](stored);
	vault["attach"](file);
}

/** Harness access: seeds a folder (and its parents) without events. */
export function seedFolder(vault: Vault, path: string): void {
	const normalized = normalizePath(path);
	if (normalized === "/" || vault["store"].has(normalized)) return;
	seedFolder(vault, parentPathOf(normalized));
	const now = vault["now"]();
	vault["store"].set(normalized, { kind: "folder", ctime: now, mtime: now });
	if (isHidden(normalized)) return;
	const folder = new TFolder();
	folder.vault = vault;
	setFilePath(folder, normalized);
	vault["attach"](folder);
}

/** Harness access: every stored file (hidden ones included when asked) with its text. */
export function storedFiles(vault: Vault, includeHidden: boolean): Map<string, string> {
	const out = new Map<string, string>();
	for (const [path, stored] of vault["store"]) {
		if (stored.kind !== "file" || (!includeHidden && isHidden(path))) continue;
		out.set(path, textOf(stored.data));
	}
	return new Map([...out].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Harness access: the raw text at a path (hidden paths too), or null. */
export function storedText(vault: Vault, path: string): string | null {
	const stored = vault["store"].get(path);
	return stored?.kind === "file" ? textOf(stored.data) : null;
}

/** Harness access: paths sent to the system trash, and files in the local `.trash` folder. */
export function trashed(vault: Vault): { system: string[]; local: string[] } {
	return { system: [...vault["systemTrash"]], local: [...vault["store"].keys()].filter((key) => key.startsWith(".trash/") && vault["store"].get(key)?.kind === "file") };
}

export { parentPathOf };
