import { describe, expect, it } from "vitest";
import { parseCatalogue } from "../../src/catalogue/parse";
import { readProperties } from "../../src/notes/front-matter";
import { TemplateError } from "../../src/notes/template";
import { progressOf } from "../../src/progress/completion";
import { PlanError, type SyncSettings } from "../../src/sync/plan";
import { planSync, sync, type SyncRequest } from "../../src/sync/sync";
import { EXAMPLE_PATH, EXAMPLE_TEXT } from "../support/example";
import { MemoryVault } from "../support/memory-vault";

const settings: SyncSettings = { notesFolder: "Papers", fileNameFormat: "{{title}}", dateFormat: "yyyy-MM-dd", linkStyle: "wikilink" };
const today = new Date(2026, 10, 26);

function request(overrides: Partial<SyncRequest> = {}): SyncRequest {
	return { cataloguePath: EXAMPLE_PATH, settings, templatePath: "", today, ...overrides };
}

function exampleVault(): MemoryVault {
	return new MemoryVault({ [EXAMPLE_PATH]: EXAMPLE_TEXT });
}

/** The catalogue with every inserted note link taken out again. */
function withoutInsertedLinks(text: string): string {
	return text.replace(/ \[\[Papers\/[^\]]*?\|notes\]\]/g, "").replace(/ \[notes\]\(Papers\/[^)]*?\)/g, "");
}

