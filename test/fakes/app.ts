/**
 * `App` (vault, metadata cache, file manager, workspace, keymap) and `Plugin`.
 *
 * Plugin behaviour, as in Obsidian:
 * - `addCommand` prefixes the command's id with `<plugin id>:` and its name with `<plugin name>: ` (it changes
 *   and returns the same object) and registers it with the app; unloading the plugin removes it, as do
 *   `removeCommand(id)` (the id without the prefix).
 * - `registerView`, `registerExtensions`, `addSettingTab`, `addRibbonIcon`, `addStatusBarItem` and the
 *   `register*` hooks are undone when the plugin unloads; its views' leaves then hold empty views (Obsidian keeps
 *   the leaves, which is why plugins must not detach them in `onunload`).
 * - `loadData()` reads `<configDir>/plugins/<id>/data.json` through the adapter: null when there is none, a
 *   rejection (SyntaxError) when it is not JSON. `saveData(data)` writes `JSON.stringify(data, null, 2)` there.
 * - A write to a loaded plugin's data.json that is not its own `saveData` (Sync, another device) makes the app
 *   call the plugin's `onExternalSettingsChange` on a later task.
 * - `addStatusBarItem`/`addRibbonIcon` need a DOM; the rest works without one.
 */
import { Component } from "./events";
import { Editor } from "./editor";
import { FileManager } from "./filemanager";
import { backgroundTask, defaultSettings, hasDom, requireDom, type FakeAppSettings } from "./internal";
import { MetadataCache } from "./metadata";
import type { HoverLinkSource, IconName, ObsidianProtocolHandler, PluginManifest, UserEvent } from "./types";
import { PluginSettingTab } from "./ui";
import { Keymap, Scope, setIcon } from "./util";
import { Vault } from "./vault";
import { MarkdownView, Workspace, type MarkdownFileInfo, type ViewCreator } from "./workspace";

export interface Command {
	id: string;
	name: string;
	icon?: IconName;
	mobileOnly?: boolean;
	repeatable?: boolean;
	callback?: () => unknown;
	checkCallback?: (checking: boolean) => boolean | void;
	editorCallback?: (editor: Editor, ctx: MarkdownView | MarkdownFileInfo) => unknown;
	editorCheckCallback?: (checking: boolean, editor: Editor, ctx: MarkdownView | MarkdownFileInfo) => boolean | void;
	hotkeys?: { modifiers: ("Mod" | "Ctrl" | "Meta" | "Shift" | "Alt")[]; key: string }[];
}

export interface AppOptions {
	/** The vault's name (`Vault.getName()`). */
	vaultName?: string;
	/** Whether `workspace.layoutReady` starts true (default) or waits for `markLayoutReady`. */
	layoutReady?: boolean;
	settings?: Partial<FakeAppSettings>;
}

interface Registry {
	commands: Map<string, Command>;
	views: Map<string, ViewCreator>;
	extensions: Map<string, string>;
	settingTabs: PluginSettingTab[];
	plugins: Plugin[];
	postProcessors: unknown[];
	editorExtensions: unknown[];
	editorSuggests: unknown[];
	protocolHandlers: Map<string, ObsidianProtocolHandler>;
	hoverLinkSources: Map<string, HoverLinkSource>;
}

interface AppDom {
	root: HTMLElement;
	ribbon: HTMLElement;
	statusBar: HTMLElement;
	keydown: (evt: KeyboardEvent) => void;
}

export class App {
	keymap: Keymap;
	scope: Scope;
	workspace: Workspace;
	vault: Vault;
	metadataCache: MetadataCache;
	fileManager: FileManager;
	lastEvent: UserEvent | null = null;

	private settings: FakeAppSettings;
	private readonly localStorage = new Map<string, unknown>();
	private readonly viewRegistry: Registry = {
		commands: new Map(),
		views: new Map(),
		extensions: new Map(),
		settingTabs: [],
		plugins: [],
		postProcessors: [],
		editorExtensions: [],
		editorSuggests: [],
		protocolHandlers: new Map(),
		hoverLinkSources: new Map(),
	};
	private dom: AppDom | null = null;

