// @vitest-environment happy-dom
/**
 * Every command of the real plugin, run through its registered callbacks on the example catalogue in the
 * in-memory Obsidian fake: what the palette offers when, what the plan modal shows, what lands in the vault and
 * which notices say so.
 */
import { MarkdownView } from "obsidian";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { COMMAND_IDS } from "../../src/obsidian/commands";
import { OUTPUT_COMMAND_IDS } from "../../src/obsidian/output-commands";
import { VIEW_TYPE_PROGRESS } from "../../src/obsidian/progress-view";
import {
	clearNotices,
	isCommandAvailable,
	listCommands,
	noticeMessages,
	notices,
	openInMarkdownView,
	pluginDataText,
	readVaultFile,
	runCommand,
	settled,
	topModal,
	vaultSnapshot,
} from "../fakes/harness";
import {
	button,
	checkboxOf,
	CHIMERA,
	commandId,
	createNotes,
	disposeApps,
	EXAMPLE_PATH,
	EXAMPLE_TEXT,
	file,
	lineOf,
	MADLIB,
	modalContent,
	PLUGIN_ID,
	property,
	start,
	syncedExample,
	SYSML,
	today,
	TVM,
} from "./plugin-support";

beforeEach(() => clearNotices());
afterEach(disposeApps);

function paperNotes(snapshot: Record<string, string>): string[] {
	return Object.keys(snapshot).filter((path) => path.startsWith("Papers/"));
}

describe("the command palette", () => {
	it("registers every command, none with a default hotkey", async () => {
		const { app } = await start();
		const commands = listCommands(app);
		expect(commands.map((command) => command.id).sort()).toEqual([...Object.values(COMMAND_IDS), ...Object.values(OUTPUT_COMMAND_IDS)].map((id) => `${PLUGIN_ID}:${id}`).sort());
		expect(commands.map((command) => command.name)).toContain("Paper Catalogue: Create paper notes from this catalogue");
		for (const command of commands) expect(command, command.id).not.toHaveProperty("hotkeys");
	});
});

