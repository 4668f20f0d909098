import { appendFile, copyFile, mkdir, mkdtemp, readdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/run";
import { captureCli, type CliResult, expectBadInput } from "../support/cli";
import { FileSystemVault } from "../../src/node/fs-note-vault";
import { PlanError } from "../../src/sync/plan";
import { planSync } from "../../src/sync/sync";

const fixture = fileURLToPath(new URL("../fixtures/cs294-ai-sys-sp22.md", import.meta.url));
const CATALOGUE = "CS294 AI-Systems.md";
const FIRST_NOTE = "Papers/SysML - The New Frontier of Machine Learning Systems.md";
/** A wikilink the sync inserted after a catalogue item (in a table the pipe is escaped). */
const INSERTED_WIKILINK = / \[\[Papers\/[^\]]*?\\?\|notes\]\]/g;

let vault: string;
let original: Buffer;

beforeEach(async () => {
	vault = await mkdtemp(path.join(os.tmpdir(), "paper-catalogue-sync-"));
	await copyFile(fixture, path.join(vault, CATALOGUE));
	original = await readFile(path.join(vault, CATALOGUE));
});

afterEach(async () => {
	await rm(vault, { recursive: true, force: true });
});

type Result = CliResult;

function run(argv: string[], extra: Partial<CliIo> = {}): Promise<Result> {
	return captureCli(argv, extra);
}

function sync(...options: string[]): Promise<Result> {
	return run(["sync", vault, "--catalogue", CATALOGUE, ...options]);
}

interface SyncJson {
	created: string[];
	linked: number;
	unchanged: number;
	conflicts: { paper: string; reason: string }[];
	errors: { paper: string; path: string; message: string }[];
}

interface DryRunJson {
	dryRun: true;
	create: string[];
	link: number;
	unchanged: number;
	conflicts: { title: string; reason: string }[];
}

async function syncJson(...options: string[]): Promise<SyncJson> {
	const result = await sync("--json", ...options);
	expect(result.stderr).toBe("");
	expect(result.code).toBe(0);
	return JSON.parse(result.stdout) as SyncJson;
}

/** Every file in the vault (hidden ones too), by path, with its bytes. */
async function vaultFiles(): Promise<Map<string, Buffer>> {
	const files = new Map<string, Buffer>();
	const entries = await readdir(vault, { recursive: true, withFileTypes: true });
	for (const entry of entries) {
		if (!entry.isFile()) continue;
		const full = path.join(entry.parentPath, entry.name);
		files.set(path.relative(vault, full).split(path.sep).join("/"), await readFile(full));
	}
	return files;
}

/** Compares bytes, not text, and names the paths that differ. */
function expectSameFiles(actual: Map<string, Buffer>, expected: Map<string, Buffer>): void {
	expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
	const changed = [...expected].filter(([file, bytes]) => !actual.get(file)?.equals(bytes)).map(([file]) => file);
	expect(changed).toEqual([]);
}

async function catalogueText(): Promise<string> {
	return readFile(path.join(vault, CATALOGUE), "utf8");
}

/** Runs a sync that must fail with bad input, and checks that nothing in the vault changed. */
async function expectRejected(options: string[], message: RegExp): Promise<void> {
	const before = await vaultFiles();
	expectBadInput(await sync(...options), message);
	expectSameFiles(await vaultFiles(), before);
	expect(await readdir(vault)).not.toContain("Papers");
}

