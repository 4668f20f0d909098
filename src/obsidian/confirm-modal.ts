/** A yes-or-no question before something is replaced. Resolves true only for the confirming button. */
import { type App, Modal, Setting } from "obsidian";

export class ConfirmModal extends Modal {
	private resolve: (yes: boolean) => void = () => undefined;
	private decided = false;

	constructor(
		app: App,
		private readonly title: string,
		private readonly question: string,
		private readonly confirmText: string,
	) {
		super(app);
	}

	ask(): Promise<boolean> {
		return new Promise((resolve) => {
			this.resolve = resolve;
			this.open();
		});
	}

	override onOpen(): void {
		this.setTitle(this.title);
		this.contentEl.createEl("p", { text: this.question });
		new Setting(this.contentEl)
			.addButton((button) => button.setButtonText("Cancel").onClick(() => this.decide(false)))
			.addButton((button) => button.setButtonText(this.confirmText).setCta().onClick(() => this.decide(true)));
	}

	private decide(yes: boolean): void {
		this.decided = true;
		this.resolve(yes);
		this.close();
	}

	override onClose(): void {
		this.contentEl.empty();
		if (!this.decided) this.resolve(false);
	}
}
