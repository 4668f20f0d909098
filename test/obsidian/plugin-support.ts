/**
 * Shared set-up for the plugin's integration tests: the real plugin class from main.ts, loaded into the in-memory
 * Obsidian fake with the example catalogue, and small helpers to click through its UI.
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { App, MarkdownView, TFile } from "obsidian";
import PaperCataloguePlugin from "../../main";
import { COMMAND_IDS } from "../../src/obsidian/commands";
import { createApp, type CreateAppOptions, disposeApp, loadPlugin, notices, openInMarkdownView, runCommand, seedPluginData, settled, topModal, vaultSnapshot } from "../fakes/harness";

export const PLUGIN_ID = "paper-catalogue";
export const EXAMPLE_PATH = "CS294 AI-Systems.md";
// Read by path: under happy-dom `URL` is the DOM's, which node:fs does not accept (test/support/example.ts does that).
export const EXAMPLE_TEXT = readFileSync(join(dirname(fileURLToPath(import.meta.url)), "../fixtures/cs294-ai-sys-sp22.md"), "utf8");

/** Papers of the example, by the note path the default settings give them. */
export const SYSML = "Papers/SysML - The New Frontier of Machine Learning Systems.md";
export const MADLIB = "Papers/The MADlib Analytics Library or MAD Skills, the SQL.md";
export const CHIMERA = "Papers/Chimera - Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines.md";
/** Listed without a checkbox (`- [TVM…](…)`): its note's status is its state. */
export const TVM = "Papers/TVM - An Automated End-to-End Optimizing Compiler for Deep Learning.md";

export type CommandKey = keyof typeof COMMAND_IDS;

export function commandId(key: CommandKey): string {
	return `${PLUGIN_ID}:${COMMAND_IDS[key]}`;
}

export interface Started {
	app: App;
	plugin: PaperCataloguePlugin;
}

const apps: App[] = [];

export interface StartOptions extends CreateAppOptions {
	/** The raw data.json, or an object to save as it; `track: true` is shorthand for tracking the example. */
	data?: string | Record<string, unknown>;
	track?: boolean;
}

/** A fresh app with the example catalogue (unless `files` says otherwise) and the plugin loaded. */
export async function start(options: StartOptions = {}): Promise<Started> {
	const { data, track, ...appOptions } = options;
	const app = createApp({ ...appOptions, files: appOptions.files ?? { [EXAMPLE_PATH]: EXAMPLE_TEXT } });
	apps.push(app);
	const saved = typeof data === "string" ? data : JSON.stringify({ ...(track ? { catalogues: [EXAMPLE_PATH] } : {}), ...data });
	if (data !== undefined || track) seedPluginData(app, PLUGIN_ID, saved);
	const plugin = await loadPlugin(app, PaperCataloguePlugin, { id: PLUGIN_ID, name: "Paper Catalogue" });
	await settled(app);
	return { app, plugin };
}

/** For afterEach: closes every app `start` made (views save, timers stop). */
export async function disposeApps(): Promise<void> {
	for (const app of apps.splice(0)) await disposeApp(app);
}

export function file(app: App, path: string): TFile {
	const found = app.vault.getFileByPath(path);
	if (!found) throw new Error(`no file at ${path}`);
	return found;
}

/** The button with this text under `root`. */
export function button(root: HTMLElement, text: string): HTMLButtonElement {
	const found = Array.from(root.querySelectorAll("button")).find((candidate) => candidate.textContent === text);
	if (!found) throw new Error(`no "${text}" button in: ${root.textContent ?? ""}`);
	return found;
}

/** The open modal's content element; fails when none is open. */
export function modalContent(): HTMLElement {
	const modal = topModal();
	if (!modal) throw new Error("no modal is open");
	return modal.contentEl;
}

/**
 * Waits until `done()` holds, letting the app settle in between: `settled` cannot see a run that is pausing on a
 * window timer (the sync yields every ten writes, typing in a long catalogue is parsed once it pauses), so it may
 * return between two of its steps. The deadline is generous: it is there to end a test that hangs, not to time one.
 */