	constructor(options: AppOptions = {}) {
		this.settings = { ...defaultSettings(), ...options.settings };
		const settings = (): FakeAppSettings => this.settings;
		this.vault = new Vault(
			{ name: options.vaultName },
			{
				created: (file) => this.metadataCache["fileCreated"](file),
				modified: (file) => {
					this.metadataCache["fileModified"](file);
					this.workspace["fileModified"](file);
				},
				deleted: (file) => {
					this.metadataCache["fileDeleted"](file);
					this.workspace["fileDeleted"](file);
				},
				renamed: (file, oldPath) => {
					this.metadataCache["fileRenamed"](file, oldPath);
					this.workspace["fileRenamed"](file, oldPath);
				},
				hiddenWritten: (path) => this.configFileWritten(path),
			},
		);
		this.metadataCache = new MetadataCache(this.vault, settings);
		this.workspace = new Workspace(this, options.layoutReady ?? true);
		this.fileManager = new FileManager(this.vault, this.metadataCache, settings, () => this.workspace.getActiveFile()?.path ?? "");
		this.keymap = new Keymap();
		this.scope = new Scope();
		this.keymap.pushScope(this.scope);
		if (hasDom()) this.mountDom();
	}

	/**
	 * A plugin's data.json changed, and not through its own `saveData` (Obsidian Sync, another device, a text
	 * editor): Obsidian calls the plugin's `onExternalSettingsChange` on a later task.
	 */
	private configFileWritten(path: string): void {
		for (const plugin of this.viewRegistry.plugins) {
			if (`${plugin.manifest.dir ?? ""}/data.json` !== path || plugin["savingData"] > 0) continue;
			this.externalChanges += 1;
			backgroundTask(() => {
				const run = this.viewRegistry.plugins.includes(plugin) ? Promise.resolve(plugin.onExternalSettingsChange?.()) : Promise.resolve();
				void run.finally(() => (this.externalChanges -= 1));
			});
		}
	}

	/** `onExternalSettingsChange` calls scheduled or running: `settled()` in harness.ts waits for them. */
	private externalChanges = 0;

	loadLocalStorage(key: string): unknown {
		return this.localStorage.get(key) ?? null;
	}

	saveLocalStorage(key: string, data: unknown): void {
		if (data === null || data === undefined) this.localStorage.delete(key);
		else this.localStorage.set(key, data);
	}

	/** body > .app-container > [ribbon, workspace, status bar]; keydown goes to the keymap's top scope. */
	private mountDom(what = "the app"): AppDom {
		if (this.dom !== null) return this.dom;
		const doc = requireDom(what);
		const root = doc.body.createDiv({ cls: "app-container" });
		const ribbon = root.createDiv({ cls: ["workspace-ribbon", "side-dock-ribbon", "mod-left"] });
		root.appendChild(this.workspace.containerEl);
		const statusBar = root.createDiv({ cls: "status-bar" });
		const keydown = (evt: KeyboardEvent): void => {
			this.lastEvent = evt;
			if (this.keymap["dispatch"](evt) === false) evt.preventDefault();
		};
		doc.addEventListener("keydown", keydown);
		this.dom = { root, ribbon, statusBar, keydown };
		return this.dom;
	}

	/** Removes the app's DOM and document listener (harness.ts `disposeApp`). */
	private unmountDom(): void {
		if (this.dom === null) return;
		this.dom.root.detach();
		activeDocument.removeEventListener("keydown", this.dom.keydown);
		this.dom = null;
	}
}

export abstract class Plugin extends Component {
	app: App;
	manifest: PluginManifest;
	/** Writes of its own data.json under way: those are not external changes. */
	private savingData = 0;

	constructor(app: App, manifest: PluginManifest) {
		super();
		this.app = app;
		this.manifest = manifest;
		if (manifest.dir === undefined) manifest.dir = `${app.vault.configDir}/plugins/${manifest.id}`;
	}

	addRibbonIcon(icon: IconName, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const ribbon = this.app["mountDom"]("addRibbonIcon").ribbon;
		const el = ribbon.createDiv({ cls: ["side-dock-ribbon-action", "clickable-icon"], attr: { "aria-label": title } });
		setIcon(el, icon);
		el.addEventListener("click", callback);
		this.register(() => el.detach());
		return el;
	}

