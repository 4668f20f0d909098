// @vitest-environment happy-dom
/**
 * The plugin in a living vault: people type, paste, rename, sync settings between devices and list one paper in two
 * places. Each case here failed before the fix it names, with the real plugin in the fake app, driven through its
 * commands, the editor and vault events.
 */
import type { App, MarkdownView } from "obsidian";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { generateCatalogue } from "../../bench/generate";
import { CatalogueParser } from "../../src/catalogue/parse";
import { ProgressView, VIEW_TYPE_PROGRESS } from "../../src/obsidian/progress-view";
import { changePluginDataExternally, clearNotices, noticeMessages, openInMarkdownView, openSettingTab, readVaultFile, runCommand, settingTabs, settled, topModal, vaultSnapshot } from "../fakes/harness";
import {
	checkboxOf,
	commandId,
	confirmCreate,
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
	type Started,
	syncedExample,
	today,
	waitFor,
	withTick,
} from "./plugin-support";

beforeEach(() => clearNotices());
afterEach(async () => {
	vi.restoreAllMocks();
	await disposeApps();
});

const ATTENTION = "[Attention Is All You Need](https://arxiv.org/abs/1706.03762)";
const ATTENTION_NOTE = "Papers/Attention Is All You Need.md";
const BERT = "[BERT: Pre-training of Deep Bidirectional Transformers](https://arxiv.org/abs/1810.04805)";

/** Types the checkbox character of the first line containing `needle`, as clicking the box in the editor does. */
function tickInEditor(view: MarkdownView, needle: string, checked: boolean, occurrence = 0): void {
	const lines = view.editor.getValue().split("\n");
	const line = lines.map((text, i) => (text.includes(needle) ? i : -1)).filter((i) => i !== -1)[occurrence];
	if (line === undefined) throw new Error(`no line ${occurrence} with ${needle}`);
	const ch = (lines[line] ?? "").search(/\[( |x)\]/) + 1;
	view.editor.replaceRange(checked ? "x" : " ", { line, ch }, { line, ch: ch + 1 });
}

function boxes(text: string, needle: string): string[] {
	return text
		.split("\n")
		.filter((line) => line.includes(needle))
		.map((line) => /\[( |x)\]/.exec(line)?.[1] ?? "none");
}

async function progressView(app: App, plugin: Started["plugin"]): Promise<ProgressView> {
	await plugin.activateView();
	const view = app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)[0]?.view;
	if (!(view instanceof ProgressView)) throw new Error("no progress view");
	await settled(app);
	await view.whenIdle();
	return view;
}

function modalContentOrNull(): HTMLElement | null {
	return topModal()?.contentEl ?? null;
}

async function idle(app: App, view: ProgressView): Promise<void> {
	for (let i = 0; i < 3; i++) {
		await settled(app);
		await view.whenIdle();
	}
}

describe("never a note that is not the paper's", () => {
	const READING = "Reading.md";
	const CONCEPT = "Concepts/Transformers.md";
	const CONCEPT_TEXT = "---\ntags:\n  - concept\n---\nTransformers are attention all the way down.\n";
	const LIST = `# Week 1\n\n- [ ] ${ATTENTION} background: [[Transformers]]\n- [ ] ${BERT}\n`;

	it("a user's wikilink in an item is text: Create makes the paper's note, and a tick writes only into it", async () => {
		// Before: the item counted as linked to the concept note; no paper note was made and the tick wrote
		// status and read into the concept note.
		const { app } = await start({ files: { [READING]: LIST, [CONCEPT]: CONCEPT_TEXT } });
		const view = await createNotes(app, READING);
		expect(readVaultFile(app, ATTENTION_NOTE)).not.toBeNull();
		expect(view.editor.getValue()).toContain(`background: [[Transformers]] [[Papers/Attention Is All You Need|notes]]`);
		tickInEditor(view, "Attention Is All You Need", true);
		await settled(app);
		expect(property(readVaultFile(app, ATTENTION_NOTE), "status")).toBe("read");
		expect(readVaultFile(app, CONCEPT)).toBe(CONCEPT_TEXT);
	});

	it("in a tracked catalogue whose paper has no note yet, a tick writes nothing into the note the user linked", async () => {
		const { app } = await start({ files: { [READING]: LIST, [CONCEPT]: CONCEPT_TEXT }, data: { catalogues: [READING] } });
		await app.vault.process(file(app, READING), (text) => withTick(text, "Attention Is All You Need", true));
		await settled(app);
		expect(readVaultFile(app, CONCEPT)).toBe(CONCEPT_TEXT);
		expect(Object.keys(vaultSnapshot(app)).sort()).toEqual([CONCEPT, READING]);
	});
});

