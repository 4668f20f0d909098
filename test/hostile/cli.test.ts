/**
 * Hostile input through the command line, run in-process with `runCli` on temp vaults: every case
 * gives a sane result or one clear line (exit 2), never a stack trace, and leaves the vault as it was
 * wherever nothing should change. A sentinel folder beside each vault must stay empty.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseCatalogue } from "../../src/catalogue/parse";
import { CATALOGUE, cli, expectBadInput, expectNoStackTrace, expectNothingOutside, expectSameTree, fixture, fixtureBytes, INSERTED_LINK, tempVault, tree, type TempVault } from "./helpers";

let temp: TempVault | undefined;
afterEach(async () => {
	await temp?.remove();
	temp = undefined;
});

async function vaultWith(files: Record<string, string | Buffer>): Promise<TempVault> {
	temp = await tempVault(files);
	return temp;
}

function syncArgs(vault: TempVault, ...options: string[]): string[] {
	return ["sync", vault.vault, "--catalogue", CATALOGUE, ...options];
}

function progressArgs(vault: TempVault, ...options: string[]): string[] {
	return ["progress", vault.vault, "--catalogue", CATALOGUE, ...options];
}

/** Nothing on the terminal but printable text: no escape sequences or other control characters from a note. */
function expectPrintable(text: string): void {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what must not be printed
	expect(text).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
}

describe("catalogues with nothing to do", () => {
	it.each([
		["an empty file", "empty.md"],
		["only front matter", "front-matter-only.md"],
		["headings but no papers", "headings-no-papers.md"],
	])("%s: progress says no papers, sync writes nothing, both exit 0", async (_name, name) => {
		const vault = await vaultWith({ [CATALOGUE]: fixtureBytes(name) });
		const before = await tree(vault.vault);

		const progress = await cli(...progressArgs(vault));
		expect(progress).toEqual({ code: 0, stdout: `${CATALOGUE}: 0/0 read (required 0/0, optional 0/0)\n\nNo papers found.\n`, stderr: "" });
		const json = await cli(...progressArgs(vault, "--json"));
		expect(json.code).toBe(0);
		expect(JSON.parse(json.stdout)).toEqual({ catalogue: CATALOGUE, total: 0, done: 0, required: { total: 0, done: 0 }, optional: { total: 0, done: 0 }, sections: [] });

		expect(await cli(...syncArgs(vault, "--dry-run"))).toEqual({ code: 0, stdout: "Dry run: would create 0 notes in Papers, link 0 catalogue items, 0 unchanged.\nNothing was written.\n", stderr: "" });
		expect(await cli(...syncArgs(vault))).toEqual({ code: 0, stdout: "Created 0 notes in Papers, linked 0 catalogue items, 0 unchanged.\n", stderr: "" });
		expectSameTree(await tree(vault.vault), before);
		await expectNothingOutside(vault);
	});
});

