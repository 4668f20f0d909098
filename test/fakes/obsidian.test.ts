// @vitest-environment happy-dom
/**
 * Behaviour of the `obsidian` fake (test/fakes/obsidian.ts), through the `obsidian` alias the plugin's tests use.
 * The fake is only useful if it behaves like Obsidian: these pin down the behaviour documented in each module.
 */
import {
	AbstractInputSuggest,
	Component,
	ItemView,
	Keymap,
	Menu,
	Platform,
	MarkdownView,
	Modal,
	Notice,
	Plugin,
	// Aliased: the lint rule prefer-setting-definitions asks for getSettingDefinitions(), an API of Obsidian 1.13
	// that obsidian 1.8.7 (this project's API) does not have.
	PluginSettingTab as SettingTabOfPlugin,
	Setting,
	SuggestModal,
	TFile,
	TFolder,
	debounce,
	normalizePath,
	setIcon,
	type App,
	type TAbstractFile,
	type WorkspaceLeaf,
} from "obsidian";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
	clearNotices,
	closeSettingTab,
	configureApp,
	createApp,
	disposeApp,
	isCommandAvailable,
	listCommands,
	liveCounts,
	loadPlugin,
	noticeMessages,
	notices,
	openInMarkdownView,
	openModals,
	openSettingTab,
	pluginDataText,
	pressKey,
	menuItems,
	readVaultFile,
	resetPlatform,
	runCommand,
	setPlatform,
	clickMenuItem,
	seedPluginData,
	settingTabs,
	settled,
	topModal,
	trashedPaths,
	unloadPlugin,
	vaultSnapshot,
} from "./harness";

let apps: App[] = [];

function newApp(...args: Parameters<typeof createApp>): App {
	const app = createApp(...args);
	apps.push(app);
	return app;
}

function file(app: App, path: string): TFile {
	const found = app.vault.getFileByPath(path);
	if (found === null) throw new Error(`no file ${path}`);
	return found;
}

beforeEach(() => {
	clearNotices();
});

afterEach(async () => {
	for (const app of apps) await disposeApp(app);
	apps = [];
	vi.useRealTimers();
});

describe("normalizePath", () => {
	it("behaves like Obsidian's", () => {
		expect(normalizePath("a\\b//c/")).toBe("a/b/c");
		expect(normalizePath("/lead/and/trail/")).toBe("lead/and/trail");
		expect(normalizePath("")).toBe("/");
		expect(normalizePath("/")).toBe("/");
		expect(normalizePath("non\u00A0breaking\u202Fspace")).toBe("non breaking space");
		expect(normalizePath("cafe\u0301.md")).toBe("caf\u00E9.md");
	});
});