describe("the open editor is the truth", () => {
	it("Create plans from the editor's text: a list pasted a moment ago is offered in full", async () => {
		// Before: the plan read the file, which the editor saves two seconds after the last change: "no papers".
		const { app } = await start({ files: { "New list.md": "" } });
		const view = await openInMarkdownView(app, "New list.md");
		await settled(app);
		view.editor.setValue(`# Reading\n\n- [ ] ${ATTENTION}\n- [ ] ${BERT}\n- [Ray: A Distributed Framework](https://example.org/ray)\n`);
		expect(await runCommand(app, commandId("createNotes"))).toBe(true);
		await settled(app);
		expect(modalContent().find("p").getText()).toBe("Create 3 notes in Papers and link 3 catalogue items. 0 items already linked.");
		expect(readVaultFile(app, "New list.md")).toBe("");
	});

	it("an autosave that lands after a newer tick never rolls the tick back", async () => {
		// Before: the save's modify event re-read the file (older than the editor), the index went back to unticked,
		// and status sync marked the note unread again.
		const { app, plugin } = await start({ track: true, files: await syncedExample() });
		const view = await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		view.editor.replaceRange("Typed before the save.\n", { line: lineOf(view.editor.getValue(), "# Paper List"), ch: 0 });
		const saving = view.save();
		tickInEditor(view, "The MADlib Analytics Library", true);
		await saving;
		await settled(app);
		expect(checkboxOf(readVaultFile(app, EXAMPLE_PATH) ?? "", "The MADlib Analytics Library")).toBe(" ");
		expect(property(readVaultFile(app, MADLIB), "status")).toBe("read");
		expect(plugin.index.get(EXAMPLE_PATH)?.papers.find((paper) => paper.title.startsWith("The MADlib"))?.checked).toBe(true);
		const progress = await progressView(app, plugin);
		expect(progress.contentEl.find(".paper-catalogue-read").getText()).toBe("15 of 60 papers read");
	});

	it("a change made on disk to an open catalogue reaches the index through the editor", async () => {
		const { app, plugin } = await start({ track: true, files: await syncedExample() });
		const view = await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		// Another program (or Sync) writes the file; Obsidian reloads it into the open editor.
		await app.vault.process(file(app, EXAMPLE_PATH), (text) => withTick(text, "The MADlib Analytics Library", true));
		await settled(app);
		expect(checkboxOf(view.editor.getValue(), "The MADlib Analytics Library")).toBe("x");
		expect(plugin.index.get(EXAMPLE_PATH)?.papers.find((paper) => paper.title.startsWith("The MADlib"))?.checked).toBe(true);
		expect(property(readVaultFile(app, MADLIB), "status")).toBe("read");
	});
});