	addStatusBarItem(): HTMLElement {
		const bar = this.app["mountDom"]("addStatusBarItem").statusBar;
		const el = bar.createDiv({ cls: ["status-bar-item", `plugin-${this.manifest.id.toLowerCase().replace(/[^a-z0-9-]/g, "-")}`] });
		this.register(() => el.detach());
		return el;
	}

	addCommand(command: Command): Command {
		const registry = this.app["viewRegistry"];
		command.id = `${this.manifest.id}:${command.id}`;
		command.name = `${this.manifest.name}: ${command.name}`;
		registry.commands.set(command.id, command);
		const id = command.id;
		this.register(() => {
			if (registry.commands.get(id) === command) registry.commands.delete(id);
		});
		return command;
	}

	removeCommand(commandId: string): void {
		this.app["viewRegistry"].commands.delete(`${this.manifest.id}:${commandId}`);
	}

	addSettingTab(settingTab: PluginSettingTab): void {
		const tabs = this.app["viewRegistry"].settingTabs;
		tabs.push(settingTab);
		this.register(() => {
			const at = tabs.indexOf(settingTab);
			if (at !== -1) tabs.splice(at, 1);
			settingTab.hide();
		});
	}

	registerView(type: string, viewCreator: ViewCreator): void {
		const registry = this.app["viewRegistry"];
		if (registry.views.has(type)) throw new Error(`Attempting to register an existing view type "${type}"`);
		registry.views.set(type, viewCreator);
		this.register(() => {
			registry.views.delete(type);
			this.app.workspace["emptyLeavesOfType"](type);
		});
	}

	registerHoverLinkSource(id: string, info: HoverLinkSource): void {
		const sources = this.app["viewRegistry"].hoverLinkSources;
		sources.set(id, info);
		this.register(() => sources.delete(id));
	}

	registerExtensions(extensions: string[], viewType: string): void {
		const registry = this.app["viewRegistry"].extensions;
		for (const extension of extensions) {
			if (registry.has(extension)) throw new Error(`Attempting to register an existing file extension "${extension}"`);
			registry.set(extension, viewType);
		}
		this.register(() => {
			for (const extension of extensions) registry.delete(extension);
		});
	}

	registerMarkdownPostProcessor<P>(postProcessor: P, sortOrder?: number): P {
		this.keep(this.app["viewRegistry"].postProcessors, postProcessor);
		return postProcessor;
	}

	registerMarkdownCodeBlockProcessor(language: string, handler: (source: string, el: HTMLElement, ctx: unknown) => Promise<unknown> | void, sortOrder?: number): (el: HTMLElement, ctx: unknown) => void {
		const processor = (el: HTMLElement, ctx: unknown): void => undefined;
		this.keep(this.app["viewRegistry"].postProcessors, processor);
		return processor;
	}

	registerEditorExtension(extension: unknown): void {
		this.keep(this.app["viewRegistry"].editorExtensions, extension);
	}

	registerObsidianProtocolHandler(action: string, handler: ObsidianProtocolHandler): void {
		const handlers = this.app["viewRegistry"].protocolHandlers;
		handlers.set(action, handler);
		this.register(() => handlers.delete(action));
	}

	registerEditorSuggest(editorSuggest: unknown): void {
		this.keep(this.app["viewRegistry"].editorSuggests, editorSuggest);
	}

	async loadData(): Promise<unknown> {
		const path = `${this.manifest.dir ?? ""}/data.json`;
		const adapter = this.app.vault.adapter;
		if (!(await adapter.exists(path))) return null;
		return JSON.parse(await adapter.read(path)) as unknown;
	}

	async saveData(data: unknown): Promise<void> {
		const dir = this.manifest.dir ?? "";
		const adapter = this.app.vault.adapter;
		if (!(await adapter.exists(dir))) await adapter.mkdir(dir);
		this.savingData += 1;
		try {
			await adapter.write(`${dir}/data.json`, JSON.stringify(data, null, 2));
		} finally {
			this.savingData -= 1;
		}
	}

	onExternalSettingsChange?(): unknown;

	onUserEnable(): void {}

	private keep(list: unknown[], item: unknown): void {
		list.push(item);
		this.register(() => {
			const at = list.indexOf(item);
			if (at !== -1) list.splice(at, 1);
		});
	}
}
