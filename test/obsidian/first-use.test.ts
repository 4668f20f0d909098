// @vitest-environment happy-dom
/**
 * The first five minutes, as a new user takes them, on a fresh vault with no setting touched; and reading lists
 * without checkboxes, whose papers are done by their notes' status.
 */
import type { App } from "obsidian";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProgressView, VIEW_TYPE_PROGRESS } from "../../src/obsidian/progress-view";
import { clearNotices, isCommandAvailable, noticeMessages, notices, openInMarkdownView, pluginDataText, readVaultFile, runCommand, settled, topModal } from "../fakes/harness";
import { button, commandId, createNotes, disposeApps, EXAMPLE_PATH, EXAMPLE_TEXT, lineOf, MADLIB, modalContent, PLUGIN_ID, property, start, syncedExample, today, waitFor } from "./plugin-support";

beforeEach(() => clearNotices());
afterEach(disposeApps);

const LIST = "Reading list.md";

function statusBar(): HTMLElement {
	return document.body.find(".status-bar-item.paper-catalogue-status");
}

function theView(app: App): ProgressView {
	const view = app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)[0]?.view;
	if (!(view instanceof ProgressView)) throw new Error("the progress view is not open");
	return view;
}

async function idle(app: App): Promise<void> {
	for (let i = 0; i < 3; i++) {
		await settled(app);
		await theView(app).whenIdle();
	}
}

describe("the first five minutes", () => {
	it("open a reading list, Create, tick a box: the note reads read and the view shows the count, with no setting touched", async () => {
		// Before: the box ticked and nothing else happened (the catalogue was not tracked, status sync was off,
		// the view said no catalogue was tracked), and nothing said why.
		const { app, plugin } = await start({ files: { [LIST]: EXAMPLE_TEXT } });
		expect(pluginDataText(app, PLUGIN_ID)).toBeNull();
		const view = await createNotes(app, LIST);
		const report = notices().find((record) => record.message.startsWith("Created 60 notes"));
		expect(report?.message).toContain("Now tracking Reading list");
		expect(plugin.settings.catalogues).toEqual([LIST]);

		const line = lineOf(view.editor.getValue(), "The MADlib Analytics Library");
		const ch = view.editor.getLine(line).indexOf("[ ]") + 1;
		view.editor.replaceRange("x", { line, ch }, { line, ch: ch + 1 });
		await settled(app);
		expect(property(readVaultFile(app, MADLIB), "status")).toBe("read");
		expect(property(readVaultFile(app, MADLIB), "read")).toBe(today());

		// The notice's button opens the view, which shows the tick.
		report?.notice.messageEl.find("button").click();
		await settled(app);
		await idle(app);
		expect(theView(app).contentEl.find(".paper-catalogue-read").getText()).toBe("15 of 60 papers read");
		expect(statusBar().getText()).toBe("15/60 read");
		expect(isCommandAvailable(app, commandId("openNextUnread"))).toBe(true);
	});

	it("Create on a reading list whose notes all exist (made on another device) still tracks it, and says so", async () => {
		// Found in review: the plan said "Nothing to do", and the catalogue stayed untracked, its ticks unsynced.
		const { app, plugin } = await start({ files: await syncedExample() });
		expect(plugin.settings.catalogues).toEqual([]);
		await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		await runCommand(app, commandId("createNotes"));
		await waitFor(app, () => topModal() !== null, "the plan");
		expect(modalContent().find("p").getText()).toBe("Every paper already has its note and link (60 items). Nothing to do.");
		button(modalContent(), "Cancel").click();
		await settled(app);
		expect(plugin.settings.catalogues).toEqual([EXAMPLE_PATH]);
		expect(noticeMessages()).toContain("Every paper in CS294 AI-Systems already has its note. Now tracking CS294 AI-Systems: ticking an item marks its note as read.");
	});

	it("with nothing tracked, the view shows the active reading list at once and offers to track it", async () => {
		const { app, plugin } = await start({ files: { [LIST]: EXAMPLE_TEXT, "Diary.md": "Nothing to read.\n" } });
		await plugin.activateView();
		await idle(app);
		expect(theView(app).contentEl.getText()).toContain("No catalogue is tracked yet");
		await openInMarkdownView(app, LIST);
		await idle(app);
		const root = theView(app).contentEl;
		expect(root.find(".paper-catalogue-title").getText()).toBe("Reading list");
		expect(root.find(".paper-catalogue-read").getText()).toBe("14 of 60 papers read");
		expect(root.find(".paper-catalogue-untracked").getText()).toContain("Not tracked yet");
		root.find(".paper-catalogue-untracked button").click();
		await idle(app);
		expect(plugin.settings.catalogues).toEqual([LIST]);
		expect(root.find(".paper-catalogue-untracked")).toBeNull();
		// Tracked now, it stays in the view when another note is opened.
		await openInMarkdownView(app, "Diary.md");
		await idle(app);
		expect(root.find(".paper-catalogue-read").getText()).toBe("14 of 60 papers read");
	});
});

