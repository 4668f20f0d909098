/**
 * Obsidian's free functions and small classes that need no vault: paths, links, YAML and front matter, debounce,
 * `Platform`, `Keymap`/`Scope`, icons and tooltips, search helpers and binary encodings.
 */
import { Buffer } from "node:buffer";
import { parse as parseYamlText, stringify as stringifyYamlText } from "yaml";
import type { CachedMetadata, Reference, ReferenceCache, SearchResult, TooltipOptions, UserEvent } from "./types";
import { createSvg } from "./dom";
import { hasDom, hostTimers } from "./internal";

/** The app version the fake reports; tests change it with `setApiVersion` (harness) to act as another app. */
export const DEFAULT_API_VERSION = "1.8.7";
// A live binding, as in Obsidian (`export let apiVersion`): code reading it sees the version a test set.
export let apiVersion = DEFAULT_API_VERSION;

/** Not part of the API (the harness's `setApiVersion` calls it). */
export function setFakeApiVersion(version: string): void {
	apiVersion = version;
}

/**
 * Obsidian's `normalizePath`: runs of `/` and `\` become one `/`, leading and trailing slashes go, an empty
 * result is the root `/`, non-breaking spaces (U+00A0, U+202F) become spaces, and the result is NFC.
 */
export function normalizePath(path: string): string {
	let result = path.replace(/([\\/])+/g, "/").replace(/(^\/+|\/+$)/g, "");
	if (result === "") result = "/";
	return result.replace(/\u00A0|\u202F/g, " ").normalize("NFC");
}

/** Splits `path#subpath`; the subpath keeps its `#`. */
export function parseLinktext(linktext: string): { path: string; subpath: string } {
	const hash = linktext.indexOf("#");
	if (hash === -1) return { path: linktext, subpath: "" };
	return { path: linktext.slice(0, hash), subpath: linktext.slice(hash) };
}

export function getLinkpath(linktext: string): string {
	return parseLinktext(linktext).path;
}

