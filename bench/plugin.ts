/**
 * `npm run bench`, second part: the real plugin in the in-memory Obsidian (test/fakes) on big catalogues, timed the
 * way Obsidian's UI thread feels it — the longest synchronous task while the user types, and while "Create paper
 * notes" runs and its links reach the editor. Obsidian runs plugins on the UI thread: a task over 16 ms drops a
 * frame, one over 50 ms is a visible stall.
 *
 * A task is measured as the gap between two turns of the event loop (a setImmediate probe that re-arms itself):
 * everything that ran between two probes, timers, animation frames and the microtasks they queued, counts as one
 * task. That over-counts when two short tasks fall between the same probes, never under-counts. One thing is taken
 * out: the fake reading a note's metadata, which Obsidian does in its indexing worker, off the UI thread.
 *
 * Each is run three times; the median run is judged against the target, and every run's figure is printed.
 *
 * Options: --plugin-sizes=1000,10000 (keystrokes), --create-sizes=3000,10000 (after a create), and --show-gaps=MS
 * to print every task longer than MS on stderr, timed for matching against a `node --cpu-prof` profile.
 */
import "./dom";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { App } from "obsidian";
import PaperCataloguePlugin from "../main";
import { COMMAND_IDS } from "../src/obsidian/commands";
import { ProgressView, VIEW_TYPE_PROGRESS } from "../src/obsidian/progress-view";
import { sync } from "../src/sync/sync";
import { clearNotices, createApp, disposeApp, loadPlugin, noticeMessages, openInMarkdownView, runCommand, seedPluginData, settled, topModal } from "../test/fakes/harness";
import { MetadataCache } from "../test/fakes/metadata";
import { MemoryVault } from "../test/support/memory-vault";
import { generateCatalogue } from "./generate";

const args = process.argv.slice(2);
const option = (name: string): string | undefined => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (value: string): number[] => value.split(",").filter((size) => size !== "").map(Number);
const KEY_SIZES = sizes(option("plugin-sizes") ?? "1000,10000");
const CREATE_SIZES = sizes(option("create-sizes") ?? "3000,10000");
const SHOW_GAPS_MS = option("show-gaps") === undefined ? undefined : Number(option("show-gaps"));
const RESULTS_PATH = path.resolve("bench", "results-plugin.json");
const CATALOGUE = "Catalogue.md";
const PLUGIN = { id: "paper-catalogue", name: "Paper Catalogue" };

/** Keystroke targets: a frame at 1k papers, no visible stall at 10k (issue 10). */
const KEYSTROKE_LIMIT_MS = (papers: number): number => (papers <= 1000 ? 16 : 50);
const AFTER_CREATE_LIMIT_MS = 50;