describe("one paper, one status, everywhere it is listed", () => {
	const TWICE = "Twice.md";
	const TWICE_TEXT = `# Course\n\n## Week 1\n\n- [ ] ${ATTENTION}\n\n## Week 5\n\n- [ ] ${ATTENTION} (again, for the exam)\n- [ ] ${BERT}\n`;

	it("ticking one listing of a paper listed twice ticks the other; unticking either unticks both", async () => {
		// Before: the other listing stayed unticked, and the catalogue disagreed with itself.
		const { app } = await start({ files: { [TWICE]: TWICE_TEXT } });
		const view = await createNotes(app, TWICE);
		expect(Object.keys(vaultSnapshot(app)).filter((path) => path.startsWith("Papers/"))).toHaveLength(2);
		tickInEditor(view, "Attention Is All You Need", true);
		await settled(app);
		expect(boxes(view.editor.getValue(), "Attention Is All You Need")).toEqual(["x", "x"]);
		expect(property(readVaultFile(app, ATTENTION_NOTE), "status")).toBe("read");
		tickInEditor(view, "Attention Is All You Need", false, 1);
		await settled(app);
		expect(boxes(view.editor.getValue(), "Attention Is All You Need")).toEqual([" ", " "]);
		expect(property(readVaultFile(app, ATTENTION_NOTE), "status")).toBe("unread");
		expect(boxes(view.editor.getValue(), "BERT")).toEqual([" "]);
	});

	it("a paper listed in two tracked catalogues: a tick in one ticks it in the other, the note follows once", async () => {
		const files = { "Course A.md": `- [ ] ${ATTENTION}\n- [ ] ${BERT}\n`, "Course B.md": `## Transformers\n\n- [ ] ${ATTENTION} (the original)\n` };
		const { app, plugin } = await start({ files });
		await createNotes(app, "Course A.md");
		await createNotes(app, "Course B.md");
		expect(plugin.settings.catalogues).toEqual(["Course A.md", "Course B.md"]);
		expect(Object.keys(vaultSnapshot(app)).filter((path) => path.startsWith("Papers/"))).toHaveLength(2);
		await app.vault.process(file(app, "Course B.md"), (text) => withTick(text, "Attention Is All You Need", true));
		await settled(app);
		const courseA = await openInMarkdownView(app, "Course A.md");
		expect(boxes(courseA.editor.getValue(), "Attention Is All You Need")).toEqual(["x"]);
		expect(property(readVaultFile(app, ATTENTION_NOTE), "status")).toBe("read");
		expect(boxes(courseA.editor.getValue(), "BERT")).toEqual([" "]);
	});

	it("deleting one listing of a read paper listed three times leaves its note read, with its date", async () => {
		// Before: listings were matched by position (`#2` became the first), the deletion read as an untick of one
		// listing and a tick of another, and the note ended unread with its date cleared.
		const link = "[[Papers/Attention Is All You Need|notes]]";
		const text = `## Week 1\n\n- [ ] ${ATTENTION} ${link}\n\n## Week 2\n\n- [x] ${ATTENTION} (again) ${link}\n\n## Week 3\n\n- [ ] ${ATTENTION} (once more) ${link}\n`;
		const note = '---\ntitle: "Attention Is All You Need"\nurl: "https://arxiv.org/abs/1706.03762"\nstatus: read\nread: 2026-01-05\n---\n';
		const { app } = await start({ files: { "Course.md": text, [ATTENTION_NOTE]: note }, data: { catalogues: ["Course.md"] } });
		const view = await openInMarkdownView(app, "Course.md");
		await settled(app);
		const first = lineOf(view.editor.getValue(), "Attention Is All You Need");
		view.editor.replaceRange("", { line: first, ch: 0 }, { line: first + 1, ch: 0 });
		await settled(app);
		expect(readVaultFile(app, ATTENTION_NOTE)).toBe(note);
		expect(boxes(view.editor.getValue(), "Attention Is All You Need")).toEqual(["x", " "]);
	});
});