describe("Vault", () => {
	it("create rejects a path that exists", async () => {
		const app = newApp({ files: { "Notes/a.md": "one" } });
		await expect(app.vault.create("Notes/a.md", "two")).rejects.toThrow("File already exists.");
		await expect(app.vault.create("Notes", "x")).rejects.toThrow("File already exists.");
		expect(readVaultFile(app, "Notes/a.md")).toBe("one");
	});

	it("create rejects when the parent folder is missing, like Obsidian; createFolder makes parents", async () => {
		const app = newApp();
		await expect(app.vault.create("Missing/deeper/a.md", "x")).rejects.toThrow(/ENOENT/);
		expect(app.vault.getAbstractFileByPath("Missing")).toBeNull();
		const created: string[] = [];
		app.vault.on("create", (f) => created.push(f.path));
		const folder = await app.vault.createFolder("Missing/deeper");
		expect(folder).toBeInstanceOf(TFolder);
		expect(created).toEqual(["Missing", "Missing/deeper"]);
		await expect(app.vault.createFolder("Missing")).rejects.toThrow("Folder already exists.");
		const made = await app.vault.create("Missing/deeper/a.md", "x");
		expect(made).toBeInstanceOf(TFile);
		expect(made.parent).toBe(folder);
		expect(folder.children).toContain(made);
	});

	it("create normalizes the path and fills the file's fields", async () => {
		const app = newApp({ folders: ["Papers"] });
		const made = await app.vault.create("/Papers//On Attention.md", "body");
		expect(made.path).toBe("Papers/On Attention.md");
		expect(made.name).toBe("On Attention.md");
		expect(made.basename).toBe("On Attention");
		expect(made.extension).toBe("md");
		expect(made.stat.size).toBe(4);
		expect(made.vault).toBe(app.vault);
		expect(app.vault.getRoot().isRoot()).toBe(true);
		expect(made.parent?.isRoot()).toBe(false);
		expect(app.vault.getMarkdownFiles()).toEqual([made]);
		expect(app.vault.getAllLoadedFiles().map((f) => f.path)).toEqual(["/", "Papers", "Papers/On Attention.md"]);
	});

	it("does not settle synchronously", async () => {
		const app = newApp({ files: { "a.md": "x" } });
		const order: string[] = [];
		const write = app.vault.modify(file(app, "a.md"), "y").then(() => order.push("modified"));
		order.push("after call");
		expect(readVaultFile(app, "a.md")).toBe("x");
		await write;
		expect(order).toEqual(["after call", "modified"]);
	});

	it("process is atomic: reads, applies fn and writes in one step, one modify event each", async () => {
		const app = newApp({ files: { "a.md": "x" } });
		const a = file(app, "a.md");
		const modified: string[] = [];
		app.vault.on("modify", (f) => modified.push(f.path));
		const results = await Promise.all([app.vault.process(a, (d) => `${d}a`), app.vault.modify(a, "replaced"), app.vault.process(a, (d) => `${d}b`)]);
		expect(results[0]).toBe("xa");
		expect(results[2]).toBe("replacedb");
		expect(readVaultFile(app, "a.md")).toBe("replacedb");
		expect(modified).toEqual(["a.md", "a.md", "a.md"]);
	});

	it("process rejects and writes nothing when fn throws", async () => {
		const app = newApp({ files: { "a.md": "x" } });
		const modified = vi.fn();
		app.vault.on("modify", modified);
		await expect(
			app.vault.process(file(app, "a.md"), () => {
				throw new Error("no");
			}),
		).rejects.toThrow("no");
		expect(modified).not.toHaveBeenCalled();
		expect(readVaultFile(app, "a.md")).toBe("x");
	});

	it("fires create, modify, rename (with the old path) and delete, and stops after offref", async () => {
		const app = newApp({ folders: ["F"] });
		const seen: string[] = [];
		const refs = [
			app.vault.on("create", (f) => seen.push(`create ${f.path}`)),
			app.vault.on("modify", (f) => seen.push(`modify ${f.path}`)),
			app.vault.on("rename", (f, oldPath) => seen.push(`rename ${oldPath} -> ${f.path}`)),
			app.vault.on("delete", (f) => seen.push(`delete ${f.path}`)),
		];
		const made = await app.vault.create("F/a.md", "1");
		await app.vault.append(made, "2");
		await app.vault.rename(made, "F/b.md");
		await app.fileManager.trashFile(made);
		expect(seen).toEqual(["create F/a.md", "modify F/a.md", "rename F/a.md -> F/b.md", "delete F/b.md"]);
		expect(trashedPaths(app).system).toEqual(["F/b.md"]);
		for (const ref of refs) app.vault.offref(ref);
		await app.vault.create("F/c.md", "");
		expect(seen).toHaveLength(4);
		expect(liveCounts(app).vault).toBe(0);
	});

	it("renaming a folder renames everything in it", async () => {
		const app = newApp({ files: { "Old/a.md": "a", "Old/sub/b.md": "b" } });
		const renames: [string, string][] = [];
		app.vault.on("rename", (f, oldPath) => renames.push([oldPath, f.path]));
		const folder = app.vault.getFolderByPath("Old");
		if (folder === null) throw new Error("no folder");
		await app.vault.rename(folder, "New");
		expect(renames).toEqual([
			["Old", "New"],
			["Old/a.md", "New/a.md"],
			["Old/sub", "New/sub"],
			["Old/sub/b.md", "New/sub/b.md"],
		]);
		expect(vaultSnapshot(app)).toEqual({ "New/a.md": "a", "New/sub/b.md": "b" });
		await expect(app.vault.rename(file(app, "New/a.md"), "New/sub/b.md")).rejects.toThrow("Destination file already exists!");
	});

	it("reading or writing a deleted file rejects", async () => {
		const app = newApp({ files: { "a.md": "x" } });
		const a = file(app, "a.md");
		await app.fileManager.trashFile(a);
		await expect(app.vault.read(a)).rejects.toThrow(/ENOENT/);
		await expect(app.vault.modify(a, "y")).rejects.toThrow(/ENOENT/);
	});

	it("keeps hidden files (the config folder) out of the vault index but in the adapter", async () => {
		const app = newApp();
		const path = `${app.vault.configDir}/snippets/x.css`;
		await app.vault.adapter.mkdir(`${app.vault.configDir}/snippets`);
		await app.vault.adapter.write(path, "body {}");
		expect(app.vault.getAbstractFileByPath(path)).toBeNull();
		expect(await app.vault.adapter.read(path)).toBe("body {}");
		expect(await app.vault.adapter.exists(path)).toBe(true);
		await app.vault.adapter.write("visible.md", "seen");
		expect(app.vault.getFileByPath("visible.md")).toBeInstanceOf(TFile);
	});
});

