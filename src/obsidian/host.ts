/**
 * What the plugin's parts need from the plugin: one interface, implemented by
 * the plugin class in main.ts, so that no module imports main.ts.
 */
import { type App, type EventRef, type Plugin, TFile } from "obsidian";
import type { DetailsNetwork } from "./details-network";
import type { PaperCatalogueSettings } from "../settings";
import type { CatalogueIndex } from "./catalogue-index";
import type { PaperNotes } from "./paper-notes";
import type { RunQueue } from "./run-queue";
import type { StatusSync } from "./status-sync";

export interface PluginHost {
	app: App;
	settings: PaperCatalogueSettings;
	index: CatalogueIndex;
	notes: PaperNotes;
	statusSync: StatusSync;
	/** Vault-writing runs, one at a time. */
	runs: RunQueue;
	/** How paper details are fetched: Obsidian's request API and the window's timers (tests pass recorded answers). */
	network: DetailsNetwork;
	/** The plugin's folder in the vault's config folder: the details cache lives there. */
	pluginDir: string;
	saveSettings(): Promise<void>;
	/** Opens (or reveals) the reading progress view in the right sidebar. */
	activateView(): Promise<void>;
	registerEvent(ref: EventRef): void;
	registerDomEvent: Plugin["registerDomEvent"];
	/** Runs `cb` when the plugin unloads. */
	register: Plugin["register"];
	addCommand: Plugin["addCommand"];
}

/** The active note when it is a Markdown note. */
export function activeMarkdownFile(host: PluginHost): TFile | null {
	const file = host.app.workspace.getActiveFile();
	return file instanceof TFile && file.extension === "md" ? file : null;
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

/**
 * With nothing tracked yet, the active note when it lists papers: the view and the status bar show its progress
 * at once and offer to track it, so that a first reading list works before any setting is touched.
 */
export function candidateCatalogue(host: PluginHost): string | null {
	if (host.settings.catalogues.length > 0) return null;
	const active = host.app.workspace.getActiveFile();
	if (!active || active.extension !== "md") return null;
	return (host.index.get(active.path)?.papers.length ?? 0) > 0 ? active.path : null;
}

/** The catalogue to show progress for: the current tracked one, else a candidate. */
export function catalogueToShow(host: PluginHost): string | null {
	return currentCatalogue(host) ?? candidateCatalogue(host);
}

/** Starts tracking a note as a catalogue (status sync, the view, the status bar follow it); false if it already was. */
export async function trackCatalogue(host: PluginHost, path: string): Promise<boolean> {
	if (isTracked(host, path)) return false;
	host.settings.catalogues.push(path);
	await host.saveSettings();
	await host.index.load(path);
	return true;
}
