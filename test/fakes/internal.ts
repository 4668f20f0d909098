/**
 * Plumbing shared by the fake's modules. Nothing here is part of the Obsidian API surface:
 * `obsidian.ts` does not re-export it.
 */
import * as nodeTimers from "node:timers";

/** True when a DOM is there (vitest's `happy-dom` environment); the vault, metadata and commands work without one. */
export function hasDom(): boolean {
	return typeof document !== "undefined" && typeof window !== "undefined";
}

/** Fails loudly when a DOM-only part of the fake is used in the `node` environment. */
export function requireDom(what: string): Document {
	if (!hasDom()) {
		throw new Error(`obsidian fake: ${what} needs a DOM; put \`// @vitest-environment happy-dom\` at the top of the test file`);
	}
	return document;
}

/**
 * Timers for code that Obsidian runs on `window` timers (debounce, notices, sleep, registerInterval):
 * the window's, read at call time so `vi.useFakeTimers()` applies, or Node's when there is no window.
 */
export interface HostTimers {
	setTimeout(handler: () => void, ms?: number): number;
	clearTimeout(id: number | undefined): void;
	setInterval(handler: () => void, ms?: number): number;
	clearInterval(id: number | undefined): void;
}

export function hostTimers(): HostTimers {
	if (typeof window !== "undefined") return window;
	return {
		setTimeout: (handler, ms) => Number(nodeTimers.setTimeout(handler, ms)),
		clearTimeout: (id) => nodeTimers.clearTimeout(id),
		setInterval: (handler, ms) => Number(nodeTimers.setInterval(handler, ms)),
		clearInterval: (id) => nodeTimers.clearInterval(id),
	};
}

/**
 * The fake's own background work (metadata indexing) runs on Node's timers, which `vi.useFakeTimers()` does
 * not replace: a test that fakes time cannot starve the metadata cache.
 */
export function backgroundTask(task: () => void): void {
	nodeTimers.setImmediate(task);
}

/** Resolves on a later microtask: async vault calls never settle synchronously. */
export function microtask(): Promise<void> {
	return Promise.resolve();
}

/** A rejected-promise error shaped like Node's fs errors (Obsidian desktop passes those through). */
export function fsError(code: "ENOENT" | "EEXIST" | "ENOTDIR" | "ENOTEMPTY" | "EISDIR", syscall: string, path: string): Error {
	const messages = {
		ENOENT: "no such file or directory",
		EEXIST: "file already exists",
		ENOTDIR: "not a directory",
		ENOTEMPTY: "directory not empty",
		EISDIR: "illegal operation on a directory",
	};
	const error = new Error(`${code}: ${messages[code]}, ${syscall} '${path}'`);
	Object.defineProperty(error, "code", { value: code, enumerable: true });
	return error;
}

/** Live-count registry for the leak checks (`liveCounts()` in harness.ts). */
export const counters = {
	/** DOM listeners added through `Component.registerDomEvent` and not yet removed by unloading. */
	domListeners: 0,
	/** Interval ids handed to `Component.registerInterval` and not yet cleared by unloading. */
	intervals: 0,
	/** Animation frames requested and not run (or cancelled) yet: `settled()` in harness.ts waits for them. */
	frames: 0,
};

/**
 * The user preferences (Settings › Files and links) that change what the fake API does. Not part of Obsidian's
 * API (Obsidian reads them from its private `vault.getConfig`): tests set them through `createApp({ settings })`
 * or `configureApp(app, settings)` in harness.ts.
 */
export interface FakeAppSettings {
	/** "Use [[Wikilinks]]" turned off: `generateMarkdownLink` writes `[text](path.md)`. Default false. */
	useMarkdownLinks: boolean;
	/** "New link format". Default "shortest". */
	newLinkFormat: "shortest" | "relative" | "absolute";
	/** "Default location for new notes": vault root, the active note's folder, or `newFileFolderPath`. Default "root". */
	newFileLocation: "root" | "current" | "folder";
	newFileFolderPath: string;
	/** "Default location for new attachments": "/" root, "./" beside the note, "./sub" below it, or a folder. Default "/". */
	attachmentFolderPath: string;
	/** "Automatically update internal links" when `FileManager.renameFile` moves a file. Default true. */
	alwaysUpdateLinks: boolean;
	/** "Deleted files": system trash, the vault's `.trash` folder, or delete for good. Default "system". */
	trashOption: "system" | "local" | "none";
}

export function defaultSettings(): FakeAppSettings {
	return {
		useMarkdownLinks: false,
		newLinkFormat: "shortest",
		newFileLocation: "root",
		newFileFolderPath: "",
		attachmentFolderPath: "/",
		alwaysUpdateLinks: true,
		trashOption: "system",
	};
}
