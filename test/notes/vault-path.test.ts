import { describe, expect, it } from "vitest";
import { tidyVaultPath } from "../../src/notes/vault-path";

describe("tidyVaultPath", () => {
	it.each([
		["CS294.md", "CS294.md"],
		["./CS294.md", "CS294.md"],
		[".//Reading/./CS294.md", "Reading/CS294.md"],
		["Reading\\CS294.md", "Reading/CS294.md"],
		["notes/../CS294.md", "CS294.md"],
		["Reading/", "Reading"],
		// Left as given, for the vault's own checks to refuse with their message.
		["../CS294.md", "../CS294.md"],
		["/etc/passwd", "/etc/passwd"],
		["C:\\vault\\CS294.md", "C:\\vault\\CS294.md"],
		[".", "."],
	])("%s → %s", (given, expected) => {
		expect(tidyVaultPath(given)).toBe(expected);
	});
});
