import { copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formatProgress, progressBar, truncate } from "../../src/cli/run";
import { captureCli, type CliResult, expectBadInput } from "../support/cli";

const fixture = fileURLToPath(new URL("../fixtures/cs294-ai-sys-sp22.md", import.meta.url));
const CATALOGUE = "Reading/CS294 AI-Systems.md";

let vault: string;

beforeEach(async () => {
	vault = await mkdtemp(path.join(os.tmpdir(), "paper-catalogue-cli-"));
	await mkdir(path.join(vault, "Reading"));
	await copyFile(fixture, path.join(vault, CATALOGUE));
});

afterEach(async () => {
	await rm(vault, { recursive: true, force: true });
});

function run(...argv: string[]): Promise<CliResult> {
	return captureCli(argv);
}

async function expectBadInputFor(argv: string[], message: RegExp): Promise<void> {
	expectBadInput(await run(...argv), message);
}

describe("progress --json", () => {
	it("prints the golden progress of the CS294 catalogue", async () => {
		const result = await run("progress", vault, "--catalogue", CATALOGUE, "--json");
		expect(result.stderr).toBe("");
		expect(result.code).toBe(0);
		const json = JSON.parse(result.stdout) as Record<string, unknown>;
		expect(Object.keys(json)).toEqual(["catalogue", "total", "done", "required", "optional", "sections"]);
		expect(json).toMatchObject({
			catalogue: CATALOGUE,
			total: 60,
			done: 14,
			required: { total: 34, done: 10 },
			optional: { total: 26, done: 4 },
		});
		const sections = json.sections as { title: string; total: number; done: number; required: object; optional: object }[];
		expect(sections.map((section) => `${section.total}/${section.done}`)).toEqual([
			"5/5", "6/5", "6/4", "7/0", "7/0", "3/0", "3/0", "6/0", "4/0", "3/0", "10/0",
		]);
		expect(sections[0]?.title).toBe("1. Introduction and Course Overview");
		for (const section of sections) {
			expect(Object.keys(section)).toEqual(["title", "total", "done", "required", "optional"]);
			expect(Object.keys(section.required)).toEqual(["total", "done"]);
			expect(Object.keys(section.optional)).toEqual(["total", "done"]);
		}
	});

	it("is pretty-printed with two spaces and ends with a newline", async () => {
		const { stdout } = await run("progress", vault, "--json", "--catalogue", CATALOGUE);
		expect(stdout).toBe(`${JSON.stringify(JSON.parse(stdout), null, 2)}\n`);
		expect(stdout).toMatch(/^\{\n {2}"catalogue": /);
	});

	it("accepts --catalogue=<path> and paths with `..` that stay inside the vault", async () => {
		const { code, stdout } = await run("progress", vault, "--json", "--catalogue=Other/../Reading/CS294 AI-Systems.md");
		expect(code).toBe(0);
		// Reported as the vault path Obsidian spells, `..` resolved.
		expect(JSON.parse(stdout)).toMatchObject({ catalogue: "Reading/CS294 AI-Systems.md", total: 60, done: 14 });
	});
});

describe("progress of items without a checkbox", () => {
	it("counts an item without a checkbox as read when its note says so, and a user's wikilink never counts", async () => {
		const list = [
			"# Reading",
			"",
			"- [Attention Is All You Need](https://arxiv.org/abs/1706.03762) [[Papers/Attention|notes]]",
			"- [BERT](https://arxiv.org/abs/1810.04805) [[Papers/BERT|notes]]",
			"- [GPT-2](https://example.org/gpt2) background: [[Concepts/Language models]]",
			"- [ ] [Ray](https://example.org/ray) [[Papers/Ray|notes]]",
			"",
		].join("\n");
		await writeFile(path.join(vault, "Links.md"), list);
		await mkdir(path.join(vault, "Papers"));
		await mkdir(path.join(vault, "Concepts"));
		await writeFile(path.join(vault, "Papers/Attention.md"), "---\nurl: https://arxiv.org/abs/1706.03762\nstatus: read\n---\n");
		await writeFile(path.join(vault, "Papers/BERT.md"), "---\nurl: https://arxiv.org/abs/1810.04805\nstatus: reading\n---\n");
		// Not GPT-2's note: its status says nothing about the paper.
		await writeFile(path.join(vault, "Concepts/Language models.md"), "---\nstatus: read\n---\n");
		// A ticked box decides for itself; an unticked one is not overruled by its note.
		await writeFile(path.join(vault, "Papers/Ray.md"), "---\nurl: https://example.org/ray\nstatus: read\n---\n");
		const result = await run("progress", vault, "--catalogue", "Links.md", "--json");
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({ total: 4, done: 1 });
	});
});

describe("progress table", () => {
	it("prints a header and one row per section", async () => {
		const result = await run("progress", vault, "--catalogue", CATALOGUE);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe("");
		const lines = result.stdout.trimEnd().split("\n");
		expect(lines[0]).toBe(`${CATALOGUE}: 14/60 read (required 10/34, optional 4/26)`);
		expect(result.stdout).toContain("14/60");
		const rows = lines.slice(2);
		expect(rows).toHaveLength(11);
		expect(rows[0]).toMatch(/^1\. Introduction and Course Overview +█{20} +5\/5 +required \d+\/\d+ +optional \d+\/\d+$/);
		expect(rows[3]).toContain("░".repeat(20));
		expect(rows[3]).toContain("0/7");
		for (const row of rows) expect(row).toMatch(/[█░]{20}/);
	});

	it("aligns the bars", async () => {
		const { stdout } = await run("progress", vault, "--catalogue", CATALOGUE);
		const rows = stdout.trimEnd().split("\n").slice(2);
		const barColumns = new Set(rows.map((row) => Array.from(row).findIndex((character) => character === "█" || character === "░")));
		expect(barColumns.size).toBe(1);
	});

	it("truncates long titles with an ellipsis", () => {
		const title = "A very long section title that goes on and on about systems for machine learning";
		const output = formatProgress("x.md", {
			total: 1,
			done: 0,
			required: { total: 1, done: 0 },
			optional: { total: 0, done: 0 },
			sections: [
				{ title, headingIndex: 0, total: 1, done: 0, required: { total: 1, done: 0 }, optional: { total: 0, done: 0 } },
			],
		});
		expect(output).not.toContain(title);
		expect(output).toContain("A very long section title that goes on…");
	});

	it("says so when there are no papers", async () => {
		await writeFile(path.join(vault, "Empty.md"), "# Nothing here\n");
		const { code, stdout } = await run("progress", vault, "--catalogue", "Empty.md");
		expect(code).toBe(0);
		expect(stdout).toContain("0/0 read");
		expect(stdout).toContain("No papers found.");
	});
});

describe("progressBar and truncate", () => {
	it("fills in proportion, full only when done and empty only when nothing is", () => {
		expect(progressBar(0, 0)).toBe("░".repeat(20));
		expect(progressBar(5, 5)).toBe("█".repeat(20));
		expect(progressBar(3, 6)).toBe("█".repeat(10) + "░".repeat(10));
		expect(progressBar(1, 100)).toBe("█" + "░".repeat(19));
		expect(progressBar(99, 100)).toBe("█".repeat(19) + "░");
		expect(Array.from(progressBar(5, 6))).toHaveLength(20);
	});

	it("cuts by characters, keeping the ellipsis inside the width", () => {
		expect(truncate("short", 10)).toBe("short");
		expect(truncate("exactly10!", 10)).toBe("exactly10!");
		expect(truncate("abcdefghijk", 10)).toBe("abcdefghi…");
		expect(Array.from(truncate("😀".repeat(12), 10))).toHaveLength(10);
	});
});

describe("bad input", () => {
	it("missing vault folder", async () => {
		await expectBadInputFor(["progress", path.join(vault, "nope"), "--catalogue", CATALOGUE], /vault folder .* does not exist/);
	});

	it("vault that is a file", async () => {
		await expectBadInputFor(["progress", path.join(vault, CATALOGUE), "--catalogue", CATALOGUE], /is not a folder/);
	});

	it("missing catalogue", async () => {
		await expectBadInputFor(["progress", vault, "--catalogue", "Missing.md"], /"Missing\.md" does not exist in vault/);
	});

	it("a folder as catalogue", async () => {
		await expectBadInputFor(["progress", vault, "--catalogue", "Reading"], /"Reading" is a folder/);
	});

	it.each(["../outside.md", "Reading/../../outside.md", "/etc/hostname"])("catalogue path %j that leaves the vault", async (catalogue) => {
		await expectBadInputFor(["progress", vault, "--catalogue", catalogue], /outside the vault|absolute path/);
	});

	it("a binary file", async () => {
		await writeFile(path.join(vault, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff]));
		await expectBadInputFor(["progress", vault, "--catalogue", "image.png"], /not a text file/);
	});

	it("invalid UTF-8", async () => {
		await writeFile(path.join(vault, "latin1.md"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
		await expectBadInputFor(["progress", vault, "--catalogue", "latin1.md"], /not valid UTF-8/);
	});

	it("no command", async () => {
		await expectBadInputFor([], /missing command/);
	});

	it("unknown command", async () => {
		await expectBadInputFor(["frobnicate", vault], /unknown command "frobnicate"/);
		await expectBadInputFor(["help", "frobnicate"], /unknown command "frobnicate"/);
		await expectBadInputFor(["toString"], /unknown command "toString"/);
	});

	it("unknown option", async () => {
		await expectBadInputFor(["progress", vault, "--catalogue", CATALOGUE, "--verbose"], /unknown option --verbose/);
		await expectBadInputFor(["progress", vault, "-x", "--catalogue", CATALOGUE], /unknown option -x/);
		await expectBadInputFor(["--verbose"], /unknown option --verbose/);
	});

	it("missing --catalogue", async () => {
		await expectBadInputFor(["progress", vault], /missing --catalogue <path>/);
		await expectBadInputFor(["progress", vault, "--json"], /missing --catalogue <path>/);
	});

	it("--catalogue without a value", async () => {
		await expectBadInputFor(["progress", vault, "--catalogue"], /--catalogue needs a value/);
		await expectBadInputFor(["progress", vault, "--catalogue", "--json"], /--catalogue needs a value/);
		await expectBadInputFor(["progress", vault, "--catalogue="], /--catalogue needs a value/);
	});

	it("missing vault folder argument and extra arguments", async () => {
		await expectBadInputFor(["progress", "--catalogue", CATALOGUE], /missing <vault-dir>/);
		await expectBadInputFor(["progress", vault, "extra", "--catalogue", CATALOGUE], /unexpected argument "extra"/);
	});

	it("repeated options and values for flags", async () => {
		await expectBadInputFor(["progress", vault, "--catalogue", CATALOGUE, "--catalogue", CATALOGUE], /more than once/);
		await expectBadInputFor(["progress", vault, "--catalogue", CATALOGUE, "--json=yes"], /--json does not take a value/);
	});
});

describe("help", () => {
	it.each([["--help"], ["-h"], ["help"]])("%s lists every command and option", async (flag) => {
		const result = await run(flag);
		expect(result.code).toBe(0);
		expect(result.stderr).toBe("");
		for (const text of ["progress", "<vault-dir>", "--catalogue <path>", "--json", "--help", "help [command]", "Exit codes"]) {
			expect(result.stdout).toContain(text);
		}
	});

	it.each([["progress", "--help"], ["progress", "-h"], ["help", "progress"], ["progress", "some-vault", "--help"]])(
		"%s %s shows the command's help",
		async (...argv) => {
			const result = await run(...argv);
			expect(result.code).toBe(0);
			expect(result.stdout).toContain("paper-catalogue progress <vault-dir> --catalogue <path> [--json]");
			expect(result.stdout).toContain("--json");
		},
	);
});

describe("internal errors", () => {
	afterEach(() => {
		vi.doUnmock("../../src/catalogue/parse");
		vi.resetModules();
	});

	it("are one line on stderr with exit code 1, without a stack", async () => {
		vi.resetModules();
		vi.doMock("../../src/catalogue/parse", () => ({
			parseCatalogue: () => {
				throw new Error("boom\n    at parseCatalogue (parse.ts:1:1)");
			},
		}));
		const { runCli: runMocked } = await import("../../src/cli/run");
		let stdout = "";
		let stderr = "";
		const code = await runMocked(["progress", vault, "--catalogue", CATALOGUE], {
			stdout: (text) => {
				stdout += text;
			},
			stderr: (text) => {
				stderr += text;
			},
		});
		expect(code).toBe(1);
		expect(stdout).toBe("");
		expect(stderr).toBe("paper-catalogue: internal error: boom at parseCatalogue (parse.ts:1:1)\n");
	});
});
