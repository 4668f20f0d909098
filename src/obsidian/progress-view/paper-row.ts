/**
 * One paper's row: the tick control (the catalogue's checkbox, or for an item without one its note's status), the
 * title (opens the note), venue and year, the item's own words, its rating once read, a pen when the note holds a
 * review, and a link to
 * the paper's page. Rebuilt in place, only where its content changed.
 */
import { setIcon } from "obsidian";
import type { PaperRow } from "../../progress/view-model";
import { formatRating } from "../../progress/ratings";
import { setAttribute, setClass, setText } from "./dom";

export interface PaperActions {
	/** Ticks or unticks the paper (the row as it is now). */
	toggle(row: PaperRow): void;
	/** Opens the paper's note, creating it first when it has none. */
	open(row: PaperRow): void;
}

export class PaperRowView {
	readonly el: HTMLElement;
	private row: PaperRow;
	private signature = "";
	private readonly checkbox: HTMLInputElement;
	private readonly title: HTMLElement;
	private readonly details: HTMLElement;
	private readonly meta: HTMLElement;
	private readonly annotation: HTMLElement;
	private reviewed: HTMLElement | null = null;
	private rating: HTMLElement | null = null;
	private link: HTMLAnchorElement | null = null;

	constructor(list: HTMLElement, row: PaperRow, actions: PaperActions) {
		this.row = row;
		const el = list.createDiv({ cls: "paper-catalogue-paper", attr: { role: "listitem", tabindex: "0", "data-paper-id": row.id } });
		this.el = el;
		this.checkbox = el.createEl("input", { type: "checkbox", cls: "task-list-item-checkbox paper-catalogue-checkbox" });
		const main = el.createDiv({ cls: "paper-catalogue-paper-main" });
		this.title = main.createSpan({ cls: "paper-catalogue-paper-title" });
		this.details = main.createDiv({ cls: "paper-catalogue-paper-details" });
		this.meta = this.details.createSpan({ cls: "paper-catalogue-meta" });
		this.annotation = this.details.createSpan({ cls: "paper-catalogue-annotation" });

		// The box shows the catalogue: it changes when the catalogue does, a moment later, not on the click itself.
		this.checkbox.addEventListener("click", (event) => {
			event.preventDefault();
			actions.toggle(this.row);
		});
		this.title.addEventListener("click", () => actions.open(this.row));
		el.addEventListener("keydown", (event) => {
			if (event.target !== el) return;
			if (event.key === "Enter") {
				event.preventDefault();
				actions.open(this.row);
			} else if (event.key === " ") {
				event.preventDefault();
				actions.toggle(this.row);
			}
		});
	}

	update(paper: PaperRow): void {
		this.row = paper;
		const signature = JSON.stringify(paper);
		if (signature === this.signature) return;
		this.signature = signature;
		const { el, checkbox } = this;
		setClass(el, "is-read", paper.checked);
		setClass(el, "is-optional", paper.group === "optional");
		setClass(el, "has-note", paper.hasNote);
		setAttribute(el, "aria-label", `${paper.title}${paper.checked ? ", read" : ""}${paper.group === "optional" ? ", optional" : ""}${paper.reviewed ? ", reviewed" : ""}`);
		if (checkbox.checked !== paper.checked) checkbox.checked = paper.checked;
		// An item without a checkbox is ticked here all the same: its note's status is its state.
		setClass(checkbox, "is-note-status", !paper.hasCheckbox);
		const action = `Mark ${paper.title} as ${paper.checked ? "unread" : "read"}`;
		setAttribute(checkbox, "aria-label", paper.hasCheckbox ? action : `${action} (its note's status: the catalogue has no checkbox for it)`);
		setText(this.title, paper.title);
		setAttribute(this.title, "title", paper.hasNote ? "Open the note" : "Create and open the note");
		setText(this.meta, paper.meta);
		setText(this.annotation, paper.annotation);
		setClass(this.details, "paper-catalogue-hidden", paper.meta === "" && paper.annotation === "");

		if (paper.reviewed && !this.reviewed) {
			this.reviewed = createSpan({ cls: "paper-catalogue-reviewed", attr: { role: "img", "aria-label": "Reviewed", title: "Reviewed" } });
			setIcon(this.reviewed, "pen-line");
			el.insertAfter(this.reviewed, this.title.parentElement);
		} else if (!paper.reviewed && this.reviewed) {
			this.reviewed.remove();
			this.reviewed = null;
		}

		this.showRating(paper.rating);

		if (paper.externalUrl === null) {
			this.link?.remove();
			this.link = null;
		} else {
			if (!this.link) {
				this.link = el.createEl("a", { cls: "paper-catalogue-external clickable-icon", attr: { target: "_blank", rel: "noopener noreferrer" } });
				setIcon(this.link, "external-link");
			}
			setAttribute(this.link, "href", paper.externalUrl);
			setAttribute(this.link, "aria-label", `Open ${paper.title} on the web`);
		}
	}

	/** The rating beside the title, after the pen: a star and "4/5". */
	private showRating(rating: number | null): void {
		if (rating === null) {
			this.rating?.remove();
			this.rating = null;
			return;
		}
		if (!this.rating) {
			this.rating = createSpan({ cls: "paper-catalogue-rating" });
			setIcon(this.rating.createSpan({ cls: "paper-catalogue-rating-icon" }), "star");
			this.rating.createSpan({ cls: "paper-catalogue-rating-value" });
			this.el.insertAfter(this.rating, this.reviewed ?? this.title.parentElement);
		}
		const text = `${formatRating(rating)}/5`;
		setText(this.rating.find(".paper-catalogue-rating-value"), text);
		setAttribute(this.rating, "aria-label", `Rated ${text}`);
		setAttribute(this.rating, "title", "Your rating (the note's rating property)");
	}
}