describe("MetadataCache", () => {
	it("indexes front matter, headings, links, list items and sections", () => {
		const app = newApp({
			files: {
				"Reading.md": "---\ntitle: Reading\ntags: [ml]\n---\n# Week 1\n- [ ] [[Attention]] core\n  - [x] [[Notes/Other|alias]]\n\n```\n[[not a link]]\n# not a heading\n```\n## Week 2 ##\nSee [the paper](Notes/Other.md) #todo\n",
				"Attention.md": "",
				"Notes/Other.md": "",
			},
		});
		const cache = app.metadataCache.getFileCache(file(app, "Reading.md"));
		expect(cache?.frontmatter).toEqual({ title: "Reading", tags: ["ml"] });
		expect(cache?.headings?.map((h) => [h.level, h.heading, h.position.start.line])).toEqual([
			[1, "Week 1", 4],
			[2, "Week 2", 12],
		]);
		expect(cache?.links?.map((l) => [l.link, l.displayText, l.original])).toEqual([
			["Attention", "Attention", "[[Attention]]"],
			["Notes/Other", "alias", "[[Notes/Other|alias]]"],
			["Notes/Other.md", "the paper", "[the paper](Notes/Other.md)"],
		]);
		expect(cache?.listItems?.map((item) => [item.position.start.line, item.parent, item.task])).toEqual([
			[5, -5, " "],
			[6, 5, "x"],
		]);
		expect(cache?.tags?.map((t) => t.tag)).toEqual(["#todo"]);
		expect(cache?.sections?.map((s) => s.type)).toEqual(["yaml", "heading", "list", "code", "heading", "paragraph"]);
		expect(app.metadataCache.resolvedLinks["Reading.md"]).toEqual({ "Attention.md": 1, "Notes/Other.md": 2 });
	});

	it("reflects changes after the vault event, on a later task, then fires changed and resolved", async () => {
		const app = newApp({ files: { "a.md": "# Old" } });
		const a = file(app, "a.md");
		const order: string[] = [];
		app.vault.on("modify", () => order.push("vault modify"));
		app.metadataCache.on("changed", (f, data, cache) => order.push(`changed ${f.path} ${data} ${cache.headings?.[0]?.heading ?? ""}`));
		app.metadataCache.on("resolved", () => order.push("resolved"));
		await app.vault.modify(a, "# New\n[[b]]");
		expect(app.metadataCache.getFileCache(a)?.headings?.[0]?.heading).toBe("Old");
		await settled(app);
		expect(order).toEqual(["vault modify", "changed a.md # New\n[[b]] New", "resolved"]);
		expect(app.metadataCache.getFileCache(a)?.headings?.[0]?.heading).toBe("New");
		expect(app.metadataCache.unresolvedLinks["a.md"]).toEqual({ b: 1 });
		const b = await app.vault.create("b.md", "");
		expect(app.metadataCache.getFileCache(b)).toBeNull();
		await settled(app);
		expect(app.metadataCache.getFileCache(b)).toEqual({});
		expect(app.metadataCache.resolvedLinks["a.md"]).toEqual({ "b.md": 1 });
	});

	it("resolves link paths by path, relative path, then name (case-insensitive), like Obsidian", () => {
		const app = newApp({ files: { "x/Note.md": "", "y/Note.md": "", "y/Other.md": "", "Top.md": "", "img.png": "" } });
		const cache = app.metadataCache;
		expect(cache.getFirstLinkpathDest("x/Note", "y/Other.md")?.path).toBe("x/Note.md");
		expect(cache.getFirstLinkpathDest("Note", "y/Other.md")?.path).toBe("y/Note.md");
		expect(cache.getFirstLinkpathDest("../Top", "y/Other.md")?.path).toBe("Top.md");
		expect(cache.getFirstLinkpathDest("top", "y/Other.md")?.path).toBe("Top.md");
		expect(cache.getFirstLinkpathDest("img.png", "Top.md")?.path).toBe("img.png");
		expect(cache.getFirstLinkpathDest("Nope", "Top.md")).toBeNull();
		expect(cache.fileToLinktext(file(app, "Top.md"), "y/Other.md")).toBe("Top");
		expect(cache.fileToLinktext(file(app, "x/Note.md"), "Top.md")).toBe("x/Note");
		expect(cache.fileToLinktext(file(app, "Top.md"), "", false)).toBe("Top.md");
	});
});

