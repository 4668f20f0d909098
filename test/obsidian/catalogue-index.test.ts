// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import { generateCatalogue } from "../../bench/generate";
import { withCheckboxes } from "../../src/catalogue/edits";
import { parseCatalogue } from "../../src/catalogue/parse";
import { CatalogueIndex } from "../../src/obsidian/catalogue-index";
import { createApp, seedVault } from "../fakes/harness";

const big = generateCatalogue({ papers: 600, seed: 7 });

describe("CatalogueIndex", () => {
	it("parses a long catalogue in slices, yielding to the event loop, with the same result", async () => {
		const app = createApp();
		seedVault(app, { "Big.md": big });
		const index = new CatalogueIndex(app);
		const timers = vi.spyOn(window, "setTimeout");
		let yielded = 0;
		try {
			const catalogue = await index.load("Big.md");
			yielded = timers.mock.calls.length;
			expect(catalogue).toEqual(parseCatalogue(big));
		} finally {
			timers.mockRestore();
		}
		expect(big.length).toBeGreaterThan(50_000);
		expect(yielded).toBeGreaterThan(1);
	});

	it("keeps an edit that lands while a sliced parse is yielding", async () => {
		const app = createApp();
		const index = new CatalogueIndex(app);
		const catalogue = parseCatalogue(big);
		const id = catalogue.papers.find((paper) => !paper.checked && paper.checkboxOffset !== undefined)?.id ?? "";
		const edited = withCheckboxes(big, catalogue, [id], true);
		const changes: string[] = [];
		index.onChanged(({ after }) => {
			changes.push(after.papers.find((paper) => paper.id === id)?.checked ? "ticked" : "unticked");
		});
		const fromDisk = index.updateInSlices("Big.md", big);
		// The user ticks a box in the editor while the disk text is still being parsed.
		index.update("Big.md", edited);
		const result = await fromDisk;
		expect(result.papers.find((paper) => paper.id === id)?.checked).toBe(true);
		expect(index.get("Big.md")?.papers.find((paper) => paper.id === id)?.checked).toBe(true);
		expect(changes).toEqual(["ticked"]);
	});

	it("keeps the newer of two texts parsed in slices at once, whichever ends first", async () => {
		// Before: both parses started at the same version; the older ended first and was stored, and the newer one,
		// seeing the version changed, was thrown away (two changes on disk in a row left the index on the first).
		const app = createApp();
		const index = new CatalogueIndex(app);
		const second = `${big}\n- [ ] [Second added](https://example.org/second)\n`;
		const first = index.updateInSlices("Big.md", `${big}\n- [ ] [First added](https://example.org/first)\n`);
		const newer = index.updateInSlices("Big.md", second);
		await Promise.all([first, newer]);
		expect(index.textOf("Big.md")).toBe(second);
		expect(index.get("Big.md")?.papers.at(-1)?.title).toBe("Second added");
	});

	it("stores nothing for a note it forgot while parsing it, nor after it is disposed", async () => {
		const app = createApp();
		const index = new CatalogueIndex(app);
		const parsing = index.updateInSlices("Big.md", big);
		index.forget("Big.md");
		await parsing;
		expect(index.has("Big.md")).toBe(false);
		index.dispose();
		await index.updateInSlices("Other.md", big);
		expect(index.paths()).toEqual([]);
	});
});
