import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readVaultText, resolveInVault, VaultError, type VaultErrorCode } from "../../src/node/fs-vault";

let vault: string;

beforeEach(async () => {
	vault = await mkdtemp(path.join(os.tmpdir(), "paper-catalogue-vault-"));
});

afterEach(async () => {
	await rm(vault, { recursive: true, force: true });
});

async function vaultErrorOf(action: () => unknown): Promise<VaultError> {
	try {
		await action();
	} catch (error) {
		expect(error).toBeInstanceOf(VaultError);
		return error as VaultError;
	}
	throw new Error("expected a VaultError, but nothing was thrown");
}

async function expectCode(action: () => unknown, code: VaultErrorCode): Promise<VaultError> {
	const error = await vaultErrorOf(action);
	expect(error.code).toBe(code);
	expect(error.message).not.toMatch(/\n/);
	return error;
}

describe("resolveInVault", () => {
	it("resolves a vault path to an absolute path inside the vault", () => {
		expect(resolveInVault(vault, "Catalogue.md")).toBe(path.join(vault, "Catalogue.md"));
		expect(resolveInVault(vault, "Reading/CS294 AI-Systems.md")).toBe(path.join(vault, "Reading", "CS294 AI-Systems.md"));
	});

	it("normalises `..` segments that stay inside the vault", () => {
		expect(resolveInVault(vault, "notes/../Catalogue.md")).toBe(path.join(vault, "Catalogue.md"));
		expect(resolveInVault(vault, "./a/./b.md")).toBe(path.join(vault, "a", "b.md"));
	});

	it("resolves a relative vault folder against the working directory", () => {
		expect(resolveInVault("some-vault", "a.md")).toBe(path.resolve("some-vault", "a.md"));
	});

	it("allows file names that merely start with two dots", async () => {
		expect(resolveInVault(vault, "..notes.md")).toBe(path.join(vault, "..notes.md"));
		await expectCode(() => resolveInVault(vault, "../..notes.md"), "outside-vault");
	});

	it.each(["../x.md", "..", "a/../../x.md", "a/b/../../../x.md", "./../x.md"])("rejects %j, which leaves the vault", async (vaultPath) => {
		const error = await expectCode(() => resolveInVault(vault, vaultPath), "outside-vault");
		expect(error.vaultPath).toBe(vaultPath);
		expect(error.message).toContain("outside the vault");
	});

	it.each(["/etc/passwd", "C:\\Windows\\win.ini", "\\\\server\\share\\x.md", "C:x.md"])("rejects the absolute path %j", async (vaultPath) => {
		const error = await expectCode(() => resolveInVault(vault, vaultPath), "outside-vault");
		expect(error.message).toContain("absolute path");
	});

	it("rejects an absolute path even when it points inside the vault", async () => {
		await expectCode(() => resolveInVault(vault, path.join(vault, "a.md")), "outside-vault");
	});

	it("rejects an empty path and one holding NUL", async () => {
		await expectCode(() => resolveInVault(vault, ""), "invalid-path");
		await expectCode(() => resolveInVault(vault, "a\0.md"), "invalid-path");
	});
});

describe("readVaultText", () => {
	it("reads a note as text", async () => {
		await mkdir(path.join(vault, "Reading"));
		await writeFile(path.join(vault, "Reading", "List.md"), "# Papers\n\n- [x] [A paper](https://example.org)\n");
		await expect(readVaultText(vault, "Reading/List.md")).resolves.toBe("# Papers\n\n- [x] [A paper](https://example.org)\n");
	});

	it("decodes UTF-8 and strips a byte order mark", async () => {
		await writeFile(path.join(vault, "bom.md"), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("Timothy Roscoe’s — ü\n")]));
		await expect(readVaultText(vault, "bom.md")).resolves.toBe("Timothy Roscoe’s — ü\n");
	});

	it("strips only the leading byte order mark", async () => {
		await writeFile(path.join(vault, "bom.md"), "\uFEFFa\uFEFFb");
		await expect(readVaultText(vault, "bom.md")).resolves.toBe("a\uFEFFb");
	});

	it("reads an empty file", async () => {
		await writeFile(path.join(vault, "empty.md"), "");
		await expect(readVaultText(vault, "empty.md")).resolves.toBe("");
	});

	it("reports a missing vault folder", async () => {
		const missing = path.join(vault, "nope");
		const error = await expectCode(() => readVaultText(missing, "a.md"), "vault-not-found");
		expect(error.message).toContain(missing);
	});

	it("reports an empty vault folder path", async () => {
		await expectCode(() => readVaultText("", "a.md"), "vault-not-found");
	});

	it("reports a vault that is a file", async () => {
		const file = path.join(vault, "file.md");
		await writeFile(file, "x");
		await expectCode(() => readVaultText(file, "a.md"), "vault-not-directory");
	});

	it("reports a missing file, also below a file", async () => {
		await writeFile(path.join(vault, "file.md"), "x");
		const error = await expectCode(() => readVaultText(vault, "missing.md"), "not-found");
		expect(error.message).toContain("missing.md");
		await expectCode(() => readVaultText(vault, "file.md/child.md"), "not-found");
	});

	it("reports a folder", async () => {
		await mkdir(path.join(vault, "Reading"));
		await expectCode(() => readVaultText(vault, "Reading"), "is-directory");
		await expectCode(() => readVaultText(vault, "."), "is-directory");
	});

	it("reports a path outside the vault before touching it", async () => {
		await expectCode(() => readVaultText(vault, "../outside.md"), "outside-vault");
		await expectCode(() => readVaultText(vault, "/etc/hostname"), "outside-vault");
	});

	it("reports content with NUL bytes as not text", async () => {
		await writeFile(path.join(vault, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]));
		const error = await expectCode(() => readVaultText(vault, "image.png"), "not-text");
		expect(error.message).toContain("NUL");
	});

	it("reports invalid UTF-8 as not text", async () => {
		await writeFile(path.join(vault, "latin1.md"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
		const error = await expectCode(() => readVaultText(vault, "latin1.md"), "not-text");
		expect(error.message).toContain("UTF-8");
	});
});
