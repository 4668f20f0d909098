/**
 * Paper Catalogue: the plugin's lifecycle. Everything it does lives in src/;
 * this file loads settings and wires the parts to Obsidian.
 */
import { normalizePath, Notice, Plugin } from "obsidian";
import { obsidianNetwork } from "./src/obsidian/details-network";
import { type PaperCatalogueSettings, settingsFromData } from "./src/settings";
import { CatalogueIndex } from "./src/obsidian/catalogue-index";
import { loadTrackedCatalogues, registerCatalogueEvents } from "./src/obsidian/catalogue-events";
import { registerCommands } from "./src/obsidian/commands";
import { inBackground, showFailure } from "./src/obsidian/failures";
import type { PluginHost } from "./src/obsidian/host";
import { PaperNotes } from "./src/obsidian/paper-notes";
import { registerRelinkRenamedNotes } from "./src/obsidian/relink-renamed-notes";
import { ProgressView, VIEW_TYPE_PROGRESS } from "./src/obsidian/progress-view";
import { RunQueue } from "./src/obsidian/run-queue";
import { PaperCatalogueSettingTab } from "./src/obsidian/settings-tab";
import { registerSettingsFollow } from "./src/obsidian/settings-follow";
import { registerStatusBar } from "./src/obsidian/status-bar";
import { StatusSync } from "./src/obsidian/status-sync";

export default class PaperCataloguePlugin extends Plugin implements PluginHost {
	/** One object for the plugin's life: settings changed on another device are copied into it, never swapped for it. */
	override settings: PaperCatalogueSettings = settingsFromData(null).settings;
	index!: CatalogueIndex;
	notes!: PaperNotes;
	statusSync!: StatusSync;
	readonly runs = new RunQueue();
	/** Used only while looking up paper details, which is off until the user turns it on. */
	network = obsidianNetwork();

	get pluginDir(): string {
		return this.manifest.dir ?? normalizePath(`${this.app.vault.configDir}/plugins/${this.manifest.id}`);
	}
	private settingTab: PaperCatalogueSettingTab | null = null;

	override async onload(): Promise<void> {
		await this.loadSettings();
		this.index = new CatalogueIndex(this.app);
		this.notes = new PaperNotes(this.app);
		this.notes.register((ref) => this.registerEvent(ref));
		this.statusSync = new StatusSync(this);

		this.registerView(VIEW_TYPE_PROGRESS, (leaf) => new ProgressView(leaf, this));
		registerCommands(this);
		this.settingTab = new PaperCatalogueSettingTab(this.app, this);
		this.addSettingTab(this.settingTab);
		this.addRibbonIcon("book-open-check", "Open reading progress", () => inBackground("Could not open the reading progress", this.activateView()));
		registerCatalogueEvents(this);
		registerRelinkRenamedNotes(this);
		registerSettingsFollow(this);
		this.statusSync.register();
		registerStatusBar(this, this);
		this.app.workspace.onLayoutReady(() => inBackground("Could not read the tracked catalogues", loadTrackedCatalogues(this)));
	}

	override onunload(): void {
		this.index.dispose();
	}

	/** The saved settings, or null when data.json cannot be read; `unreadable` says what happens then. */
	private async readSettings(unreadable: string): Promise<PaperCatalogueSettings | null> {
		let data: unknown = null;
		try {
			data = await this.loadData();
		} catch {
			new Notice(`Paper Catalogue could not read its saved settings (data.json is not valid JSON); ${unreadable}.`, 0);
			return null;
		}
		const { settings, problems } = settingsFromData(data);
		if (problems.length > 0) new Notice(`Paper Catalogue reset settings it could not read: ${problems.join(", ")}.`);
		return settings;
	}

	private async loadSettings(): Promise<void> {
		Object.assign(this.settings, (await this.readSettings("using the defaults until you change a setting")) ?? settingsFromData(null).settings);
	}

	/** Obsidian Sync (or another tool) rewrote data.json: take the new settings, so that a later save keeps them. */
	override async onExternalSettingsChange(): Promise<void> {
		// Obsidian does not wait for this: a failure is said here, not left to nobody.
		try {
			const settings = await this.readSettings("keeping the settings in use until you change one");
			// Unreadable: keep what we have (and do not save over the file) until the user changes a setting.
			if (!settings) return;
			Object.assign(this.settings, settings);
			this.index.trackedChanged();
			this.settingTab?.refreshIfShown();
			await loadTrackedCatalogues(this);
		} catch (error) {
			showFailure("Could not take the settings changed on another device", error);
		}
	}

	async saveSettings(): Promise<void> {
		await this.saveData(this.settings);
		this.index.trackedChanged();
	}

	async activateView(): Promise<void> {
		const { workspace } = this.app;
		let leaf = workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)[0] ?? null;
		if (!leaf) {
			leaf = workspace.getRightLeaf(false);
			if (!leaf) return;
			await leaf.setViewState({ type: VIEW_TYPE_PROGRESS, active: true });
		}
		// A deferred view (restored after a restart) only loads once revealed.
		await workspace.revealLeaf(leaf);
	}
}
