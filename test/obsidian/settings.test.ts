// @vitest-environment happy-dom
/**
 * The plugin's settings: loading them from data.json (defaults, bad values, corrupt JSON), and the settings tab,
 * clicked and typed into like a user would, with every change saved and honoured by the next run.
 */
import { format } from "date-fns";
import type { App } from "obsidian";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE } from "../../src/notes/template";
import { DEFAULT_SETTINGS } from "../../src/settings";
import { DEFAULT_TEMPLATE_PATH } from "../../src/obsidian/settings-tab";
import { clearNotices, closeSettingTab, configureApp, noticeMessages, openSettingTab, pluginDataText, readVaultFile, runCommand, settingTabs, settled, vaultSnapshot } from "../fakes/harness";
import { button, CHIMERA, commandId, createNotes, disposeApps, EXAMPLE_PATH, file, modalContent, PLUGIN_ID, start, type Started } from "./plugin-support";

beforeEach(() => clearNotices());
afterEach(disposeApps);

function savedData(app: App): Record<string, unknown> {
	return JSON.parse(pluginDataText(app, PLUGIN_ID) ?? "null") as Record<string, unknown>;
}

function openTab({ app }: Started): HTMLElement {
	const [tab] = settingTabs(app);
	if (!tab) throw new Error("no settings tab");
	return openSettingTab(tab);
}

/** The setting row with this name. */
function setting(root: HTMLElement, name: string): HTMLElement {
	const found = root.findAll(".setting-item").find((item) => item.find(".setting-item-name")?.getText() === name);
	if (!found) throw new Error(`no setting "${name}" in: ${root.findAll(".setting-item-name").map((el) => el.getText()).join(", ")}`);
	return found;
}

function description(root: HTMLElement, name: string): string {
	return setting(root, name).find(".setting-item-description").getText();
}

async function type(app: App, root: HTMLElement, name: string, value: string): Promise<void> {
	const input = setting(root, name).find("input") as HTMLInputElement;
	input.value = value;
	input.dispatchEvent(new Event("input"));
	await settled(app);
}

describe("loading settings", () => {
	it("uses the defaults when there is no data.json", async () => {
		const { plugin } = await start();
		expect(plugin.settings).toEqual({ ...DEFAULT_SETTINGS, catalogues: [] });
		expect(noticeMessages()).toEqual([]);
	});

	it("fills missing keys with defaults and keeps the rest", async () => {
		const { plugin } = await start({ data: { notesFolder: "Reading/Papers", syncStatus: false } });
		expect(plugin.settings).toEqual({ ...DEFAULT_SETTINGS, catalogues: [], notesFolder: "Reading/Papers", syncStatus: false });
		expect(noticeMessages()).toEqual([]);
	});

	it("resets values of the wrong type, and says which", async () => {
		const { plugin } = await start({ data: { linkStyle: "fancy", catalogues: [EXAMPLE_PATH], syncStatus: "yes" } });
		expect(plugin.settings.linkStyle).toBe("vault");
		expect(plugin.settings.syncStatus).toBe(true);
		expect(plugin.settings.catalogues).toEqual([EXAMPLE_PATH]);
		expect(noticeMessages()).toEqual(["Paper Catalogue reset settings it could not read: linkStyle, syncStatus."]);
	});

	it("a corrupt data.json gives a notice and the defaults, not a crash; the plugin works", async () => {
		const started = await start({ data: "{ not json" });
		const { app, plugin } = started;
		expect(plugin.settings).toEqual({ ...DEFAULT_SETTINGS, catalogues: [] });
		expect(noticeMessages()).toEqual(["Paper Catalogue could not read its saved settings (data.json is not valid JSON); using the defaults until you change a setting."]);
		// Nothing overwrote the file yet…
		expect(pluginDataText(app, PLUGIN_ID)).toBe("{ not json");
		await createNotes(app);
		expect(Object.keys(vaultSnapshot(app)).filter((path) => path.startsWith("Papers/"))).toHaveLength(60);
		// …until a setting changes.
		const el = openTab(started);
		await type(app, el, "Notes folder", "Reading");
		expect(savedData(app)).toMatchObject({ notesFolder: "Reading" });
	});
});

