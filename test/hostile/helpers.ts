/**
 * Shared by the hostile-input tests: fixtures, temp vaults on disk, the CLI run in-process,
 * and byte-for-byte snapshots of a whole folder tree.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import { captureCli, type CliResult, expectBadInput as expectCliBadInput } from "../support/cli";
import type { Catalogue } from "../../src/catalogue/model";
import type { SyncSettings } from "../../src/sync/plan";
import type { SyncRequest } from "../../src/sync/sync";

const fixtureDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "hostile");

export function fixtureBytes(name: string): Buffer {
	return readFileSync(path.join(fixtureDir, name));
}

export function fixture(name: string): string {
	return fixtureBytes(name).toString("utf8");
}

export const SETTINGS: SyncSettings = { notesFolder: "Papers", fileNameFormat: "{{title}}", dateFormat: "yyyy-MM-dd", linkStyle: "wikilink" };
export const TODAY = new Date(2026, 10, 26);
export const CATALOGUE = "Catalogue.md";

export function request(overrides: Partial<SyncRequest> = {}): SyncRequest {
	return { cataloguePath: CATALOGUE, settings: SETTINGS, templatePath: "", today: TODAY, ...overrides };
}

/** A temp folder holding `vault/` and an empty `sentinel/` beside it, which nothing may ever write to. */
export interface TempVault {
	root: string;
	vault: string;
	sentinel: string;
	write(vaultPath: string, content: string | Buffer): Promise<void>;
	remove(): Promise<void>;
}

export async function tempVault(files: Record<string, string | Buffer> = {}): Promise<TempVault> {
	const root = await mkdtemp(path.join(os.tmpdir(), "paper-catalogue-hostile-"));
	const vault = path.join(root, "vault");
	const sentinel = path.join(root, "sentinel");
	await mkdir(vault);
	await mkdir(sentinel);
	const write = async (vaultPath: string, content: string | Buffer): Promise<void> => {
		const full = path.join(vault, vaultPath);
		await mkdir(path.dirname(full), { recursive: true });
		await writeFile(full, content);
	};
	for (const [vaultPath, content] of Object.entries(files)) await write(vaultPath, content);
	return { root, vault, sentinel, write, remove: () => rm(root, { recursive: true, force: true }) };
}

/** Every file and folder under `dir` (hidden ones too), by `/`-separated relative path; folders map to null. */
export async function tree(dir: string): Promise<Map<string, Buffer | null>> {
	const entries = new Map<string, Buffer | null>();
	for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
		const full = path.join(entry.parentPath, entry.name);
		const relative = path.relative(dir, full).split(path.sep).join("/");
		entries.set(relative, entry.isFile() ? await readFile(full) : null);
	}
	return entries;
}

/** Same paths, same bytes; names what differs. */
export function expectSameTree(actual: Map<string, Buffer | null>, expected: Map<string, Buffer | null>): void {
	expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
	const changed = [...expected].filter(([file, bytes]) => {
		const now = actual.get(file);
		return bytes === null ? now !== null : !(now instanceof Buffer && now.equals(bytes));
	});
	expect(changed.map(([file]) => file)).toEqual([]);
}

/** Nothing outside `vault/` changed: the root holds only `vault` and an empty `sentinel`. */
export async function expectNothingOutside(temp: TempVault): Promise<void> {
	expect((await readdir(temp.root)).sort()).toEqual(["sentinel", "vault"]);
	expect(await readdir(temp.sentinel)).toEqual([]);
}

export type { CliResult };

export function cli(...argv: string[]): Promise<CliResult> {
	return captureCli(argv);
}

/** Bad input, as every CLI test expects it, and no trace of an internal error anywhere in the output. */
export function expectBadInput(result: CliResult, message: RegExp): void {
	expectCliBadInput(result, message);
	expectNoStackTrace(result);
}

export function expectNoStackTrace(result: CliResult): void {
	const all = result.stdout + result.stderr;
	expect(all).not.toMatch(/^\s+at .+[:(]\d+/m);
	expect(all).not.toMatch(/\b(?:TypeError|RangeError|ReferenceError|SyntaxError)\b/);
	expect(all).not.toMatch(/internal error/);
}

/** Titles of the catalogue's papers, in document order. */
export function titles(catalogue: Catalogue): string[] {
	return catalogue.papers.map((paper) => paper.title);
}

/** A wikilink or markdown link that sync inserted after an item. */
export const INSERTED_LINK = / \[\[Papers\/[^\]]*?\\?\|notes\]\]| \[notes\]\(Papers\/[^)\s]*\)/g;
