/**
 * The reading progress view in a real browser: headless Chromium (Debian's `chromium` package, driven by
 * playwright-core) lays out the plugin's own DOM, rendered by the real view over the in-memory Obsidian fake,
 * with styles.css and a stylesheet of Obsidian's theme variables (obsidian-theme.css), in a 300 px sidebar.
 *
 * It checks the layout (bar widths proportional to progress, nothing wider than the sidebar, in the light and the
 * dark theme), saves docs/progress-view.png and docs/progress-view-dark.png, and measures the first render and
 * the update after a tick with 10,000 papers (printed, never asserted: timings vary by machine).
 *
 * Without /usr/bin/chromium (or PAPER_CATALOGUE_CHROMIUM) the tests skip, unless PAPER_CATALOGUE_BROWSER=required
 * (as .ci/run sets it), when they fail. Install it with `apt-get install chromium`; `npx playwright install` is
 * not needed.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CatalogueParser } from "../../src/catalogue/parse";
import { progressOf } from "../../src/progress/completion";
import type { BrowserApi, MountOptions } from "./entry";

/** Debian's Chromium; PAPER_CATALOGUE_CHROMIUM points elsewhere. */
const CHROMIUM = process.env.PAPER_CATALOGUE_CHROMIUM ?? "/usr/bin/chromium";
const ROOT = resolve(import.meta.dirname, "../..");
const REQUIRED = process.env.PAPER_CATALOGUE_BROWSER === "required";
const AVAILABLE = existsSync(CHROMIUM);
const SIDEBAR_WIDTH = 300;
/** The day the screenshots are taken on, so that they show the same pace every time. */
const TODAY = new Date(2026, 2, 20, 10, 0, 0);

const EXAMPLE_PATH = "CS294 AI-Systems.md";
const EXAMPLE_TEXT = readFileSync(join(ROOT, "test/fixtures/cs294-ai-sys-sp22.md"), "utf8");

if (!AVAILABLE && !REQUIRED) {
	console.warn(`Skipping the real-browser check of the progress view: ${CHROMIUM} is missing (apt-get install chromium; PAPER_CATALOGUE_BROWSER=required makes this fail instead).`);
}

declare global {
	interface Window {
		paperCatalogue: BrowserApi;
	}
}

/** Bundles entry.ts for the page: `obsidian` is the in-memory fake, Node's timers and Buffer are small shims. */
async function bundle(dir: string): Promise<string> {
	const shims: Record<string, string> = {
		obsidian: join(ROOT, "test/fakes/obsidian.ts"),
		"node:timers": join(ROOT, "test/browser/shims/node-timers.ts"),
		"node:buffer": join(ROOT, "test/browser/shims/node-buffer.ts"),
	};
	await build({
		entryPoints: [join(ROOT, "test/browser/entry.ts")],
		bundle: true,
		format: "iife",
		platform: "browser",
		target: "es2022",
		outfile: join(dir, "entry.js"),
		logLevel: "silent",
		plugins: [
			{
				name: "browser-fakes",
				setup(pluginBuild) {
					pluginBuild.onResolve({ filter: /^(obsidian|node:timers|node:buffer)$/ }, (args) => ({ path: shims[args.path] ?? args.path }));
				},
			},
		],
	});
	writeFileSync(join(dir, "obsidian-theme.css"), readFileSync(join(ROOT, "test/browser/obsidian-theme.css")));
	writeFileSync(join(dir, "styles.css"), readFileSync(join(ROOT, "styles.css")));
	const page = join(dir, "index.html");
	writeFileSync(
		page,
		`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Reading progress</title>
<link rel="stylesheet" href="obsidian-theme.css">
<link rel="stylesheet" href="styles.css">
<style>
	body > .app-container { display: none; }
	#sidebar { width: ${SIDEBAR_WIDTH}px; height: 860px; overflow: hidden; background-color: var(--background-secondary); border-inline-start: 1px solid var(--background-modifier-border); }
</style>
</head>
<body class="theme-light"><div id="sidebar" class="workspace-split mod-right-split"></div><script src="entry.js"></script></body>
</html>
`,
	);
	return pathToFileURL(page).href;
}