describe("the settings tab", () => {
	it("renders every setting", async () => {
		const started = await start({ track: true });
		const el = openTab(started);
		expect(el.findAll(".setting-item-name").map((name) => name.getText())).toEqual([
			"Catalogues",
			EXAMPLE_PATH,
			"Track a catalogue",
			"Paper notes",
			"Notes folder",
			"Template note",
			"File name format",
			"Date format",
			"Link style",
			"Reading status",
			"Sync checkboxes and status",
			"Outputs",
			"Create a base with the notes",
			"Paper details",
			"Look up paper details online",
			"Semantic Scholar API key",
		]);
		// The network is off until the user turns it on.
		expect((setting(el, "Look up paper details online").find("input[type=checkbox]") as HTMLInputElement).checked).toBe(false);
		expect((setting(el, "Semantic Scholar API key").find("input") as HTMLInputElement).type).toBe("password");
		expect((setting(el, "Notes folder").find("input") as HTMLInputElement).value).toBe("Papers");
		expect((setting(el, "File name format").find("input") as HTMLInputElement).value).toBe("{{title}}");
		expect((setting(el, "Date format").find("input") as HTMLInputElement).value).toBe("yyyy-MM-dd");
		expect((setting(el, "Link style").find("select") as HTMLSelectElement).value).toBe("vault");
		expect((setting(el, "Sync checkboxes and status").find("input[type=checkbox]") as HTMLInputElement).checked).toBe(true);
		expect(description(el, "Date format")).toBe(`date-fns tokens. Today: ${format(new Date(), "yyyy-MM-dd")}`);
		const [tab] = settingTabs(started.app);
		if (tab) closeSettingTab(tab);
	});

	it("tracks and untracks catalogues", async () => {
		const started = await start({ files: { [EXAMPLE_PATH]: "- [ ] [A](https://example.org/a)\n", "Other list.md": "- [x] [B](https://example.org/b)\n" } });
		const { app, plugin } = started;
		const el = openTab(started);
		expect(el.getText()).toContain("No catalogue is tracked yet.");

		await type(app, el, "Track a catalogue", "Nowhere.md");
		button(setting(el, "Track a catalogue"), "Add").click();
		await settled(app);
		expect(noticeMessages()).toEqual(['No note at "Nowhere.md".']);
		expect(plugin.settings.catalogues).toEqual([]);

		// The suggestions offer notes by path; picking one fills the field.
		const input = setting(el, "Track a catalogue").find("input") as HTMLInputElement;
		input.value = "other";
		input.dispatchEvent(new Event("input"));
		await settled(app);
		const suggestions = document.body.findAll(".suggestion-container .suggestion-item");
		expect(suggestions.map((item) => item.getText())).toEqual(["Other list.md"]);
		suggestions[0]?.click();
		await settled(app);
		expect(input.value).toBe("Other list.md");
		button(setting(el, "Track a catalogue"), "Add").click();
		await settled(app);
		expect(plugin.settings.catalogues).toEqual(["Other list.md"]);
		expect(savedData(app)).toMatchObject({ catalogues: ["Other list.md"] });
		expect(plugin.index.get("Other list.md")?.papers).toHaveLength(1);

		await type(app, el, "Track a catalogue", EXAMPLE_PATH);
		button(setting(el, "Track a catalogue"), "Add").click();
		await settled(app);
		expect(savedData(app)).toMatchObject({ catalogues: ["Other list.md", EXAMPLE_PATH] });

		setting(el, "Other list.md").find(".extra-setting-button").click();
		await settled(app);
		expect(savedData(app)).toMatchObject({ catalogues: [EXAMPLE_PATH] });
		expect(el.findAll(".setting-item-name").map((name) => name.getText())).not.toContain("Other list.md");
	});

	it("marks a tracked catalogue that no longer exists", async () => {
		const started = await start({ data: { catalogues: ["Gone.md"] } });
		expect(description(openTab(started), "Gone.md")).toBe("This note no longer exists.");
	});

	it("validates the notes folder and saves a valid one; the next run uses it", async () => {
		const started = await start();
		const { app, plugin } = started;
		const el = openTab(started);
		await type(app, el, "Notes folder", "../outside");
		expect(description(el, "Notes folder")).toBe('Cannot use this folder: "../outside" may not contain "." or ".." segments.');
		expect(setting(el, "Notes folder").find(".setting-item-description").hasClass("paper-catalogue-error")).toBe(true);
		expect(plugin.settings.notesFolder).toBe("Papers");
		expect(pluginDataText(app, PLUGIN_ID)).toBeNull();

		await type(app, el, "Notes folder", "Reading//Papers/");
		expect(description(el, "Notes folder")).toBe("Where new paper notes go. Missing folders are created.");
		expect(savedData(app)).toMatchObject({ notesFolder: "Reading/Papers" });
		await createNotes(app);
		expect(Object.keys(vaultSnapshot(app)).filter((path) => path.startsWith("Reading/Papers/"))).toHaveLength(60);
	});

	it("saves the file name format, and an empty one goes back to the default", async () => {
		const started = await start();
		const { app } = started;
		const el = openTab(started);
		await type(app, el, "File name format", "{{year}} {{title}}");
		expect(savedData(app)).toMatchObject({ fileNameFormat: "{{year}} {{title}}" });
		await type(app, el, "File name format", "  ");
		expect(savedData(app)).toMatchObject({ fileNameFormat: DEFAULT_SETTINGS.fileNameFormat });
	});

	it("validates the date format as you type, with a live example, and saves only a valid one", async () => {
		const started = await start();
		const { app, plugin } = started;
		const el = openTab(started);
		await type(app, el, "Date format", "YYYY-MM-DD");
		expect(description(el, "Date format")).toBe('Not a valid format: invalid date format "YYYY-MM-DD": use yyyy for the year (Y is the week-numbering year).');
		expect(setting(el, "Date format").find(".setting-item-description").hasClass("paper-catalogue-error")).toBe(true);
		expect(plugin.settings.dateFormat).toBe("yyyy-MM-dd");
		await type(app, el, "Date format", "d MMMM yyyy");
		expect(description(el, "Date format")).toBe(`date-fns tokens. Today: ${format(new Date(), "d MMMM yyyy")}`);
		expect(setting(el, "Date format").find(".setting-item-description").hasClass("paper-catalogue-error")).toBe(false);
		expect(savedData(app)).toMatchObject({ dateFormat: "d MMMM yyyy" });
	});

	it("saves the link style and the sync toggle", async () => {
		const started = await start();
		const { app, plugin } = started;
		const el = openTab(started);
		const select = setting(el, "Link style").find("select") as HTMLSelectElement;
		expect(Array.from(select.options).map((option) => option.value)).toEqual(["vault", "wikilink", "markdown"]);
		select.value = "markdown";
		select.dispatchEvent(new Event("change"));
		await settled(app);
		expect(savedData(app)).toMatchObject({ linkStyle: "markdown" });
		setting(el, "Sync checkboxes and status").find(".checkbox-container").click();
		await settled(app);
		expect(plugin.settings.syncStatus).toBe(false);
		expect(savedData(app)).toMatchObject({ syncStatus: false });
	});

	it("saves Create a base with the notes, and says when the app has no Bases", async () => {
		const started = await start();
		const { app, plugin } = started;
		const el = openTab(started);
		const row = setting(el, "Create a base with the notes");
		expect((row.find("input[type=checkbox]") as HTMLInputElement).checked).toBe(true);
		expect(description(el, "Create a base with the notes")).toBe("Needs Obsidian 1.9.10 or later, which has Bases; this app has not, so no base is written.");
		row.find(".checkbox-container").click();
		await settled(app);
		expect(plugin.settings.createBase).toBe(false);
		expect(savedData(app)).toMatchObject({ createBase: false });
	});

	it("checks the template note as it is chosen", async () => {
		const started = await start({ files: { [EXAMPLE_PATH]: "- [ ] [A](https://example.org/a)\n", "Templates/Broken.md": "{{nonsense}}\n" } });
		const { app } = started;
		const el = openTab(started);
		await type(app, el, "Template note", "Templates/Missing.md");
		expect(savedData(app)).toMatchObject({ templatePath: "Templates/Missing.md" });
		expect(description(el, "Template note")).toBe("Cannot use this template: this note does not exist.");
		await type(app, el, "Template note", "Templates/Broken.md");
		expect(description(el, "Template note")).toMatch(/^Cannot use this template: .*nonsense/);
		await type(app, el, "Template note", "");
		expect(savedData(app)).toMatchObject({ templatePath: "" });
		expect(description(el, "Template note")).toBe("Leave empty for the built-in review template.");
	});

	it("writes the default template into a note, never over one, and uses it", async () => {
		const started = await start();
		const { app, plugin } = started;
		const el = openTab(started);
		button(setting(el, "Template note"), "Write the default template").click();
		await settled(app);
		expect(readVaultFile(app, DEFAULT_TEMPLATE_PATH)).toBe(DEFAULT_TEMPLATE);
		expect(plugin.settings.templatePath).toBe(DEFAULT_TEMPLATE_PATH);
		expect(savedData(app)).toMatchObject({ templatePath: DEFAULT_TEMPLATE_PATH });
		expect(noticeMessages()).toEqual([`Wrote the default template to ${DEFAULT_TEMPLATE_PATH}.`]);
		expect((setting(el, "Template note").find("input") as HTMLInputElement).value).toBe(DEFAULT_TEMPLATE_PATH);

		const edited = `${DEFAULT_TEMPLATE}\n## My own heading\n`;
		await app.vault.modify(file(app, DEFAULT_TEMPLATE_PATH), edited);
		button(setting(el, "Template note"), "Write the default template").click();
		await settled(app);
		expect(readVaultFile(app, DEFAULT_TEMPLATE_PATH)).toBe(edited);
		expect(noticeMessages()).toContain(`${DEFAULT_TEMPLATE_PATH} already exists; it is now the template note.`);

		await createNotes(app);
		expect(readVaultFile(app, CHIMERA)).toContain("## My own heading");
	});
});