describe("renames, deletes and synced settings", () => {
	it("renaming the template note keeps it the template, and Create still works", async () => {
		// Before: the setting kept the old path and Create failed with "does not exist".
		const template = "---\ntitle: \"{{title}}\"\nurl: \"{{url}}\"\n---\n# {{title}}\n\nMy own template.\n";
		const { app, plugin } = await start({ files: { [EXAMPLE_PATH]: EXAMPLE_TEXT, "Templates/Review.md": template }, data: { templatePath: "Templates/Review.md" } });
		await app.fileManager.renameFile(file(app, "Templates/Review.md"), "Templates/Paper review.md");
		await settled(app);
		expect(plugin.settings.templatePath).toBe("Templates/Paper review.md");
		expect(JSON.parse(readVaultFile(app, `.obsidian/plugins/${PLUGIN_ID}/data.json`) ?? "{}")).toMatchObject({ templatePath: "Templates/Paper review.md" });
		await createNotes(app);
		expect(readVaultFile(app, MADLIB)).toContain("My own template.");
	});

	it("moving the notes folder, or a folder above it, moves the setting with it", async () => {
		const { app, plugin } = await start({ track: true, files: await syncedExample(), data: { notesFolder: "Papers" } });
		await app.vault.createFolder("Reading");
		await app.fileManager.renameFile(app.vault.getAbstractFileByPath("Papers") ?? file(app, "none"), "Reading/Papers");
		await settled(app);
		expect(plugin.settings.notesFolder).toBe("Reading/Papers");
		await app.fileManager.renameFile(app.vault.getAbstractFileByPath("Reading") ?? file(app, "none"), "Study");
		await settled(app);
		expect(plugin.settings.notesFolder).toBe("Study/Papers");
		await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		await runCommand(app, commandId("createNotes"));
		await settled(app);
		expect(modalContent().find("p").getText()).toBe("Every paper already has its note and link (60 items). Nothing to do.");
	});

	it("the progress view keeps a renamed catalogue under its new name, and stops showing a deleted one", async () => {
		// Before: renamed, the view switched to another catalogue; deleted, it went on showing 14/60.
		const { app, plugin } = await start({ files: { [EXAMPLE_PATH]: EXAMPLE_TEXT, "Other.md": `- [x] ${ATTENTION}\n- [ ] ${BERT}\n` }, data: { catalogues: ["Other.md", EXAMPLE_PATH] } });
		const view = await progressView(app, plugin);
		(view.contentEl.find("select.paper-catalogue-select") as HTMLSelectElement).value = EXAMPLE_PATH;
		view.contentEl.find("select.paper-catalogue-select").dispatchEvent(new Event("change"));
		await idle(app, view);
		expect(view.contentEl.find(".paper-catalogue-read").getText()).toBe("14 of 60 papers read");
		await app.vault.createFolder("Courses");
		await app.fileManager.renameFile(file(app, EXAMPLE_PATH), "Courses/CS294.md");
		await idle(app, view);
		expect(plugin.settings.catalogues).toEqual(["Other.md", "Courses/CS294.md"]);
		expect((view.contentEl.find("select.paper-catalogue-select") as HTMLSelectElement).value).toBe("Courses/CS294.md");
		expect(view.contentEl.find(".paper-catalogue-read").getText()).toBe("14 of 60 papers read");
		await app.fileManager.trashFile(file(app, "Courses/CS294.md"));
		await idle(app, view);
		expect(plugin.settings.catalogues).toEqual(["Other.md"]);
		expect(noticeMessages()).toContain("Stopped tracking CS294.md: the note was deleted.");
		expect(view.contentEl.getText()).not.toContain("14 of 60");
		expect(view.contentEl.find(".paper-catalogue-read").getText()).toBe("1 of 2 papers read");
	});

	it("settings changed on another device are loaded, and a change made here afterwards keeps them", async () => {
		// Before: the plugin kept its old copy, and the next save here wrote it over what Sync had brought.
		const { app, plugin } = await start({ track: true });
		const external = { catalogues: [EXAMPLE_PATH], notesFolder: "Reading/Papers", dateFormat: "dd.MM.yyyy", syncStatus: true };
		await changePluginDataExternally(plugin, JSON.stringify(external));
		expect(plugin.settings).toMatchObject(external);
		const [tab] = settingTabs(app);
		if (!tab) throw new Error("no setting tab");
		const el = openSettingTab(tab);
		const toggle = el.findAll(".setting-item").find((item) => item.find(".setting-item-name")?.getText() === "Sync checkboxes and status")?.find(".checkbox-container");
		toggle?.click();
		await settled(app);
		const saved = JSON.parse(readVaultFile(app, `.obsidian/plugins/${PLUGIN_ID}/data.json`) ?? "{}") as Record<string, unknown>;
		expect(saved).toMatchObject({ ...external, syncStatus: false });
	});

	it("settings Sync brings that cannot be used are reset and said, and the ones before stay", async () => {
		const { plugin } = await start({ track: true });
		await changePluginDataExternally(plugin, JSON.stringify({ catalogues: [EXAMPLE_PATH], dateFormat: "yyyy-MM-dd f" }));
		expect(plugin.settings.dateFormat).toBe("yyyy-MM-dd");
		expect(noticeMessages()).toContain("Paper Catalogue reset settings it could not read: dateFormat.");
		await changePluginDataExternally(plugin, "{ not json");
		expect(plugin.settings.catalogues).toEqual([EXAMPLE_PATH]);
	});

	it("the index holds the tracked catalogues and the active note, and drops notes closed, renamed or deleted", async () => {
		// Before: every note ever opened was parsed and kept, and stale after a rename.
		const files = { [EXAMPLE_PATH]: EXAMPLE_TEXT, "List A.md": `- [ ] ${ATTENTION}\n`, "List B.md": `- [ ] ${BERT}\n`, "Diary.md": "Nothing to read.\n" };
		const { app, plugin } = await start({ files, data: { catalogues: [EXAMPLE_PATH] } });
		await openInMarkdownView(app, "List A.md");
		await settled(app);
		expect(plugin.index.paths().sort()).toEqual([EXAMPLE_PATH, "List A.md"]);
		await openInMarkdownView(app, "List B.md");
		await settled(app);
		expect(plugin.index.paths().sort()).toEqual([EXAMPLE_PATH, "List B.md"]);
		await app.fileManager.renameFile(file(app, "List B.md"), "List C.md");
		await settled(app);
		expect(plugin.index.paths().sort()).toEqual([EXAMPLE_PATH, "List C.md"]);
		expect(plugin.index.get("List C.md")?.papers.map((paper) => paper.title)).toEqual(["BERT: Pre-training of Deep Bidirectional Transformers"]);
		await openInMarkdownView(app, "Diary.md");
		await app.fileManager.trashFile(file(app, "List C.md"));
		await settled(app);
		expect(plugin.index.paths().sort()).toEqual([EXAMPLE_PATH, "Diary.md"]);
	});
});

