// @vitest-environment happy-dom
/**
 * The reading progress view in the in-memory Obsidian (test/fakes), driven as a user would: clicks, keys, the
 * editor, vault edits. What the DOM shows, and that an update touches only the rows that changed.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type App, MarkdownView, type TFile } from "obsidian";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import PaperCataloguePlugin from "../../main";
import { CatalogueParser } from "../../src/catalogue/parse";
import { ProgressView, VIEW_TYPE_PROGRESS } from "../../src/obsidian/progress-view";
import { progressOf } from "../../src/progress/completion";
import { clearNotices, createApp, disposeApp, liveCounts, loadPlugin, openInMarkdownView, readVaultFile, seedPluginData, settled, unloadPlugin } from "../fakes/harness";

const EXAMPLE_PATH = "CS294 AI-Systems.md";
const EXAMPLE_TEXT = readFileSync(join(import.meta.dirname, "../fixtures/cs294-ai-sys-sp22.md"), "utf8");
const MANIFEST = { id: "paper-catalogue", name: "Paper Catalogue" };

/** A small catalogue whose first two papers have notes. */
const SMALL_PATH = "Reading.md";
const SMALL_TEXT = `# Reading

## 1. Basics

- [x] [Attention Is All You Need [NeurIPS’17\\]](https://arxiv.org/abs/1706.03762) [[Papers/Attention|notes]]
- [ ] [BERT: Pre-training of Deep Bidirectional Transformers](https://arxiv.org/abs/1810.04805) [[Papers/BERT|notes]]

## 2. Systems

### Required reading

- [ ] [Ray: A Distributed Framework for Emerging AI Applications](https://www.usenix.org/system/files/osdi18-moritz.pdf)

### Optional reading

- [ ] [Spark SQL: Relational Data Processing in Spark](https://people.csail.mit.edu/matei/papers/2015/sigmod_spark_sql.pdf)
`;

function note(title: string, status: string, read: string, review = ""): string {
	return `---\ntitle: "${title}"\nstatus: ${status}\nread: ${read}\n---\n## Summary\n<!-- In three sentences of your own: what does the paper do, and why does it matter? -->\n${review}\n## Strengths\n`;
}

let apps: App[] = [];

beforeEach(() => clearNotices());

afterEach(async () => {
	for (const app of apps) await disposeApp(app);
	apps = [];
});

interface Opened {
	app: App;
	plugin: PaperCataloguePlugin;
	view: ProgressView;
	root: HTMLElement;
}

async function idle(app: App, view: ProgressView): Promise<void> {
	for (let i = 0; i < 3; i++) {
		await settled(app);
		await view.whenIdle();
	}
}

async function open(files: Record<string, string>, catalogues: string[] = [Object.keys(files)[0] ?? ""]): Promise<Opened> {
	const app = createApp({ files });
	apps.push(app);
	seedPluginData(app, MANIFEST.id, JSON.stringify({ catalogues }));
	const plugin = await loadPlugin(app, PaperCataloguePlugin, MANIFEST);
	await plugin.activateView();
	const view = app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)[0]?.view;
	if (!(view instanceof ProgressView)) throw new Error("the progress view did not open");
	await idle(app, view);
	return { app, plugin, view, root: view.contentEl };
}

function sectionTitles(root: HTMLElement): string[] {
	return root.findAll(".paper-catalogue-section-title").map((el) => el.getText());
}

function section(root: HTMLElement, title: string): HTMLElement {
	const found = root.findAll(".paper-catalogue-section").find((el) => el.find(".paper-catalogue-section-title")?.getText() === title);
	if (!found) throw new Error(`no section ${title} (have ${sectionTitles(root).join(" | ")})`);
	return found;
}

function head(root: HTMLElement, title: string): HTMLElement {
	return section(root, title).find(".paper-catalogue-section-head");
}

function paper(root: HTMLElement, title: string): HTMLElement {
	const found = root.findAll(".paper-catalogue-paper").find((el) => el.find(".paper-catalogue-paper-title")?.getText() === title);
	if (!found) throw new Error(`no paper row ${title}`);
	return found;
}

function checkbox(row: HTMLElement): HTMLInputElement {
	const input = row.find("input[type=checkbox]");
	if (!input?.instanceOf(HTMLInputElement)) throw new Error("no checkbox");
	return input;
}