describe("FileManager", () => {
	it("processFrontMatter keeps the body byte for byte and fires one modify", async () => {
		const body = "\r\n# Body  \r\n\ttabbed [[link]]\r\n\r\nno final newline";
		const app = newApp({ files: { "a.md": `---\ntitle: Old\nkeep: 1\n---${body}` } });
		const modified = vi.fn();
		app.vault.on("modify", modified);
		await app.fileManager.processFrontMatter(file(app, "a.md"), (fm: Record<string, unknown>) => {
			fm.title = "New: with colon";
			fm.list = ["a", "b"];
			delete fm.keep;
		});
		expect(readVaultFile(app, "a.md")).toBe(`---\ntitle: "New: with colon"\nlist:\n  - a\n  - b\n---${body}`);
		expect(modified).toHaveBeenCalledTimes(1);
	});

	it("processFrontMatter adds front matter to a note without it, and rejects on broken YAML", async () => {
		const app = newApp({ files: { "a.md": "# Title\n", "bad.md": "---\nkey: [unclosed\n---\n" } });
		await app.fileManager.processFrontMatter(file(app, "a.md"), (fm: Record<string, unknown>) => {
			fm.status = "read";
		});
		expect(readVaultFile(app, "a.md")).toBe("---\nstatus: read\n---\n# Title\n");
		await expect(app.fileManager.processFrontMatter(file(app, "bad.md"), () => undefined)).rejects.toThrow();
		expect(readVaultFile(app, "bad.md")).toBe("---\nkey: [unclosed\n---\n");
	});

	it("generateMarkdownLink writes wikilinks, or Markdown links with the useMarkdownLinks setting", () => {
		const app = newApp({ files: { "Papers/On Attention.md": "", "Papers/fig 1.png": "", "Index.md": "" } });
		const paper = file(app, "Papers/On Attention.md");
		expect(app.fileManager.generateMarkdownLink(paper, "Index.md")).toBe("[[On Attention]]");
		expect(app.fileManager.generateMarkdownLink(paper, "Index.md", "#Method", "the paper")).toBe("[[On Attention#Method|the paper]]");
		expect(app.fileManager.generateMarkdownLink(file(app, "Papers/fig 1.png"), "Index.md")).toBe("![[fig 1.png]]");
		configureApp(app, { useMarkdownLinks: true });
		expect(app.fileManager.generateMarkdownLink(paper, "Index.md")).toBe("[On Attention](On%20Attention.md)");
		configureApp(app, { newLinkFormat: "absolute" });
		expect(app.fileManager.generateMarkdownLink(paper, "Index.md", "#Method", "x")).toBe("[x](Papers/On%20Attention.md#Method)");
	});

	it("renameFile updates links to the file", async () => {
		const app = newApp({ files: { "a.md": "", "b.md": "See [[a]], [[a#H|alias]] and [t](a.md).\n" }, folders: ["Archive"] });
		await app.fileManager.renameFile(file(app, "a.md"), "Archive/renamed.md");
		expect(readVaultFile(app, "b.md")).toBe("See [[renamed]], [[renamed#H|alias]] and [t](renamed.md).\n");
	});

	it("renameFile updates links in properties too, keeping the rest of the properties as written", async () => {
		const note = '---\ntitle: "B"\ncatalogue: "[[Reading list]]"\nrelated:\n  - "[[Reading list|the list]]"\n  - "[[c]]"\n---\nBody [[Reading list]].\n';
		const app = newApp({ files: { "Reading list.md": "", "c.md": "", "b.md": note }, folders: ["Courses"] });
		await app.fileManager.renameFile(file(app, "Reading list.md"), "Courses/CS294.md");
		expect(readVaultFile(app, "b.md")).toBe('---\ntitle: "B"\ncatalogue: "[[CS294]]"\nrelated:\n  - "[[CS294|the list]]"\n  - "[[c]]"\n---\nBody [[CS294]].\n');
	});

	it("renameFile leaves links alone when the vault setting says not to update them", async () => {
		const note = '---\ncatalogue: "[[a]]"\n---\nSee [[a]].\n';
		const app = newApp({ files: { "a.md": "", "b.md": note }, settings: { alwaysUpdateLinks: false } });
		await app.fileManager.renameFile(file(app, "a.md"), "renamed.md");
		expect(readVaultFile(app, "b.md")).toBe(note);
	});
});

describe("Component", () => {
	it("unloading removes every listener, DOM listener, interval, command and view it registered", async () => {
		vi.useFakeTimers();
		const app = newApp();
		const before = liveCounts(app);
		const ticks = vi.fn();
		const clicks = vi.fn();
		const child = vi.fn();
		class Probe extends Plugin {
			override onload(): void {
				this.registerEvent(this.app.vault.on("modify", () => undefined));
				this.registerEvent(this.app.workspace.on("file-open", () => undefined));
				this.registerEvent(this.app.metadataCache.on("resolved", () => undefined));
				this.registerDomEvent(document, "click", clicks);
				this.registerInterval(window.setInterval(ticks, 1000));
				this.addCommand({ id: "probe", name: "Probe", callback: () => undefined });
				const sub = this.addChild(new Component());
				sub.register(child);
			}
		}
		const plugin = await loadPlugin(app, Probe);
		expect(liveCounts(app)).toEqual({ ...before, vault: 1, workspace: 1, metadataCache: 1, domListeners: before.domListeners + 1, intervals: before.intervals + 1, commands: 1 });
		vi.advanceTimersByTime(2000);
		expect(ticks).toHaveBeenCalledTimes(2);
		await unloadPlugin(plugin);
		expect(liveCounts(app)).toEqual(before);
		vi.advanceTimersByTime(5000);
		document.body.click();
		expect(ticks).toHaveBeenCalledTimes(2);
		expect(clicks).not.toHaveBeenCalled();
		expect(child).toHaveBeenCalledTimes(1);
	});
});

describe("DOM helpers", () => {
	it("createEl sets text as text, never as markup", () => {
		const el = createEl("p", { text: "<b>x</b>", cls: ["a", "b"], attr: { "data-n": 1, hidden: null }, title: "Title" });
		expect(el.textContent).toBe("<b>x</b>");
		expect(el.querySelector("b")).toBeNull();
		expect(el.className).toBe("a b");
		expect(el.getAttribute("data-n")).toBe("1");
		expect(el.title).toBe("Title");
	});

	it("Node#createEl appends (or prepends), applies DomElementInfo and calls the callback", () => {
		const parent = createDiv("parent");
		parent.createSpan({ text: "second" });
		const first = parent.createEl("a", { href: "https://example.com/", prepend: true }, (a) => a.addClass("cb"));
		const input = parent.createEl("input", { type: "checkbox", value: "v", placeholder: "p" });
		expect(parent.firstChild).toBe(first);
		expect(first.hasClass("cb")).toBe(true);
		expect(first.href).toBe("https://example.com/");
		expect([input.type, input.value, input.placeholder]).toEqual(["checkbox", "v", "p"]);
		expect(parent.findAll("span").map((s) => s.getText())).toEqual(["second"]);
		parent.empty();
		expect(parent.childNodes).toHaveLength(0);
	});

	it("show/hide/toggle/isShown, classes and attributes", () => {
		const outer = document.body.createDiv();
		const inner = outer.createDiv();
		expect(inner.isShown()).toBe(true);
		outer.hide();
		expect(inner.isShown()).toBe(false);
		outer.show();
		inner.toggle(false);
		expect(inner.isShown()).toBe(false);
		inner.toggleClass(["x", "y"], true);
		inner.removeClass("x");
		expect(inner.className).toBe("y");
		inner.setAttrs({ role: "button", "aria-label": null });
		expect(inner.getAttr("role")).toBe("button");
		inner.detach();
		expect(inner.isShown()).toBe(false);
		outer.detach();
	});

	it("createFragment and setText with a fragment", () => {
		const fragment = createFragment((f) => {
			f.appendText("a ");
			f.createEl("strong", { text: "Bold" });
		});
		const el = createDiv();
		el.setText(fragment);
		expect(el.innerHTML).toBe("a <strong>Bold</strong>");
	});
});

