import { statSync, writeFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FileSystemVault } from "../../src/node/fs-note-vault";

let dir: string;
let vault: FileSystemVault;

beforeEach(async () => {
	dir = await mkdtemp(path.join(tmpdir(), "paper-catalogue-vault-"));
	vault = new FileSystemVault(dir);
});

afterEach(async () => {
	await rm(dir, { recursive: true, force: true });
});

describe("FileSystemVault", () => {
	it("creates a note and refuses to overwrite one, leaving no temporary file behind", async () => {
		await vault.create("Note.md", "first");
		await expect(vault.create("Note.md", "second")).rejects.toThrow("already exists");
		expect(await readFile(path.join(dir, "Note.md"), "utf8")).toBe("first");
		expect(await readdir(dir)).toEqual(["Note.md"]);
	});

	it("refuses paths that leave the vault", async () => {
		await expect(vault.create("../escape.md", "x")).rejects.toThrow("outside the vault");
		await expect(vault.kind("../..")).rejects.toThrow("outside the vault");
	});

	it("tells files from folders and from nothing", async () => {
		await vault.createFolder("Papers");
		await vault.create("Papers/A.md", "a");
		expect([await vault.kind("Papers"), await vault.kind("Papers/A.md"), await vault.kind("Papers/B.md"), await vault.kind("Papers/A.md/x")]).toEqual([
			"folder",
			"file",
			null,
			null,
		]);
	});

	it("lists notes with their url property, skipping hidden folders", async () => {
		await mkdir(path.join(dir, "Papers", "Sub"), { recursive: true });
		await mkdir(path.join(dir, "Papers", ".trash"), { recursive: true });
		await writeFile(path.join(dir, "Papers", "A.md"), "---\nurl: https://a\n---\n");
		await writeFile(path.join(dir, "Papers", "Sub", "B.md"), "no properties");
		await writeFile(path.join(dir, "Papers", ".trash", "C.md"), "---\nurl: https://c\n---\n");
		await writeFile(path.join(dir, "Papers", "image.png"), "png");
		expect(await vault.notesIn("Papers")).toEqual([{ path: "Papers/A.md", url: "https://a" }, { path: "Papers/Sub/B.md" }]);
		expect(await vault.notesIn("Missing")).toEqual([]);
	});

	it("resolves links like Obsidian: by path, then by name", async () => {
		await mkdir(path.join(dir, "Papers"));
		await writeFile(path.join(dir, "Papers", "A.md"), "");
		expect(await vault.resolveLink("Papers/A", "Catalogue.md")).toBe("Papers/A.md");
		expect(await vault.resolveLink("A", "Catalogue.md")).toBe("Papers/A.md");
		expect(await vault.resolveLink("Other/A", "Catalogue.md")).toBeNull();
		expect(await vault.resolveLink("../A", "Catalogue.md")).toBeNull();
	});

	it("edits atomically and keeps a byte order mark and CRLF line endings", async () => {
		await writeFile(path.join(dir, "C.md"), "\uFEFFline one\r\nline two\r\n");
		await vault.process("C.md", (text) => text.replace("one", "one!"));
		expect(await readFile(path.join(dir, "C.md"), "utf8")).toBe("\uFEFFline one!\r\nline two\r\n");
		expect(await readdir(dir)).toEqual(["C.md"]);
	});

	it("writes nothing when the file changes while the edit is being made", async () => {
		await writeFile(path.join(dir, "C.md"), "original");
		const edit = vault.process("C.md", (text) => {
			// The user saves the file from another program at this very moment.
			writeFileSync(path.join(dir, "C.md"), "the user's edit");
			return `${text} + ours`;
		});
		await expect(edit).rejects.toThrow("changed while it was being edited");
		expect(await readFile(path.join(dir, "C.md"), "utf8")).toBe("the user's edit");
		expect(await readdir(dir)).toEqual(["C.md"]);
	});

	it("does not write when the edit changes nothing", async () => {
		await writeFile(path.join(dir, "C.md"), "same");
		const before = statSync(path.join(dir, "C.md")).mtimeMs;
		await vault.process("C.md", (text) => text);
		expect(statSync(path.join(dir, "C.md")).mtimeMs).toBe(before);
	});
});