describe("lists without checkboxes make progress through their notes' status", () => {
	const LINKS = "Links.md";
	const LINKS_TEXT = [
		"# Reading",
		"",
		"- [Attention Is All You Need](https://arxiv.org/abs/1706.03762)",
		"- [BERT: Pre-training of Deep Bidirectional Transformers](https://arxiv.org/abs/1810.04805)",
		"- [Language Models are Few-Shot Learners](https://arxiv.org/abs/2005.14165)",
		"",
	].join("\n");
	const ATTENTION_NOTE = "Papers/Attention Is All You Need.md";
	const BERT_NOTE = "Papers/BERT - Pre-training of Deep Bidirectional Transformers.md";
	const GPT3_NOTE = "Papers/Language Models are Few-Shot Learners.md";

	it("the view's tick sets the note's status, never adds a checkbox; the count, the status bar and next unread follow", async () => {
		// Before: "Mark paper as read" changed the note, the catalogue stayed 0/3, and "Open next unread paper"
		// opened the same read paper for ever.
		const { app, plugin } = await start({ files: { [LINKS]: LINKS_TEXT }, data: { catalogues: [LINKS] } });
		await plugin.activateView();
		await idle(app);
		const root = theView(app).contentEl;
		expect(root.find(".paper-catalogue-read").getText()).toBe("0 of 3 papers read");
		root.find(".paper-catalogue-section-head").click();
		await idle(app);
		const box = root.find(".paper-catalogue-checkbox") as HTMLInputElement;
		expect(box.disabled).toBe(false);
		box.click();
		await waitFor(app, () => property(readVaultFile(app, ATTENTION_NOTE), "status") === "read", "the note to be marked read");
		await idle(app);
		expect(root.find(".paper-catalogue-read").getText()).toBe("1 of 3 papers read");
		expect((root.find(".paper-catalogue-checkbox") as HTMLInputElement).checked).toBe(true);
		expect(statusBar().getText()).toBe("1/3 read");
		// Only the link to the new note went into the catalogue.
		expect(readVaultFile(app, LINKS)).toBe(LINKS_TEXT.replace("(https://arxiv.org/abs/1706.03762)", "(https://arxiv.org/abs/1706.03762) [[Papers/Attention Is All You Need|notes]]"));

		// Next unread is BERT; marking its note read moves on to GPT-3.
		await runCommand(app, commandId("openNextUnread"));
		await waitFor(app, () => app.workspace.getActiveFile()?.path === BERT_NOTE, "BERT's note to open");
		await runCommand(app, commandId("markRead"));
		await settled(app);
		await idle(app);
		expect(root.find(".paper-catalogue-read").getText()).toBe("2 of 3 papers read");
		await runCommand(app, commandId("openNextUnread"));
		await waitFor(app, () => app.workspace.getActiveFile()?.path === GPT3_NOTE, "GPT-3's note to open");
		expect(readVaultFile(app, LINKS)?.includes("[ ]")).toBe(false);
	});

	it("unticking in the view sets the note back to unread", async () => {
		const note = '---\ntitle: "Attention Is All You Need"\nurl: "https://arxiv.org/abs/1706.03762"\nstatus: read\nread: 2026-01-05\n---\n';
		const text = LINKS_TEXT.replace("(https://arxiv.org/abs/1706.03762)", "(https://arxiv.org/abs/1706.03762) [[Papers/Attention Is All You Need|notes]]");
		const { app, plugin } = await start({ files: { [LINKS]: text, [ATTENTION_NOTE]: note }, data: { catalogues: [LINKS] } });
		await plugin.activateView();
		await idle(app);
		const root = theView(app).contentEl;
		expect(root.find(".paper-catalogue-read").getText()).toBe("1 of 3 papers read");
		root.find(".paper-catalogue-section-head").click();
		await idle(app);
		(root.find(".paper-catalogue-checkbox") as HTMLInputElement).click();
		await waitFor(app, () => property(readVaultFile(app, ATTENTION_NOTE), "status") === "unread", "the note to be marked unread");
		await idle(app);
		expect(root.find(".paper-catalogue-read").getText()).toBe("0 of 3 papers read");
		expect(readVaultFile(app, LINKS)).toBe(text);
	});
});