describe("link style", () => {
	it('"vault" follows Obsidian\'s link setting: Markdown links when wikilinks are off, and a second run finds them', async () => {
		const { app } = await start();
		configureApp(app, { useMarkdownLinks: true });
		await createNotes(app);
		const text = readVaultFile(app, EXAMPLE_PATH) ?? "";
		expect(text).toContain("[SysML: The New Frontier of Machine Learning Systems](https://arxiv.org/abs/1904.03257) [notes](Papers/SysML%20-%20The%20New%20Frontier%20of%20Machine%20Learning%20Systems.md)");
		expect(text).not.toContain("|notes]]");
		expect(text.match(/ \[notes\]\(Papers\//g)).toHaveLength(60);

		const before = vaultSnapshot(app);
		await runCommand(app, commandId("createNotes"));
		await settled(app);
		expect(modalContent().find("p").getText()).toBe("Every paper already has its note and link (60 items). Nothing to do.");
		button(modalContent(), "Cancel").click();
		await settled(app);
		expect(vaultSnapshot(app)).toEqual(before);
	});

	it('"vault" writes wikilinks by default, and "markdown" overrides the vault', async () => {
		const { app } = await start({ data: { linkStyle: "markdown" } });
		await createNotes(app);
		expect(readVaultFile(app, EXAMPLE_PATH)).toContain(" [notes](Papers/SysML%20-%20The%20New%20Frontier%20of%20Machine%20Learning%20Systems.md)");
	});
});
