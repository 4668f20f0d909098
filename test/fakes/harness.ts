/**
 * Test helpers for the `obsidian` fake: NOT part of the Obsidian API (import them from here, never from
 * "obsidian"). They take and return the real `obsidian` types, so the objects they hand out go straight into the
 * plugin's code (`new MyPlugin(app, manifest)`, `MarkdownView` methods…) without casts.
 *
 * A typical integration test:
 * ```ts
 * const app = createApp({ files: { "Reading list.md": "- [ ] [[Paper]]" } });
 * const plugin = await loadPlugin(app, PaperCataloguePlugin, manifest);
 * await runCommand(app, "paper-catalogue:some-command");
 * await settled(app);
 * expect(vaultSnapshot(app)).toMatchObject({ ... });
 * await unloadPlugin(plugin);
 * expect(liveCounts(app)).toMatchObject({ vault: 0, workspace: 0, metadataCache: 0 });
 * ```
 */
import type * as Obsidian from "obsidian";
import * as nodeTimers from "node:timers";
import { App, Plugin, type AppOptions } from "./app";
import { countListeners, isLoaded, onloadResults } from "./events";
import { counters, hasDom, requireDom, type FakeAppSettings } from "./internal";
import { MetadataCache } from "./metadata";
import { clearRequestUrlCalls, recordedRequestUrlCalls } from "./network";
import { Menu, PluginSettingTab, clearNoticeRecords, clickMenuItemByTitle, menuItemTitles, noticeRecords, openModals as openModalList, shownMenus as shownMenuList, uiSettled } from "./ui";
import { DEFAULT_API_VERSION, Platform, normalizePath, setFakeApiVersion } from "./util";
import { TFile, seedFile, seedFolder, storedFiles, storedText, trashed } from "./vault";
import { MarkdownView } from "./workspace";

import type { NoticeRecord } from "./ui";

export type { FakeAppSettings } from "./internal";
export type { NoticeRecord } from "./ui";

function fake(app: Obsidian.App): App {
	if (app instanceof App) return app;
	throw new Error("obsidian fake: not an app made by createApp()");
}

function real<T>(value: unknown): T {
	return value as T;
}

export interface CreateAppOptions extends AppOptions {
	/** Files to seed (path → text), as with `seedVault`. */
	files?: Record<string, string | Uint8Array>;
	/** Empty folders to seed. */
	folders?: string[];
}

/** A fresh app: empty vault (or `files`), layout ready unless `layoutReady: false`, default user settings. */
export function createApp(options: CreateAppOptions = {}): Obsidian.App {
	const app = new App(options);
	if (options.files !== undefined || options.folders !== undefined) seedVault(real(app), options.files ?? {}, options.folders);
	return real(app);
}

/** Changes the user preferences the fake honours (link format, new-note folder, trash…); see `FakeAppSettings`. */
export function configureApp(app: Obsidian.App, settings: Partial<FakeAppSettings>): void {
	const target = fake(app);
	target["settings"] = { ...target["settings"], ...settings };
}

/** Unloads the app's plugins, closes its modals and menus, and removes its DOM. */
export async function disposeApp(app: Obsidian.App): Promise<void> {
	const target = fake(app);
	for (const plugin of [...target["viewRegistry"].plugins]) plugin.unload();
	for (const modal of openModalList()) if (modal.app === target) modal.close();
	for (const menu of shownMenuList()) menu.hide();
	target.workspace.iterateAllLeaves((leaf) => leaf.detach());
	await settled(app);
	target["unmountDom"]();
}

/**
 * Puts files (and folders) in the vault without vault events, as if they were there when Obsidian started; their
 * metadata is indexed at once. Missing parent folders are created. Existing files are overwritten.
 */
export function seedVault(app: Obsidian.App, files: Record<string, string | Uint8Array>, folders: string[] = []): void {
	const target = fake(app);
	for (const folder of folders) seedFolder(target.vault, folder);
	for (const [path, data] of Object.entries(files)) {
		seedFile(target.vault, path, data);
		const file = target.vault.getFileByPath(normalizePath(path));
		if (file !== null && file.extension === "md") target.metadataCache["indexNow"](file);
	}
}