describe("Notice", () => {
	it("records every message, shows it in the DOM, and hides", () => {
		vi.useFakeTimers();
		const notice = new Notice("Saved 3 papers");
		new Notice(createFragment((f) => f.appendText("From a fragment")), 0);
		expect(noticeMessages()).toEqual(["Saved 3 papers", "From a fragment"]);
		expect(notice.messageEl.getText()).toBe("Saved 3 papers");
		expect(document.body.find(".notice-container")?.contains(notice.containerEl)).toBe(true);
		notice.setMessage("Saved 4 papers");
		expect(notices()[0]).toMatchObject({ message: "Saved 4 papers", history: ["Saved 3 papers", "Saved 4 papers"], hidden: false });
		vi.advanceTimersByTime(5000);
		expect(notices()[0]?.hidden).toBe(true);
		expect(notice.containerEl.isConnected).toBe(false);
		expect(notices()[1]?.hidden).toBe(false);
		notices()[1]?.notice.hide();
		expect(notices()[1]?.hidden).toBe(true);
	});
});

describe("Modal", () => {
	it("attaches to the body while open and detaches on close; Escape and the close button close it", () => {
		const app = newApp();
		const events: string[] = [];
		class Confirm extends Modal {
			override onOpen(): void {
				events.push("open");
				this.setTitle("Delete paper?");
				new Setting(this.contentEl).addButton((b) =>
					b
						.setButtonText("Delete")
						.setCta()
						.onClick(() => {
							events.push("confirmed");
							this.close();
						}),
				);
			}

			override onClose(): void {
				events.push("close");
				this.contentEl.empty();
			}
		}
		const modal = new Confirm(app);
		modal.open();
		expect(document.body.contains(modal.containerEl)).toBe(true);
		expect(topModal()).toBe(modal);
		expect(modal.titleEl.getText()).toBe("Delete paper?");
		modal.contentEl.find("button.mod-cta").click();
		expect(document.body.contains(modal.containerEl)).toBe(false);
		expect(openModals()).toEqual([]);
		modal.open();
		pressKey("Escape");
		expect(openModals()).toEqual([]);
		modal.open();
		modal.modalEl.find(".modal-close-button").click();
		expect(events).toEqual(["open", "confirmed", "close", "open", "close", "open", "close"]);
	});

	it("SuggestModal renders suggestions and chooses one", async () => {
		const app = newApp();
		const chosen = vi.fn();
		class Pick extends SuggestModal<string> {
			getSuggestions(query: string): string[] {
				return ["alpha", "beta", "gamma"].filter((s) => s.includes(query));
			}

			renderSuggestion(value: string, el: HTMLElement): void {
				el.setText(value);
			}

			onChooseSuggestion(item: string): void {
				chosen(item);
			}
		}
		const modal = new Pick(app);
		modal.open();
		await settled(app);
		expect(modal.resultContainerEl.findAll(".suggestion-item").map((el) => el.getText())).toEqual(["alpha", "beta", "gamma"]);
		modal.inputEl.value = "am";
		modal.inputEl.dispatchEvent(new Event("input"));
		await settled(app);
		modal.resultContainerEl.find(".suggestion-item").click();
		expect(chosen).toHaveBeenCalledWith("gamma");
		expect(openModals()).toEqual([]);
	});
});