describe("Create paper notes from this catalogue", () => {
	it("is offered for a note with papers, and not for one without once it is parsed", async () => {
		const { app } = await start({ files: { [EXAMPLE_PATH]: EXAMPLE_TEXT, "Plain.md": "# Just thoughts\n\nNo reading list here.\n" } });
		expect(isCommandAvailable(app, commandId("createNotes"))).toBe(false);
		await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		expect(isCommandAvailable(app, commandId("createNotes"))).toBe(true);
		await openInMarkdownView(app, "Plain.md");
		await settled(app);
		expect(isCommandAvailable(app, commandId("createNotes"))).toBe(false);
	});

	it("shows the plan; Cancel writes nothing", async () => {
		const { app } = await start();
		const before = vaultSnapshot(app);
		await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		await runCommand(app, commandId("createNotes"));
		await settled(app);
		const content = modalContent();
		expect(content.find("p").getText()).toBe("Create 60 notes in Papers and link 60 catalogue items. 0 items already linked.");
		expect(content.findAll(".paper-catalogue-plan-notes li").map((li) => li.getText())).toContain(SYSML);
		expect(content.find(".paper-catalogue-plan-notes").getText()).toContain("and 48 more");
		button(content, "Cancel").click();
		await settled(app);
		expect(topModal()).toBeNull();
		expect(vaultSnapshot(app)).toEqual(before);
		expect(noticeMessages()).toEqual([]);
	});

	it("closing the plan any other way writes nothing either", async () => {
		const { app } = await start();
		const before = vaultSnapshot(app);
		await openInMarkdownView(app, EXAMPLE_PATH);
		await runCommand(app, commandId("createNotes"));
		await settled(app);
		topModal()?.close();
		await settled(app);
		expect(vaultSnapshot(app)).toEqual(before);
	});

	it("Create writes 60 notes and links 60 items, says so and offers the progress view; a second run has nothing to do", async () => {
		const { app, plugin } = await start();
		await createNotes(app);
		const snapshot = vaultSnapshot(app);
		expect(paperNotes(snapshot)).toHaveLength(60);
		const catalogue = snapshot[EXAMPLE_PATH] ?? "";
		expect(catalogue.match(/\|notes\]\]/g)).toHaveLength(60);
		expect(catalogue).toContain("[SysML: The New Frontier of Machine Learning Systems](https://arxiv.org/abs/1904.03257) [[Papers/SysML - The New Frontier of Machine Learning Systems|notes]]");
		// Only the links were added: removing them gives back the catalogue byte for byte.
		expect(catalogue.replace(/ \[\[Papers\/[^\]]*\|notes\]\]/g, "")).toBe(EXAMPLE_TEXT);
		// A ticked paper's note starts as read, an unticked one as unread.
		expect(property(snapshot[SYSML] ?? null, "status")).toBe("read");
		expect(property(snapshot[MADLIB] ?? null, "status")).toBe("unread");

		const report = notices().find((record) => record.message.startsWith("Created"));
		// Creating notes from a note tracks it, and says so: ticks and statuses stay in step from now on.
		expect(report?.message).toBe("Created 60 notes, linked 60 items.Now tracking CS294 AI-Systems: ticking an item marks its note as read, and the progress view follows it.Open reading progress");
		expect(plugin.settings.catalogues).toEqual([EXAMPLE_PATH]);
		const open = report?.notice.messageEl.find("button");
		expect(open?.getText()).toBe("Open reading progress");
		open?.click();
		await settled(app);
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)).toHaveLength(1);

		await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		clearNotices();
		await runCommand(app, commandId("createNotes"));
		await settled(app);
		const content = modalContent();
		expect(content.find("p").getText()).toBe("Every paper already has its note and link (60 items). Nothing to do.");
		expect(button(content, "Create").disabled).toBe(true);
		button(content, "Create").click();
		await settled(app);
		button(content, "Cancel").click();
		await settled(app);
		expect(vaultSnapshot(app)).toEqual(snapshot);
		expect(noticeMessages()).toEqual([]);
	});

	it("before the note is parsed, is offered and then says when there are no papers", async () => {
		const { app, plugin } = await start({ files: { "Empty.md": "Nothing yet.\n" } });
		await openInMarkdownView(app, "Empty.md");
		await settled(app);
		expect(isCommandAvailable(app, commandId("createNotes"))).toBe(false);
		// As right after a restart, before the active note's first parse has landed.
		plugin.index.forget("Empty.md");
		expect(isCommandAvailable(app, commandId("createNotes"))).toBe(true);
		await runCommand(app, commandId("createNotes"));
		await settled(app);
		expect(topModal()).toBeNull();
		expect(noticeMessages()).toEqual(["No papers found in this note: papers are task items and list items with a link."]);
		expect(isCommandAvailable(app, commandId("createNotes"))).toBe(false);
	});
});

describe("Track this note / Stop tracking this catalogue", () => {
	it("flip with the active note and save the settings", async () => {
		const { app, plugin } = await start();
		expect(isCommandAvailable(app, commandId("track"))).toBe(false);
		expect(isCommandAvailable(app, commandId("untrack"))).toBe(false);
		await openInMarkdownView(app, EXAMPLE_PATH);
		expect(isCommandAvailable(app, commandId("track"))).toBe(true);
		expect(isCommandAvailable(app, commandId("untrack"))).toBe(false);

		await runCommand(app, commandId("track"));
		await settled(app);
		expect(plugin.settings.catalogues).toEqual([EXAMPLE_PATH]);
		expect(JSON.parse(pluginDataText(app, PLUGIN_ID) ?? "{}")).toMatchObject({ catalogues: [EXAMPLE_PATH] });
		expect(noticeMessages()).toContain("Tracking CS294 AI-Systems as a catalogue.");
		expect(isCommandAvailable(app, commandId("track"))).toBe(false);
		expect(isCommandAvailable(app, commandId("untrack"))).toBe(true);

		await runCommand(app, commandId("untrack"));
		await settled(app);
		expect(plugin.settings.catalogues).toEqual([]);
		expect(JSON.parse(pluginDataText(app, PLUGIN_ID) ?? "{}")).toMatchObject({ catalogues: [] });
		expect(noticeMessages()).toContain("Stopped tracking CS294 AI-Systems.");
		expect(isCommandAvailable(app, commandId("track"))).toBe(true);
		expect(isCommandAvailable(app, commandId("untrack"))).toBe(false);
	});
});