/** Every file's text by path (sorted), visible files only unless `includeHidden`. */
export function vaultSnapshot(app: Obsidian.App, options: { includeHidden?: boolean } = {}): Record<string, string> {
	return Object.fromEntries(storedFiles(fake(app).vault, options.includeHidden === true));
}

/** The stored text at a path (hidden paths such as the config folder too), or null. */
export function readVaultFile(app: Obsidian.App, path: string): string | null {
	return storedText(fake(app).vault, path);
}

/** Paths sent to the system trash, and the files in the vault's `.trash` folder. */
export function trashedPaths(app: Obsidian.App): { system: string[]; local: string[] } {
	return trashed(fake(app).vault);
}

function macrotask(): Promise<void> {
	return new Promise((resolve) => nodeTimers.setImmediate(resolve));
}

/**
 * Waits until the fake has nothing left to do: pending microtasks, metadata indexing (`changed`/`resolved`),
 * views still closing, animation frames requested and suggestion lists still rendering. Uses Node's timers, so it works under fake timers.
 */
export async function settled(app?: Obsidian.App): Promise<void> {
	for (let round = 0; round < 50; round++) {
		await macrotask();
		if (app === undefined) {
			await uiSettled();
			continue;
		}
		const target = fake(app);
		const metadata: MetadataCache = target.metadataCache;
		const busy = metadata["scheduled"] || metadata["pending"].size > 0 || metadata["resolvePending"] || target.workspace["closing"].size > 0 || counters.frames > 0 || target["externalChanges"] > 0;
		await metadata["whenIdle"]();
		await target.workspace["whenClosed"]();
		await uiSettled();
		if (!busy) return;
	}
}

/** Marks a `layoutReady: false` app's layout ready: runs `onLayoutReady` callbacks and fires `layout-change`. */
export function markLayoutReady(app: Obsidian.App): void {
	fake(app).workspace["markLayoutReady"]();
}

const defaultManifest: Obsidian.PluginManifest = {
	id: "test-plugin",
	name: "Test plugin",
	author: "Tests",
	version: "0.0.0",
	minAppVersion: "0.0.0",
	description: "A plugin under test.",
};

/**
 * Enables a plugin the way Obsidian does: constructs it with `app` and the manifest (its `dir` defaults to
 * `<configDir>/plugins/<id>`), calls `load()` and waits for the promise `onload()` returned.
 */
export async function loadPlugin<T extends Obsidian.Plugin>(app: Obsidian.App, PluginClass: new (app: Obsidian.App, manifest: Obsidian.PluginManifest) => T, manifest: Partial<Obsidian.PluginManifest> = {}): Promise<T> {
	const target = fake(app);
	const full: Obsidian.PluginManifest = { ...defaultManifest, ...manifest };
	full.dir ??= `${target.vault.configDir}/plugins/${full.id}`;
	seedFolder(target.vault, full.dir);
	const plugin = new PluginClass(app, full);
	if (!(plugin instanceof Plugin)) throw new Error("obsidian fake: the plugin class does not extend Plugin from the fake");
	target["viewRegistry"].plugins.push(plugin);
	plugin.load();
	await onloadResults.get(plugin);
	return plugin;
}

/** Disables a plugin: `unload()` (children, registered cleanups, then `onunload`), then waits for `settled`. */
export async function unloadPlugin(plugin: Obsidian.Plugin): Promise<void> {
	const target = real<Plugin>(plugin);
	const plugins = target.app["viewRegistry"].plugins;
	const at = plugins.indexOf(target);
	if (at !== -1) plugins.splice(at, 1);
	target.unload();
	await settled(plugin.app);
}

/** Whether a component (plugin, view…) is loaded. */
export function isComponentLoaded(component: Obsidian.Component): boolean {
	return isLoaded(real(component));
}

function dataPath(app: Obsidian.App, pluginId: string): string {
	return `${fake(app).vault.configDir}/plugins/${pluginId}/data.json`;
}

/** Writes a plugin's raw `data.json` (any text, corrupt JSON included) before or after it loads. */
export function seedPluginData(app: Obsidian.App, pluginId: string, raw: string): void {
	seedFile(fake(app).vault, dataPath(app, pluginId), raw);
}

/** A plugin's raw `data.json`, or null when it has none. */
export function pluginDataText(app: Obsidian.App, pluginId: string): string | null {
	return storedText(fake(app).vault, dataPath(app, pluginId));
}

