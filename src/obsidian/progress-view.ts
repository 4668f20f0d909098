/**
 * The reading progress view: completion across a catalogue's sections, in the right sidebar, following every edit
 * live. This file is the view's lifecycle and state (which catalogue, filter, search, expanded sections), the events
 * it follows, and when it reloads; the parts it shows live in progress-view/ (header, controls, section list,
 * paper rows) and what it reads about the notes in progress-view/note-facts.ts.
 *
 * Updates are keyed: each part keeps its elements and changes only the text, classes and attributes that differ,
 * so a tick touches one paper row and one section row, focus stays where it was, and expanded sections and the
 * scroll position survive. Paper rows exist only for expanded sections.
 *
 * Data flows one way: events (the catalogue index, paper notes' metadata, renames, the active note) schedule a
 * reload, coalesced to one per frame; a reload reads the catalogue and its notes, and `render` turns them into DOM
 * synchronously. Filters, the search box and expanding a section only re-render from what was read last.
 */
import { ItemView, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { showSectionMenu } from "./progress-view/section-menu";
import type { Catalogue, Paper } from "../catalogue/model";
import { buildProgressViewModel, type NoteInfo, type PaperFilter, type PaperRow } from "../progress/view-model";
import { inBackground } from "./failures";
import { catalogueToShow, type PluginHost, trackCatalogue } from "./host";
import { markPaper, openPaperNote } from "./paper-note-runner";
import { isPaperFilter, ProgressControls } from "./progress-view/controls";
import { fileName, setClass } from "./progress-view/dom";
import { ProgressHeader } from "./progress-view/header";
import { NoteFacts } from "./progress-view/note-facts";
import { SectionList } from "./progress-view/section-list";

export const VIEW_TYPE_PROGRESS = "paper-catalogue-progress";

/** What the workspace saves for the view, so that it comes back as it was after a restart. */
interface SavedState {
	catalogue?: string;
	filter?: PaperFilter;
	expanded?: string[];
}

interface Parts {
	headerEl: HTMLElement;
	controlsEl: HTMLElement;
	messageEl: HTMLElement;
	sectionsEl: HTMLElement;
	header: ProgressHeader;
	controls: ProgressControls;
	sections: SectionList;
}

export class ProgressView extends ItemView {
	private cataloguePath: string | null = null;
	private filter: PaperFilter = "all";
	private query = "";
	private readonly expanded = new Set<string>();

	/** What the last reload read. */
	private catalogue: Catalogue | null = null;
	private notes = new Map<string, NoteInfo>();
	private notePaths = new Set<string>();
	private linkNames = new Set<string>();
	private readonly facts: NoteFacts;

	private parts: Parts | null = null;

	private isOpen = false;
	private frameRequested = false;
	private running: Promise<void> | null = null;
	private reloadAgain = false;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: PluginHost,
	) {
		super(leaf);
		this.navigation = false;
		this.facts = new NoteFacts({
			app: this.app,
			get settings() {
				return host.settings;
			},
			noteOf: (paper, cataloguePath) => host.notes.noteOf(paper, cataloguePath),
		});
	}

	getViewType(): string {
		return VIEW_TYPE_PROGRESS;
	}

	getDisplayText(): string {
		return "Reading progress";
	}

	override getIcon(): string {
		return "book-open-check";
	}

	override async onOpen(): Promise<void> {
		this.isOpen = true;
		const root = this.contentEl;
		root.empty();
		root.addClass("paper-catalogue-view");
		const headerEl = root.createDiv({ cls: "paper-catalogue-header" });
		const controlsEl = root.createDiv({ cls: "paper-catalogue-controls" });
		const messageEl = root.createDiv({ cls: "paper-catalogue-message", attr: { role: "status" } });
		const sectionsEl = root.createDiv({ cls: "paper-catalogue-sections", attr: { role: "list", "aria-label": "Sections" } });
		this.parts = {
			headerEl,
			controlsEl,
			messageEl,
			sectionsEl,
			header: new ProgressHeader(headerEl, { switchTo: (path) => this.switchCatalogue(path), track: (path) => inBackground("Could not track the catalogue", this.track(path)) }),
			controls: new ProgressControls(controlsEl, this.filter, { filterChosen: (filter) => this.setFilter(filter), queryTyped: (query) => this.setQuery(query) }),
			sections: new SectionList(sectionsEl, {
				toggleExpanded: (key) => this.toggleExpanded(key),
				sectionMenu: (key, event) => this.showSectionMenu(key, event),
				toggle: (row) => this.toggle(row),
				open: (row) => this.open(row),
			}),
		};

		this.registerEvent(this.host.index.onChanged((change) => this.isShownOrCandidate(change.path) && this.scheduleReload()));
		this.registerEvent(this.host.index.onRemoved((path) => this.isShownOrCandidate(path) && this.scheduleReload()));
		// The catalogue was renamed or moved: keep showing it, under its new name.
		this.registerEvent(
			this.host.index.onRenamed((oldPath, newPath) => {
				if (oldPath !== this.cataloguePath) return;
				this.cataloguePath = newPath;
				this.app.workspace.requestSaveLayout();
				this.scheduleReload();
			}),
		);
		this.registerEvent(this.host.index.onTrackedChanged(() => this.scheduleReload()));
		// With nothing tracked the view shows the active note when it lists papers.
		this.registerEvent(this.app.workspace.on("active-leaf-change", () => this.host.settings.catalogues.length === 0 && this.scheduleReload()));
		this.registerEvent(this.app.metadataCache.on("changed", (file) => this.isRelevant(file.path) && this.scheduleReload()));
		this.registerEvent(this.app.metadataCache.on("deleted", (file) => this.isRelevant(file.path) && this.scheduleReload()));
		this.registerEvent(this.app.vault.on("rename", (file, oldPath) => (this.isRelevant(oldPath) || this.isRelevant(file.path)) && this.scheduleReload()));
		this.registerEvent(
			this.app.workspace.on("file-open", (file) => {
				if (file && file.path !== this.cataloguePath && this.host.settings.catalogues.includes(file.path)) this.switchCatalogue(file.path);
			}),
		);
		await this.refresh();
	}

	override async onClose(): Promise<void> {
		this.isOpen = false;
		this.parts = null;
		this.contentEl.empty();
		return Promise.resolve();
	}

	override getState(): Record<string, unknown> {
		const state: SavedState = { filter: this.filter, expanded: [...this.expanded] };
		if (this.cataloguePath !== null) state.catalogue = this.cataloguePath;
		return { ...super.getState(), ...state };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		let changed = false;
		if (typeof state === "object" && state !== null) {
			const saved = state as Record<string, unknown>;
			if (typeof saved.catalogue === "string" && saved.catalogue !== this.cataloguePath) {
				this.cataloguePath = saved.catalogue;
				changed = true;
			}
			if (isPaperFilter(saved.filter) && saved.filter !== this.filter) {
				this.filter = saved.filter;
				this.parts?.controls.show(this.filter);
				changed = true;
			}
			if (Array.isArray(saved.expanded)) {
				this.expanded.clear();
				for (const key of saved.expanded) if (typeof key === "string") this.expanded.add(key);
				changed = true;
			}
		}
		await super.setState(state, result);
		if (changed && this.isOpen) await this.refresh();
	}

	/** Resolves once no update is waiting or running: the DOM then shows the vault as it is. */
	async whenIdle(): Promise<void> {
		while (this.running || this.frameRequested) {
			if (this.running) await this.running;
			else await new Promise<void>((resolve) => this.contentEl.win.requestAnimationFrame(() => resolve()));
		}
	}

	/** Coalesces bursts of events (a sync writing sixty notes, a key held down) into one reload per frame. */
	private scheduleReload(): void {
		if (this.frameRequested || !this.isOpen) return;
		this.frameRequested = true;
		this.contentEl.win.requestAnimationFrame(() => {
			this.frameRequested = false;
			void this.refresh();
		});
	}

	/** Reads the catalogue and its notes again and renders; one reload at a time, and one more if asked meanwhile. */
	refresh(): Promise<void> {
		if (!this.isOpen) return Promise.resolve();
		if (this.running) {
			this.reloadAgain = true;
			return this.running;
		}
		const run = async (): Promise<void> => {
			try {
				do {
					this.reloadAgain = false;
					await this.reload();
				} while (this.reloadAgain && this.isOpen);
			} catch (error) {
				console.error("Paper Catalogue: could not update the reading progress view", error);
				this.showMessage(`Could not show the progress: ${error instanceof Error ? error.message : String(error)}`, false);
			} finally {
				this.running = null;
			}
		};
		this.running = run();
		return this.running;
	}

	/** Whether a change to the note at `path` can change what the view shows. */
	private isRelevant(path: string): boolean {
		if (!this.isOpen || path === this.cataloguePath) return false;
		if (this.notePaths.has(path) || path === this.host.settings.templatePath) return true;
		// A note that a link in the catalogue may resolve to now (created, renamed into place).
		return path.toLowerCase().endsWith(".md") && this.linkNames.has(fileName(path).toLowerCase());
	}

	/** Whether a change to this catalogue path concerns the view: the one it shows, or, with nothing tracked, the active note. */
	private isShownOrCandidate(path: string): boolean {
		return path === this.cataloguePath || (this.host.settings.catalogues.length === 0 && path === this.app.workspace.getActiveFile()?.path);
	}

	private chooseCatalogue(): string | null {
		const tracked = this.host.settings.catalogues;
		if (this.cataloguePath && tracked.includes(this.cataloguePath)) return this.cataloguePath;
		return catalogueToShow(this.host);
	}

	private switchCatalogue(path: string): void {
		if (path === this.cataloguePath) return;
		this.cataloguePath = path;
		this.expanded.clear();
		this.parts?.sections.clear();
		this.contentEl.scrollTop = 0;
		this.app.workspace.requestSaveLayout();
		void this.refresh();
	}

	private async reload(): Promise<void> {
		const path = this.chooseCatalogue();
		if (path !== this.cataloguePath) {
			this.cataloguePath = path;
			this.parts?.sections.clear();
		}
		if (!path) {
			this.catalogue = null;
			this.showMessage("No catalogue is tracked yet. Open a reading-list note and track it to see your progress here.", true);
			return;
		}
		const catalogue = this.host.index.has(path) || this.host.settings.catalogues.includes(path) ? await this.host.index.load(path) : null;
		if (!this.isOpen || path !== this.cataloguePath) return;
		this.catalogue = catalogue;
		if (!catalogue) {
			this.showMessage(`The catalogue ${fileName(path)} could not be found. Was it moved or deleted?`, false);
			return;
		}
		if (catalogue.papers.length === 0) {
			this.showMessage(
				`${fileName(path)} has no papers yet. A paper is a task item (- [ ] Title) or a list item with a link ([Title](https://…) or [[Note]]), ` +
					"a table row with a link, or a numbered reference; ## headings (## Week 1) group them into sections, and headings that say required or optional split them.",
				false,
			);
			return;
		}
		const gathered = await this.facts.gather(catalogue, path);
		if (!this.isOpen || path !== this.cataloguePath) return;
		this.notes = gathered.notes;
		this.notePaths = gathered.notePaths;
		this.linkNames = gathered.linkNames;
		this.render();
	}

	/** Turns what was read last into DOM, touching only what changed. */
	private render(): void {
		const { catalogue, parts } = this;
		const path = this.cataloguePath;
		if (!catalogue || !path || catalogue.papers.length === 0 || !parts) return;
		const model = buildProgressViewModel(catalogue, { filter: this.filter, query: this.query }, this.notes, new Date(), (key) => this.expanded.has(key));
		setClass(parts.headerEl, "paper-catalogue-hidden", false);
		setClass(parts.controlsEl, "paper-catalogue-hidden", false);
		setClass(parts.sectionsEl, "paper-catalogue-hidden", false);
		parts.header.render(model, path, this.host.settings.catalogues, !this.host.settings.catalogues.includes(path));
		parts.sections.render(model, (key) => this.expanded.has(key));
		if (model.sections.length === 0) {
			const query = this.query.trim();
			const what = this.filter === "unread" ? "unread papers" : this.filter === "required" ? "required papers" : "papers";
			this.showNote(query === "" ? `No ${what} left.` : `No ${what} match “${query}”.`);
		} else {
			this.showNote(null);
		}
	}

	/** A message in place of the view (nothing tracked, no papers), with the "Track the active note" button when it helps. */
	private showMessage(message: string, offerTracking: boolean): void {
		const parts = this.parts;
		if (!parts) return;
		setClass(parts.headerEl, "paper-catalogue-hidden", true);
		setClass(parts.controlsEl, "paper-catalogue-hidden", true);
		setClass(parts.sectionsEl, "paper-catalogue-hidden", true);
		parts.sections.clear();
		const el = parts.messageEl;
		el.empty();
		setClass(el, "paper-catalogue-hidden", false);
		setClass(el, "is-empty-state", true);
		el.createEl("p", { text: message });
		if (offerTracking) {
			const button = el.createEl("button", { text: "Track the active note", cls: "mod-cta" });
			button.addEventListener("click", () => inBackground("Could not track the note", this.trackActiveNote()));
		}
	}

	/** A short note above the sections (no match), or none. */
	private showNote(message: string | null): void {
		const el = this.parts?.messageEl;
		if (!el) return;
		setClass(el, "is-empty-state", false);
		if (message === null) {
			if (!el.hasClass("paper-catalogue-hidden")) {
				el.empty();
				el.addClass("paper-catalogue-hidden");
			}
			return;
		}
		if (el.getText() !== message) {
			el.empty();
			el.createEl("p", { text: message });
		}
		setClass(el, "paper-catalogue-hidden", false);
	}

	private async trackActiveNote(): Promise<void> {
		const file = this.app.workspace.getActiveFile();
		if (!file || file.extension !== "md") {
			this.showMessage("Open a reading-list note first, then track it here.", true);
			return;
		}
		await this.track(file.path);
	}

	private async track(path: string): Promise<void> {
		this.cataloguePath = path;
		await trackCatalogue(this.host, path);
		await this.refresh();
	}

	private setFilter(filter: PaperFilter): void {
		if (filter === this.filter) return;
		this.filter = filter;
		this.parts?.controls.show(filter);
		this.app.workspace.requestSaveLayout();
		this.render();
	}

	private setQuery(query: string): void {
		if (query === this.query) return;
		this.query = query;
		this.render();
	}

	private showSectionMenu(key: string, event: MouseEvent): void {
		const path = this.cataloguePath;
		const catalogue = this.catalogue;
		if (!path || !catalogue) return;
		showSectionMenu(this.host, path, catalogue, key, event);
	}

	private toggleExpanded(key: string): void {
		if (this.expanded.has(key)) this.expanded.delete(key);
		else this.expanded.add(key);
		this.app.workspace.requestSaveLayout();
		this.render();
	}

	/** Ticks the item (an item without a checkbox: sets its note's status, making the note first if need be). */
	private toggle(row: PaperRow): void {
		const path = this.cataloguePath;
		const paper = this.catalogue?.papers.find((candidate) => candidate.id === row.id);
		if (!path || !paper) return;
		inBackground(`Could not mark ${row.title} as ${row.checked ? "unread" : "read"}`, markPaper(this.host, path, paper, !row.checked));
	}

	private open(row: PaperRow): void {
		const path = this.cataloguePath;
		const found: Paper | undefined = this.catalogue?.papers.find((candidate) => candidate.id === row.id);
		if (!path || !found) return;
		inBackground(`Could not open the note for ${found.title}`, openPaperNote(this.host, path, found));
	}
}
