/**
 * The settings tab: tracked catalogues, where notes go, how they are made,
 * and whether checkboxes and statuses stay in step.
 */
import { AbstractInputSuggest, type App, Notice, type Plugin, PluginSettingTab, Setting, type TAbstractFile, TFile, TFolder, normalizePath } from "obsidian";
import { format } from "date-fns";
import { DEFAULT_TEMPLATE, dateFormatProblem, templateProblems } from "../notes/template";
import { folderProblem } from "../notes/vault-path";
import { DEFAULT_SETTINGS, type LinkStyle } from "../settings";
import { inBackground } from "./failures";
import type { PluginHost } from "./host";
import { displayOutputSettings } from "./settings-outputs";

/** Where "Write the default template" puts it. */
export const DEFAULT_TEMPLATE_PATH = "Paper review template.md";

const SUGGESTION_LIMIT = 50;

/** Suggests vault items of one kind whose path contains what was typed. */
class PathSuggest<T extends TAbstractFile> extends AbstractInputSuggest<T> {
	constructor(
		app: App,
		private readonly input: HTMLInputElement,
		private readonly items: () => T[],
		private readonly choose: (item: T) => void,
	) {
		super(app, input);
		this.limit = SUGGESTION_LIMIT;
	}

	protected getSuggestions(query: string): T[] {
		const needle = query.toLowerCase();
		return this.items()
			.filter((item) => item.path.toLowerCase().includes(needle))
			.slice(0, SUGGESTION_LIMIT);
	}

	renderSuggestion(item: T, el: HTMLElement): void {
		el.setText(item.path);
	}

	override selectSuggestion(item: T): void {
		this.input.value = item.path;
		this.input.dispatchEvent(new Event("input"));
		this.choose(item);
		this.close();
	}
}

export class PaperCatalogueSettingTab extends PluginSettingTab {
	/** The plugin as the tab uses it: typed as our host, so `settings` is ours (Plugin.settings only exists from 1.13). */
	private readonly host: PluginHost;

	constructor(app: App, plugin: PluginHost & Plugin) {
		super(app, plugin);
		this.host = plugin;
	}

	/** Runs a change's work (saving, reading a note) so that a failure shows a notice. */
	private inBackground(work: () => Promise<unknown>): void {
		inBackground("Could not save the settings", work());
	}

	/** Shows the settings again when they changed behind the tab's back (on another device, through Sync). */
	refreshIfShown(): void {
		if (this.containerEl.isConnected) this.display();
	}

	private markdownFiles(): TFile[] {
		return this.app.vault.getMarkdownFiles();
	}

	private folders(): TFolder[] {
		return this.app.vault.getAllFolders(false);
	}