export async function waitFor(app: App, done: () => boolean, what = "the condition"): Promise<void> {
	// Below the test time-out (a hang guard of 120 s), so a wait that never ends says what it waited for.
	const deadline = Date.now() + 100_000;
	while (Date.now() < deadline) {
		await settled(app);
		if (done()) return;
		await new Promise((resolve) => window.setTimeout(resolve, 5));
	}
	throw new Error(`timed out waiting for ${what}`);
}

function reports(): number {
	return notices().filter((record) => record.message.startsWith("Created ")).length;
}

/** Clicks Create in the open plan and waits for the run's report. */
export async function confirmCreate(app: App): Promise<void> {
	const before = reports();
	button(modalContent(), "Create").click();
	await waitFor(app, () => reports() > before, "the sync report");
	await settled(app);
}

/** Opens the catalogue, runs "Create paper notes", clicks Create in the plan and waits for the run to end. */
export async function createNotes(app: App, path = EXAMPLE_PATH): Promise<MarkdownView> {
	const view = await openInMarkdownView(app, path);
	await settled(app);
	if (!(await runCommand(app, commandId("createNotes")))) throw new Error("Create paper notes is not available");
	// A long catalogue is parsed and planned in slices before the plan shows.
	await waitFor(app, () => topModal() !== null, "the plan");
	await confirmCreate(app);
	return view;
}

let synced: Promise<Record<string, string>> | null = null;

/**
 * The vault after "Create paper notes" ran on the example: the catalogue with its 60 links and the 60 notes.
 * Made once per test file by the plugin itself; tests that start from it seed it, as after a restart.
 */
export function syncedExample(): Promise<Record<string, string>> {
	synced ??= (async () => {
		const { app } = await start();
		await createNotes(app);
		return vaultSnapshot(app);
	})();
	return synced;
}

/** Every `modify` the vault fires from now on, by path. */
export function recordModifies(app: App): string[] {
	const paths: string[] = [];
	app.vault.on("modify", (changed) => paths.push(changed.path));
	return paths;
}

/** The checkbox character (`x` or a space) of the first catalogue line that contains `needle`. */
export function checkboxOf(text: string, needle: string): string {
	const line = text.split("\n").find((candidate) => candidate.includes(needle));
	if (line === undefined) throw new Error(`no line with ${needle}`);
	const match = /\[( |x|X)\]/.exec(line);
	if (!match) throw new Error(`no checkbox on: ${line}`);
	return match[1] ?? "";
}

/** The 0-based line of the first catalogue line that contains `needle`. */
export function lineOf(text: string, needle: string): number {
	const line = text.split("\n").findIndex((candidate) => candidate.includes(needle));
	if (line === -1) throw new Error(`no line with ${needle}`);
	return line;
}

/** The text with the checkbox on the first line containing `needle` set. */
export function withTick(text: string, needle: string, checked: boolean): string {
	const lines = text.split("\n");
	const at = lineOf(text, needle);
	lines[at] = (lines[at] ?? "").replace(/\[( |x|X)\]/, checked ? "[x]" : "[ ]");
	return lines.join("\n");
}

/** A note's front matter, parsed from its text (not from the metadata cache). */
export function frontMatterOf(text: string | null): Record<string, unknown> {
	if (text === null) throw new Error("no such note");
	const match = /^---\n([\s\S]*?)\n---/.exec(text);
	if (!match) return {};
	return (parse(match[1] ?? "") ?? {}) as Record<string, unknown>;
}

/** One front matter value of a note: `status`, `read`… */
export function property(text: string | null, key: string): unknown {
	return frontMatterOf(text)[key];
}

/** Today as the default date format writes it. */
export function today(): string {
	const now = new Date();
	const pad = (n: number): string => String(n).padStart(2, "0");
	return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