describe("no keystroke pays for the whole catalogue", () => {
	const BIG = "Big.md";
	const bigText = generateCatalogue({ papers: 600, seed: 11 });

	it("typing in a long catalogue parses nothing until typing pauses, then only the chunk typed in; a tick parses nothing", async () => {
		// Before: every keystroke re-chunked and re-built the whole catalogue synchronously.
		expect(bigText.length).toBeGreaterThan(50_000);
		const { app, plugin } = await start({ files: { [BIG]: bigText }, data: { catalogues: [BIG] } });
		const view = await openInMarkdownView(app, BIG);
		await waitFor(app, () => plugin.index.get(BIG) !== null, "the catalogue to be read");
		const parser = plugin.index.parserFor(BIG);
		const parse = vi.spyOn(CatalogueParser.prototype, "parse");
		const before = plugin.index.get(BIG);
		const chunks = parser.chunksParsed;
		const line = lineOf(view.editor.getValue(), "- ");
		for (const char of "typed") view.editor.replaceRange(char, { line, ch: view.editor.getLine(line).length });
		expect(parse).not.toHaveBeenCalled();
		expect(plugin.index.get(BIG)).toBe(before);
		expect(plugin.index.isPending(BIG)).toBe(true);
		await waitFor(app, () => !plugin.index.isPending(BIG) && plugin.index.get(BIG) !== before, "the paused typing to be parsed");
		expect(parser.chunksParsed - chunks).toBeLessThanOrEqual(2);
		expect(plugin.index.textOf(BIG)).toBe(view.editor.getValue());

		const parsed = parser.chunksParsed;
		const unticked = plugin.index.get(BIG)?.papers.find((paper) => paper.checkboxOffset !== undefined && !paper.checked);
		if (!unticked?.checkboxOffset) throw new Error("no unticked paper");
		view.editor.replaceRange("x", view.editor.offsetToPos(unticked.checkboxOffset), view.editor.offsetToPos(unticked.checkboxOffset + 1));
		expect(plugin.index.get(BIG)?.papers.find((paper) => paper.id === unticked.id)?.checked).toBe(true);
		expect(parser.chunksParsed).toBe(parsed);
	});

	it("links going in after the user typed during Create are placed with the warm parser: no parse of the whole catalogue inside the edit", async () => {
		// Before: relocating the links parsed the whole catalogue with a new parser inside the editor's edit (3.9 s at 10k).
		const papers = new CatalogueParser().parse(bigText).papers.length;
		const { app } = await start({ files: { [BIG]: bigText } });
		const view = await openInMarkdownView(app, BIG);
		const parse = Object.getOwnPropertyDescriptor(CatalogueParser.prototype, "parse")?.value as (this: CatalogueParser, text: string) => ReturnType<CatalogueParser["parse"]>;
		const parses: number[] = [];
		vi.spyOn(CatalogueParser.prototype, "parse").mockImplementation(function (this: CatalogueParser, text: string) {
			const before = this.chunksParsed;
			const result = parse.call(this, text);
			parses.push(this.chunksParsed - before);
			return result;
		});
		let created = 0;
		app.vault.on("create", () => {
			created += 1;
			if (created === 100) view.editor.replaceRange("Typed during the run.\n", { line: lineOf(view.editor.getValue(), "## "), ch: 0 });
		});
		await runCommand(app, commandId("createNotes"));
		await waitFor(app, () => modalContentOrNull() !== null, "the plan");
		await confirmCreate(app);
		expect(created).toBeGreaterThan(100);
		const text = view.editor.getValue();
		expect(text).toContain("Typed during the run.\n## ");
		expect(text.split("|notes]]").length - 1).toBe(papers);
		expect(Math.max(0, ...parses)).toBeLessThanOrEqual(3);
	});

	it("the editor change that Create's own links make parses nothing: the plan already parsed that text", async () => {
		// Before: the insertion's editor-change re-parsed the whole catalogue synchronously (1.3–2.7 s at 3,000 papers).
		const { app, plugin } = await start({ files: { [BIG]: bigText } });
		const parser = plugin.index.parserFor(BIG);
		let atInsertion = -1;
		app.workspace.on("editor-change", (_editor, info) => {
			if (info.file?.path === BIG && atInsertion === -1) atInsertion = parser.chunksParsed;
		});
		const view = await createNotes(app, BIG);
		await waitFor(app, () => !plugin.index.isPending(BIG), "the links to be read");
		expect(atInsertion).toBeGreaterThan(0);
		expect(parser.chunksParsed).toBe(atInsertion);
		expect(plugin.index.textOf(BIG)).toBe(view.editor.getValue());
		expect(plugin.index.get(BIG)?.papers.filter((paper) => paper.insertedLinks.length > 0)).toHaveLength(plugin.index.get(BIG)?.papers.length ?? -1);
	});
});

