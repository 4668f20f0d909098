/**
 * The view's header: which catalogue (a title, or a selector when several are tracked), the overall bar, the
 * read / required / optional counts, how many notes hold a review, and the pace.
 */
import { format } from "date-fns";
import { formatPerWeek } from "../../progress/pace";
import { naturalCompare, type ProgressViewModel } from "../../progress/view-model";
import { type Bar, createBar, fileName, setText, updateBar } from "./dom";

export interface HeaderActions {
	/** The user chose another tracked catalogue in the selector. */
	switchTo(path: string): void;
	/** The user asked to track the note shown (a reading list shown before it was tracked). */
	track(path: string): void;
}

export class ProgressHeader {
	private readonly picker: HTMLElement;
	private pickerSignature = "";
	private select: HTMLSelectElement | null = null;
	private readonly bar: Bar;
	private readonly percent: HTMLElement;
	private readonly read: HTMLElement;
	private readonly required: HTMLElement;
	private readonly optional: HTMLElement;
	private readonly reviewed: HTMLElement;
	private readonly pace: HTMLElement;

	constructor(
		headerEl: HTMLElement,
		private readonly actions: HeaderActions,
	) {
		headerEl.empty();
		this.picker = headerEl.createDiv({ cls: "paper-catalogue-picker" });
		const barRow = headerEl.createDiv({ cls: "paper-catalogue-overall" });
		this.bar = createBar(barRow, "Overall progress");
		this.percent = barRow.createSpan({ cls: "paper-catalogue-percent" });
		const stats = headerEl.createDiv({ cls: "paper-catalogue-stats" });
		this.read = stats.createDiv({ cls: "paper-catalogue-read" });
		const split = stats.createDiv({ cls: "paper-catalogue-split" });
		this.required = split.createSpan({ cls: "paper-catalogue-legend mod-required" });
		this.optional = split.createSpan({ cls: "paper-catalogue-legend mod-optional" });
		this.reviewed = stats.createDiv({ cls: "paper-catalogue-muted paper-catalogue-reviewed-count" });
		this.pace = stats.createDiv({ cls: "paper-catalogue-muted paper-catalogue-pace" });
	}

	render(model: ProgressViewModel, path: string, tracked: readonly string[], untracked: boolean): void {
		this.renderPicker(path, tracked, untracked);
		const { completion, pace } = model;
		updateBar(this.bar, completion, "Overall progress");
		setText(this.percent, completion.total === 0 ? "0%" : `${Math.floor((completion.done / completion.total) * 100)}%`);
		setText(this.read, `${completion.done} of ${completion.total} papers read`);
		setText(this.required, `Required ${completion.required.done}/${completion.required.total}`);
		setText(this.optional, `Optional ${completion.optional.done}/${completion.optional.total}`);
		setText(this.reviewed, model.notes === 0 ? "No paper notes yet" : `${model.reviewed} of ${model.notes} ${model.notes === 1 ? "note" : "notes"} reviewed`);
		let paceText: string;
		if (pace.datedPapers === 0) paceText = "No read dates yet: your pace shows here once papers are marked as read.";
		else if (pace.perWeek === 0) paceText = "No papers read in the last four weeks.";
		else {
			paceText = `${formatPerWeek(pace.perWeek)} over the last four weeks.`;
			paceText += pace.finish ? ` At this pace the required papers are done by ${format(pace.finish, "d MMM yyyy")}.` : " Every required paper is read.";
		}
		setText(this.pace, paceText);
	}

	/** A title for one catalogue, a selector (in natural order) for several; rebuilt only when the tracked list changes. */
	private renderPicker(path: string, trackedPaths: readonly string[], untracked: boolean): void {
		const tracked = [...trackedPaths].sort((a, b) => naturalCompare(fileName(a), fileName(b)) || naturalCompare(a, b));
		const signature = JSON.stringify([tracked, tracked.length > 1 && !untracked ? "" : path, untracked]);
		if (signature !== this.pickerSignature) {
			this.pickerSignature = signature;
			this.picker.empty();
			this.select = null;
			if (untracked) {
				// A reading list shown before it is tracked: say so, and offer to track it.
				this.picker.createDiv({ cls: "paper-catalogue-title", text: fileName(path), attr: { title: path } });
				const offer = this.picker.createDiv({ cls: "paper-catalogue-untracked" });
				offer.createSpan({ cls: "paper-catalogue-muted", text: "Not tracked yet: ticks here do not update paper notes." });
				const button = offer.createEl("button", { text: "Track this catalogue", cls: "mod-cta" });
				button.addEventListener("click", () => this.actions.track(path));
			} else if (tracked.length > 1) {
				const select = this.picker.createEl("select", { cls: "dropdown paper-catalogue-select", attr: { "aria-label": "Catalogue" } });
				const names = tracked.map(fileName);
				tracked.forEach((option, i) => {
					const name = names[i] ?? option;
					// Two catalogues of one name in different folders: say which is which.
					select.createEl("option", { text: names.indexOf(name) !== names.lastIndexOf(name) ? option.replace(/\.md$/i, "") : name, value: option });
				});
				select.addEventListener("change", () => this.actions.switchTo(select.value));
				this.select = select;
			} else {
				this.picker.createDiv({ cls: "paper-catalogue-title", text: fileName(path), attr: { title: path } });
			}
		}
		if (this.select && this.select.value !== path) this.select.value = path;
	}
}
