/**
 * Hostile catalogues through the core: `parseCatalogue`, then `planSync`/`sync` over the in-memory
 * vault and over `FileSystemVault` on a temp folder. Each case says what the user gets and checks
 * that nothing else in the vault changed. Pathological inputs are checked for what they give, not
 * for how fast: each is small enough to stay far from vitest's timeout on a slow machine, and their
 * timing (a 5 MB line in well under a second) lives in the bench (`npm run bench`).
 */
import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_LINE_LENGTH } from "../../src/catalogue/chunks";
import type { Catalogue } from "../../src/catalogue/model";
import { parseCatalogue } from "../../src/catalogue/parse";
import { FileSystemVault } from "../../src/node/fs-note-vault";
import { VaultError } from "../../src/node/fs-vault";
import { MAX_FILE_NAME_BYTES } from "../../src/notes/file-name";
import { readProperties } from "../../src/notes/front-matter";
import { TemplateError } from "../../src/notes/template";
import { insertLinks, PlanError } from "../../src/sync/plan";
import { planSync, sync } from "../../src/sync/sync";
import { MemoryVault } from "../support/memory-vault";
import { CATALOGUE, expectNothingOutside, expectSameTree, fixture, fixtureBytes, INSERTED_LINK, request, tempVault, titles, tree, type TempVault } from "./helpers";

let temp: TempVault | undefined;
afterEach(async () => {
	await temp?.remove();
	temp = undefined;
});

/** Checks every paper's positions against the text: inside it, and the checkbox where it says. */
function expectSanePositions(catalogue: Catalogue, text: string): void {
	for (const paper of catalogue.papers) {
		expect(paper.range.start.offset).toBeGreaterThanOrEqual(0);
		expect(paper.range.start.offset).toBeLessThanOrEqual(paper.range.end.offset);
		expect(paper.range.end.offset).toBeLessThanOrEqual(text.length);
		if (paper.checkboxOffset !== undefined) expect(" xX").toContain(text[paper.checkboxOffset]);
		expect(paper.linkOffset).toBeGreaterThanOrEqual(paper.range.start.offset);
		expect(paper.linkOffset).toBeLessThanOrEqual(paper.range.end.offset);
	}
}

/** Syncs `text` through the in-memory vault and through the disk; returns what each reported. */
async function syncBoth(text: string, extra: Record<string, string> = {}) {
	const memory = new MemoryVault({ [CATALOGUE]: text, ...extra });
	const memoryReport = await sync(memory, request());
	temp = await tempVault({ [CATALOGUE]: text, ...extra });
	const diskReport = await sync(new FileSystemVault(temp.vault), request());
	await expectNothingOutside(temp);
	expect(diskReport).toEqual(memoryReport);
	return { memory, report: memoryReport, disk: temp };
}