/**
 * Rewrites `data.json` as Obsidian Sync would (through the adapter, not the plugin's `saveData`); the app then calls
 * the plugin's `onExternalSettingsChange`. Resolves once that has run and the app has settled.
 */
export async function changePluginDataExternally(plugin: Obsidian.Plugin, raw: string): Promise<void> {
	await plugin.app.vault.adapter.write(dataPath(plugin.app, plugin.manifest.id), raw);
	await settled(plugin.app);
}

/** The commands registered now (ids carry the plugin id prefix). */
export function listCommands(app: Obsidian.App): Obsidian.Command[] {
	return real([...fake(app)["viewRegistry"].commands.values()]);
}

function findCommand(app: Obsidian.App, id: string): Obsidian.Command {
	const command = fake(app)["viewRegistry"].commands.get(id);
	if (command === undefined) throw new Error(`obsidian fake: no command "${id}" (have: ${listCommands(app).map((c) => c.id).join(", ")})`);
	return real(command);
}

/**
 * Runs a command's callbacks as the command palette does: with `checking` true it only asks whether the command
 * is available. Editor callbacks need an active Markdown editor (`workspace.activeEditor`); otherwise the command
 * is unavailable. Precedence as documented: editorCheckCallback, editorCallback, checkCallback, callback.
 */
function execute(app: Obsidian.App, command: Obsidian.Command, checking: boolean): { available: boolean; result: unknown } {
	const ctx = app.workspace.activeEditor;
	const editor = ctx?.editor;
	if (command.editorCheckCallback !== undefined) {
		if (editor === undefined || ctx === null) return { available: false, result: undefined };
		return { available: command.editorCheckCallback(checking, editor, ctx) === true, result: undefined };
	}
	if (command.editorCallback !== undefined) {
		if (editor === undefined || ctx === null) return { available: false, result: undefined };
		return { available: true, result: checking ? undefined : command.editorCallback(editor, ctx) };
	}
	if (command.checkCallback !== undefined) return { available: command.checkCallback(checking) === true, result: undefined };
	if (command.callback !== undefined) return { available: true, result: checking ? undefined : command.callback() };
	return { available: false, result: undefined };
}

/** Whether the command would show in the palette now (its check callback with `checking` true). */
export function isCommandAvailable(app: Obsidian.App, id: string): boolean {
	return execute(app, findCommand(app, id), true).available;
}

/**
 * Executes a command by its full id (`plugin-id:command-id`) like `app.commands.executeCommandById`: false when
 * it is unavailable. Also awaits a promise its callback returned (Obsidian does not; tests usually want to).
 */
export async function runCommand(app: Obsidian.App, id: string): Promise<boolean> {
	const command = findCommand(app, id);
	if (!execute(app, command, true).available) return false;
	const { result } = execute(app, command, false);
	if (result instanceof Promise) await result;
	return true;
}

/** The setting tabs plugins added (in order). */
export function settingTabs(app: Obsidian.App): Obsidian.PluginSettingTab[] {
	return real([...fake(app)["viewRegistry"].settingTabs]);
}

/** Opens a setting tab as the settings window does: attaches its `containerEl` to the body and calls `display()`. */
export function openSettingTab(tab: Obsidian.PluginSettingTab): HTMLElement {
	const target = real<PluginSettingTab>(tab);
	requireDom("openSettingTab").body.appendChild(target.containerEl);
	target.display();
	return target.containerEl;
}

/** Closes a setting tab: `hide()`, then detaches it. */
export function closeSettingTab(tab: Obsidian.PluginSettingTab): void {
	const target = real<PluginSettingTab>(tab);
	target.hide();
	target.containerEl.detach();
}

/** Opens a file in a Markdown view (reusing the most recent main leaf unless `newLeaf`) and makes it active. */
export async function openInMarkdownView(app: Obsidian.App, file: Obsidian.TFile | string, options: { newLeaf?: boolean; active?: boolean } = {}): Promise<Obsidian.MarkdownView> {
	const target = typeof file === "string" ? app.vault.getFileByPath(file) : file;
	if (target === null) throw new Error(`obsidian fake: no file at ${typeof file === "string" ? file : file.path}`);
	if (!(target instanceof TFile)) throw new Error("obsidian fake: not a file from this vault");
	const leaf = app.workspace.getLeaf(options.newLeaf === true);
	await leaf.openFile(target, { active: options.active ?? true });
	const view = leaf.view;
	if (!(view instanceof MarkdownView)) throw new Error(`obsidian fake: ${target.path} did not open in a Markdown view`);
	return real(view);
}