describe("files that are not a catalogue: exit 2, one line, nothing written", () => {
	it.each([
		["binary bytes", fixtureBytes("binary.md"), /^paper-catalogue: "Catalogue\.md" is not a text file \(it contains NUL bytes\)$/],
		["invalid UTF-8", fixtureBytes("invalid-utf8.md"), /^paper-catalogue: "Catalogue\.md" is not a text file \(it is not valid UTF-8\)$/],
		["UTF-16 with a byte order mark", Buffer.from(`\uFEFF- [ ] [Wide paper](https://example.org/wide)\n`, "utf16le"), /is not a text file/],
	])("%s", async (_name, bytes, message) => {
		const vault = await vaultWith({ [CATALOGUE]: bytes });
		const before = await tree(vault.vault);
		for (const args of [progressArgs(vault), progressArgs(vault, "--json"), syncArgs(vault), syncArgs(vault, "--dry-run"), syncArgs(vault, "--json")]) {
			expectBadInput(await cli(...args), message);
		}
		expectSameTree(await tree(vault.vault), before);
		await expectNothingOutside(vault);
	});

	it.each([
		["the catalogue is a folder", ["--catalogue", "Folder"], /^paper-catalogue: "Folder" is a folder, not a note$/],
		["the catalogue does not exist", ["--catalogue", "Missing.md"], /^paper-catalogue: "Missing\.md" does not exist in vault /],
		["the catalogue is outside the vault", ["--catalogue", "../sentinel/Catalogue.md"], /^paper-catalogue: "\.\.\/sentinel\/Catalogue\.md" is outside the vault$/],
		["the catalogue path is absolute", ["--catalogue", "/etc/passwd"], /^paper-catalogue: "\/etc\/passwd" is an absolute path; give the path relative to the vault folder$/],
		["the catalogue path holds a NUL", ["--catalogue", "Cata\u0000logue.md"], /^paper-catalogue: "Cata\\u0000logue\.md" is not a valid path \(it contains a NUL character\)$/],
		["the template is outside the vault", ["--catalogue", CATALOGUE, "--template", "../sentinel/t.md"], /"\.\.\/sentinel\/t\.md" is outside the vault$/],
		["the template is missing", ["--catalogue", CATALOGUE, "--template", "Templates/Nope.md"], /^paper-catalogue: The template note "Templates\/Nope\.md" does not exist\.$/],
		["the template has broken placeholders", ["--catalogue", CATALOGUE, "--template", "Broken.md"], /^paper-catalogue: The template cannot be used: .*unknown placeholder \{\{ nope \}\}.*not valid YAML/],
		["the notes folder is a file", ["--catalogue", CATALOGUE, "--folder", "Papers"], /^paper-catalogue: The notes folder cannot be used: "Papers" is a file, not a folder\.$/],
		["the notes folder leaves the vault", ["--catalogue", CATALOGUE, "--folder", "Reading/../../sentinel"], /may not contain "\." or "\.\." segments\.$/],
		["the notes folder is absolute", ["--catalogue", CATALOGUE, "--folder", "C:\\Users\\me"], /is not a path inside the vault\.$/],
		["the file name format is broken", ["--catalogue", CATALOGUE, "--file-name", "{{title}} {{oops}}"], /^paper-catalogue: The file name format cannot be used: unknown placeholder \{\{oops\}\}/],
		["the date format is moment-style", ["--catalogue", CATALOGUE, "--date-format", "YYYY-MM-DD"], /use yyyy for the year/],
		["the link style is unknown", ["--catalogue", CATALOGUE, "--link-style", "html"], /^paper-catalogue: option --link-style must be wikilink or markdown, not "html"$/],
	])("%s", async (_name, options, message) => {
		const vault = await vaultWith({ [CATALOGUE]: fixture("no-headings.md"), "Folder/Note.md": "x", "Broken.md": fixture("broken-template.md"), Papers: "a file, not a folder" });
		const before = await tree(vault.vault);
		expectBadInput(await cli("sync", vault.vault, ...options), message);
		expectBadInput(await cli("sync", vault.vault, ...options, "--dry-run"), message);
		expectSameTree(await tree(vault.vault), before);
		await expectNothingOutside(vault);
	});

	it("the vault is a file, or missing", async () => {
		const vault = await vaultWith({ [CATALOGUE]: fixture("no-headings.md") });
		expectBadInput(await cli("sync", path.join(vault.vault, CATALOGUE), "--catalogue", CATALOGUE), /^paper-catalogue: vault ".*Catalogue\.md" is not a folder$/);
		expectBadInput(await cli("progress", path.join(vault.root, "nope"), "--catalogue", CATALOGUE), /^paper-catalogue: vault folder ".*nope" does not exist$/);
		await expectNothingOutside(vault);
	});
});