describe("Plugin", () => {
	it("prefixes commands and runs their callbacks like the command palette", async () => {
		const app = newApp({ files: { "a.md": "hello" } });
		const ran = vi.fn();
		class Commands extends Plugin {
			override onload(): void {
				this.addCommand({ id: "simple", name: "Simple", callback: ran });
				this.addCommand({ id: "checked", name: "Checked", checkCallback: (checking) => (checking ? this.app.workspace.getActiveFile() !== null : (ran("checked"), true)) });
				this.addCommand({ id: "editor", name: "Editor", editorCallback: (editor) => editor.replaceRange("!", { line: 0, ch: 5 }) });
			}
		}
		await loadPlugin(app, Commands, { id: "paper-test", name: "Paper test" });
		expect(listCommands(app).map((c) => [c.id, c.name])).toEqual([
			["paper-test:simple", "Paper test: Simple"],
			["paper-test:checked", "Paper test: Checked"],
			["paper-test:editor", "Paper test: Editor"],
		]);
		expect(await runCommand(app, "paper-test:simple")).toBe(true);
		expect(isCommandAvailable(app, "paper-test:checked")).toBe(false);
		expect(await runCommand(app, "paper-test:editor")).toBe(false);
		const view = await openInMarkdownView(app, "a.md");
		expect(await runCommand(app, "paper-test:checked")).toBe(true);
		expect(ran.mock.calls).toEqual([[], ["checked"]]);
		expect(await runCommand(app, "paper-test:editor")).toBe(true);
		expect(view.editor.getValue()).toBe("hello!");
		await view.save();
		expect(readVaultFile(app, "a.md")).toBe("hello!");
	});

	it("loadData returns null without data.json, rejects on corrupt JSON, and saveData writes it", async () => {
		const app = newApp();
		class Data extends Plugin {}
		const plugin = await loadPlugin(app, Data, { id: "data-test" });
		expect(await plugin.loadData()).toBeNull();
		seedPluginData(app, "data-test", "{ not json");
		await expect(plugin.loadData()).rejects.toThrow(SyntaxError);
		await plugin.saveData({ a: 1 });
		expect(pluginDataText(app, "data-test")).toBe('{\n  "a": 1\n}');
		expect(await plugin.loadData()).toEqual({ a: 1 });
		expect(plugin.manifest.dir).toBe(`${app.vault.configDir}/plugins/data-test`);
	});

	it("calls onExternalSettingsChange when data.json changes outside the plugin, not for its own saveData", async () => {
		const app = newApp();
		const seen: unknown[] = [];
		class Synced extends Plugin {
			override async onExternalSettingsChange(): Promise<void> {
				seen.push(await this.loadData());
			}
		}
		const plugin = await loadPlugin(app, Synced, { id: "synced" });
		await plugin.saveData({ mine: true });
		await settled(app);
		expect(seen).toEqual([]);
		await app.vault.adapter.write(`${app.vault.configDir}/plugins/synced/data.json`, '{"theirs": true}');
		expect(seen).toEqual([]);
		await settled(app);
		expect(seen).toEqual([{ theirs: true }]);
		await unloadPlugin(plugin);
		await app.vault.adapter.write(`${app.vault.configDir}/plugins/synced/data.json`, '{"after": true}');
		await settled(app);
		expect(seen).toEqual([{ theirs: true }]);
	});

	it("adds a setting tab whose controls work", async () => {
		const app = newApp();
		const changes: unknown[] = [];
		class Tab extends SettingTabOfPlugin {
			override display(): void {
				this.containerEl.empty();
				new Setting(this.containerEl).setName("Reading list").setDesc("The note to track.").addText((t) => t.setPlaceholder("Path").setValue("a.md").onChange((v) => changes.push(v)));
				new Setting(this.containerEl).setName("Show optional").addToggle((t) => t.setValue(true).onChange((v) => changes.push(v)));
				new Setting(this.containerEl).setName("Sort").addDropdown((d) => d.addOptions({ a: "A", b: "B" }).setValue("b").onChange((v) => changes.push(v)));
			}
		}
		class WithTab extends Plugin {
			override onload(): void {
				this.addSettingTab(new Tab(this.app, this));
			}
		}
		await loadPlugin(app, WithTab);
		const [tab] = settingTabs(app);
		if (tab === undefined) throw new Error("no tab");
		const el = openSettingTab(tab);
		expect(el.findAll(".setting-item-name").map((n) => n.getText())).toEqual(["Reading list", "Show optional", "Sort"]);
		const input = el.find("input[type=text]") as HTMLInputElement;
		expect([input.value, input.placeholder]).toEqual(["a.md", "Path"]);
		input.value = "b.md";
		input.dispatchEvent(new Event("input"));
		el.find(".checkbox-container").click();
		const select = el.find("select") as HTMLSelectElement;
		expect(select.value).toBe("b");
		select.value = "a";
		select.dispatchEvent(new Event("change"));
		expect(changes).toEqual(["b.md", false, "a"]);
		closeSettingTab(tab);
		expect(el.childElementCount).toBe(0);
	});
});

