/**
 * The page side of the real-browser check (progress-view.browser.test.ts bundles this with esbuild, `obsidian`
 * aliased to the in-memory fake and `node:timers`/`node:buffer` to the shims beside it). It loads the real plugin
 * into a fake app, opens the reading progress view and moves the view's element into a 300 px sidebar, so that
 * Chromium lays out the plugin's own DOM with styles.css and a stylesheet of Obsidian's theme variables.
 */
import type { App, TFile } from "obsidian";
import PaperCataloguePlugin from "../../main";
import { ProgressView, VIEW_TYPE_PROGRESS } from "../../src/obsidian/progress-view";
import { ObsidianVault } from "../../src/obsidian/obsidian-vault";
import { syncSettingsFor } from "../../src/obsidian/sync-runner";
import { applyPlan } from "../../src/sync/apply";
import { planSync } from "../../src/sync/sync";
import { createApp, loadPlugin, seedPluginData, settled } from "../fakes/harness";

/** Lucide's paths (ISC licence) for the icons the view uses: the fake's icons are empty SVGs. */
const ICONS: Record<string, string[]> = {
	"chevron-right": ["m9 18 6-6-6-6"],
	"external-link": ["M15 3h6v6", "M10 14 21 3", "M18 13v6a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h6"],
	star: [
		"M11.525 2.295a.53.53 0 0 1 .95 0l2.31 4.679a2.123 2.123 0 0 0 1.595 1.16l5.166.756a.53.53 0 0 1 .294.904l-3.736 3.638a2.123 2.123 0 0 0-.611 1.878l.882 5.14a.53.53 0 0 1-.771.56l-4.618-2.428a2.122 2.122 0 0 0-1.973 0L6.396 21.01a.53.53 0 0 1-.77-.56l.881-5.139a2.122 2.122 0 0 0-.611-1.879L2.16 9.795a.53.53 0 0 1 .294-.906l5.165-.755a2.122 2.122 0 0 0 1.597-1.16z",
	],
	"pen-line": ["M13 21h8", "M21.174 6.812a1 1 0 0 0-3.986-3.987L3.842 16.174a2 2 0 0 0-.5.83l-1.321 4.352a.5.5 0 0 0 .623.622l4.353-1.32a2 2 0 0 0 .83-.497z"],
};

export interface MountOptions {
	files: Record<string, string>;
	catalogue: string;
	/** Create and link the paper notes with the plugin's own sync, as "Create paper notes" does. */
	createNotes?: boolean;
	/** Paper notes to mark read on a date (yyyy-MM-dd), by title. */
	readDates?: Record<string, string>;
	/** Paper notes to write a review in, by title. */
	reviews?: string[];
	/** Paper notes to rate (their `rating` property), by title. */
	ratings?: Record<string, number>;
}

export interface Timing {
	ms: number;
}

export interface ToggleResult extends Timing {
	/** From the catalogue index announcing the new parse to the view laid out: the view's own share of `ms`. */
	viewMs: number;
	/** Paper rows and section heads whose DOM changed, by their text. */
	touchedPapers: string[];
	touchedSections: string[];
	/** Whether the update replaced any element (rather than changing text and attributes in place). */
	removedElements: number;
}

let current: { app: App; view: ProgressView; lastParsed: number } | null = null;

function view(): ProgressView {
	if (!current) throw new Error("mount() first");
	return current.view;
}

function drawIcons(root: ParentNode): void {
	for (const svg of Array.from(root.querySelectorAll("svg.svg-icon"))) {
		if (svg.childElementCount > 0) continue;
		const name = Array.from(svg.classList).find((cls) => cls.startsWith("lucide-"))?.slice("lucide-".length) ?? "";
		for (const d of ICONS[name] ?? []) svg.createSvg("path", { attr: { d } });
	}
}

function noteOf(app: App, title: string): TFile {
	const file = app.vault.getMarkdownFiles().find((candidate) => app.metadataCache.getFileCache(candidate)?.frontmatter?.title === title);
	if (!file) throw new Error(`no note titled ${title}`);
	return file;
}