describe("catalogues with nothing to sync: a sane empty result, and not one byte written", () => {
	const cases: [string, string, number][] = [
		["an empty file", fixture("empty.md"), 0],
		["only front matter (a fake item inside it)", fixture("front-matter-only.md"), 0],
		["headings but no papers", fixture("headings-no-papers.md"), 4],
		["only blank lines and whitespace", " \n\t\n\r\n\u00A0\u2028\n", 0],
	];
	it.each(cases)("%s", async (_name, text, headings) => {
		const catalogue = parseCatalogue(text);
		expect(catalogue.papers).toEqual([]);
		expect(catalogue.sections).toEqual([]);
		expect(catalogue.headings).toHaveLength(headings);

		const memory = new MemoryVault({ [CATALOGUE]: text });
		const before = memory.snapshot();
		const report = await sync(memory, request());
		expect(report).toEqual({ created: [], linked: 0, unchanged: 0, conflicts: [], errors: [] });
		expect(memory.writes).toEqual([]);
		expect(memory.snapshot()).toEqual(before);

		temp = await tempVault({ [CATALOGUE]: text });
		const disk = await tree(temp.vault);
		expect(await sync(new FileSystemVault(temp.vault), request())).toEqual(report);
		expectSameTree(await tree(temp.vault), disk);
		await expectNothingOutside(temp);
	});

	it.each([
		["binary bytes", fixtureBytes("binary.md"), /"Catalogue\.md" is not a text file \(it contains NUL bytes\)/],
		["invalid UTF-8", fixtureBytes("invalid-utf8.md"), /"Catalogue\.md" is not a text file \(it is not valid UTF-8\)/],
	])("%s: parsed as decoded text they give no fake papers; on disk the sync refuses the file", async (_name, bytes, message) => {
		const decoded = new TextDecoder().decode(bytes);
		const catalogue = parseCatalogue(decoded);
		expectSanePositions(catalogue, decoded);
		expect(catalogue.papers.every((paper) => !paper.url?.includes("fake.example"))).toBe(true);

		temp = await tempVault({ [CATALOGUE]: bytes });
		const disk = await tree(temp.vault);
		const error = await sync(new FileSystemVault(temp.vault), request()).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(VaultError);
		expect((error as VaultError).code).toBe("not-text");
		expect((error as Error).message).toMatch(message);
		expectSameTree(await tree(temp.vault), disk);
		await expectNothingOutside(temp);
	});

	it("lone surrogates, NUL and control characters in a string never break the parse", () => {
		for (const text of ["\uD800", "\uDFFF- [ ] [a\uD800](https://example.org/x)", "\u0000\u0001\u001B[31m", "- [ ] [\u0000](https://example.org/nul)\n"]) {
			const catalogue = parseCatalogue(text);
			expectSanePositions(catalogue, text);
		}
	});
});