/** Every notice created since the last `clearNotices()`, oldest first, with its current message. */
export function notices(): NoticeRecord[] {
	return noticeRecords();
}

/** The current message of every notice since the last `clearNotices()`. */
export function noticeMessages(): string[] {
	return noticeRecords().map((record) => record.message);
}

export function clearNotices(): void {
	clearNoticeRecords();
}

/** Open modals, oldest first. */
export function openModals(): Obsidian.Modal[] {
	return real(openModalList());
}

/** The most recently opened modal that is still open, or null. */
export function topModal(): Obsidian.Modal | null {
	const modals = openModalList();
	return real(modals[modals.length - 1] ?? null);
}

/** Menus shown with `showAtPosition`/`showAtMouseEvent` and not hidden yet. */
export function shownMenus(): Obsidian.Menu[] {
	return real(shownMenuList());
}

/** A menu's item titles (works without a DOM, e.g. for a `file-menu` handler's menu). */
export function menuItems(menu: Obsidian.Menu): string[] {
	return menuItemTitles(real<Menu>(menu));
}

/** Clicks a menu item by title, as a user would (disabled items and labels do nothing); then the menu hides. */
export function clickMenuItem(menu: Obsidian.Menu, title: string): void {
	const evt = hasDom() ? new MouseEvent("click") : real<MouseEvent>({ type: "click" });
	clickMenuItemByTitle(real<Menu>(menu), title, evt);
}

/** Sends a keydown to the document, for the app's keymap (Escape closes the top modal). */
export function pressKey(key: string, modifiers: { ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean; altKey?: boolean } = {}): KeyboardEvent {
	const evt = new KeyboardEvent("keydown", { key, bubbles: true, cancelable: true, ...modifiers });
	requireDom("pressKey").dispatchEvent(evt);
	return evt;
}

type PlatformFlags = typeof Platform;
const platformDefaults: PlatformFlags = { ...Platform };

/** Changes `Platform`'s flags (e.g. `{ isMobile: true, isDesktop: false }`); `resetPlatform()` restores them. */
export function setPlatform(flags: Partial<PlatformFlags>): void {
	Object.assign(Platform, flags);
}

export function resetPlatform(): void {
	Object.assign(Platform, platformDefaults);
}

export interface LiveCounts {
	/** Listeners registered with `app.vault.on`. */
	vault: number;
	/** Listeners registered with `app.metadataCache.on`. */
	metadataCache: number;
	/** Listeners registered with `app.workspace.on`. */
	workspace: number;
	/** DOM listeners added with `Component.registerDomEvent` and not yet removed (all apps). */
	domListeners: number;
	/** Intervals passed to `Component.registerInterval` and not yet cleared by an unload (all apps). */
	intervals: number;
	/** Commands registered. */
	commands: number;
	/** View types registered by plugins. */
	viewTypes: number;
}

/** What is still registered: after a plugin unloads, its listeners, intervals, commands and views are gone. */
export function liveCounts(app: Obsidian.App): LiveCounts {
	const target = fake(app);
	return {
		vault: countListeners(target.vault),
		metadataCache: countListeners(target.metadataCache),
		workspace: countListeners(target.workspace),
		domListeners: counters.domListeners,
		intervals: counters.intervals,
		commands: target["viewRegistry"].commands.size,
		viewTypes: target["viewRegistry"].views.size,
	};
}

/** Every `requestUrl` call since the last `clearRequestUrlCalls` (the fake is offline: each one rejected). */
export function requestUrlCalls(): Obsidian.RequestUrlParam[] {
	return [...recordedRequestUrlCalls()];
}

export { clearRequestUrlCalls };

/**
 * Makes the fake report another app version (`apiVersion`, `requireApiVersion`), e.g. one with Bases ("1.10.0").
 * Call `resetApiVersion` after the test.
 */
export function setApiVersion(version: string): void {
	setFakeApiVersion(version);
}

/** Back to the fake's own version (1.8.7, an app without Bases). */
export function resetApiVersion(): void {
	setFakeApiVersion(DEFAULT_API_VERSION);
}
