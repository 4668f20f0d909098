/**
 * `MetadataCache`: per-note `CachedMetadata` (see markdown.ts for what is indexed), link resolution and the
 * resolved/unresolved link tables.
 *
 * Timing follows Obsidian, where indexing runs in a worker: a new or modified note is indexed on a later task
 * (after the vault event and after the vault call's promise has settled), a few notes per task, then `changed(file,
 * data, cache)` fires for it; once every pending note is indexed, `resolve(file)` fires for each and one `resolved()`. Until then `getFileCache`
 * returns the previous cache (null for a new note). A write that leaves the text as it was fires no `changed`.
 * Deleting a note drops its cache at once and fires `deleted(file, prevCache)`; renaming moves the cache with the
 * file at once and fires no `changed` (Obsidian's documented exception); both then refresh the link tables and
 * fire `resolved` on a later task. Notes seeded by harness.ts are indexed at once, as if at startup.
 * `settled(app)` in harness.ts waits for pending indexing.
 */
import { Events, type EventRef } from "./events";
import { backgroundTask, type FakeAppSettings } from "./internal";
import { computeMetadata } from "./markdown";
import type { CachedMetadata } from "./types";
import { getLinkpath, normalizePath } from "./util";
import { TAbstractFile, TFile, TFolder, Vault, parentPathOf, storedText } from "./vault";

/** Notes indexed per task. */
const INDEX_BATCH = 16;

interface Indexed {
	text: string;
	cache: CachedMetadata;
}

function folderOf(path: string): string {
	return parentPathOf(path);
}

/** Resolves `.` and `..` segments of a relative link against a folder. */
function resolveRelative(folder: string, relative: string): string | null {
	const parts = folder === "/" ? [] : folder.split("/");
	for (const segment of relative.split("/")) {
		if (segment === "" || segment === ".") continue;
		if (segment === "..") {
			if (parts.length === 0) return null;
			parts.pop();
		} else {
			parts.push(segment);
		}
	}
	return parts.join("/");
}

export class MetadataCache extends Events {
	/** The link tables, built when first read after a change (rebuilding them is linear in the vault). */
	private links: { resolved: Record<string, Record<string, number>>; unresolved: Record<string, Record<string, number>> } | null = null;

	get resolvedLinks(): Record<string, Record<string, number>> {
		return this.linkTables().resolved;
	}

	set resolvedLinks(value: Record<string, Record<string, number>>) {
		this.links = { resolved: value, unresolved: this.linkTables().unresolved };
	}

	get unresolvedLinks(): Record<string, Record<string, number>> {
		return this.linkTables().unresolved;
	}

	set unresolvedLinks(value: Record<string, Record<string, number>>) {
		this.links = { resolved: this.linkTables().resolved, unresolved: value };
	}

	private readonly vault: Vault;
	private readonly settings: () => FakeAppSettings;
	private readonly caches = new Map<string, Indexed>();
	private readonly pending = new Set<TFile>();
	private readonly indexedSinceResolved: TFile[] = [];
	private resolvePending = false;
	private scheduled = false;
	private readonly idleWaiters: (() => void)[] = [];

	constructor(vault: Vault, settings: () => FakeAppSettings) {
		super();
		this.vault = vault;
		this.settings = settings;
	}