async function mount(options: MountOptions): Promise<{ parseMs: number; renderMs: number }> {
	const sidebar = document.getElementById("sidebar");
	if (!sidebar) throw new Error("no #sidebar");
	sidebar.empty();
	const app = createApp({ files: options.files });
	seedPluginData(app, "paper-catalogue", JSON.stringify({ catalogues: [options.catalogue] }));
	const parseStart = performance.now();
	const plugin = await loadPlugin(app, PaperCataloguePlugin, { id: "paper-catalogue", name: "Paper Catalogue" });
	await plugin.index.load(options.catalogue);
	const parseMs = performance.now() - parseStart;
	if (options.createNotes) {
		const vault = new ObsidianVault(app);
		const plan = await planSync(vault, { cataloguePath: options.catalogue, settings: syncSettingsFor(app, plugin.settings, options.catalogue), templatePath: "", today: new Date() });
		await applyPlan(plan, vault);
		await settled(app);
		for (const [title, date] of Object.entries(options.readDates ?? {})) {
			await app.fileManager.processFrontMatter(noteOf(app, title), (frontmatter: Record<string, unknown>) => {
				frontmatter.status = "read";
				frontmatter.read = date;
			});
		}
		for (const [title, rating] of Object.entries(options.ratings ?? {})) {
			await app.fileManager.processFrontMatter(noteOf(app, title), (frontmatter: Record<string, unknown>) => {
				frontmatter.rating = rating;
			});
		}
		for (const title of options.reviews ?? []) {
			await app.vault.process(noteOf(app, title), (text) => text.replace("## Summary\n", "## Summary\nA clear argument, well evaluated; the ablations convince.\n"));
		}
		await settled(app);
	}

	const renderStart = performance.now();
	await plugin.activateView();
	const leaf = app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)[0];
	if (!leaf || !(leaf.view instanceof ProgressView)) throw new Error("the progress view did not open");
	await leaf.view.whenIdle();
	sidebar.appendChild(leaf.view.containerEl);
	sidebar.getBoundingClientRect();
	const renderMs = performance.now() - renderStart;
	const mounted = { app, view: leaf.view, lastParsed: 0 };
	plugin.registerEvent(plugin.index.onChanged(() => (mounted.lastParsed = performance.now())));
	current = mounted;
	drawIcons(sidebar);
	return { parseMs, renderMs };
}

function sectionHead(title: string): HTMLElement {
	const head = view()
		.contentEl.findAll(".paper-catalogue-section-head")
		.find((el) => el.find(".paper-catalogue-section-title")?.getText() === title);
	if (!head) throw new Error(`no section ${title}`);
	return head;
}

/** Expands a section by clicking its row; returns how long the click took to show the papers. */
async function expand(title: string): Promise<Timing> {
	const start = performance.now();
	sectionHead(title).click();
	await view().whenIdle();
	view().contentEl.getBoundingClientRect();
	const ms = performance.now() - start;
	drawIcons(view().contentEl);
	return { ms };
}

function waitFor(condition: () => boolean, what: string): Promise<void> {
	const deadline = performance.now() + 5000;
	return new Promise((resolve, reject) => {
		const poll = (): void => {
			if (condition()) resolve();
			else if (performance.now() > deadline) reject(new Error(`timed out waiting for ${what}`));
			else window.requestAnimationFrame(poll);
		};
		poll();
	});
}

/** Ticks (or unticks) a paper's box in the view and waits until the view shows the catalogue's new state. */
async function toggle(title: string): Promise<ToggleResult> {
	const root = view().contentEl;
	const row = root.findAll(".paper-catalogue-paper").find((el) => el.find(".paper-catalogue-paper-title")?.getText() === title);
	const checkbox = row?.find("input");
	if (!row || !(checkbox instanceof HTMLInputElement)) throw new Error(`no paper row ${title}`);
	const before = checkbox.checked;
	const records: MutationRecord[] = [];
	const observer = new MutationObserver((found) => records.push(...found));
	observer.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
	const start = performance.now();
	checkbox.click();
	await waitFor(() => checkbox.checked !== before, `${title} to change`);
	await view().whenIdle();
	root.getBoundingClientRect();
	const end = performance.now();
	const ms = end - start;
	const viewMs = end - (current?.lastParsed ?? start);
	records.push(...observer.takeRecords());
	observer.disconnect();
	const touchedPapers = new Set<string>();
	const touchedSections = new Set<string>();
	let removedElements = 0;
	for (const record of records) {
		removedElements += Array.from(record.removedNodes).filter((node) => node.nodeType === Node.ELEMENT_NODE).length;
		const target = record.target.instanceOf(Element) ? record.target : record.target.parentElement;
		const paper = target?.closest(".paper-catalogue-paper");
		const head = target?.closest(".paper-catalogue-section-head");
		if (paper) touchedPapers.add(paper.find(".paper-catalogue-paper-title")?.getText() ?? "?");
		if (head) touchedSections.add(head.find(".paper-catalogue-section-title")?.getText() ?? "?");
	}
	return { ms, viewMs, touchedPapers: [...touchedPapers], touchedSections: [...touchedSections], removedElements };
}

function setTheme(theme: "light" | "dark"): void {
	document.body.toggleClass("theme-dark", theme === "dark");
	document.body.toggleClass("theme-light", theme === "light");
}

const api = { mount, expand, toggle, setTheme };
export type BrowserApi = typeof api;
Object.assign(window, { paperCatalogue: api });