describe("Open reading progress", () => {
	it("opens the view in the right sidebar and reveals it, once", async () => {
		const { app } = await start({ track: true });
		app.workspace.rightSplit.collapse();
		expect(isCommandAvailable(app, commandId("openProgress"))).toBe(true);
		await runCommand(app, commandId("openProgress"));
		await settled(app);
		const leaves = app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS);
		expect(leaves).toHaveLength(1);
		const leaf = leaves[0];
		expect(leaf?.getRoot()).toBe(app.workspace.rightSplit);
		expect(app.workspace.rightSplit.collapsed).toBe(false);
		expect(leaf?.view.containerEl.isShown()).toBe(true);

		app.workspace.rightSplit.collapse();
		await runCommand(app, commandId("openProgress"));
		await settled(app);
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)).toEqual(leaves);
		expect(app.workspace.rightSplit.collapsed).toBe(false);
	});
});

describe("Mark paper as read / unread", () => {
	it("is not offered in a note that merely has a status and a url of its own", async () => {
		// Found in review: a project note (`status: active`, `url: …`) counted as a paper note, and "Mark paper as
		// read" wrote status and read into it.
		const project = "---\nstatus: active\nurl: https://example.org/project\n---\nMy project.\n";
		const { app } = await start({ track: true, files: { ...(await syncedExample()), "Projects/Website.md": project } });
		await openInMarkdownView(app, "Projects/Website.md");
		await settled(app);
		expect(isCommandAvailable(app, commandId("markRead"))).toBe(false);
		expect(isCommandAvailable(app, commandId("markUnread"))).toBe(false);
		expect(readVaultFile(app, "Projects/Website.md")).toBe(project);
	});

	it("is offered in a paper note a tracked catalogue lists, even when the user took its catalogue property out", async () => {
		const { app } = await start({ track: true, files: await syncedExample() });
		await app.fileManager.processFrontMatter(file(app, MADLIB), (frontmatter: Record<string, unknown>) => {
			delete frontmatter.catalogue;
		});
		await openInMarkdownView(app, MADLIB);
		await settled(app);
		expect(await runCommand(app, commandId("markRead"))).toBe(true);
		await settled(app);
		expect(property(readVaultFile(app, MADLIB), "status")).toBe("read");
	});

	it("from a paper note: sets its status and read date, and ticks and unticks its item", async () => {
		const { app } = await start({ track: true, files: await syncedExample() });
		await openInMarkdownView(app, MADLIB);
		await settled(app);
		expect(isCommandAvailable(app, commandId("markUnread"))).toBe(false);
		expect(await runCommand(app, commandId("markRead"))).toBe(true);
		await settled(app);
		expect(property(readVaultFile(app, MADLIB), "status")).toBe("read");
		expect(property(readVaultFile(app, MADLIB), "read")).toBe(today());
		expect(checkboxOf(readVaultFile(app, EXAMPLE_PATH) ?? "", "The MADlib Analytics Library")).toBe("x");
		expect(isCommandAvailable(app, commandId("markRead"))).toBe(false);

		expect(await runCommand(app, commandId("markUnread"))).toBe(true);
		await settled(app);
		expect(property(readVaultFile(app, MADLIB), "status")).toBe("unread");
		expect(property(readVaultFile(app, MADLIB), "read")).toBeNull();
		expect(checkboxOf(readVaultFile(app, EXAMPLE_PATH) ?? "", "The MADlib Analytics Library")).toBe(" ");
	});

	it("from the catalogue line under the cursor: ticks the item and marks its note", async () => {
		const { app } = await start({ track: true, files: await syncedExample() });
		const view = await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		// A heading line: no paper there.
		view.editor.setCursor(lineOf(view.editor.getValue(), "## 2. Big Data Systems"), 0);
		expect(isCommandAvailable(app, commandId("markRead"))).toBe(false);
		expect(isCommandAvailable(app, commandId("markUnread"))).toBe(false);
		// TVM is listed without a checkbox: its note's status is its state, and the catalogue keeps its text.
		view.editor.setCursor(lineOf(view.editor.getValue(), "[TVM: An Automated"), 4);
		expect(isCommandAvailable(app, commandId("markUnread"))).toBe(false);
		const untouched = view.editor.getValue();
		expect(await runCommand(app, commandId("markRead"))).toBe(true);
		await settled(app);
		expect(property(readVaultFile(app, TVM), "status")).toBe("read");
		expect(view.editor.getValue()).toBe(untouched);
		expect(isCommandAvailable(app, commandId("markRead"))).toBe(false);

		view.editor.setCursor(lineOf(view.editor.getValue(), "The MADlib Analytics Library"), 10);
		expect(isCommandAvailable(app, commandId("markUnread"))).toBe(false);
		expect(await runCommand(app, commandId("markRead"))).toBe(true);
		await settled(app);
		expect(checkboxOf(view.editor.getValue(), "The MADlib Analytics Library")).toBe("x");
		expect(property(readVaultFile(app, MADLIB), "status")).toBe("read");
		expect(property(readVaultFile(app, MADLIB), "read")).toBe(today());

		expect(await runCommand(app, commandId("markUnread"))).toBe(true);
		await settled(app);
		expect(checkboxOf(view.editor.getValue(), "The MADlib Analytics Library")).toBe(" ");
		expect(property(readVaultFile(app, MADLIB), "status")).toBe("unread");
		await view.save();
		expect(checkboxOf(readVaultFile(app, EXAMPLE_PATH) ?? "", "The MADlib Analytics Library")).toBe(" ");
	});
});