/** Heading text with the characters that have a meaning in links or search replaced, spaces collapsed. */
export function stripHeading(heading: string): string {
	return heading.replace(/[!"#$%&()*+,.:;<=>?@^`{|}~/[\]\\]/g, " ").replace(/\s+/g, " ").trim();
}

/** Heading text made safe for a `[[file#heading]]` link: `# | ^ : % [ ] \` become spaces. */
export function stripHeadingForLink(heading: string): string {
	return heading.replace(/[#|^\\%:[\]]/g, " ").replace(/\s+/g, " ").trim();
}

export function parseYaml(yaml: string): unknown {
	return parseYamlText(yaml);
}

/** YAML text without line folding (Obsidian writes long values on one line). */
export function stringifyYaml(obj: unknown): string {
	return stringifyYamlText(obj, { lineWidth: 0 });
}

export interface FrontMatterInfo {
	exists: boolean;
	frontmatter: string;
	from: number;
	to: number;
	contentStart: number;
}

/**
 * Front matter is a first line `---` and the next line `---`; `frontmatter` is the text between them (each YAML
 * line with its line break), `from`/`to` delimit it, `contentStart` is just past the closing line and its break.
 */
export function getFrontMatterInfo(content: string): FrontMatterInfo {
	const none: FrontMatterInfo = { exists: false, frontmatter: "", from: 0, to: 0, contentStart: 0 };
	const opening = /^---[ \t]*(\r?\n)/.exec(content);
	if (opening === null) return none;
	const from = opening[0].length;
	let lineStart = from;
	while (lineStart <= content.length) {
		const newline = content.indexOf("\n", lineStart);
		const lineEnd = newline === -1 ? content.length : newline;
		const line = content.slice(lineStart, lineEnd).replace(/\r$/, "");
		if (/^---[ \t]*$/.test(line)) {
			return { exists: true, frontmatter: content.slice(from, lineStart), from, to: lineStart, contentStart: newline === -1 ? content.length : newline + 1 };
		}
		if (newline === -1) break;
		lineStart = newline + 1;
	}
	return none;
}

function frontmatterValue(frontmatter: unknown, key: string | RegExp): unknown {
	if (typeof frontmatter !== "object" || frontmatter === null) return null;
	const record = frontmatter as Record<string, unknown>;
	if (typeof key === "string") return key in record ? record[key] : null;
	for (const [name, value] of Object.entries(record)) if (key.test(name)) return value;
	return null;
}

export function parseFrontMatterEntry(frontmatter: unknown, key: string | RegExp): unknown {
	return frontmatterValue(frontmatter, key);
}

export function parseFrontMatterStringArray(frontmatter: unknown, key: string | RegExp, nospaces?: boolean): string[] | null {
	const value = frontmatterValue(frontmatter, key);
	if (value === null || value === undefined) return null;
	const items = Array.isArray(value) ? value : [value];
	const out: string[] = [];
	for (const item of items) {
		if (typeof item !== "string") continue;
		const parts = nospaces === true ? item.split(/[\s,]+/) : item.split(",");
		for (const part of parts) if (part.trim() !== "") out.push(part.trim());
	}
	return out.length > 0 ? out : null;
}

export function parseFrontMatterAliases(frontmatter: unknown): string[] | null {
	return parseFrontMatterStringArray(frontmatter, /^alias(es)?$/i);
}

export function parseFrontMatterTags(frontmatter: unknown): string[] | null {
	const tags = parseFrontMatterStringArray(frontmatter, /^tags?$/i, true);
	return tags === null ? null : tags.map((tag) => (tag.startsWith("#") ? tag : `#${tag}`));
}

export function getAllTags(cache: CachedMetadata): string[] | null {
	const tags = [...(parseFrontMatterTags(cache.frontmatter) ?? []), ...(cache.tags ?? []).map((tag) => tag.tag)];
	return tags.length > 0 ? tags : null;
}

export function iterateRefs(refs: Reference[], cb: (ref: Reference) => boolean | void): boolean {
	for (const ref of refs) if (cb(ref) === true) return true;
	return false;
}

export function iterateCacheRefs(cache: CachedMetadata, cb: (ref: ReferenceCache) => boolean | void): boolean {
	for (const ref of [...(cache.links ?? []), ...(cache.embeds ?? [])]) if (cb(ref) === true) return true;
	return false;
}

export interface Debouncer<T extends unknown[], V> {
	(...args: [...T]): this;
	cancel(): this;
	run(): V | void;
}

/**
 * Obsidian's `debounce`: the first call schedules `cb` after `timeout` ms with the latest arguments; later calls
 * only replace the arguments, unless `resetTimer` is true, when they also restart the wait. `run()` calls a pending
 * `cb` at once and returns its value; `cancel()` drops it.
 */
export function debounce<T extends unknown[], V>(cb: (...args: [...T]) => V, timeout = 0, resetTimer = false): Debouncer<T, V> {
	let timer: number | undefined;
	let pending: [...T] | null = null;
	const fire = (): V | void => {
		hostTimers().clearTimeout(timer);
		timer = undefined;
		const args = pending;
		pending = null;
		if (args !== null) return cb(...args);
		return undefined;
	};
	const debouncer = function (...args: [...T]): Debouncer<T, V> {
		pending = args;
		if (timer !== undefined && resetTimer) {
			hostTimers().clearTimeout(timer);
			timer = undefined;
		}
		if (timer === undefined) timer = hostTimers().setTimeout(fire, timeout);
		return debouncer;
	} as Debouncer<T, V>;
	debouncer.cancel = () => {
		hostTimers().clearTimeout(timer);
		timer = undefined;
		pending = null;
		return debouncer;
	};
	debouncer.run = () => (pending === null ? undefined : fire());
	return debouncer;
}

/** Desktop on Linux by default; `setPlatform` in harness.ts changes the flags for a test. */
export const Platform = {
	isDesktop: true,
	isMobile: false,
	isDesktopApp: true,
	isMobileApp: false,
	isIosApp: false,
	isAndroidApp: false,
	isPhone: false,
	isTablet: false,
	isMacOS: false,
	isWin: false,
	isLinux: true,
	isSafari: false,
	resourcePathPrefix: "app://local/",
};

export type Modifier = "Mod" | "Ctrl" | "Meta" | "Shift" | "Alt";
export type PaneType = "tab" | "split" | "window";

export interface KeymapInfo {
	modifiers: string | null;
	key: string | null;
}

export interface KeymapContext extends KeymapInfo {
	vkey: string;
}

export type KeymapEventListener = (evt: KeyboardEvent, ctx: KeymapContext) => unknown;

export interface KeymapEventHandler extends KeymapInfo {
	scope: Scope;
}

interface ScopeHandler extends KeymapEventHandler {
	func: KeymapEventListener;
}

export class Scope {
	private readonly handlers: ScopeHandler[] = [];
	private readonly parent: Scope | undefined;

	constructor(parent?: Scope) {
		this.parent = parent;
	}

	register(modifiers: Modifier[] | null, key: string | null, func: KeymapEventListener): KeymapEventHandler {
		const handler: ScopeHandler = { scope: this, modifiers: modifiers === null ? null : [...modifiers].sort().join(","), key, func };
		this.handlers.push(handler);
		return handler;
	}

	unregister(handler: KeymapEventHandler): void {
		const index = this.handlers.indexOf(handler as ScopeHandler);
		if (index !== -1) this.handlers.splice(index, 1);
	}

	/** Runs the first handler matching the event here, then in the parent scopes; false when one returned false. */
	private handle(evt: KeyboardEvent): boolean | undefined {
		const pressed = (["Alt", "Ctrl", "Meta", "Mod", "Shift"] as const).filter((modifier) => Keymap.isModifier(evt, modifier)).join(",");
		for (const handler of this.handlers) {
			const keyMatches = handler.key === null || handler.key.toLowerCase() === evt.key.toLowerCase();
			const modifiersMatch = handler.modifiers === null || handler.modifiers === pressed || handler.modifiers === pressed.replace(/(^|,)(Ctrl|Meta)(?=,|$)/, "");
			if (keyMatches && modifiersMatch) return handler.func(evt, { modifiers: pressed, key: evt.key, vkey: evt.key }) !== false;
		}
		return this.parent?.handle(evt);
	}
}

export class Keymap {
	private readonly scopes: Scope[] = [];

	pushScope(scope: Scope): void {
		const index = this.scopes.indexOf(scope);
		if (index !== -1) this.scopes.splice(index, 1);
		this.scopes.push(scope);
	}

	popScope(scope: Scope): void {
		const index = this.scopes.indexOf(scope);
		if (index !== -1) this.scopes.splice(index, 1);
	}

	/** `Mod` is Cmd on macOS (`Platform.isMacOS`) and Ctrl elsewhere. */
	static isModifier(evt: MouseEvent | TouchEvent | KeyboardEvent, modifier: Modifier): boolean {
		switch (modifier) {
			case "Mod":
				return Platform.isMacOS ? evt.metaKey : evt.ctrlKey;
			case "Ctrl":
				return evt.ctrlKey;
			case "Meta":
				return evt.metaKey;
			case "Shift":
				return evt.shiftKey;
			case "Alt":
				return evt.altKey;
		}
	}

	/** Mod+Alt+Shift: a window; Mod+Alt: a split; Mod or a middle click: a tab; otherwise false. */
	static isModEvent(evt?: UserEvent | null): PaneType | boolean {
		if (evt === undefined || evt === null) return false;
		const mod = Keymap.isModifier(evt, "Mod");
		const alt = Keymap.isModifier(evt, "Alt");
		const shift = Keymap.isModifier(evt, "Shift");
		const middle = "button" in evt && evt.button === 1;
		if (mod && alt && shift) return "window";
		if (mod && alt) return "split";
		if (mod || middle) return "tab";
		return false;
	}

	/** The top scope's handling of a key event (harness.ts `pressKey`). */
	private dispatch(evt: KeyboardEvent): boolean | undefined {
		const top = this.scopes[this.scopes.length - 1];
		return top?.["handle"](evt);
	}
}

const customIcons = new Map<string, string>();

export function addIcon(iconId: string, svgContent: string): void {
	customIcons.set(iconId, svgContent);
}

export function removeIcon(iconId: string): void {
	customIcons.delete(iconId);
}

/** Custom icons added with `addIcon`; the fake does not ship Lucide's list, so every id counts as an icon. */
export function getIconIds(): string[] {
	return [...customIcons.keys()];
}

/** An `<svg class="svg-icon lucide-ID">` (or `svg-icon ID` for an `addIcon` icon); null for an empty id. */
export function getIcon(iconId: string): SVGSVGElement | null {
	if (iconId === "" || !hasDom()) return null;
	return createSvg("svg", { cls: customIcons.has(iconId) ? ["svg-icon", iconId] : ["svg-icon", `lucide-${iconId}`], attr: { xmlns: "http://www.w3.org/2000/svg", width: 24, height: 24, viewBox: "0 0 24 24" } });
}

/** Replaces the element's `svg.svg-icon` if it has one, else appends the icon; nothing for an empty id. */
export function setIcon(parent: HTMLElement, iconId: string): void {
	const icon = getIcon(iconId);
	if (icon === null) return;
	const existing = parent.querySelector(":scope > svg.svg-icon");
	if (existing !== null) parent.replaceChild(icon, existing);
	else parent.appendChild(icon);
}

/** Obsidian's tooltips read `aria-label` (and `data-tooltip-position`). */
export function setTooltip(el: HTMLElement, tooltip: string, options?: TooltipOptions): void {
	el.setAttr("aria-label", tooltip === "" ? null : tooltip);
	if (options?.placement !== undefined) el.setAttr("data-tooltip-position", options.placement);
}

export function getLanguage(): string {
	return "en";
}

export function requireApiVersion(version: string): boolean {
	const have = apiVersion.split(".").map(Number);
	const want = version.split(".").map(Number);
	for (let i = 0; i < Math.max(have.length, want.length); i++) {
		const a = have[i] ?? 0;
		const b = want[i] ?? 0;
		if (a !== b) return a > b;
	}
	return true;
}

/** Every space-separated word must occur (case-insensitive); the score favours earlier matches. */
export function prepareSimpleSearch(query: string): (text: string) => SearchResult | null {
	const words = query.toLowerCase().split(/\s+/).filter((word) => word !== "");
	return (text) => {
		const lower = text.toLowerCase();
		const matches: [number, number][] = [];
		for (const word of words) {
			const at = lower.indexOf(word);
			if (at === -1) return null;
			matches.push([at, at + word.length]);
		}
		matches.sort((a, b) => a[0] - b[0]);
		return { score: -(matches[0]?.[0] ?? 0), matches };
	};
}

/** The query's characters must occur in order (case-insensitive); tighter and earlier matches score higher. */
export function prepareFuzzySearch(query: string): (text: string) => SearchResult | null {
	const needle = query.toLowerCase().replace(/\s+/g, "");
	return (text) => {
		const lower = text.toLowerCase();
		const matches: [number, number][] = [];
		let from = 0;
		let score = 0;
		for (const char of needle) {
			const at = lower.indexOf(char, from);
			if (at === -1) return null;
			const last = matches[matches.length - 1];
			if (last !== undefined && last[1] === at) last[1] = at + 1;
			else matches.push([at, at + 1]);
			score -= at - from;
			from = at + 1;
		}
		return { score, matches };
	};
}

export function sortSearchResults(results: { match: SearchResult }[]): void {
	results.sort((a, b) => b.match.score - a.match.score);
}

export function arrayBufferToBase64(buffer: ArrayBuffer): string {
	return Buffer.from(buffer).toString("base64");
}

export function base64ToArrayBuffer(base64: string): ArrayBuffer {
	return toArrayBuffer(Buffer.from(base64, "base64"));
}

export function arrayBufferToHex(data: ArrayBuffer): string {
	return Buffer.from(data).toString("hex");
}

export function hexToArrayBuffer(hex: string): ArrayBuffer {
	return toArrayBuffer(Buffer.from(hex, "hex"));
}

export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
	const copy = new ArrayBuffer(bytes.byteLength);
	new Uint8Array(copy).set(bytes);
	return copy;
}
