/**
 * What the view knows about each paper's note: where it is, its read date and whether it holds a review. Read from
 * the metadata cache, and from the note's text only for the review, remembered while the note is unchanged.
 */
import type { App, TFile } from "obsidian";
import type { Catalogue, Paper } from "../../catalogue/model";
import { isReviewed } from "../../notes/review";
import { DEFAULT_TEMPLATE } from "../../notes/template";
import { parseReadDate } from "../../progress/pace";
import type { NoteInfo } from "../../progress/view-model";

export interface NoteFactsHost {
	app: App;
	settings: { dateFormat: string; templatePath: string };
	/** The paper's note, resolved as status sync resolves it. */
	noteOf(paper: Paper, cataloguePath: string): TFile | null;
}

/** The last part of a link target, as Obsidian matches a note by name: `Papers/On X#Method|alias` → `on x`. */
export function linkName(target: string): string {
	const path = target.split(/[#|^]/)[0] ?? "";
	return (path.split("/").pop() ?? "").replace(/\.md$/i, "").trim().toLowerCase();
}

export interface GatheredNotes {
	notes: Map<string, NoteInfo>;
	/** Paths of the notes found: a change to one of them changes the view. */
	notePaths: Set<string>;
	/** Names the catalogue's note links point at: a note of that name appearing changes the view. */
	linkNames: Set<string>;
}

export class NoteFacts {
	private template = DEFAULT_TEMPLATE;
	/** Whether each note is reviewed, by path, kept while the note's modification time and size stay the same. */
	private readonly reviewCache = new Map<string, { version: string; reviewed: boolean }>();

	constructor(private readonly host: NoteFactsHost) {}

	async gather(catalogue: Catalogue, cataloguePath: string): Promise<GatheredNotes> {
		await this.loadTemplate();
		const { app } = this.host;
		const notes = new Map<string, NoteInfo>();
		const notePaths = new Set<string>();
		const linkNames = new Set<string>();
		const today = new Date();
		for (const paper of catalogue.papers) {
			for (const target of paper.noteLinks) linkNames.add(linkName(target));
			const file = this.host.noteOf(paper, cataloguePath);
			if (!file) continue;
			notePaths.add(file.path);
			const frontmatter = app.metadataCache.getFileCache(file)?.frontmatter;
			notes.set(paper.id, {
				path: file.path,
				readDate: parseReadDate(frontmatter?.read, this.host.settings.dateFormat, today),
				reviewed: await this.reviewed(file),
			});
		}
		return { notes, notePaths, linkNames };
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
