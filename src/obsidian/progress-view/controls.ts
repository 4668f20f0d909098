/**
 * The filters (all / unread / required, a radio group the arrow keys move through) and the title search box.
 */
import { SearchComponent } from "obsidian";
import type { PaperFilter } from "../../progress/view-model";
import { setAttribute, setClass } from "./dom";

export const FILTERS: readonly { value: PaperFilter; label: string }[] = [
	{ value: "all", label: "All" },
	{ value: "unread", label: "Unread" },
	{ value: "required", label: "Required" },
];

export function isPaperFilter(value: unknown): value is PaperFilter {
	return FILTERS.some((filter) => filter.value === value);
}

export interface ControlActions {
	filterChosen(filter: PaperFilter): void;
	queryTyped(query: string): void;
}

export class ProgressControls {
	private readonly buttons: HTMLElement[];
	private filter: PaperFilter;

	constructor(controls: HTMLElement, filter: PaperFilter, actions: ControlActions) {
		this.filter = filter;
		const group = controls.createDiv({ cls: "paper-catalogue-filters", attr: { role: "radiogroup", "aria-label": "Show papers" } });
		this.buttons = FILTERS.map(({ value, label }) => {
			const button = group.createEl("button", { text: label, cls: "paper-catalogue-filter", attr: { role: "radio", "data-filter": value } });
			button.addEventListener("click", () => actions.filterChosen(value));
			return button;
		});
		group.addEventListener("keydown", (event) => {
			if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
			event.preventDefault();
			const at = FILTERS.findIndex((candidate) => candidate.value === this.filter);
			const next = FILTERS[(at + (event.key === "ArrowRight" ? 1 : FILTERS.length - 1)) % FILTERS.length];
			if (!next) return;
			actions.filterChosen(next.value);
			this.buttons[FILTERS.indexOf(next)]?.focus();
		});
		this.show(filter);
		const search = new SearchComponent(controls.createDiv({ cls: "paper-catalogue-search" })).setPlaceholder("Search titles").onChange((value) => actions.queryTyped(value));
		search.inputEl.setAttr("aria-label", "Search titles");
		search.clearButtonEl.setAttr("aria-label", "Clear search");
		search.inputEl.addEventListener("keydown", (event) => {
			if (event.key === "Escape" && search.getValue() !== "") {
				event.preventDefault();
				search.setValue("");
				actions.queryTyped("");
			}
		});
	}

	/** Shows which filter is on. */
	show(filter: PaperFilter): void {
		this.filter = filter;
		FILTERS.forEach(({ value }, i) => {
			const button = this.buttons[i];
			if (!button) return;
			const active = value === filter;
			setClass(button, "is-active", active);
			setAttribute(button, "aria-checked", String(active));
			setAttribute(button, "tabindex", active ? "0" : "-1");
		});
	}
}