describe("failures are seen, not swallowed", () => {
	it("a tick whose note has broken properties shows a notice naming the note; nothing is left unhandled", async () => {
		const { app } = await start({ track: true, files: await syncedExample() });
		await app.vault.modify(file(app, MADLIB), "---\ntitle: [unclosed\nstatus: unread\n---\nMy review.\n");
		await settled(app);
		await app.vault.process(file(app, EXAMPLE_PATH), (text) => withTick(text, "The MADlib Analytics Library", true));
		await settled(app);
		expect(noticeMessages().some((message) => message.startsWith(`Could not mark ${MADLIB} as read: `))).toBe(true);
		expect(readVaultFile(app, MADLIB)).toBe("---\ntitle: [unclosed\nstatus: unread\n---\nMy review.\n");
	});

	it("a note write that fails shows a notice, and the catalogue keeps the tick", async () => {
		const { app } = await start({ track: true, files: await syncedExample() });
		vi.spyOn(app.fileManager, "processFrontMatter").mockRejectedValue(new Error("EACCES: permission denied"));
		await app.vault.process(file(app, EXAMPLE_PATH), (text) => withTick(text, "The MADlib Analytics Library", true));
		await settled(app);
		expect(noticeMessages()).toContain(`Could not mark ${MADLIB} as read: EACCES: permission denied`);
		expect(checkboxOf(readVaultFile(app, EXAMPLE_PATH) ?? "", "The MADlib Analytics Library")).toBe("x");
	});

	it("a date format in data.json that date-fns rejects is reset on load and said; ticks then work", async () => {
		const { app } = await start({ data: { catalogues: [EXAMPLE_PATH], dateFormat: "yyyy-MM-dd f" }, files: await syncedExample() });
		expect(noticeMessages()).toContain("Paper Catalogue reset settings it could not read: dateFormat.");
		await app.vault.process(file(app, EXAMPLE_PATH), (text) => withTick(text, "The MADlib Analytics Library", true));
		await settled(app);
		expect(property(readVaultFile(app, MADLIB), "read")).toBe(today());
	});

	it("Create while a Create is applying is refused with a notice, and the first run completes", async () => {
		const { app } = await start();
		await openInMarkdownView(app, EXAMPLE_PATH);
		await settled(app);
		await runCommand(app, commandId("createNotes"));
		await settled(app);
		const confirmed = confirmCreate(app);
		await runCommand(app, commandId("createNotes"));
		await confirmed;
		expect(noticeMessages()).toContain("Creating paper notes is still going; try again when it is done.");
		expect(noticeMessages().filter((message) => message.includes("already exists"))).toEqual([]);
		expect(Object.keys(vaultSnapshot(app)).filter((path) => path.startsWith("Papers/"))).toHaveLength(60);
	});

	it("opening a paper from the view while Create runs waits for the run: one note, no 'already exists'", async () => {
		const { app, plugin } = await start({ track: true });
		const view = await progressView(app, plugin);
		view.contentEl.find(".paper-catalogue-section-head").click();
		await idle(app, view);
		await openInMarkdownView(app, EXAMPLE_PATH, { newLeaf: true });
		await runCommand(app, commandId("createNotes"));
		await settled(app);
		const confirmed = confirmCreate(app);
		view.contentEl.find(".paper-catalogue-paper-title").click();
		await confirmed;
		await settled(app);
		expect(noticeMessages().filter((message) => message.includes("already exists") || message.startsWith("Could not"))).toEqual([]);
		expect(Object.keys(vaultSnapshot(app)).filter((path) => path.startsWith("Papers/"))).toHaveLength(60);
		expect(app.workspace.getActiveFile()?.path).toBe("Papers/SysML - The New Frontier of Machine Learning Systems.md");
	});
});