	override display(): void {
		const { containerEl, host } = this;
		const settings = host.settings;
		containerEl.empty();

		new Setting(containerEl).setName("Catalogues").setHeading();
		if (settings.catalogues.length === 0) {
			containerEl.createEl("p", { text: "No catalogue is tracked yet. Add a reading-list note below, or track the active note from the command palette.", cls: "setting-item-description" });
		}
		for (const path of settings.catalogues) {
			const missing = !this.app.vault.getFileByPath(path);
			new Setting(containerEl)
				.setName(path)
				.setDesc(missing ? "This note no longer exists." : "")
				.addExtraButton((button) =>
					button
						.setIcon("trash")
						.setTooltip("Stop tracking")
						.onClick(() =>
							this.inBackground(async () => {
								settings.catalogues = settings.catalogues.filter((tracked) => tracked !== path);
								await host.saveSettings();
								this.display();
							}),
						),
				);
		}
		let pending = "";
		new Setting(containerEl)
			.setName("Track a catalogue")
			.setDesc("A note with a reading list: task items or list items with links, grouped under headings.")
			.addText((text) => {
				text.setPlaceholder("Courses/Reading list.md").onChange((value) => (pending = value));
				new PathSuggest(this.app, text.inputEl, () => this.markdownFiles(), (file) => (pending = file.path));
			})
			.addButton((button) =>
				button.setButtonText("Add").onClick(() =>
					this.inBackground(async () => {
						const path = normalizePath(pending.trim());
						if (!this.app.vault.getFileByPath(path)) {
							new Notice(`No note at "${pending}".`);
							return;
						}
						if (!settings.catalogues.includes(path)) settings.catalogues.push(path);
						await host.saveSettings();
						await host.index.load(path);
						this.display();
					}),
				),
			);

		new Setting(containerEl).setName("Paper notes").setHeading();
		const folderSetting = new Setting(containerEl).setName("Notes folder").setDesc("Where new paper notes go. Missing folders are created.");
		folderSetting.addText((text) => {
			text.setPlaceholder(DEFAULT_SETTINGS.notesFolder)
				.setValue(settings.notesFolder)
				.onChange((value) => {
					const problem = folderProblem(value);
					folderSetting.setDesc(problem ? `Cannot use this folder: ${problem}.` : "Where new paper notes go. Missing folders are created.");
					folderSetting.descEl.toggleClass("paper-catalogue-error", problem !== null);
					if (problem) return;
					settings.notesFolder = value.trim() === "" ? "" : normalizePath(value);
					this.inBackground(() => host.saveSettings());
				});
			new PathSuggest(this.app, text.inputEl, () => this.folders(), () => undefined);
		});

		const templateSetting = new Setting(containerEl).setName("Template note").setDesc("Leave empty for the built-in review template.");
		templateSetting
			.addText((text) => {
				text.setPlaceholder(DEFAULT_TEMPLATE_PATH)
					.setValue(settings.templatePath)
					.onChange((value) =>
						this.inBackground(async () => {
							settings.templatePath = value.trim() === "" ? "" : normalizePath(value);
							await host.saveSettings();
							await this.describeTemplate(templateSetting);
						}),
					);
				new PathSuggest(this.app, text.inputEl, () => this.markdownFiles(), () => undefined);
			})
			.addButton((button) =>
				button.setButtonText("Write the default template").onClick(() =>
					this.inBackground(async () => {
						const path = await this.writeDefaultTemplate();
						if (!path) return;
						settings.templatePath = path;
						await host.saveSettings();
						this.display();
					}),
				),
			);
		this.inBackground(() => this.describeTemplate(templateSetting));

		new Setting(containerEl)
			.setName("File name format")
			.setDesc("Placeholders such as {{title}}, {{year}} and {{venue}}; characters that are not allowed in file names are replaced.")
			.addText((text) =>
				text
					.setPlaceholder(DEFAULT_SETTINGS.fileNameFormat)
					.setValue(settings.fileNameFormat)
					.onChange((value) => {
						settings.fileNameFormat = value.trim() === "" ? DEFAULT_SETTINGS.fileNameFormat : value;
						this.inBackground(() => host.saveSettings());
					}),
			);

		const dateSetting = new Setting(containerEl).setName("Date format");
		const describeDate = (pattern: string): void => {
			const problem = dateFormatProblem(pattern);
			dateSetting.setDesc(problem ? `Not a valid format: ${problem}.` : `date-fns tokens. Today: ${format(new Date(), pattern)}`);
			dateSetting.descEl.toggleClass("paper-catalogue-error", problem !== null);
		};
		dateSetting.addText((text) =>
			text
				.setPlaceholder(DEFAULT_SETTINGS.dateFormat)
				.setValue(settings.dateFormat)
				.onChange((value) => {
					describeDate(value);
					if (dateFormatProblem(value)) return;
					settings.dateFormat = value;
					this.inBackground(() => host.saveSettings());
				}),
		);
		describeDate(settings.dateFormat);

		new Setting(containerEl)
			.setName("Link style")
			.setDesc("How links from the catalogue to paper notes are written.")
			.addDropdown((dropdown) =>
				dropdown
					.addOption("vault", "Follow the vault's link setting")
					.addOption("wikilink", "Wikilinks")
					.addOption("markdown", "Markdown links")
					.setValue(settings.linkStyle)
					.onChange((value) => {
						settings.linkStyle = value as LinkStyle;
						this.inBackground(() => host.saveSettings());
					}),
			);

		new Setting(containerEl).setName("Reading status").setHeading();
		new Setting(containerEl)
			.setName("Sync checkboxes and status")
			.setDesc("Ticking a catalogue item marks its note as read, and setting a note's status to read ticks its item.")
			.addToggle((toggle) =>
				toggle.setValue(settings.syncStatus).onChange((value) => {
					settings.syncStatus = value;
					this.inBackground(() => host.saveSettings());
				}),
			);

		displayOutputSettings(containerEl, host, () => this.inBackground(() => host.saveSettings()));
		this.displayDetails(containerEl);
	}

	/** Paper details: the one part of the plugin that uses the network, so it says exactly what goes where. */
	private displayDetails(containerEl: HTMLElement): void {
		const { host } = this;
		const { settings } = host;
		new Setting(containerEl).setName("Paper details").setHeading();
		new Setting(containerEl)
			.setName("Look up paper details online")
			.setDesc(
				"When creating notes, ask arXiv, Semantic Scholar and doi.org for each paper's authors, date, venue, abstract, DOI and PDF link. " +
					"Only the papers' arXiv ids, DOIs and titles are sent. Off: nothing is sent, except when you run a look-up command.",
			)
			.addToggle((toggle) =>
				toggle.setValue(settings.lookUpDetails).onChange((value) => {
					settings.lookUpDetails = value;
					this.inBackground(() => host.saveSettings());
				}),
			);
		new Setting(containerEl)
			.setName("Semantic Scholar API key")
			.setDesc("Optional. Without one, requests share a busy public pool and may wait. Saved in this plugin's settings, which Obsidian Sync copies to your other devices.")
			.addText((text) => {
				text.inputEl.type = "password";
				text.setPlaceholder("None").setValue(settings.semanticScholarApiKey).onChange((value) => {
					settings.semanticScholarApiKey = value.trim();
					this.inBackground(() => host.saveSettings());
				});
			});
	}

	/** Says whether the template note can be used, as soon as it is chosen. */
	private async describeTemplate(setting: Setting): Promise<void> {
		const path = this.host.settings.templatePath;
		let problem: string | null = null;
		if (path !== "") {
			const file = this.app.vault.getFileByPath(path);
			if (!file) problem = "this note does not exist";
			else problem = templateProblems(await this.app.vault.cachedRead(file), this.host.settings.dateFormat)[0] ?? null;
		}
		setting.setDesc(problem ? `Cannot use this template: ${problem}.` : "Leave empty for the built-in review template.");
		setting.descEl.toggleClass("paper-catalogue-error", problem !== null);
	}

	/** Writes the built-in template into the vault for editing; never over an existing note. */
	private async writeDefaultTemplate(): Promise<string | null> {
		const path = normalizePath(DEFAULT_TEMPLATE_PATH);
		if (this.app.vault.getAbstractFileByPath(path)) {
			new Notice(`${path} already exists; it is now the template note.`);
			return path;
		}
		try {
			await this.app.vault.create(path, DEFAULT_TEMPLATE);
			new Notice(`Wrote the default template to ${path}.`);
			return path;
		} catch (error) {
			new Notice(`Could not write ${path}: ${error instanceof Error ? error.message : String(error)}`);
			return null;
		}
	}
}
