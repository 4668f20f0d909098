/**
 * The reading progress view: completion across a catalogue's sections, in
 * the right sidebar, following every edit live.
 *
 * Updates are keyed. The header, each section row and each paper row keep
 * their elements and remember what they last showed; an update changes only
 * the text, classes and attributes that differ, so a tick touches one paper
 * row and one section row, focus stays where it was, and expanded sections
 * and the scroll position survive. Paper rows exist only for expanded
 * sections, so a catalogue of ten thousand papers renders a hundred rows.
 *
 * Data flows one way: events (the catalogue index, paper notes' metadata,
 * renames, the active note) schedule a reload, coalesced to one per frame;
 * a reload reads the catalogue and its notes, and `render` turns them into
 * DOM synchronously. Filters, the search box and expanding a section only
 * re-render from what was read last.
 */
import { format } from "date-fns";
import { ItemView, Notice, SearchComponent, type TFile, type ViewStateResult, type WorkspaceLeaf, setIcon } from "obsidian";
import type { Catalogue, Paper } from "../catalogue/model";
import { isReviewed } from "../notes/review";
import { DEFAULT_TEMPLATE } from "../notes/template";
import { formatPerWeek, parseReadDate } from "../progress/pace";
import type { Completion } from "../progress/completion";
import { buildProgressViewModel, naturalCompare, type NoteInfo, type PaperFilter, type PaperRow, type ProgressViewModel, type SectionRow } from "../progress/view-model";
import { openPaperNote } from "./commands";
import { currentCatalogue, type PluginHost } from "./host";

export const VIEW_TYPE_PROGRESS = "paper-catalogue-progress";

const FILTERS: readonly { value: PaperFilter; label: string }[] = [
	{ value: "all", label: "All" },
	{ value: "unread", label: "Unread" },
	{ value: "required", label: "Required" },
];

/** What the workspace saves for the view, so that it comes back as it was after a restart. */
interface SavedState {
	catalogue?: string;
	filter?: PaperFilter;
	expanded?: string[];
}

interface Bar {
	el: HTMLElement;
	required: HTMLElement;
	optional: HTMLElement;
}

interface PaperEntry {
	row: PaperRow;
	signature: string;
	el: HTMLElement;
	checkbox: HTMLInputElement;
	title: HTMLElement;
	details: HTMLElement;
	meta: HTMLElement;
	annotation: HTMLElement;
	reviewed: HTMLElement | null;
	link: HTMLAnchorElement | null;
}

interface SectionEntry {
	key: string;
	signature: string;
	el: HTMLElement;
	head: HTMLElement;
	title: HTMLElement;
	count: HTMLElement;
	bar: Bar;
	papersEl: HTMLElement | null;
	papers: Map<string, PaperEntry>;
}

interface HeaderElements {
	picker: HTMLElement;
	pickerSignature: string;
	select: HTMLSelectElement | null;
	bar: Bar;
	percent: HTMLElement;
	read: HTMLElement;
	required: HTMLElement;
	optional: HTMLElement;
	reviewed: HTMLElement;
	pace: HTMLElement;
}

function isPaperFilter(value: unknown): value is PaperFilter {
	return FILTERS.some((filter) => filter.value === value);
}

function percentOf(part: number, whole: number): string {
	return whole === 0 ? "0%" : `${Number(((part / whole) * 100).toFixed(2))}%`;
}

function setText(el: HTMLElement, text: string): void {
	if (el.getText() !== text) el.setText(text);
}

/** Changes a class only when it differs: even a no-op classList.remove rewrites the attribute (a DOM mutation). */
function setClass(el: Element, cls: string, on: boolean): void {
	if (el.hasClass(cls) !== on) el.toggleClass(cls, on);
}

function setAttribute(el: Element, name: string, value: string | null): void {
	if (el.getAttribute(name) !== value) el.setAttr(name, value);
}