function print(text = ""): void {
	process.stdout.write(`${text}\n`);
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Browsers run each zero-delay timeout as a task of its own, with input and painting between; Node's timers phase
 * runs every expired one in a row, those queued meanwhile too, and the probe would see two loops that yield to each
 * other as one endless task. Here a zero-delay timeout gets a turn of the loop of its own, as in the browser.
 */
const windowTimeout = window.setTimeout.bind(window);
const windowClear = window.clearTimeout.bind(window);
const turns = new Map<number, ReturnType<typeof setImmediate>>();
let nextTurnId = 1_000_000_000;
window.setTimeout = ((handler: TimerHandler, delay?: number, ...rest: unknown[]): number => {
	if (typeof handler !== "function" || (delay ?? 0) > 1) return windowTimeout(handler, delay, ...rest);
	const id = nextTurnId++;
	turns.set(
		id,
		setImmediate(() => {
			turns.delete(id);
			(handler as (...args: unknown[]) => void)(...rest);
		}),
	);
	return id;
}) as typeof window.setTimeout;
window.clearTimeout = ((id?: number): void => {
	const turn = id === undefined ? undefined : turns.get(id);
	if (turn === undefined) {
		windowClear(id);
		return;
	}
	clearImmediate(turn);
	turns.delete(id as number);
}) as typeof window.clearTimeout;

/** Time the fake spent reading notes' metadata: Obsidian's worker's work, not the UI thread's. */
let offThreadMs = 0;
const compute = (MetadataCache.prototype as unknown as { compute: (text: string) => unknown }).compute;
(MetadataCache.prototype as unknown as { compute: (text: string) => unknown }).compute = function (this: MetadataCache, text: string): unknown {
	const started = performance.now();
	try {
		return compute.call(this, text);
	} finally {
		offThreadMs += performance.now() - started;
	}
};

/** The longest gaps between turns of the event loop while it runs. */
class TaskMonitor {
	private running = false;
	private last = 0;
	private lastOffThread = 0;
	// A histogram of 0.1 ms buckets, not a list: a list of a million gaps grows by copying itself, and the probe
	// would measure its own pauses.
	private readonly buckets = new Uint32Array(10_000);
	private count = 0;
	private max = 0;

	start(): void {
		this.running = true;
		this.last = performance.now();
		this.lastOffThread = offThreadMs;
		const probe = (): void => {
			if (!this.running) return;
			const now = performance.now();
			const gap = now - this.last - (offThreadMs - this.lastOffThread);
			this.count += 1;
			this.max = Math.max(this.max, gap);
			const bucket = Math.min(this.buckets.length - 1, Math.max(0, Math.floor(gap * 10)));
			this.buckets[bucket] = (this.buckets[bucket] ?? 0) + 1;
			if (SHOW_GAPS_MS !== undefined && gap > SHOW_GAPS_MS) {
				// In microseconds of the monotonic clock a `node --cpu-prof` profile is timed by, to find what ran.
				const end = Number(process.hrtime.bigint() / 1000n);
				process.stderr.write(`long task ${gap.toFixed(1)} ms, from ${Math.round(end - (now - this.last) * 1000)} to ${end} µs\n`);
			}
			this.last = now;
			this.lastOffThread = offThreadMs;
			setImmediate(probe);
		};
		setImmediate(probe);
	}

	stop(): { max: number; p99: number; over16: number; count: number } {
		this.running = false;
		let seen = 0;
		let p99 = 0;
		let over16 = 0;
		this.buckets.forEach((n, bucket) => {
			if (seen < this.count * 0.99) p99 = bucket / 10;
			seen += n;
			if (bucket > 160) over16 += n;
		});
		return { max: this.max, p99, over16, count: this.count };
	}
}

async function until(app: App, done: () => boolean, what: string, timeoutMs = 300_000): Promise<void> {
	const deadline = performance.now() + timeoutMs;
	while (!done()) {
		if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await settled(app);
		await sleep(5);
	}
}

/** The example-shaped catalogue with every note made and linked, as after "Create paper notes". */
async function syncedVault(papers: number): Promise<Record<string, string>> {
	const vault = new MemoryVault({ [CATALOGUE]: generateCatalogue({ papers }) });
	const report = await sync(vault, { cataloguePath: CATALOGUE, settings: { notesFolder: "Papers", fileNameFormat: "{{title}}", dateFormat: "yyyy-MM-dd", linkStyle: "wikilink" }, templatePath: "", today: new Date() });
	if (report.errors.length > 0) throw new Error(`could not lay out the vault: ${report.errors[0]?.message ?? ""}`);
	return Object.fromEntries(vault.files);
}

function progressView(app: App): ProgressView {
	const view = app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)[0]?.view;
	if (!(view instanceof ProgressView)) throw new Error("no progress view");
	return view;
}

interface TaskFigures {
	papers: number;
	maxMs: number;
	p99Ms: number;
	over16: number;
	tasks: number;
	totalMs: number;
	limitMs: number;
	pass: boolean;
}

/** Runs a measurement this many times; the longest task of the median run is judged, the worst is shown too. */
const RUNS = 3;

interface Repeated extends TaskFigures {
	worstMs: number;
	runsMs: number[];
}

async function repeated(measure: () => Promise<TaskFigures>): Promise<Repeated> {
	const runs: TaskFigures[] = [];
	for (let run = 0; run < RUNS; run++) {
		// What the last run left behind is collected before, not during, the next (node --expose-gc).
		(globalThis as { gc?: () => void }).gc?.();
		runs.push(await measure());
	}
	const sorted = [...runs].sort((a, b) => a.maxMs - b.maxMs);
	const median = sorted[Math.floor(sorted.length / 2)] ?? runs[0];
	if (!median) throw new Error("no runs");
	return { ...median, pass: median.maxMs <= median.limitMs, worstMs: sorted[sorted.length - 1]?.maxMs ?? median.maxMs, runsMs: runs.map((figures) => figures.maxMs) };
}

/**
 * Typing in a tracked catalogue whose notes all exist, open in an editor, with the progress view open on an
 * expanded section: 30 keystrokes 40 ms apart in one item's title, with a tick and an untick among them, then the
 * pause after which the edit is parsed and everything follows.
 */
async function measureTyping(papers: number): Promise<TaskFigures> {
	const files = await syncedVault(papers);
	const app = createApp({ files });
	seedPluginData(app, PLUGIN.id, JSON.stringify({ catalogues: [CATALOGUE] }));
	const plugin = await loadPlugin(app, PaperCataloguePlugin, PLUGIN);
	const view = await openInMarkdownView(app, CATALOGUE);
	await until(app, () => plugin.index.get(CATALOGUE) !== null, "the catalogue to be read");
	await plugin.activateView();
	const progress = progressView(app);
	await until(app, () => progress.contentEl.find(".paper-catalogue-section-head") !== null, "the view");
	progress.contentEl.find(".paper-catalogue-section-head").click();
	await settled(app);
	await progress.whenIdle();
	const editor = view.editor;
	const catalogue = plugin.index.get(CATALOGUE);
	const middle = catalogue?.papers[Math.floor(catalogue.papers.length / 2)];
	const boxed = catalogue?.papers.find((paper) => paper.checkboxOffset !== undefined && !paper.checked);
	if (!middle || boxed?.checkboxOffset === undefined) throw new Error("no paper to type in");
	const line = middle.range.start.line - 1;
	const box = boxed.checkboxOffset;

	const monitor = new TaskMonitor();
	const started = performance.now();
	monitor.start();
	for (let key = 0; key < 30; key++) {
		if (key === 10 || key === 20) {
			// A tick (then an untick): the commonest edit, and the one sync passes on to a note.
			const checked = key === 10;
			editor.replaceRange(checked ? "x" : " ", editor.offsetToPos(box), editor.offsetToPos(box + 1));
		} else {
			editor.replaceRange("a", { line, ch: editor.getLine(line).length });
		}
		await sleep(40);
	}
	await until(app, () => !plugin.index.isPending(CATALOGUE), "the typing to be parsed");
	await sleep(500);
	await settled(app);
	await progress.whenIdle();
	const figures = monitor.stop();
	const totalMs = performance.now() - started;
	if (plugin.index.textOf(CATALOGUE) !== editor.getValue()) throw new Error("the index does not hold the editor's text");
	await disposeApp(app);
	const limitMs = KEYSTROKE_LIMIT_MS(papers);
	return { papers, maxMs: figures.max, p99Ms: figures.p99, over16: figures.over16, tasks: figures.count, totalMs, limitMs, pass: figures.max <= limitMs };
}

