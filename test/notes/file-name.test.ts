import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cutToBytes, MAX_FILE_NAME_BYTES, safeFileName, UNTITLED, uniqueFileName } from "../../src/notes/file-name";
import { isInsideFolder, joinVaultPath } from "../../src/notes/vault-path";

const bytes = (text: string): number => new TextEncoder().encode(text).length;

/** What every platform a vault syncs to accepts, and what keeps Obsidian links working. */
function isPortableName(name: string): boolean {
	return (
		name.length > 0 &&
		// eslint-disable-next-line no-control-regex -- control characters must never appear
		!/[\\/:*?"<>|#^[\]\u0000-\u001F\u007F]/.test(name) &&
		!/^[\s.]|[\s.]$/.test(name) &&
		!/^(?:CON|PRN|AUX|NUL|COM\d|LPT\d)(?:\..*)?$/i.test(name) &&
		bytes(name) <= MAX_FILE_NAME_BYTES
	);
}

describe("safeFileName", () => {
	it.each([
		["SysML: The New Frontier of Machine Learning Systems", "SysML - The New Frontier of Machine Learning Systems"],
		["Federated Learning at Google … A comic strip?", "Federated Learning at Google … A comic strip"],
		['What is "attention"? A/B tests <and> more', "What is attention A B tests and more"],
		["C# vs F^2 [draft] | notes", "C vs F 2 draft notes"],
		["../../etc/passwd", "etc passwd"],
		["..", UNTITLED],
		["", UNTITLED],
		["   ", UNTITLED],
		["?*:", UNTITLED],
		["CON", "CON (paper)"],
		["nul.txt", "nul.txt (paper)"],
		["com1", "com1 (paper)"],
		["Console", "Console"],
		[".hidden title.", "hidden title"],
		["Tab\tand\nnewline", "Tab and newline"],
		["zero\u200Bwidth\u202Ebidi", "zerowidthbidi"],
		["joiners stay: 👩‍💻 می‌خواهم", "joiners stay - 👩‍💻 می‌خواهم"],
		["右から左 עברית", "右から左 עברית"],
		["Emoji 🧠 paper", "Emoji 🧠 paper"],
	])("%j → %j", (title, name) => {
		expect(safeFileName(title)).toBe(name);
	});

	it("cuts long titles to 200 bytes of UTF-8 without splitting a character", () => {
		const name = safeFileName("数据".repeat(200));
		expect(bytes(name)).toBeLessThanOrEqual(200);
		expect(name).toBe("数据".repeat(33));
		const emoji = safeFileName("👩‍👩‍👧‍👦".repeat(30));
		expect(bytes(emoji)).toBeLessThanOrEqual(200);
		expect(emoji.length % "👩‍👩‍👧‍👦".length).toBe(0);
	});

	it("gives a portable, bounded name for any title, inside the notes folder, the same every time", () => {
		fc.assert(
			fc.property(fc.string({ unit: "binary", maxLength: 400 }), (title) => {
				const name = safeFileName(title);
				expect(isPortableName(name)).toBe(true);
				expect(safeFileName(title)).toBe(name);
				const path = joinVaultPath("Papers", `${name}.md`);
				expect(isInsideFolder(path, "Papers")).toBe(true);
				expect(path.split("/")).toHaveLength(2);
			}),
			{ numRuns: 2000 },
		);
	});
});

describe("uniqueFileName", () => {
	it("adds (2), (3)… until a name is free", () => {
		const taken = new Set(["A", "A (2)"]);
		expect(uniqueFileName("A", (name) => taken.has(name))).toBe("A (3)");
		expect(uniqueFileName("B", (name) => taken.has(name))).toBe("B");
	});

	it("stays within the byte limit with the suffix", () => {
		const long = "x".repeat(MAX_FILE_NAME_BYTES);
		const name = uniqueFileName(long, (candidate) => candidate === long);
		expect(name.endsWith(" (2)")).toBe(true);
		expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
	});
});

describe("cutToBytes", () => {
	it("never cuts inside a character", () => {
		fc.assert(
			fc.property(fc.string({ unit: "grapheme", maxLength: 80 }), fc.nat(120), (text, limit) => {
				const cut = cutToBytes(text, limit);
				expect(bytes(cut)).toBeLessThanOrEqual(Math.max(limit, 0));
				expect(text.startsWith(cut)).toBe(true);
				expect(cut).not.toMatch(/[\uD800-\uDBFF]$/);
			}),
			{ numRuns: 1000 },
		);
	});
});
