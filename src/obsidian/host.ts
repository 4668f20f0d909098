/**
 * What the plugin's parts need from the plugin: one interface, implemented by
 * the plugin class in main.ts, so that no module imports main.ts.
 */
import type { App, EventRef, Plugin } from "obsidian";
import type { PaperCatalogueSettings } from "../settings";
import type { CatalogueIndex } from "./catalogue-index";
import type { StatusSync } from "./status-sync";

export interface PluginHost {
	app: App;
	settings: PaperCatalogueSettings;
	index: CatalogueIndex;
	statusSync: StatusSync;
	saveSettings(): Promise<void>;
	/** Opens (or reveals) the reading progress view in the right sidebar. */
	activateView(): Promise<void>;
	registerEvent(ref: EventRef): void;
	registerDomEvent: Plugin["registerDomEvent"];
	addCommand: Plugin["addCommand"];
}

export function isTracked(host: PluginHost, path: string): boolean {
	return host.settings.catalogues.includes(path);
}

/** The catalogue the user means: the active note when it is tracked, else the first tracked one. */
export function currentCatalogue(host: PluginHost): string | null {
	const active = host.app.workspace.getActiveFile();
	if (active && isTracked(host, active.path)) return active.path;
	return host.settings.catalogues[0] ?? null;
}