describe("sync on the example catalogue", () => {
	it("creates 60 notes and links 60 items on the first run", async () => {
		const vault = exampleVault();
		const report = await sync(vault, request());
		expect(report.errors).toEqual([]);
		expect(report.conflicts).toEqual([]);
		expect(report.created).toHaveLength(60);
		expect(report.linked).toBe(60);
		expect(report.created.every((path) => path.startsWith("Papers/") && path.endsWith(".md"))).toBe(true);
		expect(new Set(report.created).size).toBe(60);
	});

	it("only inserts into the catalogue: removing the links gives the original bytes", async () => {
		const vault = exampleVault();
		await sync(vault, request());
		const after = vault.files.get(EXAMPLE_PATH) ?? "";
		expect(after).not.toBe(EXAMPLE_TEXT);
		expect(withoutInsertedLinks(after)).toBe(EXAMPLE_TEXT);
		expect(after).toContain("- - [x] [SysML: The New Frontier of Machine Learning Systems](https://arxiv.org/abs/1904.03257) [[Papers/SysML - The New Frontier of Machine Learning Systems|notes]]\n");
	});

	it("does not change how the catalogue parses", async () => {
		const vault = exampleVault();
		await sync(vault, request());
		const before = parseCatalogue(EXAMPLE_TEXT);
		const after = parseCatalogue(vault.files.get(EXAMPLE_PATH) ?? "");
		const view = (papers: typeof before.papers) => papers.map((p) => [p.id, p.title, p.url, p.annotation, p.checked, p.group, p.sectionIndex, p.venue, p.year, p.award]);
		expect(view(after.papers)).toEqual(view(before.papers));
		expect(progressOf(after)).toEqual(progressOf(before));
		expect(after.papers.every((paper) => paper.noteLinks.length === 1)).toBe(true);
	});

	it("is a no-op the second time: nothing created, nothing linked, no byte changed", async () => {
		const vault = exampleVault();
		await sync(vault, request());
		const snapshot = vault.snapshot();
		const writes = vault.writes.length;
		const report = await sync(vault, request({ today: new Date(2027, 0, 1) }));
		expect(report).toMatchObject({ created: [], linked: 0, unchanged: 60, errors: [], conflicts: [] });
		expect(vault.snapshot()).toEqual(snapshot);
		expect(vault.writes.length).toBe(writes);
	});

	it("never touches a note the user edited between runs", async () => {
		const vault = exampleVault();
		const first = await sync(vault, request());
		const path = first.created[0] ?? "";
		const edited = `${vault.files.get(path) ?? ""}\nMy own review, hours of work.\n`;
		vault.files.set(path, edited);
		await sync(vault, request());
		expect(vault.files.get(path)).toBe(edited);
	});

	it("recreates only a deleted note, at the path its catalogue link names", async () => {
		const vault = exampleVault();
		const first = await sync(vault, request());
		const deleted = first.created[7] ?? "";
		vault.files.delete(deleted);
		const catalogue = vault.files.get(EXAMPLE_PATH);
		const report = await sync(vault, request());
		expect(report.created).toEqual([deleted]);
		expect(report.linked).toBe(0);
		expect(vault.files.get(EXAMPLE_PATH)).toBe(catalogue);
	});

	it("keeps progress at 14/60 after syncing", async () => {
		const vault = exampleVault();
		await sync(vault, request());
		const progress = progressOf(parseCatalogue(vault.files.get(EXAMPLE_PATH) ?? ""));
		expect([progress.done, progress.total]).toEqual([14, 60]);
	});

	it("writes each note from the review template with round-tripping properties", async () => {
		const vault = exampleVault();
		await sync(vault, request());
		const note = vault.files.get("Papers/Chimera - Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines.md") ?? "";
		expect(readProperties(note)).toEqual({
			title: "Chimera: Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines",
			url: "https://arxiv.org/pdf/2107.06925.pdf",
			catalogue: "[[CS294 AI-Systems]]",
			section: "4. Distributed deep learning, Part I: Systems",
			group: "required",
			// Chimera is the example's 18th paper: the base sorts by it.
			rank: 18,
			venue: "SC",
			year: 2021,
			// Filled by a look-up of the paper's details when that is on; empty, not missing, without it.
			authors: null,
			published: null,
			doi: null,
			arxiv: null,
			pdf: null,
			citekey: null,
			status: "unread",
			added: "2026-11-26",
			read: null,
			rating: null,
			tags: ["paper"],
		});
		expect(note).toContain("Listed in [[CS294 AI-Systems#4. Distributed deep learning, Part I Systems|4. Distributed deep learning, Part I: Systems]]");
		for (const section of ["Summary", "Problem and motivation", "Key ideas", "Evaluation", "Strengths", "Weaknesses", "Questions for discussion", "Connections"]) {
			expect(note).toContain(`\n## ${section}\n`);
		}
	});

	it("gives each note its paper's place in the catalogue as rank, so a base can sort in catalogue order", async () => {
		const vault = exampleVault();
		const report = await sync(vault, request());
		const catalogue = parseCatalogue(vault.files.get(EXAMPLE_PATH) ?? "");
		const byNote = catalogue.papers.map((paper) => {
			const target = paper.insertedLinks[0] ?? "";
			return readProperties(vault.files.get(`${target}.md`) ?? "")?.rank;
		});
		// Every paper of the example is listed once: its rank is its position, 1 to 60.
		expect(byNote).toEqual(catalogue.papers.map((_paper, i) => i + 1));
		expect(report.created).toHaveLength(60);
	});

	it("writes no rank into a note that exists already", async () => {
		const vault = exampleVault();
		await sync(vault, request());
		const sysml = "Papers/SysML - The New Frontier of Machine Learning Systems.md";
		const mine = (vault.files.get(sysml) ?? "").replace(/^rank: 1\n/m, "");
		expect(readProperties(mine)).not.toHaveProperty("rank");
		vault.files.set(sysml, mine);
		await sync(vault, request());
		expect(vault.files.get(sysml)).toBe(mine);
	});

	it("ranks a paper added later between its neighbours, so the base keeps catalogue order without rewriting notes", async () => {
		const vault = exampleVault();
		await sync(vault, request());
		const text = vault.files.get(EXAMPLE_PATH) ?? "";
		// One paper before the first, one between the second and the third, one at the end.
		const lines = text.split("\n");
		const items = lines.flatMap((line, i) => (/^\s*- (?:- )?\[[ x]\] /.test(line) || /^\s*- \[/.test(line) ? [i] : []));
		const [first = 0, , third = 0] = items;
		const added = (name: string): string => `- [ ] [${name}](https://example.org/${name.replace(/ /g, "-")})`;
		lines.splice(third, 0, added("Between two"));
		lines.splice(first, 0, added("Before all"));
		lines.push(added("After all"));
		vault.files.set(EXAMPLE_PATH, lines.join("\n"));
		const before = new Map(vault.files);
		const report = await sync(vault, request());
		expect(report.created).toHaveLength(3);
		// No note that existed was written.
		for (const [path, content] of before) if (path !== EXAMPLE_PATH) expect(vault.files.get(path)).toBe(content);
		const catalogue = parseCatalogue(vault.files.get(EXAMPLE_PATH) ?? "");
		const ranks = catalogue.papers.map((paper) => readProperties(vault.files.get(`${paper.insertedLinks[0] ?? ""}.md`) ?? "")?.rank as number);
		// Strictly increasing in catalogue order: sorting by rank is catalogue order.
		for (let i = 1; i < ranks.length; i++) expect(ranks[i], catalogue.papers[i]?.title).toBeGreaterThan(ranks[i - 1] ?? 0);
	});

	it("starts notes of papers the catalogue already ticks as read", async () => {
		const vault = exampleVault();
		const report = await sync(vault, request());
		const statuses = report.created.map((path) => readProperties(vault.files.get(path) ?? "")?.status);
		expect(statuses.filter((status) => status === "read")).toHaveLength(14);
		expect(statuses.filter((status) => status === "unread")).toHaveLength(46);
		expect(readProperties(vault.files.get("Papers/SysML - The New Frontier of Machine Learning Systems.md") ?? "")?.status).toBe("read");
	});

	it("writes markdown links when the vault prefers them", async () => {
		const vault = exampleVault();
		await sync(vault, request({ settings: { ...settings, linkStyle: "markdown" } }));
		const after = vault.files.get(EXAMPLE_PATH) ?? "";
		expect(after).toContain("[notes](Papers/SysML%20-%20The%20New%20Frontier%20of%20Machine%20Learning%20Systems.md)");
		expect(withoutInsertedLinks(after)).toBe(EXAMPLE_TEXT);
		const again = await sync(vault, request({ settings: { ...settings, linkStyle: "markdown" } }));
		expect([again.created.length, again.linked]).toEqual([0, 0]);
	});
});

describe("identity", () => {
	it("finds an existing note by its url property, whatever the URL's spelling", async () => {
		const vault = new MemoryVault({
			"Catalogue.md": "- [ ] [Attention Is All You Need](https://arxiv.org/pdf/1706.03762v5.pdf)\n",
			"Papers/Deep/My attention notes.md": "---\nurl: http://www.arxiv.org/abs/1706.03762/\n---\nmine\n",
		});
		const report = await sync(vault, request({ cataloguePath: "Catalogue.md" }));
		expect(report.created).toEqual([]);
		expect(vault.files.get("Catalogue.md")).toBe("- [ ] [Attention Is All You Need](https://arxiv.org/pdf/1706.03762v5.pdf) [[Papers/Deep/My attention notes|notes]]\n");
	});

	it("gives a paper listed twice one note and links both places", async () => {
		const text = "## A\n\n- [ ] [Paper](https://arxiv.org/abs/2101.00001)\n\n## B\n\n- [x] [Paper](https://arxiv.org/pdf/2101.00001v2.pdf)\n";
		const vault = new MemoryVault({ "Catalogue.md": text });
		const report = await sync(vault, request({ cataloguePath: "Catalogue.md" }));
		expect(report.created).toEqual(["Papers/Paper.md"]);
		expect(report.linked).toBe(2);
		expect(vault.files.get("Papers/Paper.md")).toContain("Listed in [[Catalogue#A|A]], [[Catalogue#B|B]]");
	});

	it("gives two different papers with one title distinct names, the same on every run", async () => {
		const text = "- [ ] [Deep learning](https://example.org/a)\n- [ ] [Deep learning](https://example.org/b)\n";
		const first = new MemoryVault({ "Catalogue.md": text });
		const second = new MemoryVault({ "Catalogue.md": text });
		const a = await sync(first, request({ cataloguePath: "Catalogue.md" }));
		const b = await sync(second, request({ cataloguePath: "Catalogue.md" }));
		expect(a.created).toEqual(["Papers/Deep learning.md", "Papers/Deep learning (2).md"]);
		expect(b.created).toEqual(a.created);
	});

	it("does not adopt a same-named note about another paper", async () => {
		const vault = new MemoryVault({
			"Catalogue.md": "- [ ] [Deep learning](https://example.org/a)\n",
			"Papers/Deep learning.md": "---\nurl: https://example.org/other\n---\n",
		});
		const report = await sync(vault, request({ cataloguePath: "Catalogue.md" }));
		expect(report.created).toEqual(["Papers/Deep learning (2).md"]);
		expect(vault.files.get("Papers/Deep learning.md")).toBe("---\nurl: https://example.org/other\n---\n");
	});

	it("leaves a same-named note of the user's alone, and makes the paper's note beside it", async () => {
		// Before: a note that merely had the name was taken for the paper's note, and ticking wrote into it.
		const vault = new MemoryVault({ "Catalogue.md": "- [ ] [Deep learning](https://example.org/a)\n", "Papers/Deep learning.md": "my notes" });
		const report = await sync(vault, request({ cataloguePath: "Catalogue.md" }));
		expect(report).toMatchObject({ created: ["Papers/Deep learning (2).md"], linked: 1 });
		expect(vault.files.get("Papers/Deep learning.md")).toBe("my notes");
		expect(vault.files.get("Catalogue.md")).toBe("- [ ] [Deep learning](https://example.org/a) [[Papers/Deep learning (2)|notes]]\n");
	});

	it("adopts a same-named note whose properties name the paper, and leaves it untouched", async () => {
		const note = '---\ntitle: "Deep learning"\n---\nmy notes';
		const vault = new MemoryVault({ "Catalogue.md": "- [ ] [Deep learning](https://example.org/a)\n", "Papers/Deep learning.md": note });
		const report = await sync(vault, request({ cataloguePath: "Catalogue.md" }));
		expect(report).toMatchObject({ created: [], linked: 1 });
		expect(vault.files.get("Papers/Deep learning.md")).toBe(note);
	});

	it("never takes a note the user links in an item for the paper's note", async () => {
		const text = "- [ ] [Attention Is All You Need](https://arxiv.org/abs/1706.03762) background: [[Transformers]]\n";
		const concept = "---\ntags: [concept]\n---\nTransformers are…\n";
		const vault = new MemoryVault({ "Catalogue.md": text, "Concepts/Transformers.md": concept });
		const report = await sync(vault, request({ cataloguePath: "Catalogue.md" }));
		expect(report).toMatchObject({ created: ["Papers/Attention Is All You Need.md"], linked: 1, conflicts: [] });
		expect(vault.files.get("Concepts/Transformers.md")).toBe(concept);
		expect(vault.files.get("Catalogue.md")).toBe(text.replace("\n", " [[Papers/Attention Is All You Need|notes]]\n"));
		// And the run after changes nothing.
		const again = await sync(vault, request({ cataloguePath: "Catalogue.md" }));
		expect(again).toMatchObject({ created: [], linked: 0, unchanged: 1 });
	});

	it("takes a note the user links for the paper's note when its url is the paper's, and adds no second link", async () => {
		const text = "- [ ] [Attention Is All You Need](https://arxiv.org/abs/1706.03762) my notes: [[Reading/Attention]]\n";
		const note = "---\nurl: https://arxiv.org/pdf/1706.03762v7.pdf\n---\n";
		const vault = new MemoryVault({ "Catalogue.md": text, "Reading/Attention.md": note });
		const report = await sync(vault, request({ cataloguePath: "Catalogue.md" }));
		expect(report).toMatchObject({ created: [], linked: 0, unchanged: 1 });
		expect(vault.files.get("Catalogue.md")).toBe(text);
	});

	it("a related paper's note linked in an item is the user's text, not a conflict", async () => {
		const text = "- [ ] [BERT](https://arxiv.org/abs/1810.04805) builds on [[Papers/Attention]]\n";
		const note = "---\nurl: https://arxiv.org/abs/1706.03762\n---\n";
		const vault = new MemoryVault({ "Catalogue.md": text, "Papers/Attention.md": note });
		const report = await sync(vault, request({ cataloguePath: "Catalogue.md" }));
		expect(report).toMatchObject({ created: ["Papers/BERT.md"], linked: 1, conflicts: [] });
		expect(vault.files.get("Papers/Attention.md")).toBe(note);
	});

	it("reports a conflict when an item links a note about another paper, and leaves both alone", async () => {
		const text = "- [ ] [A](https://example.org/a) [[Papers/B|notes]]\n";
		const vault = new MemoryVault({ "Catalogue.md": text, "Papers/B.md": "---\nurl: https://example.org/b\n---\n" });
		const report = await sync(vault, request({ cataloguePath: "Catalogue.md" }));
		expect(report.conflicts).toHaveLength(1);
		expect(report.conflicts[0]?.reason).toContain("Papers/B.md");
		expect(report.created).toEqual([]);
		expect(vault.files.get("Catalogue.md")).toBe(text);
	});

	it("creates missing nested folders", async () => {
		const vault = new MemoryVault({ "Catalogue.md": "- [ ] [A](https://example.org/a)\n" });
		const report = await sync(vault, request({ cataloguePath: "Catalogue.md", settings: { ...settings, notesFolder: "Reading/2026/Papers" } }));
		expect(report.created).toEqual(["Reading/2026/Papers/A.md"]);
		expect([...vault.folders].sort()).toEqual(["Reading", "Reading/2026", "Reading/2026/Papers"]);
	});
});

describe("bad settings are refused before anything is written", () => {
	it.each([
		["an unknown placeholder", "Template.md", "---\ntitle: {{titel}}\n---\n", /\{\{titel\}\}.*valid placeholders are \{\{title\}\}/],
		["an invalid date format", "Template.md", "Added {{date:YYYY-MM-DD}}\n", /use yyyy/],
		["broken YAML", "Template.md", "---\ntitle: [\n---\n", /not valid YAML/],
	])("a template with %s", async (_name, path, template, message) => {
		const vault = exampleVault();
		vault.seed(path, template);
		const before = vault.snapshot();
		await expect(sync(vault, request({ templatePath: path }))).rejects.toThrow(TemplateError);
		await expect(sync(vault, request({ templatePath: path }))).rejects.toThrow(message);
		expect(vault.snapshot()).toEqual(before);
		expect(vault.writes).toEqual([]);
	});

	it.each([
		["a notes folder that is a file", { notesFolder: "Papers" }, "Papers"],
		["a notes folder outside the vault", { notesFolder: "../outside" }, null],
		["an invalid date format", { dateFormat: "DD/MM/YYYY" }, null],
		["an unknown placeholder in the file-name format", { fileNameFormat: "{{year}} {{name}}" }, null],
	])("%s", async (_name, overrides, fileAt) => {
		const vault = exampleVault();
		if (fileAt) vault.seed(fileAt, "I am a file");
		await expect(sync(vault, request({ settings: { ...settings, ...overrides } }))).rejects.toSatisfy((error) => error instanceof PlanError || error instanceof TemplateError);
		expect(vault.writes).toEqual([]);
	});

	it("a template note that does not exist", async () => {
		await expect(planSync(exampleVault(), request({ templatePath: "Templates/Paper.md" }))).rejects.toThrow('The template note "Templates/Paper.md" does not exist.');
	});
});

describe("custom templates", () => {
	it("fills every placeholder, keeps the values' types and adds the properties sync relies on", async () => {
		const template = [
			"---",
			"title: {{title}}",
			"published: {{year}}",
			'where: "{{venue}}, {{year}}"',
			"prize: {{award}}",
			"---",
			"# {{title}}",
			"{{url}} · {{section}} · {{group}} · {{catalogue}} · {{date}} · {{date:d MMMM yyyy}}",
			"{{annotation}}",
			"",
		].join("\n");
		const vault = exampleVault();
		vault.seed("Templates/Paper.md", template);
		await sync(vault, request({ templatePath: "Templates/Paper.md" }));
		const note = vault.files.get("Papers/Gemmini - Enabling Systematic Deep-Learning Architecture Evaluation via Full-Stack Integration.md") ?? "";
		expect(readProperties(note)).toEqual({
			title: "Gemmini: Enabling Systematic Deep-Learning Architecture Evaluation via Full-Stack Integration",
			published: 2021,
			where: "DAC, 2021",
			prize: "Best Paper Award",
			url: "https://people.eecs.berkeley.edu/~ysshao/assets/papers/genc2021-dac.pdf",
			catalogue: "[[CS294 AI-Systems]]",
			// Gemmini is ticked in the catalogue.
			status: "read",
			read: null,
			// The template has no group: the rank comes last.
			rank: 15,
		});
		expect(note).toContain("# Gemmini: Enabling Systematic Deep-Learning Architecture Evaluation via Full-Stack Integration\nhttps://people.eecs.berkeley.edu/~ysshao/assets/papers/genc2021-dac.pdf · 3. Hardware for Machine Learning · required · [[CS294 AI-Systems]] · 2026-11-26 · 26 November 2026\n");
	});
});

describe("a note moved or renamed outside Obsidian", () => {
	it("is found again by its url: no second note", async () => {
		const vault = exampleVault();
		await sync(vault, request());
		const from = "Papers/Scaling Vision Transformers.md";
		const text = vault.files.get(from) ?? "";
		vault.files.delete(from);
		vault.seed("Papers/Vision/ViT scaling.md", text);
		const report = await sync(vault, request());
		expect(report.created).toEqual([]);
		expect(report.linked).toBe(1);
		expect(vault.files.get(EXAMPLE_PATH)).toContain("[[Papers/Vision/ViT scaling|notes]]");
	});
});

describe("planning in slices", () => {
	it("yields through the pause on a long catalogue and plans exactly what an unsliced run plans", async () => {
		const { generateCatalogue } = await import("../../bench/generate");
		const text = generateCatalogue({ papers: 400, seed: 11 });
		expect(text.length).toBeGreaterThan(50_000);
		const sliced = new MemoryVault({ "Big.md": text });
		const whole = new MemoryVault({ "Big.md": text });
		let pauses = 0;
		const pause = (): Promise<void> => {
			pauses += 1;
			return new Promise((resolve) => setImmediate(resolve));
		};
		const a = await planSync(sliced, request({ cataloguePath: "Big.md", pause }));
		const b = await planSync(whole, request({ cataloguePath: "Big.md" }));
		expect(pauses).toBeGreaterThan(0);
		expect(a).toEqual(b);
		expect(a.create.length).toBeGreaterThan(300);
	});
});