describe("sync", () => {
	it("creates a note for each of the 60 papers in Papers/ and links every catalogue item", async () => {
		const result = await sync("--json");
		expect(result.stderr).toBe("");
		expect(result.code).toBe(0);
		expect(result.stdout).toBe(`${JSON.stringify(JSON.parse(result.stdout), null, 2)}\n`);
		const json = JSON.parse(result.stdout) as SyncJson;
		expect(Object.keys(json)).toEqual(["created", "linked", "unchanged", "conflicts", "errors"]);
		expect(json.created).toHaveLength(60);
		expect(new Set(json.created).size).toBe(60);
		for (const created of json.created) expect(created).toMatch(/^Papers\/[^/]+\.md$/);
		expect(json.created).toContain(FIRST_NOTE);
		expect(json).toMatchObject({ linked: 60, unchanged: 0, conflicts: [], errors: [] });

		const files = await vaultFiles();
		expect([...files.keys()].sort()).toEqual([CATALOGUE, ...json.created].sort());
		const note = files.get(FIRST_NOTE)?.toString("utf8") ?? "";
		expect(note).toMatch(/^---\ntitle: /);
		expect(note).toMatch(/\nurl: "?https:\/\/arxiv\.org\/abs\/1904\.03257"?\n/);
		// SysML is ticked in the catalogue, so its note starts as read.
		expect(note).toMatch(/\nstatus: "?read"?\n/);
		expect(note).toContain(`catalogue: "[[CS294 AI-Systems]]"`);
		expect(note).toMatch(/added: "?\d{4}-\d{2}-\d{2}"?\n/);
	});

	it.each([`./${CATALOGUE}`, `Notes/../${CATALOGUE}`, `.//${CATALOGUE}`])("--catalogue %s is the vault path Obsidian links by", async (given) => {
		// Before: "./CS294 AI-Systems.md" went into the notes' links as [[./CS294 AI-Systems]], which Obsidian
		// resolves relative to the notes folder: every note's catalogue link was broken.
		const result = await run(["sync", vault, "--catalogue", given, "--json"]);
		expect(result.code).toBe(0);
		const note = await readFile(path.join(vault, FIRST_NOTE), "utf8");
		expect(note).toContain(`catalogue: "[[CS294 AI-Systems]]"`);
		expect(note).toContain("[[CS294 AI-Systems#1. Introduction and Course Overview|");
		expect(note).not.toContain("[[./");
		expect(await catalogueText()).toContain("[[Papers/SysML - The New Frontier of Machine Learning Systems|notes]]");
	});

	it("--folder ./Papers/ is the Papers folder", async () => {
		const result = await syncJson("--folder", "./Papers/");
		expect(result.created).toHaveLength(60);
		for (const created of result.created) expect(created).toMatch(/^Papers\/[^/]+\.md$/);
	});

	it("prints a one-line summary", async () => {
		const result = await sync();
		expect(result.code).toBe(0);
		expect(result.stderr).toBe("");
		expect(result.stdout).toBe("Created 60 notes in Papers, linked 60 catalogue items, 0 unchanged.\n");
		const again = await sync();
		expect(again.stdout).toBe("Created 0 notes in Papers, linked 0 catalogue items, 60 unchanged.\n");
	});

	it("the second run changes nothing, byte for byte", async () => {
		await syncJson();
		const afterFirst = await vaultFiles();
		const json = await syncJson();
		expect(json).toEqual({ created: [], linked: 0, unchanged: 60, conflicts: [], errors: [] });
		expectSameFiles(await vaultFiles(), afterFirst);
	});

	it("only inserts links into the catalogue: removing them gives back the original bytes", async () => {
		await syncJson();
		const text = await catalogueText();
		expect(text.match(INSERTED_WIKILINK)).toHaveLength(60);
		expect(text).toContain(
			"[SysML: The New Frontier of Machine Learning Systems](https://arxiv.org/abs/1904.03257) [[Papers/SysML - The New Frontier of Machine Learning Systems|notes]]\n",
		);
		expect(Buffer.from(text.replace(INSERTED_WIKILINK, ""), "utf8").equals(original)).toBe(true);
	});

	it("keeps the reading progress at 14/60", async () => {
		await syncJson();
		const result = await run(["progress", vault, "--catalogue", CATALOGUE, "--json"]);
		expect(result.code).toBe(0);
		expect(JSON.parse(result.stdout)).toMatchObject({
			total: 60,
			done: 14,
			required: { total: 34, done: 10 },
			optional: { total: 26, done: 4 },
		});
	});

	it("never touches a note the user edited", async () => {
		await syncJson();
		const notePath = path.join(vault, FIRST_NOTE);
		await appendFile(notePath, "\nMy own thoughts: the frontier moved.\n");
		await writeFile(path.join(vault, "Papers", "Scratch.md"), "not a paper\n");
		const edited = await vaultFiles();
		const json = await syncJson();
		expect(json).toMatchObject({ created: [], linked: 0, unchanged: 60 });
		expectSameFiles(await vaultFiles(), edited);
		expect(await readFile(notePath, "utf8")).toContain("My own thoughts");
	});

	it("recreates exactly the one deleted note, where its link points, and links nothing", async () => {
		await syncJson();
		const afterFirst = await vaultFiles();
		await unlink(path.join(vault, FIRST_NOTE));
		const json = await syncJson();
		expect(json).toEqual({ created: [FIRST_NOTE], linked: 0, unchanged: 60, conflicts: [], errors: [] });
		// Same bytes as before too: the note is rendered from the same template on the same day.
		expectSameFiles(await vaultFiles(), afterFirst);
	});

	it("finds a note renamed on disk by its url instead of making it again", async () => {
		await syncJson();
		await copyFile(path.join(vault, FIRST_NOTE), path.join(vault, "Papers", "SysML renamed.md"));
		await unlink(path.join(vault, FIRST_NOTE));
		const json = await syncJson();
		expect(json.created).toEqual([]);
		expect(await readdir(path.join(vault, "Papers"))).not.toContain(path.basename(FIRST_NOTE));
	});

	it("--link-style markdown inserts markdown links", async () => {
		const json = await syncJson("--link-style", "markdown");
		expect(json).toMatchObject({ linked: 60 });
		const text = await catalogueText();
		expect(text).toContain(
			"(https://arxiv.org/abs/1904.03257) [notes](Papers/SysML%20-%20The%20New%20Frontier%20of%20Machine%20Learning%20Systems.md)\n",
		);
		const inserted = / \[notes\]\(Papers\/[^()\s]+\.md\)/g;
		expect(text.match(inserted)).toHaveLength(60);
		expect(text).not.toContain("|notes]]");
		expect(Buffer.from(text.replace(inserted, ""), "utf8").equals(original)).toBe(true);
		// And it recognises its own markdown links on the next run.
		expect(await syncJson("--link-style", "markdown")).toMatchObject({ created: [], linked: 0, unchanged: 60 });
	});

	it("--folder, --file-name, --date-format and --template shape the notes", async () => {
		await mkdir(path.join(vault, "Templates"));
		await writeFile(path.join(vault, "Templates", "Paper.md"), "---\nadded: \"{{date}}\"\n---\n# {{title}}\n\nRead on {{date:yyyy}}.\n");
		const json = await syncJson(
			"--folder", "Reading/Notes", "--file-name", "Paper - {{title}}", "--date-format", "dd.MM.yyyy", "--template", "Templates/Paper.md",
		);
		expect(json.created).toHaveLength(60);
		for (const created of json.created) expect(created).toMatch(/^Reading\/Notes\/Paper - [^/]+\.md$/);
		const note = await readFile(path.join(vault, "Reading/Notes/Paper - SysML - The New Frontier of Machine Learning Systems.md"), "utf8");
		expect(note).toMatch(/^---\nadded: "?\d{2}\.\d{2}\.\d{4}"?\n/);
		expect(note).toContain("\n# SysML: The New Frontier of Machine Learning Systems\n");
		expect(note).toMatch(/\nurl: "?https:\/\/arxiv\.org\/abs\/1904\.03257"?\n/);
		expect(await catalogueText()).toContain(" [[Reading/Notes/Paper - SysML - The New Frontier of Machine Learning Systems|notes]]");
	});

	it("--folder / puts the notes in the vault root", async () => {
		const json = await syncJson("--folder", "/");
		expect(json.created).toHaveLength(60);
		for (const created of json.created) expect(created).toMatch(/^[^/]+\.md$/);
		expect(await catalogueText()).toContain(" [[SysML - The New Frontier of Machine Learning Systems|notes]]");
		const afterFirst = await vaultFiles();
		expect(await syncJson("--folder", "/")).toMatchObject({ created: [], linked: 0, unchanged: 60 });
		expectSameFiles(await vaultFiles(), afterFirst);
		expect((await sync("--folder", "/")).stdout).toBe("Created 0 notes in the vault root, linked 0 catalogue items, 60 unchanged.\n");
	});

	it("reports papers it could not write with exit code 1 and links the rest", async () => {
		// A folder where a note should go: the plan cannot know, creating the note fails.
		await mkdir(path.join(vault, FIRST_NOTE), { recursive: true });
		const result = await sync("--json");
		expect(result.code).toBe(1);
		expect(result.stderr).toBe("");
		const json = JSON.parse(result.stdout) as SyncJson;
		expect(json.created).toHaveLength(59);
		expect(json.linked).toBe(59);
		expect(json.errors).toHaveLength(1);
		const [error] = json.errors;
		expect(Object.keys(error ?? {})).toEqual(["paper", "path", "message"]);
		expect(error).toMatchObject({ paper: "SysML: The New Frontier of Machine Learning Systems", path: FIRST_NOTE });
		expect(error?.message).toMatch(/^could not create the note: /);
		expect(await catalogueText()).not.toContain("[[Papers/SysML");

		await rm(path.join(vault, FIRST_NOTE), { recursive: true });
		const human = await sync();
		expect(human.code).toBe(0);
		expect(human.stdout).toBe("Created 1 note in Papers, linked 1 catalogue item, 59 unchanged.\n");
	});

	it("names the paper and the reason of each failure in the human output", async () => {
		await mkdir(path.join(vault, FIRST_NOTE), { recursive: true });
		const result = await sync();
		expect(result.code).toBe(1);
		const lines = result.stdout.trimEnd().split("\n");
		expect(lines[0]).toBe("Created 59 notes in Papers, linked 59 catalogue items, 0 unchanged.");
		expect(lines.slice(1)).toEqual([
			expect.stringMatching(/^Error: "SysML: The New Frontier of Machine Learning Systems" \(Papers\/SysML - The New Frontier of Machine Learning Systems\.md\): could not create the note: /),
		]);
	});

	it("shows progress on stderr only when it is a terminal", async () => {
		const quiet = await sync();
		expect(quiet.stderr).toBe("");
		await rm(path.join(vault, "Papers"), { recursive: true });
		await copyFile(fixture, path.join(vault, CATALOGUE));
		const tty = await run(["sync", vault, "--catalogue", CATALOGUE], { stderrIsTTY: true });
		expect(tty.code).toBe(0);
		expect(tty.stderr).toContain("\rpaper-catalogue: syncing 62/62");
		expect(tty.stderr.endsWith("\r\u001B[K")).toBe(true);
		expect(tty.stdout).toBe("Created 60 notes in Papers, linked 60 catalogue items, 0 unchanged.\n");
	});
});