describe("catalogue shapes", () => {
	it("no headings: the papers form one section, and each gets a note", async () => {
		const text = fixture("no-headings.md");
		const catalogue = parseCatalogue(text);
		expect(titles(catalogue)).toEqual(["Attention Is All You Need", "Deep Residual Learning for Image Recognition", "A paper with no link at all"]);
		expect(catalogue.sections.map((section) => section.title)).toEqual(["All papers"]);
		const { memory, report } = await syncBoth(text);
		expect(report.created).toEqual(["Papers/Attention Is All You Need.md", "Papers/Deep Residual Learning for Image Recognition.md", "Papers/A paper with no link at all.md"]);
		expect(report.linked).toBe(3);
		expect((memory.files.get(CATALOGUE) ?? "").replace(INSERTED_LINK, "")).toBe(text);
	});

	it("CRLF line ends and mixed tabs: titles read, checkboxes found, line ends kept", async () => {
		const text = fixture("crlf-tabs.md");
		expect(text).toContain("\r\n");
		const catalogue = parseCatalogue(text);
		// A task under a task is an item of its own, done by its own box, as everywhere else.
		expect(titles(catalogue)).toEqual(["First paper", "Second paper", "Nested with a tab", "Mixed indent", "Bare LF line", "In a table"]);
		expect(catalogue.papers.map((paper) => paper.checked)).toEqual([false, true, false, true, false, false]);
		expect(catalogue.papers.map((paper) => text[paper.checkboxOffset ?? -1])).toEqual([" ", "x", " ", "X", " ", " "]);
		expect(catalogue.papers[1]?.details).toEqual([]);
		expectSanePositions(catalogue, text);

		const { memory, disk } = await syncBoth(text);
		const after = memory.files.get(CATALOGUE) ?? "";
		expect(after.replace(INSERTED_LINK, "")).toBe(text);
		// A link goes before the line end, never between CR and LF.
		expect(after).not.toMatch(/\r[^\n]/);
		expect(after.split("\r\n")).toHaveLength(text.split("\r\n").length);
		expect(await readFile(path.join(disk.vault, CATALOGUE), "utf8")).toBe(after);
	});

	it("a byte order mark: front matter still found, positions still right, the mark kept", async () => {
		const text = "\uFEFF---\ntitle: x\n---\n- [ ] [First](https://example.org/1)\n- [x] [Second](https://example.org/2)\n";
		const catalogue = parseCatalogue(text);
		// Before the fix the mark hid the front matter (read as a heading "title: x") and put every
		// position one character early: the inserted link went inside the URL, `(https://example.org/1 [[…]])`.
		expect(catalogue.headings).toEqual([]);
		expect(titles(catalogue)).toEqual(["First", "Second"]);
		expect(catalogue.papers.map((paper) => text[paper.checkboxOffset ?? 0])).toEqual([" ", "x"]);
		expectSanePositions(catalogue, text);
		const vault = new MemoryVault({ [CATALOGUE]: text });
		await sync(vault, request());
		expect(vault.files.get(CATALOGUE)).toBe(
			"\uFEFF---\ntitle: x\n---\n- [ ] [First](https://example.org/1) [[Papers/First|notes]]\n- [x] [Second](https://example.org/2) [[Papers/Second|notes]]\n",
		);

		temp = await tempVault({ [CATALOGUE]: text });
		await sync(new FileSystemVault(temp.vault), request());
		const bytes = await readFile(path.join(temp.vault, CATALOGUE));
		expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
		expect(bytes.toString("utf8")).toBe(vault.files.get(CATALOGUE));
	});

	it("code fences, HTML blocks, comments, processing instructions, declarations and CDATA hide their fake items", async () => {
		const text = fixture("fake-items.md");
		const catalogue = parseCatalogue(text);
		// Before the fix a blank line inside `<?php … ?>`, `<!DOCTYPE … >` or `<![CDATA[ … ]]>` let the
		// chunker cut there, and the fake heading and item after it were read as real.
		expect(catalogue.headings.map((heading) => heading.text)).toEqual(["Real papers", "More real papers"]);
		expect(titles(catalogue)).toEqual(["Real paper one", "Real paper two", "Real paper three, with - [ ] [fake in inline code](https://fake.example/code)", "Real paper four"]);
		expect(catalogue.papers.every((paper) => paper.url === undefined || paper.url.startsWith("https://real.example/"))).toBe(true);
		expectSanePositions(catalogue, text);

		const { memory, report } = await syncBoth(text);
		expect(report.created).toHaveLength(4);
		expect(report.created.some((created) => /fake/i.test(created) && !/inline code/.test(created))).toBe(false);
		expect((memory.files.get(CATALOGUE) ?? "").replace(INSERTED_LINK, "")).toBe(text);
	});
});

describe("the shapes of real course pages, synced", () => {
	const shapeText = (name: string): string => readFileSync(new URL(`../fixtures/shapes/${name}.md`, import.meta.url), "utf8");

	it.each([["kramdown-course", 9], ["progress-checklist", 12], ["schedule-lines", 6], ["glued-comments", 7]])(
		"%s: every paper gets its note and a link that reads back; a second run writes nothing",
		async (name, papers) => {
			const text = shapeText(name);
			for (const linkStyle of ["wikilink", "markdown"] as const) {
				const vault = new MemoryVault({ [CATALOGUE]: text });
				const syncRequest = request({ settings: { ...request().settings, linkStyle } });
				const report = await sync(vault, syncRequest);
				expect(report).toMatchObject({ linked: papers, conflicts: [], errors: [] });
				expect(report.created).toHaveLength(papers);
				const after = vault.files.get(CATALOGUE) ?? "";
				// Pure insertion, each link right where the parser said.
				expect(after.replace(INSERTED_LINK, "")).toBe(text);
				const linked = parseCatalogue(after);
				expect(linked.papers.map((paper) => paper.insertedLinks.length)).toEqual(linked.papers.map(() => 1));
				expect(titles(linked)).toEqual(titles(parseCatalogue(text)));
				const writes = vault.writes.length;
				expect(await sync(vault, syncRequest)).toMatchObject({ created: [], linked: 0, unchanged: papers, errors: [] });
				expect(vault.writes.length).toBe(writes);
			}
		},
	);
});

