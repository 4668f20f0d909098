import { describe, expect, it } from "vitest";
import { basesFeaturesOf, isAtLeast } from "../../src/bases/features";

describe("basesFeaturesOf", () => {
	const cases: { version: string; bases: boolean; groupBy: boolean }[] = [
		{ version: "1.7.2", bases: false, groupBy: false },
		{ version: "1.8.10", bases: false, groupBy: false },
		{ version: "1.9.0", bases: false, groupBy: false },
		{ version: "1.9.9", bases: false, groupBy: false },
		{ version: "1.9.10", bases: true, groupBy: false },
		{ version: "1.9.14", bases: true, groupBy: false },
		{ version: "1.10.0", bases: true, groupBy: true },
		{ version: "1.10.3", bases: true, groupBy: true },
		{ version: "1.13.1", bases: true, groupBy: true },
		{ version: "2.0", bases: true, groupBy: true },
		{ version: "", bases: false, groupBy: false },
		{ version: "unknown", bases: false, groupBy: false },
	];
	it.each(cases)("$version", ({ version, bases, groupBy }) => {
		expect(basesFeaturesOf(version)).toEqual({ bases, groupBy });
	});
});

describe("isAtLeast", () => {
	it.each([
		["1.10.0", "1.9.10", true],
		["1.9.10", "1.10.0", false],
		["1.10", "1.10.0", true],
		["v1.10.1", "1.10.0", true],
		["1.10.0-beta", "1.10.0", true],
		["1.2.3", "1.2.4", false],
		["x", "1.0.0", false],
	])("%s ≥ %s: %s", (version, minimum, expected) => {
		expect(isAtLeast(version, minimum)).toBe(expected);
	});
});