describe("Workspace and views", () => {
	const TYPE = "reading-progress-test";

	class ProgressView extends ItemView {
		opened = 0;
		closed = 0;

		getViewType(): string {
			return TYPE;
		}

		getDisplayText(): string {
			return "Reading progress";
		}

		override getIcon(): string {
			return "list-checks";
		}

		protected override async onOpen(): Promise<void> {
			this.opened += 1;
			this.contentEl.createEl("h4", { text: "Progress" });
			this.registerEvent(this.app.vault.on("modify", () => undefined));
		}

		protected override async onClose(): Promise<void> {
			this.closed += 1;
		}
	}

	class WithView extends Plugin {
		override onload(): void {
			this.registerView(TYPE, (leaf: WorkspaceLeaf) => new ProgressView(leaf));
		}
	}

	it("opens a custom view in the right sidebar with Obsidian's DOM, and closes it on detach", async () => {
		const app = newApp();
		await loadPlugin(app, WithView);
		const leaf = app.workspace.getRightLeaf(false);
		if (leaf === null) throw new Error("no leaf");
		await leaf.setViewState({ type: TYPE, active: true });
		await app.workspace.revealLeaf(leaf);
		const view = leaf.view;
		if (!(view instanceof ProgressView)) throw new Error("wrong view");
		expect(view.opened).toBe(1);
		expect(view.containerEl.children).toHaveLength(2);
		expect(view.containerEl.children[1]).toBe(view.contentEl);
		expect(view.containerEl.getAttr("data-type")).toBe(TYPE);
		expect(view.contentEl.find("h4").getText()).toBe("Progress");
		expect(view.contentEl.isShown()).toBe(true);
		expect(leaf.getRoot()).toBe(app.workspace.rightSplit);
		expect(app.workspace.getLeavesOfType(TYPE)).toEqual([leaf]);
		expect(app.workspace.getActiveViewOfType(ProgressView)).toBe(view);
		expect(liveCounts(app).vault).toBe(1);
		app.workspace.detachLeavesOfType(TYPE);
		await settled(app);
		expect(view.closed).toBe(1);
		expect(view.contentEl.isShown()).toBe(false);
		expect(app.workspace.getLeavesOfType(TYPE)).toEqual([]);
		expect(liveCounts(app).vault).toBe(0);
	});

	it("fires file-open and active-leaf-change, and a Markdown view follows its file", async () => {
		const app = newApp({ files: { "a.md": "one", "b.md": "two" } });
		const opened: (string | null)[] = [];
		const editorChanges = vi.fn();
		app.workspace.on("file-open", (f) => opened.push(f?.path ?? null));
		app.workspace.on("editor-change", editorChanges);
		const view = await openInMarkdownView(app, "a.md");
		expect(view).toBeInstanceOf(MarkdownView);
		expect(app.workspace.getActiveFile()?.path).toBe("a.md");
		await app.vault.modify(file(app, "a.md"), "changed outside");
		expect(view.editor.getValue()).toBe("changed outside");
		view.editor.setLine(0, "edited");
		expect(editorChanges).toHaveBeenCalledTimes(1);
		await openInMarkdownView(app, "b.md");
		expect(opened).toEqual(["a.md", "b.md"]);
		expect(readVaultFile(app, "a.md")).toBe("edited");
	});

	it("openLinkText opens the destination, or creates an unresolved note", async () => {
		const app = newApp({ files: { "Index.md": "", "Papers/Known.md": "" } });
		await app.workspace.openLinkText("Known", "Index.md");
		expect(app.workspace.getActiveFile()?.path).toBe("Papers/Known.md");
		await app.workspace.openLinkText("Brand new", "Index.md");
		expect(app.workspace.getActiveFile()?.path).toBe("Brand new.md");
		expect(readVaultFile(app, "Brand new.md")).toBe("");
	});

	it("runs onLayoutReady callbacks at once when the layout is ready", () => {
		const app = newApp();
		const ready = vi.fn();
		app.workspace.onLayoutReady(ready);
		expect(ready).toHaveBeenCalledTimes(1);
	});

	it("keeps plugin leaves but empties them when the plugin unloads", async () => {
		const app = newApp();
		const plugin = await loadPlugin(app, WithView);
		const leaf = app.workspace.getRightLeaf(false);
		await leaf?.setViewState({ type: TYPE });
		await unloadPlugin(plugin);
		expect(app.workspace.getLeavesOfType(TYPE)).toEqual([]);
		expect(leaf?.view.getViewType()).toBe("empty");
	});
});

describe("Editor", () => {
	it("edits text by positions like CodeMirror", async () => {
		const app = newApp({ files: { "a.md": "line one\nline two\n" } });
		const { editor } = await openInMarkdownView(app, "a.md");
		expect(editor.lineCount()).toBe(3);
		expect(editor.getLine(1)).toBe("line two");
		expect(() => editor.getLine(5)).toThrow(RangeError);
		expect(editor.posToOffset({ line: 1, ch: 5 })).toBe(14);
		expect(editor.offsetToPos(14)).toEqual({ line: 1, ch: 5 });
		editor.setCursor(1, 5);
		editor.replaceRange("2", { line: 1, ch: 5 }, { line: 1, ch: 8 });
		expect(editor.getValue()).toBe("line one\nline 2\n");
		expect(editor.getCursor()).toEqual({ line: 1, ch: 5 });
		editor.setSelection({ line: 0, ch: 0 }, { line: 0, ch: 4 });
		expect(editor.getSelection()).toBe("line");
		editor.replaceSelection("LINE");
		expect(editor.getRange({ line: 0, ch: 0 }, { line: 0, ch: 8 })).toBe("LINE one");
		editor.undo();
		expect(editor.getLine(0)).toBe("line one");
		editor.transaction({ changes: [{ from: { line: 0, ch: 0 }, text: "- " }, { from: { line: 1, ch: 0 }, text: "- " }] });
		expect(editor.getValue()).toBe("- line one\n- line 2\n");
	});
});

