import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));
let dir = "";

afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("npm version", () => {
	it("bumps manifest.json and records the minimum app version in versions.json", () => {
		dir = mkdtempSync(path.join(tmpdir(), "paper-catalogue-version-"));
		copyFileSync(path.join(root, "manifest.json"), path.join(dir, "manifest.json"));
		copyFileSync(path.join(root, "versions.json"), path.join(dir, "versions.json"));
		const result = spawnSync(process.execPath, [path.join(root, "scripts/version-bump.mjs")], { cwd: dir, env: { ...process.env, npm_package_version: "9.8.7" }, encoding: "utf8" });
		expect(result.status).toBe(0);
		const manifest = JSON.parse(readFileSync(path.join(dir, "manifest.json"), "utf8")) as { version: string; minAppVersion: string };
		const versions = JSON.parse(readFileSync(path.join(dir, "versions.json"), "utf8")) as Record<string, string>;
		expect(manifest.version).toBe("9.8.7");
		expect(versions["9.8.7"]).toBe(manifest.minAppVersion);
		expect(versions["0.1.0"]).toBe("1.7.2");
	});

	it("keeps package.json, manifest.json and versions.json on the same version", () => {
		const pkg = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
		const manifest = JSON.parse(readFileSync(path.join(root, "manifest.json"), "utf8")) as { version: string; minAppVersion: string };
		const versions = JSON.parse(readFileSync(path.join(root, "versions.json"), "utf8")) as Record<string, string>;
		expect(manifest.version).toBe(pkg.version);
		expect(versions[manifest.version]).toBe(manifest.minAppVersion);
	});
});