describe("hostile catalogues that do sync", () => {
	it("hostile titles: notes created once, the second run writes nothing", async () => {
		const text = fixture("titles.md");
		const vault = await vaultWith({ [CATALOGUE]: text });
		const first = await cli(...syncArgs(vault, "--json"));
		expect(first.stderr).toBe("");
		expect(first.code).toBe(0);
		const report = JSON.parse(first.stdout) as { created: string[]; linked: number; errors: unknown[] };
		expect(report.created).toHaveLength(17);
		expect(report.linked).toBe(17);
		expect(report.errors).toEqual([]);
		expect((await readFile(path.join(vault.vault, CATALOGUE), "utf8")).replace(INSERTED_LINK, "")).toBe(text);

		const after = await tree(vault.vault);
		expect(await cli(...syncArgs(vault))).toEqual({ code: 0, stdout: "Created 0 notes in Papers, linked 0 catalogue items, 17 unchanged.\n", stderr: "" });
		expectSameTree(await tree(vault.vault), after);
		await expectNothingOutside(vault);
	});

	it("hostile URLs and duplicates: one note per paper", async () => {
		const vault = await vaultWith({ [CATALOGUE]: `${fixture("urls.md")}\n${fixture("duplicates.md")}` });
		const result = await cli(...syncArgs(vault, "--json"));
		expect(result.code).toBe(0);
		expect((JSON.parse(result.stdout) as { created: string[] }).created).toHaveLength(9);
		await expectNothingOutside(vault);
	});

	it("a note that cannot be made is one error line and exit 1; the rest is done", async () => {
		const text = "- [ ] [Blocked](https://example.org/1) [[File/Blocked|notes]]\n- [ ] [Fine](https://example.org/2)\n";
		const vault = await vaultWith({ [CATALOGUE]: text, File: "a file where a folder should be" });
		const result = await cli(...syncArgs(vault));
		expectNoStackTrace(result);
		expect(result.code).toBe(1);
		expect(result.stderr).toBe("");
		const lines = result.stdout.trimEnd().split("\n");
		// The blocked item already links where its note was to go: it counts as unchanged, and its error says why.
		expect(lines[0]).toBe("Created 1 note in Papers, linked 1 catalogue item, 1 unchanged.");
		expect(lines.slice(1)).toEqual([expect.stringMatching(/^Error: "Blocked" \(File\/Blocked\.md\): could not create the note: /)]);
		expect(await readFile(path.join(vault.vault, CATALOGUE), "utf8")).toBe(`${text.split("\n")[0]}\n- [ ] [Fine](https://example.org/2) [[Papers/Fine|notes]]\n`);
		expect(await readFile(path.join(vault.vault, "File"), "utf8")).toBe("a file where a folder should be");
		await expectNothingOutside(vault);
	});

	it("control characters in titles and headings never reach the terminal", async () => {
		const text = [
			"# \u001B[2J\u001B]0;pwned\u0007Heading",
			"",
			"- [ ] [\u001B[31mRed\u001B[0m title\u009B](https://example.org/red) [[Other|notes]]",
			"- [x] [Bell\u0007 and backspace\u0008](https://example.org/bell)",
			"",
			"# Second \u009B31m section",
			"",
			"- [ ] [Plain](https://example.org/plain)",
			"",
		].join("\n");
		// A note about another paper, linked from the first item: a conflict, whose line names the title.
		const vault = await vaultWith({ [CATALOGUE]: text, "Papers/Other.md": '---\nurl: "https://example.org/other"\n---\n' });
		// Before the fix the escape sequences went to the terminal raw; now they show as `\u001b`.
		const progress = await cli(...progressArgs(vault));
		expect(progress.stdout).toContain("\\u001b[2J\\u001b]0;pwned\\u0007Heading");
		const json = await cli(...syncArgs(vault, "--dry-run", "--json"));
		// JSON keeps the data: the escapes are JSON's own and read back as the characters.
		const conflicts = (JSON.parse(json.stdout) as { conflicts: { title: string }[] }).conflicts;
		expect(conflicts.map((conflict) => conflict.title)).toEqual([parseCatalogue(text).papers[0]?.title]);
		expect(conflicts[0]?.title).toMatch(/title\u009B$/);
		for (const result of [progress, json, await cli(...syncArgs(vault, "--dry-run")), await cli(...syncArgs(vault))]) {
			expect(result.code).toBe(0);
			expectPrintable(result.stdout.replace(/\n/g, ""));
			expect(result.stdout).toMatch(/title|Heading/);
		}
		// Template text reaches stderr through its error message: escaped there too.
		await vault.write("Evil.md", "{{\u001B[2Jx}}");
		expectBadInput(await cli(...syncArgs(vault, "--template", "Evil.md")), /unknown placeholder \{\{\\u001b\[2Jx\}\}/);
		await expectNothingOutside(vault);
	});
});

describe("pathological catalogues finish", () => {
	it(
		"a 5 MB single line and 5,000-deep nesting: progress counts what it can read",
		async () => {
			const text = `${"- ".repeat(5000)}[ ] [Deep](https://example.org/deep)\n\n- [x] [${"word ".repeat(1_000_000)}end](https://example.org/huge)\n\n${"-\n".repeat(100_000)}`;
			const vault = await vaultWith({ [CATALOGUE]: text });
			const result = await cli(...progressArgs(vault, "--json"));
			expect(result.stderr).toBe("");
			expect(result.code).toBe(0);
			expect(JSON.parse(result.stdout)).toMatchObject({ total: 2, done: 1 });
		},
		10_000,
	);
});
