/**
 * Shows a sync plan before anything is written: notes to create, items to
 * link, conflicts. Resolves true for Create, false for Cancel or closing.
 */
import { type App, Modal, Setting } from "obsidian";
import type { SyncPlan } from "../sync/plan";
import { plural } from "../text/plural";

/** Notes listed by name before the rest are summed up as "and N more". */
const LISTED_NOTES = 12;

export class SyncPlanModal extends Modal {
	private decided = false;
	private resolve: (create: boolean) => void = () => undefined;

	constructor(
		app: App,
		private readonly plan: SyncPlan,
		private readonly notesFolder: string,
	) {
		super(app);
	}

	/** Opens the modal; resolves with the user's choice. */
	choose(): Promise<boolean> {
		return new Promise((resolve) => {
			this.resolve = resolve;
			this.open();
		});
	}

	override onOpen(): void {
		const { contentEl, plan } = this;
		this.setTitle("Create paper notes");
		contentEl.addClass("paper-catalogue-plan");
		const nothingToDo = plan.create.length === 0 && plan.link.length === 0;
		contentEl.createEl("p", {
			text: nothingToDo
				? `Every paper already has its note and link (${plural(plan.unchanged.length, "item")}). Nothing to do.`
				: `Create ${plural(plan.create.length, "note")} in ${this.notesFolder || "the vault root"} and link ${plural(plan.link.length, "catalogue item")}. ${plural(plan.unchanged.length, "item")} already linked.`,
		});
		if (plan.create.length > 0) {
			const list = contentEl.createEl("ul", { cls: "paper-catalogue-plan-notes" });
			for (const note of plan.create.slice(0, LISTED_NOTES)) list.createEl("li", { text: note.path });
			if (plan.create.length > LISTED_NOTES) list.createEl("li", { text: `and ${plan.create.length - LISTED_NOTES} more`, cls: "paper-catalogue-muted" });
		}
		if (plan.conflicts.length > 0) {
			contentEl.createEl("p", { text: `${plural(plan.conflicts.length, "paper")} will be left alone:`, cls: "paper-catalogue-warning" });
			const list = contentEl.createEl("ul", { cls: "paper-catalogue-plan-conflicts" });
			for (const conflict of plan.conflicts) list.createEl("li", { text: `${conflict.title}: ${conflict.reason}` });
		}
		new Setting(contentEl)
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.decide(false)))
			.addButton((button) => {
				button.setButtonText("Create").onClick(() => this.decide(true));
				if (nothingToDo) button.setDisabled(true);
				else button.setCta();
			});
	}

	private decide(create: boolean): void {
		this.decided = true;
		this.resolve(create);
		this.close();
	}

	override onClose(): void {
		this.contentEl.empty();
		if (!this.decided) this.resolve(false);
	}
}