describe("sync --dry-run", () => {
	it("writes nothing and lists the 60 notes it would create", async () => {
		const before = await vaultFiles();
		const result = await sync("--dry-run", "--json");
		expect(result.code).toBe(0);
		expect(result.stderr).toBe("");
		expect(result.stdout).toBe(`${JSON.stringify(JSON.parse(result.stdout), null, 2)}\n`);
		const json = JSON.parse(result.stdout) as DryRunJson;
		expect(Object.keys(json)).toEqual(["dryRun", "create", "link", "unchanged", "conflicts"]);
		expect(json).toMatchObject({ dryRun: true, link: 60, unchanged: 0, conflicts: [] });
		expect(json.create).toHaveLength(60);
		for (const created of json.create) expect(created).toMatch(/^Papers\/[^/]+\.md$/);
		expectSameFiles(await vaultFiles(), before);

		// What it plans is what a real run does.
		expect((await syncJson()).created).toEqual(json.create);
	});

	it("prints the plan for people", async () => {
		const before = await vaultFiles();
		const result = await sync("--dry-run");
		expect(result.code).toBe(0);
		const lines = result.stdout.trimEnd().split("\n");
		expect(lines[0]).toBe("Dry run: would create 60 notes in Papers, link 60 catalogue items, 0 unchanged.");
		expect(lines.filter((line) => line.startsWith("  create Papers/"))).toHaveLength(60);
		expect(lines).toContain(`  create ${FIRST_NOTE}`);
		expect(lines.at(-1)).toBe("Nothing was written.");
		expectSameFiles(await vaultFiles(), before);
	});

	it("plans nothing after a sync, and still writes nothing", async () => {
		await syncJson();
		await unlink(path.join(vault, FIRST_NOTE));
		const before = await vaultFiles();
		const result = await sync("--dry-run", "--json");
		expect(JSON.parse(result.stdout)).toEqual({ dryRun: true, create: [FIRST_NOTE], link: 0, unchanged: 60, conflicts: [] });
		expectSameFiles(await vaultFiles(), before);
	});
});

