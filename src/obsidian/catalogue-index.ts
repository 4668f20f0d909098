/**
 * Parsed catalogues, kept up to date as they change. The status bar, the progress view, status sync and the
 * commands all read from here, so a catalogue is parsed once per change, and only its changed chunks at that.
 *
 * It holds the tracked catalogues and the active note (to know whether it lists papers); see catalogue-events.ts
 * for what it is told when. Each entry follows the note's live text: the editor's while the note is open in one
 * (the file lags it by the editor's save delay), else the file's.
 *
 * Typing never pays for the whole catalogue: a tick is read from the last parse at once (no parse at all), and
 * any other edit of a long catalogue is parsed in slices once typing pauses.
 */
import { type App, Events, type EventRef } from "obsidian";
import type { Catalogue } from "../catalogue/model";
import { CatalogueParser, SLICED_PARSE_CHARS } from "../catalogue/parse";
import { inBackground } from "./failures";
import { liveText } from "./live-text";
import { yieldToUi } from "./yield-to-ui";

/** How long typing in a long catalogue pauses before the edit is parsed. */
export const EDIT_SETTLE_MS = 300;

interface Entry {
	/** Where the note is now (a rename moves the entry). */
	path: string;
	parser: CatalogueParser;
	text: string | null;
	catalogue: Catalogue | null;
	/**
	 * Every update takes a number when it starts; a result is stored only when no update that started later has
	 * been stored: two parses in slices overlap (two changes on disk in a row), and the older may end first.
	 */
	started: number;
	stored: number;
	/** Dropped from the index (deleted, closed, no longer tracked): results still on their way are not stored. */
	forgotten: boolean;
	/** The newest text typed and not parsed yet, and the timer that will parse it. */
	pending: { text: string; timer: number } | null;
	/** A parse in slices under way, so that asking again for the same text waits for it instead of parsing twice. */
	parsing: { text: string; done: Promise<Catalogue> } | null;
}

function newEntry(path: string, forgotten: boolean): Entry {
	return { path, parser: new CatalogueParser(), text: null, catalogue: null, started: 0, stored: 0, forgotten, pending: null, parsing: null };
}

/** What changed in one catalogue: the parses and texts before and after. */
export interface CatalogueChange {
	path: string;
	before: Catalogue | null;
	beforeText: string | null;
	after: Catalogue;
	afterText: string;
}

export type CatalogueListener = (change: CatalogueChange) => void;

export class CatalogueIndex extends Events {
	private readonly entries = new Map<string, Entry>();
	private disposed = false;

	constructor(private readonly app: App) {
		super();
	}

	/** The last parse of a catalogue, if it has been read. */
	get(path: string): Catalogue | null {
		return this.entries.get(path)?.catalogue ?? null;
	}

	/** The text the last parse was made from. */
	textOf(path: string): string | null {
		return this.entries.get(path)?.text ?? null;
	}

	has(path: string): boolean {
		return this.entries.has(path);
	}

	paths(): string[] {
		return [...this.entries.keys()];
	}

	/** The catalogue's own parser, warm with its chunks: sync plans with it, so parsing after a run costs little. */
	parserFor(path: string): CatalogueParser {
		return this.entry(path).parser;
	}

	/** The catalogue at `path`, reading and parsing it the first time. Null when there is no such note. */
	async load(path: string): Promise<Catalogue | null> {
		const entry = this.entries.get(path);
		if (entry?.catalogue && !entry.pending) return entry.catalogue;
		return this.refresh(path);
	}

	/**
	 * The catalogue as the note is now — an edit still waiting to be parsed included — for a command about to act on
	 * it. Null when there is no such note.
	 */
	async refresh(path: string): Promise<Catalogue | null> {
		const text = await liveText(this.app, path);
		if (text === null) return null;
		return this.updateInSlices(path, text);
	}

	private entry(path: string): Entry {
		let entry = this.entries.get(path);
		// After unloading, work still on its way gets an entry of its own that nothing keeps.
		if (this.disposed) return entry ?? newEntry(path, true);
		if (!entry) {
			entry = newEntry(path, false);
			this.entries.set(path, entry);
		}
		return entry;
	}

	/** Stores the result of the update numbered `started`, unless a later one is stored already. */
	private store(entry: Entry, started: number, text: string, after: Catalogue): Catalogue {
		if (entry.forgotten || started < entry.stored) return entry.catalogue ?? after;
		const change: CatalogueChange = { path: entry.path, before: entry.catalogue, beforeText: entry.text, after, afterText: text };
		entry.text = text;
		entry.catalogue = after;
		entry.stored = started;
		if (entry.pending?.text === text) this.cancelPending(entry);
		if (change.before !== after) this.trigger("changed", change);
		return after;
	}

