/**
 * "Create a base for this catalogue": writes `<catalogue>.base` beside the catalogue, once, with the Bases syntax
 * of the running app (see src/bases/). Obsidian saves the user's columns, sorts and views into that file, so it is
 * never rewritten: when it exists the command opens it. On apps without Bases the command is not offered.
 */
import { Notice, normalizePath, requireApiVersion } from "obsidian";
import { catalogueBaseFile } from "../bases/base-file";
import { BASES_MIN_VERSION, type BasesFeatures, GROUP_BY_MIN_VERSION } from "../bases/features";
import { inBackground } from "./failures";
import type { PluginHost } from "./host";
import { catalogueForCommand, displayName, openInNewTab } from "./output-target";

export const CREATE_BASE_COMMAND_ID = "create-catalogue-base";

/** What this app's Bases can do, from its API version. */
export function appBasesFeatures(): BasesFeatures {
	return { bases: requireApiVersion(BASES_MIN_VERSION), groupBy: requireApiVersion(GROUP_BY_MIN_VERSION) };
}

export interface CatalogueBase {
	path: string;
	/** False when the file was there already (and was left as it is). */
	created: boolean;
}

/**
 * Writes the catalogue's base unless a file is at its path; null when the app has no Bases or the catalogue is
 * gone. Runs inside a run of the queue (the caller's).
 */
export async function writeCatalogueBase(host: PluginHost, cataloguePath: string): Promise<CatalogueBase | null> {
	const features = appBasesFeatures();
	if (!features.bases) return null;
	const catalogue = await host.index.load(cataloguePath);
	if (!catalogue) return null;
	const base = catalogueBaseFile({ path: cataloguePath, sections: catalogue.sections.map((section) => section.title) }, features);
	if (!base) return null;
	const path = normalizePath(base.path);
	if (host.app.vault.getAbstractFileByPath(path)) return { path, created: false };
	await host.app.vault.create(path, base.text);
	return { path, created: true };
}

/**
 * After "Create paper notes" wrote the notes: the base too, when the setting says so and the app has Bases. Never
 * opened, never rewritten; a failure is said in a notice of its own and does not undo the notes.
 */
export async function createBaseWithNotes(host: PluginHost, cataloguePath: string): Promise<void> {
	if (!host.settings.createBase || !appBasesFeatures().bases) return;
	try {
		const base = await writeCatalogueBase(host, cataloguePath);
		if (base?.created) new Notice(`Wrote ${displayName(base.path)}.base beside the catalogue: open it to sort and filter the papers as a table.`);
	} catch (error) {
		new Notice(`Could not write the base for ${displayName(cataloguePath)}: ${error instanceof Error ? error.message : String(error)}`, 15_000);
	}
}

export function registerBaseCommand(host: PluginHost): void {
	host.addCommand({
		id: CREATE_BASE_COMMAND_ID,
		name: "Create a base for this catalogue",
		checkCallback: (checking) => {
			if (!appBasesFeatures().bases) return false;
			const path = catalogueForCommand(host);
			if (!path) return false;
			if (!checking) {
				inBackground(
					`Could not create the base for ${displayName(path)}`,
					host.runs.exclusive("Creating the base", async () => {
						const base = await writeCatalogueBase(host, path);
						if (!base) {
							new Notice(`${displayName(path)} could not be found. Was it moved or deleted?`);
							return;
						}
						if (base.created) new Notice(`Wrote ${displayName(base.path)}.base beside the catalogue.`);
						await openInNewTab(host.app, base.path);
					}),
				);
			}
			return true;
		},
	});
}