describe("test helpers", () => {
	it("vaultSnapshot lists the visible files; seeded files fire no events", () => {
		const app = newApp({ files: { "b.md": "B", "a/x.md": "X" } });
		const created = vi.fn();
		app.vault.on("create", created);
		expect(vaultSnapshot(app)).toEqual({ "a/x.md": "X", "b.md": "B" });
		expect(created).not.toHaveBeenCalled();
		const hidden = Object.keys(vaultSnapshot(app, { includeHidden: true }));
		expect(hidden).toEqual(["a/x.md", "b.md"]);
	});

	it("the abstract file type guards work with instanceof", () => {
		const app = newApp({ files: { "a/x.md": "X" } });
		const items: TAbstractFile[] = app.vault.getAllLoadedFiles();
		expect(items.map((f) => (f instanceof TFile ? "file" : f instanceof TFolder ? "folder" : "?"))).toEqual(["folder", "folder", "file"]);
	});
});

describe("small utilities", () => {
	it("debounce calls once with the latest arguments; resetTimer restarts the wait; run and cancel", () => {
		vi.useFakeTimers();
		const calls: number[] = [];
		const debounced = debounce((n: number) => calls.push(n), 100);
		debounced(1);
		vi.advanceTimersByTime(50);
		debounced(2);
		vi.advanceTimersByTime(50);
		expect(calls).toEqual([2]);
		const resetting = debounce((n: number) => calls.push(n), 100, true);
		resetting(3);
		vi.advanceTimersByTime(60);
		resetting(4);
		vi.advanceTimersByTime(60);
		expect(calls).toEqual([2]);
		vi.advanceTimersByTime(40);
		expect(calls).toEqual([2, 4]);
		debounced(5);
		debounced.run();
		debounced(6);
		debounced.cancel();
		vi.advanceTimersByTime(200);
		expect(calls).toEqual([2, 4, 5]);
	});

	it("setIcon adds (or replaces) an svg icon", () => {
		const el = createDiv({ text: "label" });
		setIcon(el, "check");
		setIcon(el, "x");
		expect(el.findAll("svg")).toHaveLength(1);
		expect(el.find("svg")?.classList.contains("lucide-x")).toBe(true);
		expect(el.getText()).toBe("label");
	});

	it("Platform flags are settable for a test; Keymap reads the Mod key from them", () => {
		setPlatform({ isMobile: true, isDesktop: false, isMacOS: true });
		expect([Platform.isMobile, Platform.isDesktop]).toEqual([true, false]);
		expect(Keymap.isModEvent(new MouseEvent("click", { metaKey: true }))).toBe("tab");
		resetPlatform();
		expect(Keymap.isModEvent(new MouseEvent("click", { metaKey: true }))).toBe(false);
		expect(Keymap.isModEvent(new MouseEvent("click", { ctrlKey: true, altKey: true }))).toBe("split");
	});

	it("Menu items can be listed and clicked, with or without showing the menu", () => {
		const clicked = vi.fn();
		const menu = new Menu();
		menu.addItem((item) => item.setTitle("Open paper").setIcon("file").onClick(clicked));
		menu.addSeparator();
		menu.addItem((item) => item.setTitle("Disabled").setDisabled(true).onClick(clicked));
		expect(menuItems(menu)).toEqual(["Open paper", "Disabled"]);
		clickMenuItem(menu, "Disabled");
		expect(clicked).not.toHaveBeenCalled();
		menu.showAtPosition({ x: 0, y: 0 });
		document.body.find(".menu .menu-item").click();
		expect(clicked).toHaveBeenCalledTimes(1);
		expect(document.body.find(".menu")).toBeNull();
	});

	it("AbstractInputSuggest suggests on input and reports the pick", async () => {
		const app = newApp({ files: { "Papers/A.md": "", "Papers/B.md": "" } });
		const input = document.body.createEl("input");
		const picked = vi.fn();
		class FileSuggest extends AbstractInputSuggest<TFile> {
			protected getSuggestions(query: string): TFile[] {
				return this.app.vault.getMarkdownFiles().filter((f) => f.path.includes(query));
			}

			renderSuggestion(value: TFile, el: HTMLElement): void {
				el.setText(value.path);
			}
		}
		new FileSuggest(app, input).onSelect((value) => {
			picked(value.path);
		});
		input.value = "B";
		input.dispatchEvent(new Event("input"));
		await settled(app);
		const items = document.body.findAll(".suggestion-container .suggestion-item");
		expect(items.map((el) => el.getText())).toEqual(["Papers/B.md"]);
		items[0]?.click();
		expect(picked).toHaveBeenCalledWith("Papers/B.md");
		expect(document.body.find(".suggestion-container")).toBeNull();
		input.detach();
	});

	it("status bar items and ribbon icons go away when the plugin unloads", async () => {
		const app = newApp();
		const clicked = vi.fn();
		class Bars extends Plugin {
			override onload(): void {
				this.addStatusBarItem().setText("Read: 3 of 10");
				this.addRibbonIcon("book-open", "Open reading progress", clicked);
			}
		}
		const plugin = await loadPlugin(app, Bars, { id: "bars" });
		expect(document.body.find(".status-bar-item.plugin-bars")?.getText()).toBe("Read: 3 of 10");
		document.body.find('.side-dock-ribbon-action[aria-label="Open reading progress"]').click();
		expect(clicked).toHaveBeenCalledTimes(1);
		await unloadPlugin(plugin);
		expect(document.body.find(".status-bar-item")).toBeNull();
		expect(document.body.find(".side-dock-ribbon-action")).toBeNull();
	});
});
