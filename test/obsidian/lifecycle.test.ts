// @vitest-environment happy-dom
/**
 * The plugin's lifecycle with the real plugin class: the status bar it adds, the ribbon icon, and a clean
 * unload that leaves no listener, DOM listener, interval, command or view type behind.
 */
import type { App } from "obsidian";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { VIEW_TYPE_PROGRESS } from "../../src/obsidian/progress-view";
import { clearNotices, liveCounts, notices, openInMarkdownView, openSettingTab, readVaultFile, runCommand, settingTabs, settled, unloadPlugin } from "../fakes/harness";
import { button, commandId, createNotes, disposeApps, EXAMPLE_PATH, EXAMPLE_TEXT, file, lineOf, MADLIB, modalContent, property, start, withTick } from "./plugin-support";

beforeEach(() => clearNotices());
afterEach(disposeApps);

function statusBar(): HTMLElement {
	return document.body.find(".status-bar-item.paper-catalogue-status");
}

describe("the status bar", () => {
	it('shows "14/60 read" for the tracked example and follows ticks in the file and in the editor', async () => {
		const { app } = await start({ track: true });
		expect(statusBar().isShown()).toBe(true);
		expect(statusBar().getText()).toBe("14/60 read");
		expect(statusBar().getAttr("aria-label")).toBe("Open reading progress");

		await app.vault.process(file(app, EXAMPLE_PATH), (text) => withTick(text, "The MADlib Analytics Library", true));
		await settled(app);
		expect(statusBar().getText()).toBe("15/60 read");

		const view = await openInMarkdownView(app, EXAMPLE_PATH);
		const line = lineOf(view.editor.getValue(), "A New Golden Age for Computer Architecture");
		const ch = view.editor.getLine(line).indexOf("[ ]") + 1;
		view.editor.replaceRange("x", { line, ch }, { line, ch: ch + 1 });
		// On the next frame, from the editor, before anything is saved.
		await settled(app);
		expect(readVaultFile(app, EXAMPLE_PATH)).not.toBe(view.editor.getValue());
		expect(statusBar().getText()).toBe("16/60 read");
	});

	it("with nothing tracked, shows the active note's progress when it lists papers, and hides for any other note", async () => {
		const { app } = await start({ files: { [EXAMPLE_PATH]: EXAMPLE_TEXT, "Diary.md": "Nothing to read here.\n" } });
		expect(statusBar().isShown()).toBe(false);
		await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		expect(statusBar().isShown()).toBe(true);
		expect(statusBar().getText()).toBe("14/60 read");
		expect(statusBar().getAttr("aria-label")).toBe("Open reading progress: this note is not tracked yet");
		await openInMarkdownView(app, "Diary.md");
		await settled(app);
		expect(statusBar().isShown()).toBe(false);
	});

	it("once a note is tracked, shows it whatever note is active, until it is untracked", async () => {
		const { app } = await start({ files: { [EXAMPLE_PATH]: EXAMPLE_TEXT, "Diary.md": "Nothing to read here.\n" } });
		await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		await runCommand(app, commandId("track"));
		await settled(app);
		expect(statusBar().getAttr("aria-label")).toBe("Open reading progress");
		await openInMarkdownView(app, "Diary.md");
		await settled(app);
		expect(statusBar().getText()).toBe("14/60 read");
		await openInMarkdownView(app, EXAMPLE_PATH);
		await runCommand(app, commandId("untrack"));
		await openInMarkdownView(app, "Diary.md");
		await settled(app);
		expect(statusBar().isShown()).toBe(false);
	});

	it("shows the active catalogue when several are tracked", async () => {
		const { app } = await start({
			files: { [EXAMPLE_PATH]: "- [x] [A](https://example.org/a)\n- [ ] [B](https://example.org/b)\n", "Second.md": "- [ ] [C](https://example.org/c)\n- [ ] [D](https://example.org/d)\n- [x] [E](https://example.org/e)\n" },
			data: { catalogues: [EXAMPLE_PATH, "Second.md"] },
		});
		expect(statusBar().getText()).toBe("1/2 read");
		await openInMarkdownView(app, "Second.md");
		await settled(app);
		expect(statusBar().getText()).toBe("1/3 read");
	});

	it("opens the reading progress view when clicked", async () => {
		const { app } = await start({ track: true });
		statusBar().click();
		await settled(app);
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)).toHaveLength(1);
	});
});

it("the ribbon icon opens the reading progress view", async () => {
	const { app } = await start({ track: true });
	document.body.find('.side-dock-ribbon-action[aria-label="Open reading progress"]').click();
	await settled(app);
	expect(app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)).toHaveLength(1);
});

describe("unloading", () => {
	async function useEverything(app: App): Promise<void> {
		await createNotes(app);
		await runCommand(app, commandId("openProgress"));
		await runCommand(app, commandId("openNextUnread"));
		await settled(app);
		const [tab] = settingTabs(app);
		if (tab) openSettingTab(tab);
		notices()
			.find((record) => record.message.startsWith("Created"))
			?.notice.messageEl.find("button")
			.click();
		await settled(app);
	}

	it("leaves no listener, DOM listener, interval, command or view type behind", async () => {
		const { app, plugin } = await start({ track: true });
		await useEverything(app);
		expect(liveCounts(app).commands).toBeGreaterThan(0);
		await unloadPlugin(plugin);
		expect(liveCounts(app)).toEqual({ vault: 0, metadataCache: 0, workspace: 0, domListeners: 0, intervals: 0, commands: 0, viewTypes: 0 });
		expect(document.body.find(".paper-catalogue-status")).toBeNull();
		expect(document.body.find('.side-dock-ribbon-action[aria-label="Open reading progress"]')).toBeNull();
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)).toEqual([]);

		// Nothing reacts any more: a tick stays a tick, the note is left alone.
		const before = readVaultFile(app, MADLIB);
		await app.vault.process(file(app, EXAMPLE_PATH), (text) => withTick(text, "The MADlib Analytics Library", true));
		await settled(app);
		expect(readVaultFile(app, MADLIB)).toBe(before);
		expect(property(before, "status")).toBe("unread");
	});

	it("unloads cleanly right after loading, and while a plan is open", async () => {
		const { app, plugin } = await start({ track: true });
		await openInMarkdownView(app, EXAMPLE_PATH);
		await runCommand(app, commandId("createNotes"));
		await settled(app);
		expect(modalContent().getText()).toContain("Create 60 notes");
		await unloadPlugin(plugin);
		expect(liveCounts(app)).toMatchObject({ vault: 0, metadataCache: 0, workspace: 0, commands: 0, viewTypes: 0 });
		button(modalContent(), "Cancel").click();
		await settled(app);
	});
});
