/**
 * The sections, in catalogue order, each with its bar and count; an expanded section lists its papers. Keyed:
 * sections and paper rows keep their elements across updates, and only what changed is touched.
 */
import { setIcon } from "obsidian";
import { formatRating } from "../../progress/ratings";
import type { ProgressViewModel, SectionRow } from "../../progress/view-model";
import { type Bar, createBar, placeAfter, setAttribute, setClass, setText, updateBar } from "./dom";
import { type PaperActions, PaperRowView } from "./paper-row";

export interface SectionActions extends PaperActions {
	/** Expands or collapses a section. */
	toggleExpanded(key: string): void;
	/** Shows the section's menu (right-click, a long press, or the context menu key on its head). */
	sectionMenu(key: string, event: MouseEvent): void;
}

class SectionView {
	readonly el: HTMLElement;
	private signature = "";
	private readonly head: HTMLElement;
	private readonly title: HTMLElement;
	private readonly rating: HTMLElement;
	private readonly count: HTMLElement;
	private readonly bar: Bar;
	private papersEl: HTMLElement | null = null;
	private readonly papers = new Map<string, PaperRowView>();

	constructor(
		container: HTMLElement,
		key: string,
		private readonly actions: SectionActions,
	) {
		this.el = container.createDiv({ cls: "paper-catalogue-section", attr: { role: "listitem" } });
		const head = this.el.createDiv({ cls: "paper-catalogue-section-head", attr: { role: "button", tabindex: "0" } });
		this.head = head;
		const chevron = head.createSpan({ cls: "paper-catalogue-chevron" });
		setIcon(chevron, "chevron-right");
		this.title = head.createSpan({ cls: "paper-catalogue-section-title" });
		this.rating = head.createSpan({ cls: "paper-catalogue-section-rating paper-catalogue-hidden" });
		setIcon(this.rating.createSpan({ cls: "paper-catalogue-rating-icon" }), "star");
		this.rating.createSpan({ cls: "paper-catalogue-rating-value" });
		this.count = head.createSpan({ cls: "paper-catalogue-count" });
		this.bar = createBar(head, "Section progress");
		head.addEventListener("click", () => actions.toggleExpanded(key));
		head.addEventListener("contextmenu", (event) => {
			event.preventDefault();
			actions.sectionMenu(key, event);
		});
		head.addEventListener("keydown", (event) => {
			if (event.target !== head || (event.key !== "Enter" && event.key !== " ")) return;
			event.preventDefault();
			actions.toggleExpanded(key);
		});
	}

	update(section: SectionRow, expanded: boolean, filtering: boolean): void {
		const { completion } = section;
		const signature = JSON.stringify([section.title, completion, expanded, filtering ? section.matching : -1, section.meanRating]);
		if (signature !== this.signature) {
			this.signature = signature;
			setClass(this.el, "is-expanded", expanded);
			setClass(this.el, "is-complete", completion.total > 0 && completion.done === completion.total);
			setAttribute(this.head, "aria-expanded", String(expanded));
			const matching = filtering && section.matching !== completion.total ? `, ${section.matching} shown` : "";
			const rated = section.meanRating === null ? "" : `, mean rating ${formatRating(section.meanRating)} of 5`;
			setAttribute(this.head, "aria-label", `${section.title}: ${completion.done} of ${completion.total} read${rated}${matching}`);
			setText(this.title, section.title);
			this.showMeanRating(section.meanRating);
			setText(this.count, `${completion.done}/${completion.total}`);
			updateBar(this.bar, completion, `${section.title} progress`);
		}
		if (!expanded) {
			if (this.papersEl) {
				this.papersEl.remove();
				this.papersEl = null;
				this.papers.clear();
			}
			return;
		}
		const list = this.papersEl ?? this.el.createDiv({ cls: "paper-catalogue-papers", attr: { role: "list", "aria-label": section.title } });
		this.papersEl = list;
		const keep = new Set(section.papers.map((paper) => paper.id));
		for (const [id, row] of this.papers) {
			if (!keep.has(id)) {
				row.el.remove();
				this.papers.delete(id);
			}
		}
		let previous: HTMLElement | null = null;
		for (const paper of section.papers) {
			let row = this.papers.get(paper.id);
			if (!row) {
				row = new PaperRowView(list, paper, this.actions);
				this.papers.set(paper.id, row);
			}
			row.update(paper);
			placeAfter(list, previous, row.el);
			previous = row.el;
		}
	}

	/** The section's mean rating, a star and "4.3", when one of its papers is rated. */
	private showMeanRating(mean: number | null): void {
		setClass(this.rating, "paper-catalogue-hidden", mean === null);
		setText(this.rating.find(".paper-catalogue-rating-value"), mean === null ? "" : formatRating(mean));
		setAttribute(this.rating, "title", mean === null ? null : "Mean rating of the section's rated papers");
	}
}

export class SectionList {
	private readonly sections = new Map<string, SectionView>();

	constructor(
		private readonly container: HTMLElement,
		private readonly actions: SectionActions,
	) {}

	render(model: ProgressViewModel, isExpanded: (key: string) => boolean): void {
		const keep = new Set(model.sections.map((section) => section.key));
		for (const [key, section] of this.sections) {
			if (!keep.has(key)) {
				section.el.remove();
				this.sections.delete(key);
			}
		}
		let previous: HTMLElement | null = null;
		for (const section of model.sections) {
			let view = this.sections.get(section.key);
			if (!view) {
				view = new SectionView(this.container, section.key, this.actions);
				this.sections.set(section.key, view);
			}
			view.update(section, isExpanded(section.key), model.filtering);
			placeAfter(this.container, previous, view.el);
			previous = view.el;
		}
	}

	clear(): void {
		this.sections.clear();
		this.container.empty();
	}
}