describe("hostile titles", () => {
	const text = fixture("titles.md");
	const longTitle = `${"A long title ".repeat(154)}end`;

	it("are read as written", () => {
		const catalogue = parseCatalogue(text);
		expect(titles(catalogue)).toEqual([
			"",
			longTitle,
			"!!!...???",
			"مقالة عن الأنظمة الموزعة",
			"🦀 Rust 🧪 tests 👩‍🔬",
			"Zero\u200Bwidth\u200Cjoiner\u200Dand\u200Fmarks",
			// `..` is sentence punctuation after nothing: no title is left (the note is "Untitled paper").
			"",
			"CON",
			"#^[]|",
			"---",
			'"a": b',
			"- x",
			"null",
			"2024-01-01",
			"../../etc/passwd",
			"C:\\Windows\\win.ini",
			"{{title}} and $& and $1",
		]);
		expect(longTitle.length).toBeGreaterThan(2000);
		expectSanePositions(catalogue, text);
	});

	it("give safe, unique file names inside the notes folder, and properties that round-trip", async () => {
		const { memory, report, disk } = await syncBoth(text);
		expect(report.errors).toEqual([]);
		expect(report.created).toHaveLength(17);
		expect(new Set(report.created.map((created) => created.toLowerCase())).size).toBe(17);
		for (const created of report.created) {
			expect(created).toMatch(/^Papers\/[^/]+\.md$/);
			const name = created.slice("Papers/".length, -".md".length);
			expect(new TextEncoder().encode(name).length).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
			// eslint-disable-next-line no-control-regex -- control characters must never reach a file name
			expect(name).not.toMatch(/[\\/*?"<>|#^[\]\u0000-\u001F\u200B\u200F]/);
			expect(name).not.toMatch(/^[ .]|[ .]$/);
			expect(name).not.toMatch(/^(?:CON|PRN|AUX|NUL|COM\d|LPT\d)(?:\..*)?$/i);
		}
		expect(report.created).toEqual(
			expect.arrayContaining([
				"Papers/Untitled paper.md",
				"Papers/CON (paper).md",
				"Papers/مقالة عن الأنظمة الموزعة.md",
				"Papers/🦀 Rust 🧪 tests 👩‍🔬.md",
				"Papers/Zerowidth\u200Cjoiner\u200Dandmarks.md",
				"Papers/- x.md",
				"Papers/null.md",
				"Papers/2024-01-01.md",
				"Papers/etc passwd.md",
				"Papers/C - Windows win.ini.md",
				"Papers/{{title}} and $& and $1.md",
			]),
		);
		const catalogue = parseCatalogue(text);
		for (const [index, created] of report.created.entries()) {
			// YAML-looking titles stay strings; nothing in a title adds or breaks a property.
			const properties = readProperties(memory.files.get(created) ?? "");
			expect(properties?.title ?? "").toBe(catalogue.papers[index]?.title);
			expect(properties?.url).toBe(catalogue.papers[index]?.url);
			expect(Object.keys(properties ?? {})).toEqual(["title", "url", "catalogue", "section", "group", "rank", "venue", "year", "authors", "published", "doi", "arxiv", "pdf", "citekey", "status", "added", "read", "rating", "tags"]);
		}
		expect((memory.files.get(CATALOGUE) ?? "").replace(INSERTED_LINK, "")).toBe(text);
		// The same bytes on disk as in memory.
		for (const created of report.created) expect(await readFile(path.join(disk.vault, created), "utf8")).toBe(memory.files.get(created));
	});
});

describe("hostile URLs", () => {
	it("javascript:, data:, vbscript: and mailto: name no paper; spaces and parentheses are kept", async () => {
		const text = fixture("urls.md");
		const catalogue = parseCatalogue(text);
		expect(catalogue.papers.map((paper) => [paper.title, paper.url, paper.canonicalUrl])).toEqual([
			["Script link", "javascript:alert(document.cookie)", undefined],
			["Data link", "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", undefined],
			["Spaces in the URL", "https://example.org/a paper with spaces.pdf", "example.org/a%20paper%20with%20spaces.pdf"],
			["Parentheses in the URL", "https://en.wikipedia.org/wiki/Paxos_(computer_science)", "en.wikipedia.org/wiki/Paxos_(computer_science)"],
			["Encoded parentheses", "https://example.org/a%28b%29", "example.org/a%28b%29"],
			["VBScript link", "VBScript:msgbox(1)", undefined],
			["Mail link", "mailto:someone@example.org", undefined],
		]);
		// A rejected scheme never matches an existing note by URL, even one with the same URL.
		const existing = { "Papers/Old.md": '---\nurl: "javascript:alert(document.cookie)"\n---\nmine\n' };
		const { memory, report } = await syncBoth(text, existing);
		expect(report.created).toHaveLength(7);
		expect(report.created).not.toContain("Papers/Old.md");
		expect(memory.files.get("Papers/Old.md")).toBe(existing["Papers/Old.md"]);
		// The URL is stored as one quoted string: it cannot add properties or markup to the note.
		const script = memory.files.get("Papers/Script link.md") ?? "";
		expect(script).toContain('\nurl: "javascript:alert(document.cookie)"\n');
		expect(readProperties(script)?.url).toBe("javascript:alert(document.cookie)");
		expect((memory.files.get(CATALOGUE) ?? "").replace(INSERTED_LINK, "")).toBe(text);
	});

	it("markdown-style links to notes with spaces and parentheses resolve on the next run", async () => {
		const text = "- [ ] [A (b) c](https://example.org/1)\n- [ ] [50% of (all) things](https://example.org/2)\n";
		const vault = new MemoryVault({ [CATALOGUE]: text });
		const markdown = request({ settings: { ...request().settings, linkStyle: "markdown" } });
		const first = await sync(vault, markdown);
		expect(first.linked).toBe(2);
		expect(vault.files.get(CATALOGUE)).toBe(
			"- [ ] [A (b) c](https://example.org/1) [notes](Papers/A%20%28b%29%20c.md)\n- [ ] [50% of (all) things](https://example.org/2) [notes](Papers/50%25%20of%20%28all%29%20things.md)\n",
		);
		const snapshot = vault.snapshot();
		expect(await sync(vault, markdown)).toMatchObject({ created: [], linked: 0, unchanged: 2 });
		expect(vault.snapshot()).toEqual(snapshot);
	});
});

describe("duplicates and dead links", () => {
	it("one note per paper, however often and however spelled it is listed", async () => {
		const text = fixture("duplicates.md");
		const catalogue = parseCatalogue(text);
		expect(catalogue.papers.map((paper) => paper.id)).toEqual([
			"arxiv.org/abs/1706.03762",
			"title:a title without a link",
			"arxiv.org/abs/1706.03762#2",
			"arxiv.org/abs/1706.03762#3",
			"title:a title without a link#2",
			"title:a title without a link#3",
		]);
		const { memory, report } = await syncBoth(text);
		expect(report.created).toEqual(["Papers/Attention Is All You Need.md", "Papers/A title without a link.md"]);
		expect(report.linked).toBe(6);
		// Ticked in one place: the note starts as read.
		expect(readProperties(memory.files.get("Papers/Attention Is All You Need.md") ?? "")?.status).toBe("read");
		expect(memory.files.get("Papers/Attention Is All You Need.md")).toContain("[[Catalogue#Week 1|Week 1]], [[Catalogue#Week 2|Week 2]]");
	});

	it("notes that no longer exist are made again where the link points, never outside the vault or in hidden folders", async () => {
		const text = fixture("dead-links.md");
		const catalogue = parseCatalogue(text);
		expect(catalogue.papers.map((paper) => paper.noteLinks)).toEqual([
			["Papers/Deleted one"],
			["Elsewhere/Deleted two"],
			["Deleted three"],
			// Before the fix: "Deleted four#Summary", re-created as a note of that name.
			["Deleted four"],
			// Before the fix: "#Notes that were deleted", re-created as "Papers/#Notes that were deleted.md".
			[],
			[".trash/plugins/evil"],
			["Papers/Deleted seven"],
			["../../outside"],
			["../outside"],
			["/etc/passwd"],
			["....\\outside"],
		]);
		const plan = await planSync(new MemoryVault({ [CATALOGUE]: text }), request());
		const { memory, report, disk } = await syncBoth(text);
		expect(report.errors).toEqual([]);
		expect(report.created).toEqual([
			"Papers/Deleted one.md",
			"Elsewhere/Deleted two.md",
			// `[[Deleted three]]` is not a link sync wrote (no `|notes`): the user's text, so the paper gets a note of
			// its own instead of one made where the user's link points.
			"Papers/Deleted note by name.md",
			"Papers/Deleted four.md",
			"Papers/Link to a heading in the catalogue.md",
			// A hidden folder is never written: Obsidian does not index it, so the link could never resolve.
			"Papers/Link into a hidden folder.md",
			"Papers/Deleted seven.md",
			"Papers/Link that escapes the vault.md",
			"Papers/Markdown link that escapes.md",
			"Papers/Absolute link.md",
			"Papers/Backslash escape.md",
		]);
		// Items whose link now resolves are left alone; the others get a link to their new note.
		expect(report.unchanged).toBe(4);
		expect(report.linked).toBe(7);
		expect([...(await tree(disk.vault)).keys()].sort()).toEqual(["Catalogue.md", "Elsewhere", ...report.created, "Papers"].sort());
		// Only the planned links were inserted (the catalogue already holds links that look like them).
		expect(memory.files.get(CATALOGUE)).toBe(insertLinks(text, plan.link));
		expect(plan.link.map((link) => link.text)).toEqual([
			" [[Papers/Deleted note by name|notes]]",
			" [[Papers/Link to a heading in the catalogue|notes]]",
			" [[Papers/Link into a hidden folder|notes]]",
			" [[Papers/Link that escapes the vault|notes]]",
			" [[Papers/Markdown link that escapes|notes]]",
			" [[Papers/Absolute link|notes]]",
			" [[Papers/Backslash escape|notes]]",
		]);
	});
});

describe("unusable settings: a clear error, and nothing written", () => {
	const text = fixture("no-headings.md");

	it("a template with broken placeholders names every problem", async () => {
		const vault = new MemoryVault({ [CATALOGUE]: text, "Templates/Broken.md": fixture("broken-template.md") });
		const before = vault.snapshot();
		const error = await planSync(vault, request({ templatePath: "Templates/Broken.md" })).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(TemplateError);
		const message = (error as Error).message;
		expect(message).toMatch(/^The template cannot be used: /);
		expect(message).toContain("unknown placeholder {{ nope }}");
		expect(message).toContain("unknown placeholder {{}}");
		expect(message).toContain('{{date:YYYY-DD}}: invalid date format "YYYY-DD"');
		expect(message).toContain("the template's properties are not valid YAML");
		expect(message).not.toContain("\n");
		await expect(sync(vault, request({ templatePath: "Templates/Broken.md" }))).rejects.toThrow(TemplateError);
		expect(vault.writes).toEqual([]);
		expect(vault.snapshot()).toEqual(before);
	});

	it.each([
		["the notes folder is a file", { Papers: "not a folder" }, "Papers", /^The notes folder cannot be used: "Papers" is a file, not a folder\.$/],
		["a folder on the way is a file", { Papers: "not a folder" }, "Papers/Systems", /^The notes folder cannot be used: "Papers" is a file, not a folder\.$/],
		["the notes folder leaves the vault", {}, "../Papers", /may not contain "\." or "\.\." segments/],
		["the notes folder is absolute", {}, "/tmp/Papers", /is not a path inside the vault/],
	])("%s", async (_name, files: Record<string, string>, notesFolder, message) => {
		const vault = new MemoryVault({ [CATALOGUE]: text, ...files });
		const before = vault.snapshot();
		const settings = { ...request().settings, notesFolder };
		await expect(sync(vault, request({ settings }))).rejects.toThrow(PlanError);
		await expect(planSync(vault, request({ settings }))).rejects.toThrow(message);
		expect(vault.writes).toEqual([]);
		expect(vault.snapshot()).toEqual(before);

		temp = await tempVault({ [CATALOGUE]: text, ...files });
		const disk = await tree(temp.vault);
		await expect(sync(new FileSystemVault(temp.vault), request({ settings }))).rejects.toThrow(message);
		expectSameTree(await tree(temp.vault), disk);
		await expectNothingOutside(temp);
	});
});

describe("pathological sizes and nesting finish, and still make sense", () => {
	it(
		"a 5 MB single line of text: no papers",
		() => {
			const text = "x".repeat(5_000_000);
			expect(parseCatalogue(text).papers).toEqual([]);
		},
	);

	it(
		"a 5 MB title on one line: one paper, its URL kept, a note with a short name",
		async () => {
			// Before the fix the words of one huge link text were quadratic in micromark: 200 kB took 7 s, 5 MB hours.
			const text = `- [ ] [${"word ".repeat(1_000_000)}end](https://example.org/huge)\n`;
			const catalogue = parseCatalogue(text);
			expect(catalogue.papers).toHaveLength(1);
			const paper = catalogue.papers[0];
			expect(paper?.url).toBe("https://example.org/huge");
			expect(paper?.checkboxOffset).toBe(3);
			// The middle of a line this long is not read: the title is its first and last words.
			expect(paper?.title).toMatch(/^word word .* word end$/);
			expect(paper?.title.length).toBeLessThanOrEqual(MAX_LINE_LENGTH);

			const vault = new MemoryVault({ [CATALOGUE]: text });
			const report = await sync(vault, request());
			expect(report.created).toHaveLength(1);
			expect(new TextEncoder().encode(report.created[0]).length).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES + "Papers/.md".length);
			expect((vault.files.get(CATALOGUE) ?? "").replace(INSERTED_LINK, "")).toBe(text);
		},
	);

	it(
		"50,000 links on one 2 MB line: one item, titled by its first link",
		() => {
			const text = `- [ ] ${Array.from({ length: 50_000 }, (_, i) => `[Paper ${i}](https://example.org/${i})`).join(" and ")}\n`;
			const catalogue = parseCatalogue(text);
			expect(titles(catalogue)).toEqual(["Paper 0"]);
		},
	);

	it.each([
		// Before the fix: a stack overflow in remark-gfm's tree walk (about 3,000 levels), so parseCatalogue threw.
		["5,000 bullets on one line", `${"- ".repeat(5000)}[ ] [Deep](https://example.org/deep)\n`, ["Deep"]],
		["3,000 numbered items on one line", `${"1. ".repeat(3000)}[ ] [Ordered](https://example.org/ordered)\n`, ["Ordered"]],
		// Items nested beyond the cap are text of the item above; inside a quote that is a paragraph.
		["5,000 quote markers", `${">".repeat(5000)} - [ ] [Quoted](https://example.org/quoted)\n`, []],
		[
			"200 levels of indented items",
			// Before the fix 500 levels took 4 s, and 1,000 levels 22 s (remark's time grows faster than the depth):
			// the bench times 500.
			Array.from({ length: 200 }, (_, i) => `${"  ".repeat(i)}- [ ] [Level ${i}](https://example.org/${i})`).join("\n"),
			// Every task is an item of its own. The 33rd level's bullet starts at column 64: from there on the
			// bullets are text, which continues the item above.
			Array.from({ length: 32 }, (_, i) => `Level ${i}`),
		],
		[
			"1,000 levels of quotes, one more per line",
			Array.from({ length: 1000 }, (_, i) => `${">".repeat(i + 1)} - [ ] [Level ${i}](https://example.org/${i})`).join("\n"),
			// The 63rd level's bullet starts at column 64: from there on, the bullets are text.
			Array.from({ length: 62 }, (_, i) => `Level ${i}`),
		],
		["emphasis nested 2,000 deep around a link", `- [ ] ${"*".repeat(4000)}[Starred](https://example.org/starred)${"*".repeat(4000)}\n`, ["Starred"]],
		// Before the fix a regular expression in the table scan backtracked exponentially: 15 of these took 5 s.
		["100,000 list markers with three spaces each on one line", `${"-   ".repeat(100_000)}- [ ] [After](https://example.org/after)\n`, ["After"]],
		// And one in the kramdown tag scan, quadratically: a 5 MB line that starts like a tag.
		["a 5 MB line that starts like a tag", `<div markdown="1"${" ".repeat(5_000_000)}\n\n- [ ] [Below](https://example.org/below)\n`, ["Below"]],
	])(
		"%s",
		(_name, text, expected) => {
			const catalogue = parseCatalogue(text);
			expect(titles(catalogue)).toEqual(expected);
			expectSanePositions(catalogue, text);
		},
	);

	it.each([
		// Before the fix `-`, `1.` alone were never a cut, so remark got one list of 100,000 items: seconds.
		["-\n"],
		["- \n"],
		["*\t\n"],
		["1.\n"],
		["-\n\n"],
		["-\r\n"],
		["- [ ]\n"],
	])(
		"100,000 empty list items %j, then one paper",
		(unit) => {
			const text = `${unit.repeat(100_000)}- [x] [Last](https://example.org/last)\n`;
			const catalogue = parseCatalogue(text);
			expect(titles(catalogue)).toEqual(["Last"]);
			expect(catalogue.papers[0]?.checked).toBe(true);
			expect(text[catalogue.papers[0]?.checkboxOffset ?? 0]).toBe("x");
		},
	);

	it(
		"500 sections with a reference link each: every paper keeps its URL",
		() => {
			// Before the fix every chunk was parsed with every definition: 500 sections took 44 s, 1,000 took 3 minutes.
			// (The bench times 2,000.)
			const text = Array.from({ length: 500 }, (_, i) => `# Week ${i}\n\n- [ ] [Paper ${i}][ref ${i}]\n\n[ref ${i}]: https://example.org/${i}\n`).join("\n");
			const catalogue = parseCatalogue(text);
			expect(catalogue.papers).toHaveLength(500);
			expect(catalogue.papers.every((paper, i) => paper.title === `Paper ${i}` && paper.url === `https://example.org/${i}`)).toBe(true);
		},
	);

	it(
		"a reference defined once, far from the items that use it, in any case and spacing",
		() => {
			const filler = Array.from({ length: 60 }, (_, i) => `- [ ] [Filler ${i}](https://example.org/f${i})`).join("\n");
			const text = `# Papers\n\n- [ ] [Shared][The  Ref]\n\n${filler}\n\n# Later\n\n- [ ] [Again][the ref]\n- [ ] [Unknown][nope]\n\n# Definitions\n\n[THE REF]: https://example.org/shared\n`;
			const catalogue = parseCatalogue(text);
			const byTitle = new Map(catalogue.papers.map((paper) => [paper.title, paper.url]));
			expect(byTitle.get("Shared")).toBe("https://example.org/shared");
			expect(byTitle.get("Again")).toBe("https://example.org/shared");
			// Not a link without a definition: a task with no URL.
			expect(catalogue.papers.filter((paper) => paper.title.includes("Unknown")).map((paper) => paper.url)).toEqual([undefined]);
		},
	);
});
