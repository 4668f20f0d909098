import { describe, expect, it } from "vitest";
import { headingKind } from "../../src/catalogue/heading-kind";
import type { HeadingKind } from "../../src/catalogue/model";

describe("headingKind", () => {
	it.each<[string, HeadingKind]>([
		// Required.
		["Required Reading", "required"],
		["Require Reading", "required"],
		["Require Readings", "required"],
		["Mandatory reading", "required"],
		["Required", "required"],
		["REQUIRED READINGS", "required"],
		["Must read", "required"],
		["Must-read papers", "required"],
		["Must reads", "required"],
		["Compulsory readings", "required"],
		["Core readings", "required"],
		["Essential papers", "required"],
		["Readings (required)", "required"],
		["**Required reading**", "required"],
		["_Required_", "required"],
		["3. Required reading", "required"],
		["II. Required reading", "required"],
		["Week 3 — Required", "required"],
		["Ｒｅｑｕｉｒｅｄ", "required"],
		// Optional.
		["Optional", "optional"],
		["Additional Optional Reading", "optional"],
		["Further reading", "optional"],
		["Supplementary", "optional"],
		["Supplementary material", "optional"],
		["Supplemental readings", "optional"],
		["Additional reading", "optional"],
		["Additional papers", "optional"],
		["Extra reading", "optional"],
		["Suggested readings", "optional"],
		["Recommended (optional)", "optional"],
		["Recommended reading", "optional"],
		["Background reading", "optional"],
		["Bonus", "optional"],
		["Optional:", "optional"],
		["*Optional* readings", "optional"],
		["4.2 Optional", "optional"],
		["Not required", "optional"],
		["Recommended (not required)", "optional"],
		["Non-mandatory reading", "optional"],
		// Plain.
		["2. Big Data Systems", "plain"],
		["Paper List", "plain"],
		["Course Description", "plain"],
		["Introduction", "plain"],
		["Requirements for the project", "plain"],
		["Project requirements", "plain"],
		["Optionality in ML", "plain"],
		["Options pricing with neural networks", "plain"],
		["Background", "plain"],
		["Core Concepts", "plain"],
		["Readings", "plain"],
		["Reading list", "plain"],
		["Additional topics", "plain"],
		["Prerequisites", "plain"],
		// Both kinds of marker: the parent heading decides instead.
		["Required and optional readings", "plain"],
		["Required (optional for auditors)", "plain"],
		// Degenerate input.
		["", "plain"],
		["   ", "plain"],
		["***", "plain"],
		["1.", "plain"],
	])("%j → %s", (text, expected) => {
		expect(headingKind(text)).toBe(expected);
	});
});
