import { describe, expect, it } from "vitest";
import { readProperties } from "../../src/notes/front-matter";
import type { SyncSettings } from "../../src/sync/plan";
import { sync, type SyncRequest } from "../../src/sync/sync";
import { EXAMPLE_PATH, EXAMPLE_TEXT } from "../support/example";
import { MemoryVault } from "../support/memory-vault";

const settings: SyncSettings = { notesFolder: "Papers", fileNameFormat: "{{title}}", dateFormat: "yyyy-MM-dd", linkStyle: "wikilink" };
const request: SyncRequest = { cataloguePath: EXAMPLE_PATH, settings, templatePath: "", today: new Date(2026, 10, 26) };

/** Notes in the folder, each paired with the catalogue item that links it. */
function linkedNotes(vault: MemoryVault): { notes: string[]; links: string[] } {
	const notes = [...vault.files.keys()].filter((path) => path.startsWith("Papers/"));
	const links = [...(vault.files.get(EXAMPLE_PATH) ?? "").matchAll(/\[\[(Papers\/[^|\]]+)\|notes\]\]/g)].map((match) => `${match[1] ?? ""}.md`);
	return { notes, links };
}

describe("a write that fails part-way through the example's sync", () => {
	// Writes: 1 folder, 60 notes, 1 catalogue edit.
	it.each(Array.from({ length: 62 }, (_, i) => i + 1))("write %i fails: the run says which papers, nothing is half-done, the next run completes", async (k) => {
		const vault = new MemoryVault({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
		vault.failOn = (write) => write === k;
		const report = await sync(vault, request);
		expect(report.errors.length).toBeGreaterThan(0);
		expect(report.errors.some((error) => error.message.includes("simulated failure"))).toBe(true);
		// Papers that could not be done are named (a failed folder blocks every note in it).
		for (const error of report.errors) expect(error.paperIds.length > 0 || error.path === "Papers").toBe(true);

		const { notes, links } = linkedNotes(vault);
		// Every link in the catalogue points at a note that exists, and every note is whole.
		for (const link of links) expect(notes).toContain(link);
		for (const note of notes) {
			const text = vault.files.get(note) ?? "";
			expect(readProperties(text)?.title).toEqual(expect.any(String));
			expect(text).toContain("\n## Review\n");
		}
		const catalogue = vault.files.get(EXAMPLE_PATH) ?? "";
		expect(catalogue.replace(/ \[\[Papers\/[^\]]*?\|notes\]\]/g, "")).toBe(EXAMPLE_TEXT);

		vault.failOn = () => false;
		const second = await sync(vault, request);
		expect(second.errors).toEqual([]);
		const after = linkedNotes(vault);
		expect(after.notes).toHaveLength(60);
		expect(new Set(after.links).size).toBe(60);
		expect(after.links).toHaveLength(60);
		const third = await sync(vault, request);
		expect([third.created.length, third.linked]).toEqual([0, 0]);
	});
});

describe("the user edits the catalogue between plan and apply", () => {
	it("keeps their edit and still links every item", async () => {
		const vault = new MemoryVault({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
		const process = vault.process.bind(vault);
		// Just before our edit lands, the user ticks a box and adds a line at the top.
		vault.process = (path, edit) => {
			const current = vault.files.get(path) ?? "";
			vault.files.set(path, `My reading plan\n\n${current.replace("- - [ ] [Chimera", "- - [x] [Chimera")}`);
			return process(path, edit);
		};
		const report = await sync(vault, request);
		expect(report.errors).toEqual([]);
		expect(report.linked).toBe(60);
		const catalogue = vault.files.get(EXAMPLE_PATH) ?? "";
		expect(catalogue.startsWith("My reading plan\n\n")).toBe(true);
		expect(catalogue).toContain("- - [x] [Chimera: Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines [SC’21, Best Paper finalist\\]](https://arxiv.org/pdf/2107.06925.pdf) [[Papers/");
		expect(linkedNotes(vault).links).toHaveLength(60);
	});

	it("reports items that vanished meanwhile, and links the rest", async () => {
		const vault = new MemoryVault({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
		const process = vault.process.bind(vault);
		vault.process = (path, edit) => {
			const current = vault.files.get(path) ?? "";
			vault.files.set(path, current.replace(/^.*Scaling Vision Transformers.*\n/m, ""));
			return process(path, edit);
		};
		const report = await sync(vault, request);
		expect(report.linked).toBe(59);
		expect(report.errors).toHaveLength(1);
		expect(report.errors[0]?.message).toContain("changed before it could be linked");
	});
});