/** The last part of a link target, as Obsidian matches a note by name: `Papers/On X#Method|alias` → `on x`. */
function linkName(target: string): string {
	const path = target.split(/[#|^]/)[0] ?? "";
	return (path.split("/").pop() ?? "").replace(/\.md$/i, "").trim().toLowerCase();
}

function fileName(path: string): string {
	return (path.split("/").pop() ?? path).replace(/\.md$/i, "");
}

/** A bar split into read required and read optional papers; the widths are CSS variables, set with setCssProps. */
function createBar(parent: HTMLElement, label: string): Bar {
	const el = parent.createDiv({ cls: "paper-catalogue-bar", attr: { role: "progressbar", "aria-label": label, "aria-valuemin": "0" } });
	const required = el.createDiv({ cls: "paper-catalogue-bar-required" });
	const optional = el.createDiv({ cls: "paper-catalogue-bar-optional" });
	return { el, required, optional };
}

function updateBar(bar: Bar, completion: Completion, label: string): void {
	setAttribute(bar.el, "aria-label", label);
	setAttribute(bar.el, "aria-valuemax", String(completion.total));
	setAttribute(bar.el, "aria-valuenow", String(completion.done));
	setAttribute(bar.el, "aria-valuetext", `${completion.done} of ${completion.total} read`);
	const widths = {
		"--paper-catalogue-required": percentOf(completion.required.done, completion.total),
		"--paper-catalogue-optional": percentOf(completion.optional.done, completion.total),
	};
	if (Object.entries(widths).some(([name, value]) => bar.el.style.getPropertyValue(name) !== value)) bar.el.setCssProps(widths);
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
	private template = DEFAULT_TEMPLATE;
	/** Whether each note is reviewed, by path, kept while the note's modification time and size stay the same. */
	private readonly reviewCache = new Map<string, { version: string; reviewed: boolean }>();

	private header: HeaderElements | null = null;
	private headerEl: HTMLElement | null = null;
	private controlsEl: HTMLElement | null = null;
	private filterButtons: HTMLElement[] = [];
	private messageEl: HTMLElement | null = null;
	private sectionsEl: HTMLElement | null = null;
	private readonly sectionEntries = new Map<string, SectionEntry>();

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
		this.headerEl = root.createDiv({ cls: "paper-catalogue-header" });
		this.controlsEl = root.createDiv({ cls: "paper-catalogue-controls" });
		this.messageEl = root.createDiv({ cls: "paper-catalogue-message", attr: { role: "status" } });
		this.sectionsEl = root.createDiv({ cls: "paper-catalogue-sections", attr: { role: "list", "aria-label": "Sections" } });
		this.renderControls();

		this.registerEvent(this.host.index.onChanged((path) => path === this.cataloguePath && this.scheduleReload()));
		this.registerEvent(this.host.index.onTrackedChanged(() => this.scheduleReload()));
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
		this.sectionEntries.clear();
		this.header = null;
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
				this.updateFilterButtons();
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

	private chooseCatalogue(): string | null {
		const tracked = this.host.settings.catalogues;
		if (this.cataloguePath && tracked.includes(this.cataloguePath)) return this.cataloguePath;
		return currentCatalogue(this.host);
	}

	private switchCatalogue(path: string): void {
		if (path === this.cataloguePath) return;
		this.cataloguePath = path;
		this.expanded.clear();
		this.clearSections();
		this.contentEl.scrollTop = 0;
		this.app.workspace.requestSaveLayout();
		void this.refresh();
	}

	private async reload(): Promise<void> {
		const path = this.chooseCatalogue();
		if (path !== this.cataloguePath) {
			this.cataloguePath = path;
			this.clearSections();
		}
		if (!path) {
			this.catalogue = null;
			this.showMessage("No catalogue is tracked yet. Open a reading-list note and track it to see your progress here.", true);
			return;
		}
		const catalogue = await this.host.index.load(path);
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
		await this.loadTemplate();
		const notes = await this.gatherNotes(catalogue, path);
		if (!this.isOpen || path !== this.cataloguePath) return;
		this.notes = notes;
		this.render();
	}

	/** Reads what the view shows about each paper's note: whether it exists, its read date, whether it holds a review. */
	private async gatherNotes(catalogue: Catalogue, cataloguePath: string): Promise<Map<string, NoteInfo>> {
		const notes = new Map<string, NoteInfo>();
		const notePaths = new Set<string>();
		const linkNames = new Set<string>();
		const today = new Date();
		for (const paper of catalogue.papers) {
			for (const target of paper.noteLinks) linkNames.add(linkName(target));
			const file: TFile | undefined = this.host.statusSync.noteFilesOf(paper, cataloguePath)[0];
			if (!file) continue;
			notePaths.add(file.path);
			const frontmatter = this.app.metadataCache.getFileCache(file)?.frontmatter;
			notes.set(paper.id, {
				path: file.path,
				readDate: parseReadDate(frontmatter?.read, this.host.settings.dateFormat, today),
				reviewed: await this.reviewed(file),
			});
		}
		this.notePaths = notePaths;
		this.linkNames = linkNames;
		return notes;
	}

	private async reviewed(file: TFile): Promise<boolean> {
		const version = `${file.stat.mtime}:${file.stat.size}`;
		const cached = this.reviewCache.get(file.path);
		if (cached && cached.version === version) return cached.reviewed;
		const reviewed = isReviewed(await this.app.vault.cachedRead(file), [this.template, DEFAULT_TEMPLATE]);
		this.reviewCache.set(file.path, { version, reviewed });
		return reviewed;
	}

	private async loadTemplate(): Promise<void> {
		const path = this.host.settings.templatePath;
		const file = path ? this.app.vault.getFileByPath(path) : null;
		const template = file ? await this.app.vault.cachedRead(file) : DEFAULT_TEMPLATE;
		if (template !== this.template) this.reviewCache.clear();
		this.template = template;
	}

	// ---- rendering ----------------------------------------------------------------------------------------------

	/** Turns what was read last into DOM, touching only what changed. */
	private render(): void {
		const catalogue = this.catalogue;
		const path = this.cataloguePath;
		if (!catalogue || !path || catalogue.papers.length === 0 || !this.headerEl || !this.sectionsEl) return;
		const model = buildProgressViewModel(catalogue, { filter: this.filter, query: this.query }, this.notes, new Date(), (key) => this.expanded.has(key));
		setClass(this.headerEl, "paper-catalogue-hidden", false);
		if (this.controlsEl) setClass(this.controlsEl, "paper-catalogue-hidden", false);
		setClass(this.sectionsEl, "paper-catalogue-hidden", false);
		this.renderHeader(model, path);
		this.renderSections(model);
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
		if (this.headerEl) setClass(this.headerEl, "paper-catalogue-hidden", true);
		if (this.controlsEl) setClass(this.controlsEl, "paper-catalogue-hidden", true);
		if (this.sectionsEl) setClass(this.sectionsEl, "paper-catalogue-hidden", true);
		this.clearSections();
		const el = this.messageEl;
		if (!el) return;
		el.empty();
		setClass(el, "paper-catalogue-hidden", false);
		setClass(el, "is-empty-state", true);
		el.createEl("p", { text: message });
		if (offerTracking) {
			const button = el.createEl("button", { text: "Track the active note", cls: "mod-cta" });
			button.addEventListener("click", () => void this.trackActiveNote());
		}
	}

	/** A short note above the sections (no match), or none. */
	private showNote(message: string | null): void {
		const el = this.messageEl;
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

	private clearSections(): void {
		this.sectionEntries.clear();
		this.sectionsEl?.empty();
	}

	private async trackActiveNote(): Promise<void> {
		const file = this.app.workspace.getActiveFile();
		if (!file || file.extension !== "md") {
			this.showMessage("Open a reading-list note first, then track it here.", true);
			return;
		}
		if (!this.host.settings.catalogues.includes(file.path)) this.host.settings.catalogues.push(file.path);
		this.cataloguePath = file.path;
		await this.host.saveSettings();
		await this.refresh();
	}

	private renderHeader(model: ProgressViewModel, path: string): void {
		const headerEl = this.headerEl;
		if (!headerEl) return;
		if (!this.header) {
			headerEl.empty();
			const picker = headerEl.createDiv({ cls: "paper-catalogue-picker" });
			const barRow = headerEl.createDiv({ cls: "paper-catalogue-overall" });
			const bar = createBar(barRow, "Overall progress");
			const percent = barRow.createSpan({ cls: "paper-catalogue-percent" });
			const stats = headerEl.createDiv({ cls: "paper-catalogue-stats" });
			const read = stats.createDiv({ cls: "paper-catalogue-read" });
			const split = stats.createDiv({ cls: "paper-catalogue-split" });
			const required = split.createSpan({ cls: "paper-catalogue-legend mod-required" });
			const optional = split.createSpan({ cls: "paper-catalogue-legend mod-optional" });
			const reviewed = stats.createDiv({ cls: "paper-catalogue-muted paper-catalogue-reviewed-count" });
			const pace = stats.createDiv({ cls: "paper-catalogue-muted paper-catalogue-pace" });
			this.header = { picker, pickerSignature: "", select: null, bar, percent, read, required, optional, reviewed, pace };
		}
		const header = this.header;
		this.renderPicker(header, path);
		const { completion, pace } = model;
		updateBar(header.bar, completion, "Overall progress");
		setText(header.percent, completion.total === 0 ? "0%" : `${Math.floor((completion.done / completion.total) * 100)}%`);
		setText(header.read, `${completion.done} of ${completion.total} papers read`);
		setText(header.required, `Required ${completion.required.done}/${completion.required.total}`);
		setText(header.optional, `Optional ${completion.optional.done}/${completion.optional.total}`);
		setText(header.reviewed, model.notes === 0 ? "No paper notes yet" : `${model.reviewed} of ${model.notes} ${model.notes === 1 ? "note" : "notes"} reviewed`);
		let paceText: string;
		if (pace.datedPapers === 0) paceText = "No read dates yet: your pace shows here once papers are marked as read.";
		else if (pace.perWeek === 0) paceText = "No papers read in the last four weeks.";
		else {
			paceText = `${formatPerWeek(pace.perWeek)} over the last four weeks.`;
			paceText += pace.finish ? ` At this pace the required papers are done by ${format(pace.finish, "d MMM yyyy")}.` : " Every required paper is read.";
		}
		setText(header.pace, paceText);
	}

	/** A title for one catalogue, a selector (in natural order) for several; rebuilt only when the tracked list changes. */
	private renderPicker(header: HeaderElements, path: string): void {
		const tracked = [...this.host.settings.catalogues].sort((a, b) => naturalCompare(fileName(a), fileName(b)) || naturalCompare(a, b));
		const signature = JSON.stringify([tracked, tracked.length > 1 ? "" : path]);
		if (signature !== header.pickerSignature) {
			header.pickerSignature = signature;
			header.picker.empty();
			header.select = null;
			if (tracked.length > 1) {
				const select = header.picker.createEl("select", { cls: "dropdown paper-catalogue-select", attr: { "aria-label": "Catalogue" } });
				const names = tracked.map(fileName);
				tracked.forEach((option, i) => {
					const name = names[i] ?? option;
					// Two catalogues of one name in different folders: say which is which.
					select.createEl("option", { text: names.indexOf(name) !== names.lastIndexOf(name) ? option.replace(/\.md$/i, "") : name, value: option });
				});
				select.addEventListener("change", () => this.switchCatalogue(select.value));
				header.select = select;
			} else {
				header.picker.createDiv({ cls: "paper-catalogue-title", text: fileName(path), attr: { title: path } });
			}
		}
		if (header.select && header.select.value !== path) header.select.value = path;
	}

	private renderControls(): void {
		const controls = this.controlsEl;
		if (!controls) return;
		const group = controls.createDiv({ cls: "paper-catalogue-filters", attr: { role: "radiogroup", "aria-label": "Show papers" } });
		this.filterButtons = FILTERS.map(({ value, label }) => {
			const button = group.createEl("button", { text: label, cls: "paper-catalogue-filter", attr: { role: "radio", "data-filter": value } });
			button.addEventListener("click", () => this.setFilter(value));
			return button;
		});
		group.addEventListener("keydown", (event) => {
			if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
			event.preventDefault();
			const at = FILTERS.findIndex((filter) => filter.value === this.filter);
			const next = FILTERS[(at + (event.key === "ArrowRight" ? 1 : FILTERS.length - 1)) % FILTERS.length];
			if (!next) return;
			this.setFilter(next.value);
			this.filterButtons[FILTERS.indexOf(next)]?.focus();
		});
		this.updateFilterButtons();
		const search = new SearchComponent(controls.createDiv({ cls: "paper-catalogue-search" })).setPlaceholder("Search titles").onChange((value) => this.setQuery(value));
		search.inputEl.setAttr("aria-label", "Search titles");
		search.clearButtonEl.setAttr("aria-label", "Clear search");
		search.inputEl.addEventListener("keydown", (event) => {
			if (event.key === "Escape" && search.getValue() !== "") {
				event.preventDefault();
				search.setValue("");
				this.setQuery("");
			}
		});
	}

	private setFilter(filter: PaperFilter): void {
		if (filter === this.filter) return;
		this.filter = filter;
		this.updateFilterButtons();
		this.app.workspace.requestSaveLayout();
		this.render();
	}

	private setQuery(query: string): void {
		if (query === this.query) return;
		this.query = query;
		this.render();
	}

	private updateFilterButtons(): void {
		FILTERS.forEach(({ value }, i) => {
			const button = this.filterButtons[i];
			if (!button) return;
			const active = value === this.filter;
			setClass(button, "is-active", active);
			setAttribute(button, "aria-checked", String(active));
			setAttribute(button, "tabindex", active ? "0" : "-1");
		});
	}

	private renderSections(model: ProgressViewModel): void {
		const container = this.sectionsEl;
		if (!container) return;
		const keep = new Set(model.sections.map((section) => section.key));
		for (const [key, entry] of this.sectionEntries) {
			if (!keep.has(key)) {
				entry.el.remove();
				this.sectionEntries.delete(key);
			}
		}
		let previous: HTMLElement | null = null;
		for (const section of model.sections) {
			let entry = this.sectionEntries.get(section.key);
			if (!entry) {
				entry = this.createSection(container, section.key);
				this.sectionEntries.set(section.key, entry);
			}
			this.updateSection(entry, section, model.filtering);
			placeAfter(container, previous, entry.el);
			previous = entry.el;
		}
	}

	private createSection(container: HTMLElement, key: string): SectionEntry {
		const el = container.createDiv({ cls: "paper-catalogue-section", attr: { role: "listitem" } });
		const head = el.createDiv({ cls: "paper-catalogue-section-head", attr: { role: "button", tabindex: "0" } });
		const chevron = head.createSpan({ cls: "paper-catalogue-chevron" });
		setIcon(chevron, "chevron-right");
		const title = head.createSpan({ cls: "paper-catalogue-section-title" });
		const count = head.createSpan({ cls: "paper-catalogue-count" });
		const bar = createBar(head, "Section progress");
		const toggle = (): void => {
			if (this.expanded.has(key)) this.expanded.delete(key);
			else this.expanded.add(key);
			this.app.workspace.requestSaveLayout();
			this.render();
		};
		head.addEventListener("click", toggle);
		head.addEventListener("keydown", (event) => {
			if (event.target !== head || (event.key !== "Enter" && event.key !== " ")) return;
			event.preventDefault();
			toggle();
		});
		return { key, signature: "", el, head, title, count, bar, papersEl: null, papers: new Map() };
	}

	private updateSection(entry: SectionEntry, section: SectionRow, filtering: boolean): void {
		const expanded = this.expanded.has(section.key);
		const { completion } = section;
		const signature = JSON.stringify([section.title, completion, expanded, filtering ? section.matching : -1]);
		if (signature !== entry.signature) {
			entry.signature = signature;
			setClass(entry.el, "is-expanded", expanded);
			setClass(entry.el, "is-complete", completion.total > 0 && completion.done === completion.total);
			setAttribute(entry.head, "aria-expanded", String(expanded));
			const matching = filtering && section.matching !== completion.total ? `, ${section.matching} shown` : "";
			setAttribute(entry.head, "aria-label", `${section.title}: ${completion.done} of ${completion.total} read${matching}`);
			setText(entry.title, section.title);
			setText(entry.count, `${completion.done}/${completion.total}`);
			updateBar(entry.bar, completion, `${section.title} progress`);
		}
		if (!expanded) {
			if (entry.papersEl) {
				entry.papersEl.remove();
				entry.papersEl = null;
				entry.papers.clear();
			}
			return;
		}
		const list = entry.papersEl ?? entry.el.createDiv({ cls: "paper-catalogue-papers", attr: { role: "list", "aria-label": section.title } });
		entry.papersEl = list;
		const keep = new Set(section.papers.map((paper) => paper.id));
		for (const [id, paperEntry] of entry.papers) {
			if (!keep.has(id)) {
				paperEntry.el.remove();
				entry.papers.delete(id);
			}
		}
		let previous: HTMLElement | null = null;
		for (const paper of section.papers) {
			let paperEntry = entry.papers.get(paper.id);
			if (!paperEntry) {
				paperEntry = this.createPaper(list, paper);
				entry.papers.set(paper.id, paperEntry);
			}
			this.updatePaper(paperEntry, paper);
			placeAfter(list, previous, paperEntry.el);
			previous = paperEntry.el;
		}
	}

	private createPaper(list: HTMLElement, paper: PaperRow): PaperEntry {
		const el = list.createDiv({ cls: "paper-catalogue-paper", attr: { role: "listitem", tabindex: "0", "data-paper-id": paper.id } });
		const checkbox = el.createEl("input", { type: "checkbox", cls: "task-list-item-checkbox paper-catalogue-checkbox" });
		const main = el.createDiv({ cls: "paper-catalogue-paper-main" });
		const title = main.createSpan({ cls: "paper-catalogue-paper-title" });
		const details = main.createDiv({ cls: "paper-catalogue-paper-details" });
		const meta = details.createSpan({ cls: "paper-catalogue-meta" });
		const annotation = details.createSpan({ cls: "paper-catalogue-annotation" });
		const entry: PaperEntry = { row: paper, signature: "", el, checkbox, title, details, meta, annotation, reviewed: null, link: null };

		const toggle = (): void => {
			const row = entry.row;
			if (!row.hasCheckbox || !this.cataloguePath) return;
			this.host.statusSync.setCheckboxes(this.cataloguePath, [row.id], !row.checked).catch((error: unknown) => {
				new Notice(`Could not mark ${row.title} as ${row.checked ? "unread" : "read"}: ${error instanceof Error ? error.message : String(error)}`);
			});
		};
		const open = (): void => {
			const path = this.cataloguePath;
			const found: Paper | undefined = this.catalogue?.papers.find((candidate) => candidate.id === entry.row.id);
			if (!path || !found) return;
			openPaperNote(this.host, path, found).catch((error: unknown) => {
				new Notice(`Could not open the note for ${found.title}: ${error instanceof Error ? error.message : String(error)}`);
			});
		};
		// The box shows the catalogue: it changes when the catalogue does, a moment later, not on the click itself.
		checkbox.addEventListener("click", (event) => {
			event.preventDefault();
			toggle();
		});
		title.addEventListener("click", open);
		el.addEventListener("keydown", (event) => {
			if (event.target !== el) return;
			if (event.key === "Enter") {
				event.preventDefault();
				open();
			} else if (event.key === " ") {
				event.preventDefault();
				toggle();
			}
		});
		return entry;
	}

	private updatePaper(entry: PaperEntry, paper: PaperRow): void {
		entry.row = paper;
		const signature = JSON.stringify(paper);
		if (signature === entry.signature) return;
		entry.signature = signature;
		const { el, checkbox } = entry;
		setClass(el, "is-read", paper.checked);
		setClass(el, "is-optional", paper.group === "optional");
		setClass(el, "has-note", paper.hasNote);
		setAttribute(el, "aria-label", `${paper.title}${paper.checked ? ", read" : ""}${paper.group === "optional" ? ", optional" : ""}${paper.reviewed ? ", reviewed" : ""}`);
		if (checkbox.checked !== paper.checked) checkbox.checked = paper.checked;
		if (checkbox.disabled !== !paper.hasCheckbox) checkbox.disabled = !paper.hasCheckbox;
		setAttribute(checkbox, "aria-label", paper.hasCheckbox ? `Mark ${paper.title} as ${paper.checked ? "unread" : "read"}` : `${paper.title} has no checkbox in the catalogue`);
		setText(entry.title, paper.title);
		setAttribute(entry.title, "title", paper.hasNote ? "Open the note" : "Create and open the note");
		setText(entry.meta, paper.meta);
		setText(entry.annotation, paper.annotation);
		setClass(entry.details, "paper-catalogue-hidden", paper.meta === "" && paper.annotation === "");

		if (paper.reviewed && !entry.reviewed) {
			entry.reviewed = createSpan({ cls: "paper-catalogue-reviewed", attr: { role: "img", "aria-label": "Reviewed", title: "Reviewed" } });
			setIcon(entry.reviewed, "pen-line");
			el.insertAfter(entry.reviewed, entry.title.parentElement);
		} else if (!paper.reviewed && entry.reviewed) {
			entry.reviewed.remove();
			entry.reviewed = null;
		}

		if (paper.externalUrl === null) {
			entry.link?.remove();
			entry.link = null;
		} else {
			if (!entry.link) {
				entry.link = el.createEl("a", { cls: "paper-catalogue-external clickable-icon", attr: { target: "_blank", rel: "noopener noreferrer" } });
				setIcon(entry.link, "external-link");
			}
			setAttribute(entry.link, "href", paper.externalUrl);
			setAttribute(entry.link, "aria-label", `Open ${paper.title} on the web`);
		}
	}
}

/** Puts `el` right after `previous` (first when null), leaving it alone when it is already there. */
function placeAfter(container: HTMLElement, previous: HTMLElement | null, el: HTMLElement): void {
	const expected = previous ? previous.nextElementSibling : container.firstElementChild;
	if (expected === el) return;
	if (previous) previous.after(el);
	else container.prepend(el);
}