function key(target: HTMLElement, name: string): KeyboardEvent {
	const event = new KeyboardEvent("keydown", { key: name, bubbles: true, cancelable: true });
	target.dispatchEvent(event);
	return event;
}

function file(app: App, path: string): TFile {
	const found = app.vault.getFileByPath(path);
	if (!found) throw new Error(`no file ${path}`);
	return found;
}

function search(root: HTMLElement, text: string): void {
	const input = root.find(".paper-catalogue-search input");
	if (!input?.instanceOf(HTMLInputElement)) throw new Error("no search box");
	input.value = text;
	input.dispatchEvent(new Event("input", { bubbles: true }));
}

function filterButton(root: HTMLElement, label: string): HTMLElement {
	const button = root.findAll(".paper-catalogue-filter").find((el) => el.getText() === label);
	if (!button) throw new Error(`no filter ${label}`);
	return button;
}

describe("the example catalogue", () => {
	it("opens in the right sidebar and shows its 11 sections in document order with their counts", async () => {
		const { app, root, view } = await open({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
		expect(view.leaf.getRoot()).toBe(app.workspace.rightSplit);
		const catalogue = new CatalogueParser().parse(EXAMPLE_TEXT);
		const progress = progressOf(catalogue);
		const titles = sectionTitles(root);
		expect(titles).toHaveLength(11);
		expect(titles).toEqual(catalogue.sections.map((s) => s.title));
		// Numbered sections keep their numbers' order: 2 before 10, 10 before 11.
		expect(titles.findIndex((t) => t.startsWith("2."))).toBeLessThan(titles.findIndex((t) => t.startsWith("10.")));
		expect(titles.at(-1)).toBe("11. Machine learning and Security");
		expect(root.findAll(".paper-catalogue-count").map((el) => el.getText())).toEqual(progress.sections.map((s) => `${s.done}/${s.total}`));
		expect(head(root, "1. Introduction and Course Overview").getAttr("aria-label")).toBe("1. Introduction and Course Overview: 5 of 5 read");

		const header = root.find(".paper-catalogue-header");
		expect(header.find(".paper-catalogue-title").getText()).toBe("CS294 AI-Systems");
		expect(header.find(".paper-catalogue-read").getText()).toBe("14 of 60 papers read");
		expect(header.find(".paper-catalogue-legend.mod-required").getText()).toBe("Required 10/34");
		expect(header.find(".paper-catalogue-legend.mod-optional").getText()).toBe("Optional 4/26");
		expect(header.find(".paper-catalogue-reviewed-count").getText()).toBe("No paper notes yet");
		expect(header.find(".paper-catalogue-pace").getText()).toBe("No read dates yet: your pace shows here once papers are marked as read.");
		// The overall bar: 10 required and 4 optional of 60 read; widths are CSS variables, nothing else inline.
		const bar = header.find(".paper-catalogue-bar");
		expect([bar.getAttr("aria-valuenow"), bar.getAttr("aria-valuemax")]).toEqual(["14", "60"]);
		expect(bar.style.getPropertyValue("--paper-catalogue-required")).toBe("16.67%");
		expect(bar.style.getPropertyValue("--paper-catalogue-optional")).toBe("6.67%");
		// Only expanded sections have paper rows; none is expanded yet.
		expect(root.findAll(".paper-catalogue-paper")).toHaveLength(0);
	});

	it("uses no inline styles but the bar widths", async () => {
		const { root } = await open({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
		head(root, "3. Hardware for Machine Learning").click();
		const styled = root.findAllSelf("[style]").filter((el) => !el.hasClass("paper-catalogue-bar") && !el.hasClass("search-input-clear-button"));
		expect(styled.map((el) => `${el.className}: ${el.getAttr("style")}`)).toEqual([]);
		for (const bar of root.findAll(".paper-catalogue-bar")) expect(bar.getAttr("style")).toMatch(/^--paper-catalogue-required: [\d.]+%; --paper-catalogue-optional: [\d.]+%;?$/);
	});

	it("expands a section into its papers: checkbox, title, link, venue and year", async () => {
		const { root } = await open({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
		const hardware = head(root, "3. Hardware for Machine Learning");
		hardware.click();
		expect(hardware.getAttr("aria-expanded")).toBe("true");
		const rows = section(root, "3. Hardware for Machine Learning").findAll(".paper-catalogue-paper");
		expect(rows.map((row) => checkbox(row).checked)).toEqual([true, true, true, true, false, false]);
		const mixed = paper(root, "Mixed precision training");
		expect(mixed.find(".paper-catalogue-meta").getText()).toBe("ICLR 2018");
		expect(paper(root, "Gemmini: Enabling Systematic Deep-Learning Architecture Evaluation via Full-Stack Integration").find(".paper-catalogue-meta").getText()).toBe("DAC 2021 · Best Paper Award");
		const link = mixed.find("a.paper-catalogue-external");
		expect(link.getAttr("href")).toBe("https://openreview.net/pdf?id=r1gs9JgRZ");
		expect(link.getAttr("aria-label")).toBe("Open Mixed precision training on the web");
		expect(link.getAttr("rel")).toContain("noopener");
		expect(checkbox(mixed).getAttr("aria-label")).toBe("Mark Mixed precision training as unread");
		expect(paper(root, "A New Golden Age for Computer Architecture").hasClass("is-optional")).toBe(true);
		// Collapsing removes the rows again.
		hardware.click();
		expect(root.findAll(".paper-catalogue-paper")).toHaveLength(0);
		expect(hardware.getAttr("aria-expanded")).toBe("false");
	});

	it("shows annotations as text", async () => {
		const { root } = await open({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
		head(root, "1. Introduction and Course Overview").click();
		expect(paper(root, "Principles of Computer System Design").find(".paper-catalogue-annotation").getText()).toBe("Read Chapter 1 of …. You will need to be on campus or use the Library VPN to obtain a free PDF.");
	});
});

describe("interaction", () => {
	it("ticks and unticks the catalogue item from the checkbox, and the view follows", async () => {
		const { app, root, view } = await open({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
		head(root, "3. Hardware for Machine Learning").click();
		const golden = paper(root, "A New Golden Age for Computer Architecture");
		checkbox(golden).click();
		// The box shows the catalogue, not the click: it changes once the catalogue did.
		expect(checkbox(golden).checked).toBe(false);
		await idle(app, view);
		expect(readVaultFile(app, EXAMPLE_PATH)).toContain("- - [x] [A New Golden Age for Computer Architecture]");
		expect(checkbox(golden).checked).toBe(true);
		expect(paper(root, "A New Golden Age for Computer Architecture")).toBe(golden);
		expect(section(root, "3. Hardware for Machine Learning").find(".paper-catalogue-count").getText()).toBe("5/6");
		expect(root.find(".paper-catalogue-read").getText()).toBe("15 of 60 papers read");
		checkbox(golden).click();
		await idle(app, view);
		expect(readVaultFile(app, EXAMPLE_PATH)).toBe(EXAMPLE_TEXT);
		expect(checkbox(golden).checked).toBe(false);
	});

	it("works from the keyboard: Enter and Space on a section, Enter opens a paper, Space ticks it", async () => {
		const { app, root, view } = await open({ [SMALL_PATH]: SMALL_TEXT, "Papers/Attention.md": note("Attention Is All You Need", "read", "2026-01-02"), "Papers/BERT.md": note("BERT", "unread", "") });
		const basics = head(root, "1. Basics");
		expect(basics.getAttr("tabindex")).toBe("0");
		expect(basics.getAttr("role")).toBe("button");
		expect(key(basics, "Enter").defaultPrevented).toBe(true);
		expect(basics.getAttr("aria-expanded")).toBe("true");
		key(basics, " ");
		expect(basics.getAttr("aria-expanded")).toBe("false");
		key(basics, " ");
		const bert = paper(root, "BERT: Pre-training of Deep Bidirectional Transformers");
		expect(bert.getAttr("tabindex")).toBe("0");
		key(bert, " ");
		await idle(app, view);
		expect(readVaultFile(app, SMALL_PATH)).toContain("- [x] [BERT");
		expect(checkbox(bert).checked).toBe(true);
		key(bert, "Enter");
		await idle(app, view);
		expect(app.workspace.getActiveFile()?.path).toBe("Papers/BERT.md");
		// Icon buttons and marks have accessible names.
		for (const el of root.findAll(".clickable-icon, [role=img], input[type=checkbox]")) expect(el.getAttr("aria-label")).toBeTruthy();
	});

	it("opens a paper's note from its title, creating the note first when it has none", async () => {
		const { app, root, view } = await open({ [SMALL_PATH]: SMALL_TEXT, "Papers/Attention.md": note("Attention Is All You Need", "read", "2026-01-02") });
		head(root, "1. Basics").click();
		head(root, "2. Systems").click();
		paper(root, "Attention Is All You Need").find(".paper-catalogue-paper-title").click();
		await idle(app, view);
		expect(app.workspace.getActiveFile()?.path).toBe("Papers/Attention.md");
		paper(root, "Ray: A Distributed Framework for Emerging AI Applications").find(".paper-catalogue-paper-title").click();
		await idle(app, view);
		const created = app.workspace.getActiveFile();
		expect(created?.path).toMatch(/^Papers\/Ray.*\.md$/);
		expect(readVaultFile(app, SMALL_PATH)).toContain(`[[${created?.path.replace(/\.md$/, "")}|notes]]`);
		// The new note counts at once.
		expect(root.find(".paper-catalogue-reviewed-count").getText()).toBe("0 of 2 notes reviewed");
	});

	it("filters to unread or required papers, searches titles, and hides sections with no match", async () => {
		const { root } = await open({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
		filterButton(root, "Unread").click();
		expect(filterButton(root, "Unread").getAttr("aria-checked")).toBe("true");
		expect(filterButton(root, "All").getAttr("aria-checked")).toBe("false");
		// Section 1 is all read: it hides.
		expect(sectionTitles(root)).not.toContain("1. Introduction and Course Overview");
		head(root, "2. Big Data Systems").click();
		expect(section(root, "2. Big Data Systems").findAll(".paper-catalogue-paper-title").map((el) => el.getText())).toEqual(["The MADlib Analytics Library or MAD Skills, the SQL"]);
		// Counts stay the section's own.
		expect(section(root, "2. Big Data Systems").find(".paper-catalogue-count").getText()).toBe("5/6");

		filterButton(root, "Required").click();
		expect(section(root, "2. Big Data Systems").findAll(".paper-catalogue-paper")).toHaveLength(3);
		expect(root.findAll(".paper-catalogue-paper.is-optional")).toHaveLength(0);

		filterButton(root, "All").click();
		search(root, "  SPARK   sql ");
		expect(sectionTitles(root)).toEqual(["2. Big Data Systems"]);
		expect(root.findAll(".paper-catalogue-paper-title").map((el) => el.getText())).toEqual(["Spark SQL: Relational Data Processing in Spark"]);
		search(root, "no such paper");
		expect(sectionTitles(root)).toEqual([]);
		expect(root.find(".paper-catalogue-message").getText()).toBe("No papers match “no such paper”.");
		search(root, "");
		expect(sectionTitles(root)).toHaveLength(11);
		expect(root.find(".paper-catalogue-message").hasClass("paper-catalogue-hidden")).toBe(true);
		// Still expanded after all that.
		expect(head(root, "2. Big Data Systems").getAttr("aria-expanded")).toBe("true");
	});

	it("moves between filters with the arrow keys", async () => {
		const { root } = await open({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
		const group = root.find(".paper-catalogue-filters");
		key(filterButton(root, "All"), "ArrowRight");
		expect(filterButton(root, "Unread").getAttr("aria-checked")).toBe("true");
		expect(group.findAll("[tabindex='0']").map((el) => el.getText())).toEqual(["Unread"]);
		key(filterButton(root, "Unread"), "ArrowLeft");
		key(filterButton(root, "All"), "ArrowLeft");
		expect(filterButton(root, "Required").getAttr("aria-checked")).toBe("true");
	});
});

describe("untrusted text", () => {
	const HOSTILE = `# List

## Section

- [ ] [x \\<img src=x onerror=alert(1)\\> y &lt;b&gt;bold&lt;/b&gt;](javascript:alert(1)) \\<i\\>note\\</i\\>
- [ ] [Data paper](data:text/html,<script>alert(2)</script>)
- [ ] [Vb paper](vbscript:msgbox)
- [ ] [Relative paper](papers/local.pdf)
- [ ] [Fine paper](https://example.org/fine.pdf)
`;

	it("renders titles, annotations and URLs as text, and never makes javascript: or data: URLs clickable", async () => {
		const { root } = await open({ "Hostile.md": HOSTILE });
		head(root, "Section").click();
		expect(root.findAll("img, b, i, script")).toHaveLength(0);
		expect(root.findAll(".paper-catalogue-paper-title").map((el) => el.getText())).toContain("x <img src=x onerror=alert(1)> y <b>bold</b>");
		expect(root.findAll(".paper-catalogue-annotation").map((el) => el.getText())).toContain("… <i>note</i>");
		const hrefs = root.findAll("a").map((a) => a.getAttr("href"));
		expect(hrefs).toEqual(["https://example.org/fine.pdf"]);
		for (const el of root.findAllSelf("*")) {
			for (const attr of Array.from(el.attributes)) expect(`${attr.name}=${attr.value}`).not.toMatch(/^on|javascript:|data:text/i);
		}
	});
});

describe("empty states", () => {
	it("offers to track the active note when nothing is tracked", async () => {
		const { app, plugin, root, view } = await open({ [EXAMPLE_PATH]: EXAMPLE_TEXT }, []);
		const message = root.find(".paper-catalogue-message");
		expect(message.getText()).toContain("No catalogue is tracked yet");
		expect(root.find(".paper-catalogue-header").hasClass("paper-catalogue-hidden")).toBe(true);
		const button = message.find("button");
		expect(button.getText()).toBe("Track the active note");
		button.click();
		await idle(app, view);
		expect(root.find(".paper-catalogue-message").getText()).toContain("Open a reading-list note first");
		await openInMarkdownView(app, EXAMPLE_PATH);
		root.find(".paper-catalogue-message button").click();
		await idle(app, view);
		expect(plugin.settings.catalogues).toEqual([EXAMPLE_PATH]);
		expect(sectionTitles(root)).toHaveLength(11);
		expect(root.find(".paper-catalogue-message").hasClass("paper-catalogue-hidden")).toBe(true);
	});

	it("says what the parser looks for when a catalogue has no papers", async () => {
		const { root } = await open({ "Empty.md": "# Notes\n\nJust prose, and a [link](https://example.org) in a paragraph.\n" });
		const text = root.find(".paper-catalogue-message").getText();
		expect(text).toContain("Empty has no papers yet");
		expect(text).toContain("task item (- [ ] Title)");
		expect(text).toContain("list item with a link");
		expect(root.findAll(".paper-catalogue-section")).toHaveLength(0);
		expect(root.find(".paper-catalogue-message button")).toBeNull();
	});

	it("says so when a tracked catalogue is missing", async () => {
		const { root } = await open({ "Other.md": "" }, ["Gone.md"]);
		expect(root.find(".paper-catalogue-message").getText()).toContain("The catalogue Gone could not be found");
	});
});

describe("notes, reviews and pace", () => {
	function daysAgo(days: number): string {
		const date = new Date();
		date.setDate(date.getDate() - days);
		return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
	}

	it("counts reviewed notes, marks reviewed papers and shows the pace from read dates, live", async () => {
		const files = {
			[SMALL_PATH]: SMALL_TEXT,
			"Papers/Attention.md": note("Attention Is All You Need", "read", daysAgo(3), "Self-attention replaces recurrence entirely."),
			"Papers/BERT.md": note("BERT", "unread", ""),
		};
		const { app, root, view } = await open(files);
		head(root, "1. Basics").click();
		expect(root.find(".paper-catalogue-reviewed-count").getText()).toBe("1 of 2 notes reviewed");
		const attention = paper(root, "Attention Is All You Need");
		expect(attention.find(".paper-catalogue-reviewed")?.getAttr("aria-label")).toBe("Reviewed");
		expect(paper(root, "BERT: Pre-training of Deep Bidirectional Transformers").find(".paper-catalogue-reviewed")).toBeNull();
		// One paper in four weeks: a quarter a week; three required left, twelve weeks each.
		const pace = root.find(".paper-catalogue-pace").getText();
		expect(pace).toMatch(/^0\.25 papers a week over the last four weeks\. At this pace the required papers are done by \d{1,2} \w{3} \d{4}\.$/);

		const bertRow = paper(root, "BERT: Pre-training of Deep Bidirectional Transformers");
		await app.vault.process(file(app, "Papers/BERT.md"), (text) => text.replace("## Strengths\n", "## Strengths\n- Pre-training transfers.\n"));
		await idle(app, view);
		expect(root.find(".paper-catalogue-reviewed-count").getText()).toBe("2 of 2 notes reviewed");
		expect(paper(root, "BERT: Pre-training of Deep Bidirectional Transformers")).toBe(bertRow);
		expect(bertRow.find(".paper-catalogue-reviewed")).not.toBeNull();

		// Ticking BERT in the view: status sync writes today's date into its note, and the pace follows.
		checkbox(bertRow).click();
		await idle(app, view);
		expect(root.find(".paper-catalogue-pace").getText()).toMatch(/^0\.5 papers a week/);
	});

	it("notices a note created for a paper the catalogue already links", async () => {
		const { app, root, view } = await open({ [SMALL_PATH]: SMALL_TEXT });
		expect(root.find(".paper-catalogue-reviewed-count").getText()).toBe("No paper notes yet");
		await app.vault.createFolder("Papers");
		await app.vault.create("Papers/BERT.md", note("BERT", "read", daysAgo(1)));
		await idle(app, view);
		expect(root.find(".paper-catalogue-reviewed-count").getText()).toBe("0 of 1 note reviewed");
		expect(root.find(".paper-catalogue-pace").getText()).toMatch(/^0\.25 papers a week/);
	});

	it("says when nothing was read in the last four weeks", async () => {
		const { root } = await open({ [SMALL_PATH]: SMALL_TEXT, "Papers/Attention.md": note("Attention Is All You Need", "read", daysAgo(60)) });
		expect(root.find(".paper-catalogue-pace").getText()).toBe("No papers read in the last four weeks.");
	});
});

describe("live updates", () => {
	it("shows a box ticked in the editor at once, touching only that paper's row and its section", async () => {
		const { app, root, view } = await open({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
		head(root, "2. Big Data Systems").click();
		head(root, "3. Hardware for Machine Learning").click();
		const before = new Map(root.findAll(".paper-catalogue-section, .paper-catalogue-section-head, .paper-catalogue-paper").map((el) => [el, el.outerHTML]));
		const golden = paper(root, "A New Golden Age for Computer Architecture");
		const markdown = await openInMarkdownView(app, EXAMPLE_PATH);
		await idle(app, view);

		const changed = new Set<Element>();
		const observer = new MutationObserver((records) => {
			for (const record of records) {
				const target = record.target.instanceOf(Element) ? record.target : record.target.parentElement;
				const row = target?.closest(".paper-catalogue-paper, .paper-catalogue-section-head, .paper-catalogue-header");
				if (row) changed.add(row);
				else changed.add(target ?? root);
			}
		});
		observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
		const editor = markdown.editor;
		const line = editor.getValue().split("\n").findIndex((text) => text.includes("[A New Golden Age for Computer Architecture]"));
		const ch = editor.getLine(line).indexOf("[ ]") + 1;
		editor.replaceRange("x", { line, ch }, { line, ch: ch + 1 });
		// Before any save: the editor's text reaches the view on the next frame.
		expect(readVaultFile(app, EXAMPLE_PATH)).toBe(EXAMPLE_TEXT);
		await view.whenIdle();
		observer.disconnect();

		expect(checkbox(golden).checked).toBe(true);
		const hardwareHead = head(root, "3. Hardware for Machine Learning");
		expect(hardwareHead.find(".paper-catalogue-count").getText()).toBe("5/6");
		expect([...changed].sort((a, b) => a.className.localeCompare(b.className))).toEqual([root.find(".paper-catalogue-header"), golden, hardwareHead].sort((a, b) => a.className.localeCompare(b.className)));
		// Every row is the element it was; all but the two that changed look as they did.
		for (const [el, html] of before) {
			expect(el.isConnected).toBe(true);
			if (el !== golden && el !== hardwareHead && !el.contains(golden)) expect(el.outerHTML).toBe(html);
		}
		expect(head(root, "2. Big Data Systems").getAttr("aria-expanded")).toBe("true");
		expect(markdown).toBeInstanceOf(MarkdownView);
	});

	it("keeps focus and scroll position across updates", async () => {
		const { app, root, view } = await open({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
		head(root, "3. Hardware for Machine Learning").click();
		const golden = paper(root, "A New Golden Age for Computer Architecture");
		golden.focus();
		view.contentEl.scrollTop = 120;
		key(golden, " ");
		await idle(app, view);
		expect(checkbox(golden).checked).toBe(true);
		expect(golden.isActiveElement()).toBe(true);
		expect(view.contentEl.scrollTop).toBe(120);
	});

	it("follows edits from outside the editor, section renames and removed sections", async () => {
		const { app, root, view } = await open({ [SMALL_PATH]: SMALL_TEXT });
		const systems = section(root, "2. Systems");
		await app.vault.process(file(app, SMALL_PATH), (text) => text.replace("## 1. Basics", "## 1. Foundations").replace("- [ ] [Ray", "- [x] [Ray"));
		await idle(app, view);
		expect(sectionTitles(root)).toEqual(["1. Foundations", "2. Systems"]);
		expect(section(root, "2. Systems")).toBe(systems);
		expect(systems.find(".paper-catalogue-count").getText()).toBe("1/2");
		await app.vault.process(file(app, SMALL_PATH), (text) => text.replace(/## 2\. Systems[\s\S]*$/, ""));
		await idle(app, view);
		expect(sectionTitles(root)).toEqual(["1. Foundations"]);
		expect(systems.isConnected).toBe(false);
	});
});

describe("several catalogues", () => {
	it("offers a selector in natural order, follows the opened catalogue, and switches on choice", async () => {
		const week = (n: number): string => `## Papers\n\n- [ ] [Paper of week ${n}](https://example.org/${n}.pdf)\n`;
		const { app, root, view } = await open({ "Week 10.md": week(10), "Week 2.md": week(2), "Week 1.md": week(1) }, ["Week 10.md", "Week 2.md", "Week 1.md"]);
		const select = root.find("select.paper-catalogue-select");
		if (!select?.instanceOf(HTMLSelectElement)) throw new Error("no selector");
		expect(Array.from(select.options, (option) => option.text)).toEqual(["Week 1", "Week 2", "Week 10"]);
		expect(select.value).toBe("Week 10.md");
		select.value = "Week 2.md";
		select.dispatchEvent(new Event("change"));
		await idle(app, view);
		head(root, "Papers").click();
		expect(root.find(".paper-catalogue-paper-title").getText()).toBe("Paper of week 2");
		await openInMarkdownView(app, "Week 1.md");
		await idle(app, view);
		expect(select.value).toBe("Week 1.md");
		expect(root.find(".paper-catalogue-paper-title")).toBeNull();
		head(root, "Papers").click();
		expect(root.find(".paper-catalogue-paper-title").getText()).toBe("Paper of week 1");
	});
});

describe("lifecycle", () => {
	it("reuses its leaf, comes back as it was after a restart, and leaves nothing behind", async () => {
		const { app, plugin, root, view } = await open({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
		await plugin.activateView();
		expect(app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)).toHaveLength(1);
		head(root, "3. Hardware for Machine Learning").click();
		filterButton(root, "Unread").click();
		const saved = view.leaf.getViewState();
		expect(saved.state).toMatchObject({ catalogue: EXAMPLE_PATH, filter: "unread", expanded: ["3. Hardware for Machine Learning#1"] });

		// A restart: a new app restores the saved layout into the right sidebar.
		const next = createApp({ files: { [EXAMPLE_PATH]: EXAMPLE_TEXT } });
		apps.push(next);
		seedPluginData(next, MANIFEST.id, JSON.stringify({ catalogues: [EXAMPLE_PATH] }));
		const before = liveCounts(next);
		const restarted = await loadPlugin(next, PaperCataloguePlugin, MANIFEST);
		const leaf = next.workspace.getRightLeaf(false);
		await leaf?.setViewState(saved);
		await restarted.activateView();
		const restored = next.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)[0]?.view;
		if (!(restored instanceof ProgressView)) throw new Error("not restored");
		await idle(next, restored);
		expect(next.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)).toHaveLength(1);
		expect(filterButton(restored.contentEl, "Unread").getAttr("aria-checked")).toBe("true");
		expect(head(restored.contentEl, "3. Hardware for Machine Learning").getAttr("aria-expanded")).toBe("true");
		expect(restored.contentEl.findAll(".paper-catalogue-paper")).toHaveLength(2);

		await unloadPlugin(restarted);
		const after = liveCounts(next);
		expect([after.vault, after.metadataCache, after.workspace, after.viewTypes]).toEqual([before.vault, before.metadataCache, before.workspace, before.viewTypes]);
	});
});