/** A synthetic catalogue: `sections` numbered sections of `perSection` papers, the last 40% of each optional. */
function bigCatalogue(sections: number, perSection: number): string {
	const lines = ["# Paper list", ""];
	for (let s = 1; s <= sections; s++) {
		lines.push(`## ${s}. Section ${s}`, "", "### Required reading", "");
		for (let p = 1; p <= perSection; p++) {
			if (p === Math.floor(perSection * 0.6) + 1) lines.push("", "### Optional reading", "");
			const checked = (s * 7 + p * 13) % 10 < 3;
			lines.push(`- [${checked ? "x" : " "}] [Paper ${s}.${p}: scaling systems for machine learning](https://example.org/papers/${s}/${p}.pdf)`);
		}
		lines.push("");
	}
	return lines.join("\n");
}

function isoDay(daysAgo: number): string {
	const date = new Date(TODAY);
	date.setDate(date.getDate() - daysAgo);
	return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
}

describe.skipIf(!AVAILABLE && !REQUIRED)("the progress view in Chromium", () => {
	let browser: Browser | null = null;
	let url = "";
	let dir = "";

	beforeAll(async () => {
		if (!AVAILABLE) throw new Error(`PAPER_CATALOGUE_BROWSER=required but ${CHROMIUM} is missing: install Debian's chromium package (apt-get install -y chromium).`);
		dir = mkdtempSync(join(tmpdir(), "paper-catalogue-browser-"));
		url = await bundle(dir);
		browser = await chromium.launch({
			executablePath: CHROMIUM,
			args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
		});
	});

	afterAll(async () => {
		await browser?.close();
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	/** A page with the bundle loaded; `fixedDate` stops the clock on TODAY for the screenshots (timers still run). */
	async function openPage(fixedDate: boolean): Promise<{ page: Page; errors: string[] }> {
		if (!browser) throw new Error("no browser");
		const page = await browser.newPage({ viewport: { width: 420, height: 900 }, deviceScaleFactor: 2 });
		const errors: string[] = [];
		page.on("pageerror", (error) => errors.push(error.message));
		page.on("console", (message) => {
			if (message.type() === "error") errors.push(message.text());
		});
		if (fixedDate) await page.clock.setFixedTime(TODAY);
		await page.goto(url);
		return { page, errors };
	}

	it("lays out the example in a 300 px sidebar, light and dark, and saves the screenshots", async () => {
		const { page, errors } = await openPage(true);
		const catalogue = new CatalogueParser().parse(EXAMPLE_TEXT);
		const ticked = catalogue.papers.filter((paper) => paper.checked).map((paper) => paper.title);
		const options: MountOptions = {
			files: { [EXAMPLE_PATH]: EXAMPLE_TEXT },
			catalogue: EXAMPLE_PATH,
			createNotes: true,
			// Ten of the ticked papers read over the last four weeks, the rest earlier.
			readDates: Object.fromEntries(ticked.map((title, i) => [title, isoDay(i < 10 ? i * 2 + 1 : 40 + i)])),
			reviews: ticked.filter((_, i) => i % 2 === 0),
			// Some read papers rated: in 3. Hardware (expanded below) and in the first two sections.
			ratings: Object.fromEntries(ticked.flatMap((title, i) => (i % 3 === 2 ? [] : [[title, [4, 5, 3.5, 4][i % 4] ?? 4]]))),
		};
		await page.evaluate((mount) => window.paperCatalogue.mount(mount), options);
		await page.evaluate(() => window.paperCatalogue.expand("3. Hardware for Machine Learning"));

		const layout = await page.evaluate(() => {
			const sidebar = document.getElementById("sidebar");
			const content = sidebar?.querySelector<HTMLElement>(".view-content");
			if (!sidebar || !content) throw new Error("no view");
			const box = sidebar.getBoundingClientRect();
			const overflowing = Array.from(content.querySelectorAll<HTMLElement>("*"))
				.filter((el) => {
					const rect = el.getBoundingClientRect();
					return rect.width > 0 && (rect.right > box.right + 0.5 || rect.left < box.left - 0.5);
				})
				.map((el) => `${el.className || el.tagName}: ${el.getBoundingClientRect().right - box.right}px`);
			const bars = Array.from(content.querySelectorAll<HTMLElement>(".paper-catalogue-bar")).map((bar) => ({
				label: bar.getAttribute("aria-label") ?? "",
				width: bar.getBoundingClientRect().width,
				required: bar.querySelector(".paper-catalogue-bar-required")?.getBoundingClientRect().width ?? -1,
				optional: bar.querySelector(".paper-catalogue-bar-optional")?.getBoundingClientRect().width ?? -1,
			}));
			return {
				overflowing,
				scrollWidth: content.scrollWidth,
				clientWidth: content.clientWidth,
				bars,
				sections: Array.from(content.querySelectorAll(".paper-catalogue-section-title"), (el) => el.textContent),
				paperRows: content.querySelectorAll(".paper-catalogue-paper").length,
				header: content.querySelector(".paper-catalogue-header")?.textContent ?? "",
				sectionRatings: Array.from(content.querySelectorAll<HTMLElement>(".paper-catalogue-section-rating"), (el) => (getComputedStyle(el).display === "none" ? "" : (el.textContent ?? ""))),
				paperRatings: Array.from(content.querySelectorAll<HTMLElement>(".paper-catalogue-paper"), (el) => el.querySelector(".paper-catalogue-rating")?.textContent ?? ""),
				ratingBoxes: Array.from(content.querySelectorAll<HTMLElement>(".paper-catalogue-rating, .paper-catalogue-section-rating"))
					.filter((el) => getComputedStyle(el).display !== "none")
					.map((el) => el.getBoundingClientRect().width),
			};
		});

		expect(layout.overflowing).toEqual([]);
		expect(layout.scrollWidth).toBeLessThanOrEqual(layout.clientWidth);
		expect(layout.sections).toEqual(catalogue.sections.map((section) => section.title));
		expect(layout.paperRows).toBe(6);
		expect(layout.header).toContain("14 of 60 papers read");
		expect(layout.header).toContain("7 of 60 notes reviewed");
		expect(layout.header).toContain("2.5 papers a week over the last four weeks");

		// Ratings: beside each rated read paper of the expanded section, and each section's mean where one is rated.
		const rated = options.ratings ?? {};
		const hardware = catalogue.papers.filter((paper) => catalogue.sections[paper.sectionIndex]?.title === "3. Hardware for Machine Learning");
		expect(layout.paperRatings).toEqual(hardware.map((paper) => (rated[paper.title] === undefined ? "" : `${rated[paper.title]}/5`)));
		expect(layout.paperRatings.filter((text) => text !== "").length).toBeGreaterThan(0);
		const means = catalogue.sections.map((section) => {
			const values = section.paperIndexes.flatMap((i) => {
				const value = rated[catalogue.papers[i]?.title ?? ""];
				return value === undefined ? [] : [value];
			});
			return values.length === 0 ? "" : String(Number((values.reduce((a, b) => a + b, 0) / values.length).toFixed(1)));
		});
		expect(layout.sectionRatings).toEqual(means);
		expect(means.filter((mean) => mean !== "").length).toBeGreaterThan(1);
		expect(layout.ratingBoxes.every((width) => width > 10)).toBe(true);

		// Bars: the overall one first, then one per section, each part as wide as its share of the papers.
		const progress = progressOf(catalogue);
		const expected = [progress, ...progress.sections];
		expect(layout.bars).toHaveLength(expected.length);
		layout.bars.forEach((bar, i) => {
			const completion = expected[i];
			if (!completion) throw new Error("missing completion");
			expect(bar.width).toBeGreaterThan(100);
			expect(bar.required).toBeCloseTo((bar.width * completion.required.done) / completion.total, 0);
			expect(bar.optional).toBeCloseTo((bar.width * completion.optional.done) / completion.total, 0);
		});

		// Every theme variable styles.css uses is defined, in both themes, and the themes differ.
		const used = [...new Set(readFileSync(join(ROOT, "styles.css"), "utf8").match(/var\(--[a-z0-9-]+/g) ?? [])].map((match) => match.slice(4)).filter((name) => !name.startsWith("--paper-catalogue-"));
		const colours: Record<string, string> = {};
		for (const theme of ["light", "dark"] as const) {
			const missing = await page.evaluate(
				({ theme, used }) => {
					window.paperCatalogue.setTheme(theme);
					const style = getComputedStyle(document.body);
					return used.filter((name) => style.getPropertyValue(name).trim() === "");
				},
				{ theme, used },
			);
			expect(missing, `variables missing in the ${theme} theme`).toEqual([]);
			colours[theme] = await page.evaluate(() => getComputedStyle(document.querySelector(".paper-catalogue-section-title") ?? document.body).color);
			mkdirSync(join(ROOT, "docs"), { recursive: true });
			await page.locator("#sidebar").screenshot({ path: join(ROOT, "docs", theme === "light" ? "progress-view.png" : "progress-view-dark.png") });
		}
		expect(colours.light).not.toBe(colours.dark);

		// Narrower still (a phone's drawer, a squeezed sidebar): nothing spills out either.
		const narrow = await page.evaluate(() => {
			const sidebar = document.getElementById("sidebar");
			const content = sidebar?.querySelector<HTMLElement>(".view-content");
			if (!sidebar || !content) throw new Error("no view");
			sidebar.setCssStyles({ width: "220px" });
			const box = sidebar.getBoundingClientRect();
			const spilling = Array.from(content.querySelectorAll<HTMLElement>("*")).filter((el) => {
				const rect = el.getBoundingClientRect();
				return rect.width > 0 && rect.right > box.right + 0.5;
			});
			return { spilling: spilling.map((el) => el.className), scrollWidth: content.scrollWidth, clientWidth: content.clientWidth };
		});
		expect(narrow.spilling).toEqual([]);
		expect(narrow.scrollWidth).toBeLessThanOrEqual(narrow.clientWidth);
		expect(errors).toEqual([]);
		await page.close();
	});

	it("renders 10,000 papers and updates one row after a tick (figures printed)", async () => {
		const { page, errors } = await openPage(false);
		const path = "Big catalogue.md";
		const text = bigCatalogue(100, 100);
		const mounted = await page.evaluate((mount) => window.paperCatalogue.mount(mount), { files: { [path]: text }, catalogue: path } satisfies MountOptions);
		const expanded = await page.evaluate(() => window.paperCatalogue.expand("42. Section 42"));
		const rows = await page.evaluate(() => ({
			sections: document.querySelectorAll(".paper-catalogue-section").length,
			papers: document.querySelectorAll(".paper-catalogue-paper").length,
		}));
		expect(rows).toEqual({ sections: 100, papers: 100 });
		const tick = await page.evaluate(() => window.paperCatalogue.toggle("Paper 42.7: scaling systems for machine learning"));
		const untick = await page.evaluate(() => window.paperCatalogue.toggle("Paper 42.7: scaling systems for machine learning"));
		// Only the ticked paper's row and its section's row change, in place.
		for (const update of [tick, untick]) {
			expect(update.touchedPapers).toEqual(["Paper 42.7: scaling systems for machine learning"]);
			expect(update.touchedSections).toEqual(["42. Section 42"]);
			expect(update.removedElements).toBe(0);
		}
		console.debug(
			[
				"Progress view, 10,000 papers in 100 sections (Chromium, this machine):",
				`  parse on load            ${mounted.parseMs.toFixed(1)} ms`,
				`  first render             ${mounted.renderMs.toFixed(1)} ms (open the view to laid out, no section expanded)`,
				`  expand a section         ${expanded.ms.toFixed(1)} ms (100 paper rows)`,
				`  tick, click to updated   ${tick.ms.toFixed(1)} ms (status sync rewrites the catalogue, the index re-parses it, the view updates)`,
				`    of which the view      ${tick.viewMs.toFixed(1)} ms (from the new parse to one paper row and one section row changed)`,
				`  untick, click to updated ${untick.ms.toFixed(1)} ms`,
				`    of which the view      ${untick.viewMs.toFixed(1)} ms`,
			].join("\n"),
		);
		expect(errors).toEqual([]);
		await page.close();
	});
});