/** "Create paper notes" on an untracked catalogue open in an editor, from the click on Create to the vault at rest. */
async function measureCreate(papers: number): Promise<TaskFigures> {
	clearNotices();
	const app = createApp({ files: { [CATALOGUE]: generateCatalogue({ papers }) } });
	const plugin = await loadPlugin(app, PaperCataloguePlugin, PLUGIN);
	await openInMarkdownView(app, CATALOGUE);
	await until(app, () => plugin.index.get(CATALOGUE) !== null, "the catalogue to be read");
	if (!(await runCommand(app, `${PLUGIN.id}:${COMMAND_IDS.createNotes}`))) throw new Error("Create paper notes is not offered");
	await until(app, () => topModal() !== null, "the plan");
	const create = Array.from(topModal()?.contentEl.querySelectorAll("button") ?? []).find((button) => button.textContent === "Create");
	if (!create) throw new Error("no Create button");

	const monitor = new TaskMonitor();
	const started = performance.now();
	monitor.start();
	create.click();
	await until(app, () => noticeMessages().some((message) => message.startsWith("Created ")), "the run to end");
	await until(app, () => !plugin.index.isPending(CATALOGUE), "the links to be read");
	await sleep(500);
	await settled(app);
	const figures = monitor.stop();
	const totalMs = performance.now() - started;
	const created = noticeMessages().find((message) => message.startsWith("Created ")) ?? "";
	if (!created.startsWith(`Created ${papers} notes`)) throw new Error(`unexpected report: ${created}`);
	await disposeApp(app);
	return { papers, maxMs: figures.max, p99Ms: figures.p99, over16: figures.over16, tasks: figures.count, totalMs, limitMs: AFTER_CREATE_LIMIT_MS, pass: figures.max <= AFTER_CREATE_LIMIT_MS };
}

function ms(value: number): string {
	return value >= 100 ? `${Math.round(value).toLocaleString("en-US")} ms` : `${value.toFixed(1)} ms`;
}

function row(label: string, figures: Repeated): string {
	const runs = figures.runsMs.map((value) => value.toFixed(1)).join(", ");
	return `  ${figures.pass ? "PASS" : "FAIL"}  ${label.padEnd(40)} longest task ${ms(figures.maxMs).padStart(8)} (limit ${figures.limitMs} ms; runs ${runs} ms)   ${figures.over16} of ${figures.tasks} tasks over 16 ms, ${ms(figures.totalMs)} in all`;
}

async function main(): Promise<void> {
	print(`\nPaper Catalogue plugin benchmark — the plugin in the in-memory Obsidian, node ${process.version}, load average ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}`);
	// A first round to warm the JIT up, so that the first size measured is not charged for compiling the plugin.
	await measureTyping(500);
	const typing: Repeated[] = [];
	for (const papers of KEY_SIZES) {
		const figures = await repeated(() => measureTyping(papers));
		typing.push(figures);
		print(row(`typing in a ${papers.toLocaleString("en-US")}-paper catalogue`, figures));
	}
	const creating: Repeated[] = [];
	for (const papers of CREATE_SIZES) {
		const figures = await repeated(() => measureCreate(papers));
		creating.push(figures);
		print(row(`after Create on ${papers.toLocaleString("en-US")} papers`, figures));
	}
	const all = [...typing, ...creating];
	print(`${all.filter((figures) => figures.pass).length} of ${all.length} plugin targets pass; load average now ${os.loadavg().map((load) => load.toFixed(2)).join(" ")}.`);
	await writeFile(RESULTS_PATH, `${JSON.stringify({ date: new Date().toISOString(), node: process.version, typing, creating }, null, "\t")}\n`);
	print(`Wrote ${path.relative(process.cwd(), RESULTS_PATH)}`);
	// Timers of the fake (notices, debounces) must not keep the process alive.
	process.exit(process.exitCode ?? 0);
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
	process.exit(1);
});
