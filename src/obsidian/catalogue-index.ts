/**
 * Parsed catalogues, kept up to date as they change. The status bar, the
 * progress view, status sync and the commands all read from here, so a
 * catalogue is parsed once per change, and only its changed chunks at that.
 */
import { type App, Events, type EventRef, TFile } from "obsidian";
import type { Catalogue } from "../catalogue/model";
import { CatalogueParser, SLICED_PARSE_CHARS } from "../catalogue/parse";
import { yieldToUi } from "./yield-to-ui";

interface Entry {
	parser: CatalogueParser;
	text: string | null;
	catalogue: Catalogue | null;
	/** Counts stored parses, so a sliced parse can tell that a newer one landed while it yielded. */
	version: number;
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
		return this.updateInSlices(path, await this.app.vault.cachedRead(file));
	}

	private entry(path: string): Entry {
		let entry = this.entries.get(path);
		if (!entry) {
			entry = { parser: new CatalogueParser(), text: null, catalogue: null, version: 0 };
			this.entries.set(path, entry);
		}
		return entry;
	}

	private store(path: string, entry: Entry, text: string, after: Catalogue): Catalogue {
		const before = entry.catalogue;
		entry.text = text;
		entry.catalogue = after;
		entry.version += 1;
		this.trigger("changed", path, before, after);
		return after;
	}

	/**
	 * Parses a new text of the catalogue at once and tells listeners what changed.
	 * For edits: after the first parse only changed chunks are parsed, and a tick none.
	 */
	update(path: string, text: string): Catalogue {
		const entry = this.entry(path);
		if (entry.text === text && entry.catalogue) return entry.catalogue;
		return this.store(path, entry, text, entry.parser.parse(text));
	}

	/**
	 * The same, yielding to the UI between slices: for a first read or a change
	 * from disk, which may re-parse a whole long catalogue.
	 */
	async updateInSlices(path: string, text: string): Promise<Catalogue> {
		const entry = this.entry(path);
		if (entry.text === text && entry.catalogue) return entry.catalogue;
		// A short catalogue parses within one frame; yielding would only delay it.
		if (text.length < SLICED_PARSE_CHARS) return this.update(path, text);
		const version = entry.version;
		const after = await entry.parser.parseInSlices(text, yieldToUi);
		// An edit stored while we yielded is newer than this text: keep it.
		if (entry.version !== version && entry.catalogue) return entry.catalogue;
		return this.store(path, entry, text, after);
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