describe("Open next unread paper", () => {
	it("is offered once a catalogue is tracked", async () => {
		const { app } = await start();
		expect(isCommandAvailable(app, commandId("openNextUnread"))).toBe(false);
		const tracked = await start({ track: true });
		expect(isCommandAvailable(tracked.app, commandId("openNextUnread"))).toBe(true);
	});

	it("opens the first unread required paper, creating and linking its note first", async () => {
		const { app } = await start({ track: true });
		const before = vaultSnapshot(app);
		expect(await runCommand(app, commandId("openNextUnread"))).toBe(true);
		await settled(app);
		const after = vaultSnapshot(app);
		// Unread optional papers (MADlib, …) come earlier in the catalogue: required ones go first.
		expect(Object.keys(after).filter((path) => !(path in before))).toEqual([CHIMERA]);
		expect(property(after[CHIMERA] ?? null, "status")).toBe("unread");
		expect(after[EXAMPLE_PATH]).toContain("[[Papers/Chimera - Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines|notes]]");
		expect(app.workspace.getActiveFile()?.path).toBe(CHIMERA);
		expect(app.workspace.getActiveViewOfType(MarkdownView)?.file?.path).toBe(CHIMERA);

		// Run again: the note is there and linked; it is opened, nothing is written.
		await openInMarkdownView(app, EXAMPLE_PATH);
		await runCommand(app, commandId("openNextUnread"));
		await settled(app);
		expect(vaultSnapshot(app)).toEqual(after);
		expect(app.workspace.getActiveFile()?.path).toBe(CHIMERA);
	});

	it("says why when the template cannot be used, and writes nothing", async () => {
		const { app } = await start({
			data: { catalogues: [EXAMPLE_PATH], templatePath: "Template.md" },
			files: { [EXAMPLE_PATH]: EXAMPLE_TEXT, "Template.md": "# {{titel}}\n" },
		});
		const before = vaultSnapshot(app);
		await runCommand(app, commandId("openNextUnread"));
		await settled(app);
		expect(noticeMessages().some((message) => message.includes("unknown placeholder {{titel}}"))).toBe(true);
		expect(vaultSnapshot(app)).toEqual(before);
	});

	it("opens an existing note it links, and says so when every paper is read", async () => {
		const { app } = await start({ track: true, files: await syncedExample() });
		const before = vaultSnapshot(app);
		await runCommand(app, commandId("openNextUnread"));
		await settled(app);
		expect(app.workspace.getActiveFile()?.path).toBe(CHIMERA);
		expect(vaultSnapshot(app)).toEqual(before);

		const done = await start({ track: true, files: { [EXAMPLE_PATH]: "## Week 1\n- [x] [A](https://example.org/a)\n" } });
		await runCommand(done.app, commandId("openNextUnread"));
		await settled(done.app);
		expect(noticeMessages()).toContain("Every paper in this catalogue is read.");
		expect(file(done.app, EXAMPLE_PATH)).toBeTruthy();
	});
});
