/**
 * Paper Catalogue: the plugin's lifecycle. Everything it does lives in src/;
 * this file loads settings and wires the parts to Obsidian.
 */
import { Notice, Plugin } from "obsidian";
import { type PaperCatalogueSettings, settingsFromData } from "./src/settings";
import { CatalogueIndex } from "./src/obsidian/catalogue-index";
import { loadTrackedCatalogues, registerCatalogueEvents } from "./src/obsidian/catalogue-events";
import { registerCommands } from "./src/obsidian/commands";
import type { PluginHost } from "./src/obsidian/host";
import { ProgressView, VIEW_TYPE_PROGRESS } from "./src/obsidian/progress-view";
import { PaperCatalogueSettingTab } from "./src/obsidian/settings-tab";
import { registerStatusBar } from "./src/obsidian/status-bar";
import { StatusSync } from "./src/obsidian/status-sync";

export default class PaperCataloguePlugin extends Plugin implements PluginHost {
	override settings: PaperCatalogueSettings = settingsFromData(null).settings;
	index!: CatalogueIndex;
	statusSync!: StatusSync;

	override async onload(): Promise<void> {
		await this.loadSettings();
		this.index = new CatalogueIndex(this.app);
		this.statusSync = new StatusSync(this);

		this.registerView(VIEW_TYPE_PROGRESS, (leaf) => new ProgressView(leaf, this));
		registerCommands(this);
		this.addSettingTab(new PaperCatalogueSettingTab(this.app, this));
		this.addRibbonIcon("book-open-check", "Open reading progress", () => void this.activateView());
		registerCatalogueEvents(this);
		this.statusSync.register();
		registerStatusBar(this, this);
		this.app.workspace.onLayoutReady(() => void loadTrackedCatalogues(this));
	}

	private async loadSettings(): Promise<void> {
		let data: unknown = null;
		try {
			data = await this.loadData();
		} catch {
			new Notice("Paper Catalogue could not read its saved settings (data.json is not valid JSON); using the defaults until you change a setting.", 0);
		}
		const { settings, problems } = settingsFromData(data);
		this.settings = settings;
		if (problems.length > 0) new Notice(`Paper Catalogue reset settings it could not read: ${problems.join(", ")}.`);
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