	override on(name: "changed", callback: (file: TFile, data: string, cache: CachedMetadata) => unknown, ctx?: unknown): EventRef;
	override on(name: "deleted", callback: (file: TFile, prevCache: CachedMetadata | null) => unknown, ctx?: unknown): EventRef;
	override on(name: "resolve", callback: (file: TFile) => unknown, ctx?: unknown): EventRef;
	override on(name: "resolved", callback: () => unknown, ctx?: unknown): EventRef;
	override on(name: string, callback: (...data: never[]) => unknown, ctx?: unknown): EventRef {
		return super.on(name, callback as (...data: unknown[]) => unknown, ctx);
	}

	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		if (linkpath === "") return this.vault.getFileByPath(sourcePath);
		const direct = (path: string | null): TFile | null => {
			if (path === null || path === "") return null;
			return this.vault.getFileByPath(path) ?? this.vault.getFileByPath(`${path}.md`);
		};
		const absolute = linkpath.startsWith("/") ? normalizePath(linkpath) : linkpath;
		const relativeToSource = resolveRelative(folderOf(sourcePath), linkpath);
		if (linkpath.startsWith("./") || linkpath.startsWith("../")) return direct(relativeToSource);
		const found = direct(absolute) ?? direct(relativeToSource);
		if (found !== null) return found;
		// By name: any file whose path ends with the link path (case-insensitive), like Obsidian's lookup (which, like
		// this one, goes through an index of names rather than every file).
		const lower = absolute.toLowerCase();
		const sourceFolder = folderOf(sourcePath);
		const lastSegment = lower.slice(lower.lastIndexOf("/") + 1);
		const named: TFile[] = [...this.vault["filesNamed"](lastSegment), ...this.vault["filesNamed"](`${lastSegment}.md`)];
		const candidates = named.filter((file) => {
			const path = file.path.toLowerCase();
			return [lower, `${lower}.md`].some((wanted) => path === wanted || path.endsWith(`/${wanted}`));
		});
		candidates.sort((a, b) => {
			const rank = (file: TFile): number[] => [
				file.path.endsWith(absolute) || file.path.endsWith(`${absolute}.md`) ? 0 : 1,
				folderOf(file.path) === sourceFolder ? 0 : 1,
				file.path.split("/").length,
			];
			const ra = rank(a);
			const rb = rank(b);
			for (let i = 0; i < ra.length; i++) if ((ra[i] ?? 0) !== (rb[i] ?? 0)) return (ra[i] ?? 0) - (rb[i] ?? 0);
			return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
		});
		return candidates[0] ?? null;
	}

	getFileCache(file: TFile): CachedMetadata | null {
		return this.caches.get(file.path)?.cache ?? null;
	}

	getCache(path: string): CachedMetadata | null {
		return this.caches.get(path)?.cache ?? null;
	}

	/**
	 * Shortest form (the default "New link format"): the name alone when no other file in the vault has the same
	 * name (case-insensitive), else the vault path; "absolute" always uses the vault path, "relative" a path from the source's
	 * folder. `.md` is left out unless `omitMdExtension` is false.
	 */
	fileToLinktext(file: TFile, sourcePath: string, omitMdExtension = true): string {
		const dropExt = omitMdExtension && file.extension === "md";
		const fullPath = dropExt ? file.path.slice(0, -".md".length) : file.path;
		const name = dropExt ? file.basename : file.name;
		switch (this.settings().newLinkFormat) {
			case "absolute":
				return fullPath;
			case "relative": {
				const from = folderOf(sourcePath);
				const fromParts = from === "/" ? [] : from.split("/");
				const toParts = fullPath.split("/");
				let common = 0;
				while (common < fromParts.length && common < toParts.length - 1 && fromParts[common] === toParts[common]) common++;
				const ups = fromParts.length - common;
				return [...Array<string>(ups).fill(".."), ...toParts.slice(common)].join("/");
			}
			case "shortest": {
				const lower = file.name.toLowerCase();
				const unique = this.vault.getFiles().every((other) => other === file || other.name.toLowerCase() !== lower);
				return unique ? name : fullPath;
			}
		}
	}

	// ---- fed by the vault (see app.ts) ------------------------------------------------------------------------

	private fileCreated(file: TAbstractFile): void {
		if (file instanceof TFile && file.extension === "md") this.schedule(file);
	}

	private fileModified(file: TFile): void {
		if (file.extension === "md") this.schedule(file);
	}

	private fileDeleted(file: TAbstractFile): void {
		if (!(file instanceof TFile)) return;
		this.pending.delete(file);
		const previous = this.caches.get(file.path);
		this.caches.delete(file.path);
		if (file.extension === "md") this.trigger("deleted", file, previous?.cache ?? null);
		this.resolvePending = true;
		this.kick();
	}

	private fileRenamed(file: TAbstractFile, oldPath: string): void {
		if (file instanceof TFolder) return;
		const entry = this.caches.get(oldPath);
		if (entry !== undefined) {
			this.caches.delete(oldPath);
			this.caches.set(file.path, entry);
		}
		if (file instanceof TFile && file.extension === "md" && entry === undefined) this.schedule(file);
		this.resolvePending = true;
		this.kick();
	}

	/** Indexes a note now, without events (seeded files). */
	private indexNow(file: TFile): void {
		const text = storedText(this.vault, file.path);
		if (text === null) return;
		this.caches.set(file.path, { text, cache: this.compute(text) });
		this.rebuildLinks();
	}

	private schedule(file: TFile): void {
		this.pending.add(file);
		this.kick();
	}

	private kick(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		backgroundTask(() => this.runBatch());
	}

	private runBatch(): void {
		this.scheduled = false;
		// A few notes per task, as Obsidian's worker hands results back one message at a time: a burst of new notes
		// (a sync writing thousands) reaches the app's listeners spread over many tasks, not in one.
		const batch = [...this.pending].slice(0, INDEX_BATCH);
		for (const file of batch) this.pending.delete(file);
		for (const file of batch) {
			if (this.vault.getFileByPath(file.path) !== file) continue;
			const text = storedText(this.vault, file.path);
			if (text === null) continue;
			const previous = this.caches.get(file.path);
			if (previous !== undefined && previous.text === text) continue;
			const cache = this.compute(text);
			this.caches.set(file.path, { text, cache });
			this.trigger("changed", file, text, cache);
			this.indexedSinceResolved.push(file);
		}
		if (this.pending.size > 0) {
			this.kick();
			return;
		}
		// The burst is over: the link tables once, then `resolve` for each note indexed and one `resolved`.
		if (this.indexedSinceResolved.length > 0 || this.resolvePending) {
			this.resolvePending = false;
			this.rebuildLinks();
			for (const file of this.indexedSinceResolved.splice(0)) this.trigger("resolve", file);
			this.trigger("resolved");
		}
		if (this.pending.size > 0 || this.resolvePending) {
			this.kick();
			return;
		}
		for (const resolve of this.idleWaiters.splice(0)) resolve();
	}

	private rebuildLinks(): void {
		this.links = null;
	}

	/** Reads a note's metadata: the work Obsidian's indexing worker does off the UI thread (a benchmark subtracts it). */
	private compute(text: string): CachedMetadata {
		return computeMetadata(text);
	}

	private linkTables(): { resolved: Record<string, Record<string, number>>; unresolved: Record<string, Record<string, number>> } {
		if (this.links) return this.links;
		const resolved: Record<string, Record<string, number>> = {};
		const unresolved: Record<string, Record<string, number>> = {};
		for (const file of this.vault.getMarkdownFiles()) {
			const cache = this.caches.get(file.path)?.cache;
			if (cache === undefined) continue;
			const into: Record<string, number> = {};
			const missing: Record<string, number> = {};
			for (const ref of [...(cache.links ?? []), ...(cache.embeds ?? []), ...(cache.frontmatterLinks ?? [])]) {
				const linkpath = getLinkpath(ref.link);
				const dest = this.getFirstLinkpathDest(linkpath, file.path);
				if (dest !== null) into[dest.path] = (into[dest.path] ?? 0) + 1;
				else missing[linkpath] = (missing[linkpath] ?? 0) + 1;
			}
			resolved[file.path] = into;
			unresolved[file.path] = missing;
		}
		this.links = { resolved, unresolved };
		return this.links;
	}

	/** Resolves once no indexing is pending. */
	private whenIdle(): Promise<void> {
		if (!this.scheduled && this.pending.size === 0 && !this.resolvePending) return Promise.resolve();
		return new Promise((resolve) => this.idleWaiters.push(resolve));
	}
}