describe("sync bad input", () => {
	it("a template with an unknown placeholder", async () => {
		await writeFile(path.join(vault, "Template.md"), "---\ntitle: \"{{titel}}\"\n---\n# {{titel}}\n");
		await expectRejected(["--template", "Template.md"], /\{\{titel\}\}/);
		await expectRejected(["--template", "Template.md", "--dry-run"], /\{\{titel\}\}/);
	});

	it("a missing template note", async () => {
		await expectRejected(["--template", "Templates/Missing.md"], /template note "Templates\/Missing\.md" does not exist/);
	});

	it("a notes folder that is a file", async () => {
		await writeFile(path.join(vault, "Papers"), "I am a file\n");
		const before = await vaultFiles();
		expectBadInput(await sync(), /"Papers" is a file, not a folder/);
		expectSameFiles(await vaultFiles(), before);
		expectBadInput(await sync("--folder", CATALOGUE), /is a file, not a folder/);
		expectSameFiles(await vaultFiles(), before);
	});

	it.each(["../outside", "Papers/../../outside", "/abs"])("a notes folder %j outside the vault", async (folder) => {
		await expectRejected(["--folder", folder], /notes folder cannot be used/);
		await expect(readdir(path.dirname(vault))).resolves.not.toContain("outside");
	});

	it("bad file name and date formats", async () => {
		await expectRejected(["--file-name", "{{nope}}"], /unknown placeholder \{\{nope\}\}/);
		await expectRejected(["--date-format", "YYYY-MM-DD"], /invalid date format "YYYY-MM-DD"/);
	});

	it("an unknown link style", async () => {
		await expectRejected(["--link-style", "html"], /--link-style must be wikilink or markdown, not "html"/);
	});

	it("a missing catalogue or vault", async () => {
		expectBadInput(await run(["sync", vault, "--catalogue", "Missing.md"]), /"Missing\.md" does not exist in vault/);
		expectBadInput(await run(["sync", path.join(vault, "nope"), "--catalogue", CATALOGUE]), /vault folder .* does not exist/);
		expectBadInput(await run(["sync", vault, "--catalogue", "../outside.md"]), /outside the vault/);
		expectBadInput(await run(["sync", vault]), /missing --catalogue <path>/);
		expect(await readdir(vault)).toEqual([CATALOGUE]);
	});
});

