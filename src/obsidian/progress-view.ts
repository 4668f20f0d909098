/**
 * The reading progress view: completion across a catalogue's sections, in
 * the right sidebar, following every edit live.
 *
 * Updates are keyed: each section row remembers what it last showed and is
 * only rebuilt when that changes, and paper rows exist only for expanded
 * sections, so a tick re-renders one row, and expanded sections and the
 * scroll position survive.
 */
import { format } from "date-fns";
import { ItemView, type TFile, type WorkspaceLeaf, setIcon } from "obsidian";
import type { Catalogue } from "../catalogue/model";
import { isReviewed } from "../notes/review";
import { DEFAULT_TEMPLATE } from "../notes/template";
import { parseReadDate } from "../pace";
import type { Completion } from "../progress";
import { buildProgressViewModel, type NoteInfo, type PaperFilter, type PaperRow, type ProgressViewModel, type SectionRow } from "../progress-view-model";
import { openPaperNote } from "./commands";
import { currentCatalogue, type PluginHost } from "./host";

export const VIEW_TYPE_PROGRESS = "paper-catalogue-progress";

const FILTERS: { value: PaperFilter; label: string }[] = [
	{ value: "all", label: "All" },
	{ value: "unread", label: "Unread" },
	{ value: "required", label: "Required" },
];

interface SectionElements {
	row: HTMLElement;
	papers: HTMLElement | null;
	signature: string;
}

function percent(part: number, whole: number): string {
	return whole === 0 ? "0%" : `${((part / whole) * 100).toFixed(2)}%`;
}

/** A bar split into read required and read optional papers, widths as CSS variables (no inline styles). */
function renderBar(parent: HTMLElement, completion: Completion, label: string): HTMLElement {
	const bar = parent.createDiv({ cls: "paper-catalogue-bar", attr: { role: "progressbar", "aria-label": label, "aria-valuemin": "0", "aria-valuemax": String(completion.total), "aria-valuenow": String(completion.done) } });
	bar.createDiv({ cls: "paper-catalogue-bar-required" });
	bar.createDiv({ cls: "paper-catalogue-bar-optional" });
	bar.setCssProps({
		"--paper-catalogue-required": percent(completion.required.done, completion.total),
		"--paper-catalogue-optional": percent(completion.optional.done, completion.total),
	});
	return bar;
}

function split(completion: Completion): string {
	return `required ${completion.required.done}/${completion.required.total} · optional ${completion.optional.done}/${completion.optional.total}`;
}

