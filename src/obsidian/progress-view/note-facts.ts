/**
 * What the view knows about each paper's note: where it is, its read date, its rating and whether it holds a review. Read from
 * the metadata cache, and from the note's text only for the review, remembered while the note is unchanged.
 */
import type { App, TFile } from "obsidian";
import { readingStatus } from "../../progress/reading-status";
import { yieldToUi } from "../yield-to-ui";
import type { Catalogue, Paper } from "../../catalogue/model";
import { linkName } from "../../notes/link-name";
import { isReviewed } from "../../notes/review";
import { DEFAULT_TEMPLATE } from "../../notes/template";
import { parseReadDate } from "../../progress/pace";
import { ratingOf } from "../../progress/ratings";
import type { NoteInfo } from "../../progress/view-model";

export interface NoteFactsHost {
	app: App;
	settings: { dateFormat: string; templatePath: string };
	/** The paper's note, resolved as status sync resolves it. */
	noteOf(paper: Paper, cataloguePath: string): TFile | null;
}

export interface GatheredNotes {
	notes: Map<string, NoteInfo>;
	/** Paths of the notes found: a change to one of them changes the view. */
	notePaths: Set<string>;
	/** Names the catalogue's note links point at: a note of that name appearing changes the view. */
	linkNames: Set<string>;
}

/**
 * How long gathering runs before it lets the UI paint: a catalogue of thousands of notes takes several slices,
 * short ones, as status sync may be reading the same notes in a slice of its own meanwhile.
 */
const GATHER_SLICE_MS = 4;
/** Read dates remembered at most: far more than a catalogue's distinct dates, few enough to never matter. */
const READ_DATES_KEPT = 10_000;

export class NoteFacts {
	private template = DEFAULT_TEMPLATE;
	/** Read dates by the property's text: a catalogue's notes share few dates, and parsing one costs. */
	private readonly readDates = new Map<string, Date | null>();
	/** Whether each note is reviewed, by path, kept while the note's modification time and size stay the same. */
	private readonly reviewCache = new Map<string, { version: string; reviewed: boolean }>();

	constructor(private readonly host: NoteFactsHost) {}

	async gather(catalogue: Catalogue, cataloguePath: string): Promise<GatheredNotes> {
		await this.loadTemplate();
		const { app } = this.host;
		const notes = new Map<string, NoteInfo>();
		const notePaths = new Set<string>();
		const linkNames = new Set<string>();
		let sliceStart = performance.now();
		for (const paper of catalogue.papers) {
			if (performance.now() - sliceStart >= GATHER_SLICE_MS) {
				await yieldToUi();
				sliceStart = performance.now();
			}
			for (const target of paper.noteLinks) linkNames.add(linkName(target));
			const file = this.host.noteOf(paper, cataloguePath);
			if (!file) continue;
			notePaths.add(file.path);
			const frontmatter = app.metadataCache.getFileCache(file)?.frontmatter;
			const info: NoteInfo = { path: file.path, readDate: this.readDate(frontmatter?.read), reviewed: await this.reviewed(file), rating: ratingOf(frontmatter?.rating) };
			if (frontmatter && "status" in frontmatter) info.status = readingStatus(frontmatter.status);
			notes.set(paper.id, info);
		}
		return { notes, notePaths, linkNames };
	}

	private readDate(value: unknown): Date | null {
		if (typeof value !== "string") return parseReadDate(value, this.host.settings.dateFormat, new Date());
		const key = `${this.host.settings.dateFormat}\n${value}`;
		let date = this.readDates.get(key);
		if (date === undefined) {
			date = parseReadDate(value, this.host.settings.dateFormat, new Date());
			if (this.readDates.size >= READ_DATES_KEPT) this.readDates.clear();
			this.readDates.set(key, date);
		}
		return date;
	}

	private async reviewed(file: TFile): Promise<boolean> {
		const version = `${file.stat.mtime}:${file.stat.size}`;
		const cached = this.reviewCache.get(file.path);
		if (cached && cached.version === version) return cached.reviewed;
		const reviewed = isReviewed(await this.host.app.vault.cachedRead(file), [this.template, DEFAULT_TEMPLATE]);
		this.reviewCache.set(file.path, { version, reviewed });
		return reviewed;
	}

	private async loadTemplate(): Promise<void> {
		const { app, settings } = this.host;
		const file = settings.templatePath ? app.vault.getFileByPath(settings.templatePath) : null;
		const template = file ? await app.vault.cachedRead(file) : DEFAULT_TEMPLATE;
		if (template !== this.template) this.reviewCache.clear();
		this.template = template;
	}
}