describe("sync help", () => {
	it("is listed in the general help", async () => {
		const result = await run(["--help"]);
		expect(result.stdout).toContain(
			"paper-catalogue sync <vault-dir> --catalogue <path> [--folder <path>] [--template <path>] [--date-format <tokens>] [--file-name <format>] [--link-style <wikilink|markdown>] [--details] [--dry-run] [--json]",
		);
		expect(result.stdout).toContain("paper-catalogue progress <vault-dir>");
	});

	it("shows its options and defaults", async () => {
		const result = await run(["help", "sync"]);
		expect(result.code).toBe(0);
		for (const text of ["--dry-run", "--link-style <wikilink|markdown>", '(default "Papers")', '(default "yyyy-MM-dd")', '(default "{{title}}")']) {
			expect(result.stdout).toContain(text);
		}
	});
});

describe("settings are checked before the vault is read", () => {
	it("planSync rejects a notes folder outside the vault with a PlanError", async () => {
		const request = {
			cataloguePath: CATALOGUE,
			settings: { notesFolder: "../outside", fileNameFormat: "{{title}}", dateFormat: "yyyy-MM-dd", linkStyle: "wikilink" as const },
			templatePath: "",
			today: new Date(),
		};
		await expect(planSync(new FileSystemVault(vault), request)).rejects.toBeInstanceOf(PlanError);
	});

	it("a bad file name format is reported as such, not as a bad template", async () => {
		const result = await sync("--file-name", "{{nope}}");
		expect(result.code).toBe(2);
		expect(result.stderr).toMatch(/file name/i);
		expect(result.stderr).not.toMatch(/template/i);
	});
});