export class ProgressView extends ItemView {
	private cataloguePath: string | null = null;
	private filter: PaperFilter = "all";
	private query = "";
	private readonly expanded = new Set<string>();
	private readonly sectionEls = new Map<string, SectionElements>();
	private readonly reviewCache = new Map<string, { mtime: number; reviewed: boolean }>();
	private notes = new Map<string, NoteInfo>();
	private template = DEFAULT_TEMPLATE;
	private headerEl: HTMLElement | null = null;
	private controlsEl: HTMLElement | null = null;
	private sectionsEl: HTMLElement | null = null;
	private emptyEl: HTMLElement | null = null;
	private refreshQueued = false;

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
		this.contentEl.addClass("paper-catalogue-view");
		this.headerEl = this.contentEl.createDiv({ cls: "paper-catalogue-header" });
		this.controlsEl = this.contentEl.createDiv({ cls: "paper-catalogue-controls" });
		this.emptyEl = this.contentEl.createDiv({ cls: "paper-catalogue-empty" });
		this.sectionsEl = this.contentEl.createDiv({ cls: "paper-catalogue-sections", attr: { role: "list" } });
		this.renderControls();
		this.registerEvent(this.host.index.onChanged((path) => path === this.cataloguePath && this.queueRefresh()));
		this.registerEvent(this.host.index.onTrackedChanged(() => this.queueRefresh()));
		this.registerEvent(this.app.metadataCache.on("changed", () => this.queueRefresh()));
		this.registerEvent(
			this.app.workspace.on("file-open", (file) => {
				if (file && this.host.settings.catalogues.includes(file.path) && file.path !== this.cataloguePath) this.queueRefresh();
			}),
		);
		await this.refresh();
	}

	override async onClose(): Promise<void> {
		this.sectionEls.clear();
		this.contentEl.empty();
		return Promise.resolve();
	}

	/** Coalesces bursts of events (a sync writing sixty notes) into one refresh per frame. */
	private queueRefresh(): void {
		if (this.refreshQueued) return;
		this.refreshQueued = true;
		window.requestAnimationFrame(() => {
			this.refreshQueued = false;
			void this.refresh();
		});
	}

	private chooseCatalogue(): string | null {
		const tracked = this.host.settings.catalogues;
		if (this.cataloguePath && tracked.includes(this.cataloguePath)) return this.cataloguePath;
		return currentCatalogue(this.host);
	}

	/** Reads what the view shows about each paper's note: whether it exists, its read date, whether it holds a review. */
	private async gatherNotes(catalogue: Catalogue, cataloguePath: string): Promise<Map<string, NoteInfo>> {
		const notes = new Map<string, NoteInfo>();
		for (const paper of catalogue.papers) {
			const file: TFile | undefined = this.host.statusSync.noteFilesOf(paper, cataloguePath)[0];
			if (!file) continue;
			const frontmatter = this.app.metadataCache.getFileCache(file)?.frontmatter;
			notes.set(paper.id, {
				path: file.path,
				readDate: parseReadDate(frontmatter?.read, this.host.settings.dateFormat, new Date()),
				reviewed: await this.reviewed(file),
			});
		}
		return notes;
	}

	private async reviewed(file: TFile): Promise<boolean> {
		const cached = this.reviewCache.get(file.path);
		if (cached && cached.mtime === file.stat.mtime) return cached.reviewed;
		const reviewed = isReviewed(await this.app.vault.cachedRead(file), this.template);
		this.reviewCache.set(file.path, { mtime: file.stat.mtime, reviewed });
		return reviewed;
	}

	private async loadTemplate(): Promise<void> {
		const path = this.host.settings.templatePath;
		const file = path ? this.app.vault.getFileByPath(path) : null;
		const template = file ? await this.app.vault.cachedRead(file) : DEFAULT_TEMPLATE;
		if (template !== this.template) this.reviewCache.clear();
		this.template = template;
	}

	async refresh(): Promise<void> {
		if (!this.headerEl || !this.sectionsEl || !this.emptyEl) return;
		this.cataloguePath = this.chooseCatalogue();
		const path = this.cataloguePath;
		const catalogue = path ? await this.host.index.load(path) : null;
		if (!path) {
			this.renderEmpty("No catalogue is tracked yet. Open a reading-list note and track it.", true);
			return;
		}
		if (!catalogue) {
			this.renderEmpty(`The catalogue ${path} could not be found.`, false);
			return;
		}
		if (catalogue.papers.length === 0) {
			this.renderEmpty("This catalogue has no papers yet. Papers are task items (- [ ] …) and list items with a link, under headings such as ## Week 1.", false);
			return;
		}
		await this.loadTemplate();
		this.notes = await this.gatherNotes(catalogue, path);
		const model = buildProgressViewModel(catalogue, { filter: this.filter, query: this.query }, this.notes, new Date());
		this.emptyEl.empty();
		this.emptyEl.hide();
		this.controlsEl?.show();
		this.renderHeader(model, path);
		this.renderSections(model, path, catalogue);
	}

	private renderEmpty(message: string, offerTracking: boolean): void {
		this.headerEl?.empty();
		this.controlsEl?.hide();
		this.sectionsEl?.empty();
		this.sectionEls.clear();
		const empty = this.emptyEl;
		if (!empty) return;
		empty.empty();
		empty.show();
		empty.createEl("p", { text: message });
		if (offerTracking) {
			const button = empty.createEl("button", { text: "Track the active note", cls: "mod-cta" });
			button.addEventListener("click", () => void this.trackActiveNote());
		}
	}

	private async trackActiveNote(): Promise<void> {
		const file = this.app.workspace.getActiveFile();
		if (!file || file.extension !== "md") {
			this.renderEmpty("Open a reading-list note first, then track it.", true);
			return;
		}
		if (!this.host.settings.catalogues.includes(file.path)) this.host.settings.catalogues.push(file.path);
		await this.host.saveSettings();
		this.cataloguePath = file.path;
		await this.refresh();
	}

	private renderHeader(model: ProgressViewModel, path: string): void {
		const header = this.headerEl;
		if (!header) return;
		header.empty();
		const tracked = this.host.settings.catalogues;
		if (tracked.length > 1) {
			const select = header.createEl("select", { cls: "dropdown paper-catalogue-select", attr: { "aria-label": "Catalogue" } });
			for (const option of tracked) select.createEl("option", { text: option.replace(/\.md$/i, ""), value: option });
			select.value = path;
			select.addEventListener("change", () => {
				this.cataloguePath = select.value;
				this.expanded.clear();
				this.sectionsEl?.empty();
				this.sectionEls.clear();
				void this.refresh();
			});
		} else {
			header.createDiv({ cls: "paper-catalogue-title", text: path.replace(/\.md$/i, "") });
		}
		const { completion } = model;
		renderBar(header, completion, "Overall progress");
		header.createDiv({ cls: "paper-catalogue-stat", text: `${completion.done}/${completion.total} read` });
		header.createDiv({ cls: "paper-catalogue-stat paper-catalogue-muted", text: split(completion) });
		header.createDiv({ cls: "paper-catalogue-stat paper-catalogue-muted", text: `${model.reviewed}/${model.notes} notes reviewed` });
		const { pace } = model;
		let paceText: string;
		if (pace.datedPapers === 0) paceText = "No read dates yet: your pace shows once papers are marked as read.";
		else if (pace.perWeek === 0) paceText = "No papers read in the last four weeks.";
		else {
			const perWeek = Number.isInteger(pace.perWeek) ? String(pace.perWeek) : pace.perWeek.toFixed(1);
			paceText = `${perWeek} papers a week over the last four weeks.`;
			paceText += pace.finish ? ` At this pace the required papers are done by ${format(pace.finish, "d MMM yyyy")}.` : " Every required paper is read.";
		}
		header.createDiv({ cls: "paper-catalogue-stat paper-catalogue-muted paper-catalogue-pace", text: paceText });
	}

	private renderControls(): void {
		const controls = this.controlsEl;
		if (!controls) return;
		const group = controls.createDiv({ cls: "paper-catalogue-filters", attr: { role: "radiogroup", "aria-label": "Show" } });
		for (const { value, label } of FILTERS) {
			const button = group.createEl("button", { text: label, cls: "paper-catalogue-filter", attr: { role: "radio", "aria-checked": String(value === this.filter) } });
			button.toggleClass("is-active", value === this.filter);
			button.addEventListener("click", () => {
				this.filter = value;
				for (const other of Array.from(group.children)) {
					const active = other === button;
					other.toggleClass("is-active", active);
					other.setAttr("aria-checked", String(active));
				}
				void this.refresh();
			});
		}
		const search = controls.createEl("input", { type: "search", cls: "paper-catalogue-search", placeholder: "Search titles", attr: { "aria-label": "Search titles" } });
		this.registerDomEvent(search, "input", () => {
			this.query = search.value;
			void this.refresh();
		});
	}

	private renderSections(model: ProgressViewModel, path: string, catalogue: Catalogue): void {
		const container = this.sectionsEl;
		if (!container) return;
		const keep = new Set(model.sections.map((section) => section.key));
		for (const [key, elements] of this.sectionEls) {
			if (!keep.has(key)) {
				elements.row.remove();
				this.sectionEls.delete(key);
			}
		}
		let previous: HTMLElement | null = null;
		for (const section of model.sections) {
			const expanded = this.expanded.has(section.key);
			const signature = JSON.stringify([section.title, section.completion, expanded, expanded ? section.papers : section.papers.length]);
			let elements = this.sectionEls.get(section.key);
			if (!elements) {
				elements = { row: container.createDiv({ cls: "paper-catalogue-section", attr: { role: "listitem" } }), papers: null, signature: "" };
				this.sectionEls.set(section.key, elements);
			}
			if (elements.signature !== signature) {
				this.renderSection(elements, section, expanded, path, catalogue);
				elements.signature = signature;
			}
			// Keep document order without touching rows that are already in place.
			const expectedNext: Element | null = previous ? previous.nextElementSibling : container.firstElementChild;
			if (expectedNext !== elements.row) {
				if (previous) previous.after(elements.row);
				else container.prepend(elements.row);
			}
			previous = elements.row;
		}
	}

	private renderSection(elements: SectionElements, section: SectionRow, expanded: boolean, path: string, catalogue: Catalogue): void {
		const row = elements.row;
		row.empty();
		row.toggleClass("is-expanded", expanded);
		const head = row.createDiv({
			cls: "paper-catalogue-section-head",
			attr: { role: "button", tabindex: "0", "aria-expanded": String(expanded), "aria-label": `${section.title}: ${section.completion.done} of ${section.completion.total} read` },
		});
		const chevron = head.createSpan({ cls: "paper-catalogue-chevron" });
		setIcon(chevron, expanded ? "chevron-down" : "chevron-right");
		head.createSpan({ cls: "paper-catalogue-section-title", text: section.title });
		head.createSpan({ cls: "paper-catalogue-count", text: `${section.completion.done}/${section.completion.total}` });
		renderBar(row, section.completion, `${section.title} progress`);
		const toggle = (): void => {
			if (this.expanded.has(section.key)) this.expanded.delete(section.key);
			else this.expanded.add(section.key);
			void this.refresh();
		};
		head.addEventListener("click", toggle);
		head.addEventListener("keydown", (event) => {
			if (event.key === "Enter" || event.key === " ") {
				event.preventDefault();
				toggle();
			}
		});
		elements.papers = null;
		if (!expanded) return;
		const list = row.createDiv({ cls: "paper-catalogue-papers", attr: { role: "list" } });
		elements.papers = list;
		for (const paper of section.papers) this.renderPaper(list, paper, path, catalogue);
	}

	private renderPaper(list: HTMLElement, paper: PaperRow, path: string, catalogue: Catalogue): void {
		const row = list.createDiv({ cls: "paper-catalogue-paper", attr: { role: "listitem", tabindex: "0", "data-paper-id": paper.id } });
		row.toggleClass("is-read", paper.checked);
		row.toggleClass("is-optional", paper.group === "optional");
		const checkbox = row.createEl("input", { type: "checkbox", cls: "task-list-item-checkbox", attr: { "aria-label": `Mark ${paper.title} as ${paper.checked ? "unread" : "read"}` } });
		checkbox.checked = paper.checked;
		checkbox.disabled = !paper.hasCheckbox;
		if (!paper.hasCheckbox) checkbox.setAttr("title", "This item has no checkbox in the catalogue");
		const toggle = (): void => {
			if (paper.hasCheckbox) void this.host.statusSync.setCheckboxes(path, [paper.id], !paper.checked);
		};
		checkbox.addEventListener("click", (event) => {
			event.preventDefault();
			toggle();
		});
		const open = (): void => {
			const found = catalogue.papers.find((candidate) => candidate.id === paper.id);
			if (found) void openPaperNote(this.host, path, found);
		};
		const title = row.createSpan({ cls: "paper-catalogue-paper-title", text: paper.title });
		title.addEventListener("click", open);
		if (paper.meta) row.createSpan({ cls: "paper-catalogue-meta", text: paper.meta });
		if (paper.reviewed) {
			const mark = row.createSpan({ cls: "paper-catalogue-reviewed", attr: { "aria-label": "Reviewed", role: "img" } });
			setIcon(mark, "pen-line");
		}
		if (paper.externalUrl) {
			const link = row.createEl("a", { cls: "paper-catalogue-external clickable-icon", href: paper.externalUrl, attr: { "aria-label": `Open ${paper.title} on the web`, target: "_blank", rel: "noopener" } });
			setIcon(link, "external-link");
		}
		row.addEventListener("keydown", (event) => {
			if (event.target !== row) return;
			if (event.key === "Enter") {
				event.preventDefault();
				open();
			} else if (event.key === " ") {
				event.preventDefault();
				toggle();
			}
		});
	}
}
