/**
 * Parsed catalogues, kept up to date as they change. The status bar, the
 * progress view, status sync and the commands all read from here, so a
 * catalogue is parsed once per change, and only its changed chunks at that.
 */
import { type App, Events, type EventRef, TFile } from "obsidian";
import type { Catalogue } from "../catalogue/model";
import { CatalogueParser } from "../catalogue/parse";

interface Entry {
	parser: CatalogueParser;
	text: string | null;
	catalogue: Catalogue | null;
}

export type CatalogueListener = (path: string, before: Catalogue | null, after: Catalogue) => void;

export class CatalogueIndex extends Events {
	private readonly entries = new Map<string, Entry>();

	constructor(private readonly app: App) {
		super();
	}

	/** The last parse of a catalogue, if it has been read. */
	get(path: string): Catalogue | null {
		return this.entries.get(path)?.catalogue ?? null;
	}

	/** The catalogue at `path`, reading and parsing it the first time. Null when there is no such note. */
	async load(path: string): Promise<Catalogue | null> {
		const known = this.get(path);
		if (known) return known;
		const file = this.app.vault.getFileByPath(path);
		if (!(file instanceof TFile)) return null;
		return this.update(path, await this.app.vault.cachedRead(file));
	}

	/** Parses a new text of the catalogue (from disk or from the editor) and tells listeners what changed. */
	update(path: string, text: string): Catalogue {
		let entry = this.entries.get(path);
		if (!entry) {
			entry = { parser: new CatalogueParser(), text: null, catalogue: null };
			this.entries.set(path, entry);
		}
		if (entry.text === text && entry.catalogue) return entry.catalogue;
		const before = entry.catalogue;
		const after = entry.parser.parse(text);
		entry.text = text;
		entry.catalogue = after;
		this.trigger("changed", path, before, after);
		return after;
	}

	rename(oldPath: string, newPath: string): void {
		const entry = this.entries.get(oldPath);
		if (!entry) return;
		this.entries.delete(oldPath);
		this.entries.set(newPath, entry);
	}

	forget(path: string): void {
		this.entries.delete(path);
	}

	onChanged(listener: CatalogueListener): EventRef {
		return this.on("changed", listener as (...data: unknown[]) => unknown);
	}

	/** Tells listeners that the set of tracked catalogues changed. */
	trackedChanged(): void {
		this.trigger("tracked-changed");
	}

	onTrackedChanged(listener: () => void): EventRef {
		return this.on("tracked-changed", listener);
	}
}