	private cancelPending(entry: Entry): void {
		if (entry.pending) window.clearTimeout(entry.pending.timer);
		entry.pending = null;
	}

	/**
	 * Parses a new text of the catalogue at once and tells listeners what changed. After the first parse only
	 * changed chunks are parsed, and a tick none.
	 */
	update(path: string, text: string): Catalogue {
		const entry = this.entry(path);
		if (entry.text === text && entry.catalogue) {
			this.cancelPending(entry);
			return entry.catalogue;
		}
		const started = ++entry.started;
		return this.store(entry, started, text, entry.parser.parse(text));
	}

	/**
	 * The same, yielding to the UI between slices: for a first read, a change from disk or an edit of a long
	 * catalogue, which may re-parse much of it.
	 */
	async updateInSlices(path: string, text: string): Promise<Catalogue> {
		const entry = this.entry(path);
		if (entry.text === text && entry.catalogue) {
			this.cancelPending(entry);
			return entry.catalogue;
		}
		// A short catalogue parses within one frame; yielding would only delay it.
		const quick = text.length < SLICED_PARSE_CHARS ? null : entry.parser.parseIfQuick(text);
		if (text.length < SLICED_PARSE_CHARS || quick) {
			const started = ++entry.started;
			return this.store(entry, started, text, quick ?? entry.parser.parse(text));
		}
		if (entry.parsing?.text === text) return entry.parsing.done;
		const started = ++entry.started;
		const done = (async (): Promise<Catalogue> => {
			const after = await entry.parser.parseInSlices(text, yieldToUi);
			// An update that started later and was stored while we yielded is newer than this text: it stays.
			return this.store(entry, started, text, after);
		})();
		entry.parsing = { text, done };
		try {
			return await done;
		} finally {
			if (entry.parsing?.done === done) entry.parsing = null;
		}
	}

	/**
	 * The editor's text changed (a keystroke, a paste, our own edit). A tick shows at once, without a parse; so does
	 * any edit of a short catalogue. Other edits of a long one wait until typing pauses and are parsed in slices.
	 */
	edited(path: string, text: string): void {
		const entry = this.entry(path);
		if (entry.text === text) {
			this.cancelPending(entry);
			return;
		}
		const quick = entry.catalogue ? entry.parser.parseIfQuick(text) : null;
		if (quick || text.length < SLICED_PARSE_CHARS) {
			const started = ++entry.started;
			this.store(entry, started, text, quick ?? entry.parser.parse(text));
			return;
		}
		this.cancelPending(entry);
		const timer = window.setTimeout(() => {
			if (entry.pending?.timer !== timer || entry.forgotten) return;
			entry.pending = null;
			inBackground(`Could not read ${entry.path}`, this.updateInSlices(entry.path, text));
		}, EDIT_SETTLE_MS);
		entry.pending = { text, timer };
	}

	/** Whether an edit of the catalogue is waiting to be parsed. */
	isPending(path: string): boolean {
		return this.entries.get(path)?.pending != null;
	}

	rename(oldPath: string, newPath: string): void {
		const entry = this.entries.get(oldPath);
		if (!entry) return;
		this.entries.delete(oldPath);
		entry.path = newPath;
		this.entries.set(newPath, entry);
		this.trigger("renamed", oldPath, newPath);
	}

	forget(path: string): void {
		const entry = this.entries.get(path);
		if (!entry) return;
		this.cancelPending(entry);
		entry.forgotten = true;
		this.entries.delete(path);
		this.trigger("removed", path);
	}

	/** Forgets every note but these (tracked catalogues and the active note). */
	keepOnly(keep: ReadonlySet<string>): void {
		for (const path of [...this.entries.keys()]) if (!keep.has(path)) this.forget(path);
	}

	/** Stops pending work: the plugin is unloading. Nothing is read or stored after this. */
	dispose(): void {
		this.disposed = true;
		for (const entry of this.entries.values()) {
			this.cancelPending(entry);
			entry.forgotten = true;
		}
		this.entries.clear();
	}

	onChanged(listener: CatalogueListener): EventRef {
		return this.on("changed", listener as (...data: unknown[]) => unknown);
	}

	/** A note was dropped: deleted, closed, or no longer tracked. */
	onRemoved(listener: (path: string) => void): EventRef {
		return this.on("removed", listener as (...data: unknown[]) => unknown);
	}

	/** A tracked catalogue was renamed or moved. */
	onRenamed(listener: (oldPath: string, newPath: string) => void): EventRef {
		return this.on("renamed", listener as (...data: unknown[]) => unknown);
	}

	/** Tells listeners that the set of tracked catalogues changed. */
	trackedChanged(): void {
		this.trigger("tracked-changed");
	}

	onTrackedChanged(listener: () => void): EventRef {
		return this.on("tracked-changed", listener);
	}
}
