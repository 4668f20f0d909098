/**
 * Overlong lines: `capLongLines` blanks their middle in place, `cutLongLines` cuts it out, and the
 * cut's map sends every position of the cut text back to the same character of the original.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capLongLines, cutLongLines, MAX_LINE_LENGTH } from "../../src/catalogue/long-lines";

const KEEP = MAX_LINE_LENGTH / 2;

/** 1-based line and column of `offset`, lines ending at `\r\n`, `\n` or `\r`. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let start = 0;
	for (let i = 0; i < offset; i++) {
		const code = text.charCodeAt(i);
		if (code === 13 && text.charCodeAt(i + 1) === 10) continue;
		if (code === 10 || code === 13) {
			line += 1;
			start = i + 1;
		}
	}
	return { line, column: offset - start + 1 };
}

const lineText = fc.oneof(
	fc.constantFrom("", "- [ ] [Short](https://example.org/s)", "🦀".repeat(3)),
	fc.tuple(fc.integer({ min: MAX_LINE_LENGTH - 2, max: MAX_LINE_LENGTH * 2 }), fc.constantFrom("a", "é", "🦀", " ", "[x](u) ")).map(([length, unit]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
);
const text = fc.tuple(fc.array(lineText, { minLength: 1, maxLength: 4 }), fc.constantFrom("\n", "\r\n", "\r")).map(([lines, eol]) => lines.join(eol));

describe("long lines", () => {
	it("leaves short texts and short lines alone", () => {
		const short = `a\n${"b".repeat(MAX_LINE_LENGTH)}\nc`;
		expect(capLongLines(short)).toBe(short);
		expect(cutLongLines(short).text).toBe(short);
		expect(cutLongLines(short).cuts.empty).toBe(true);
	});

	it("blanks or cuts the middle of a long line, keeping its first and last characters", () => {
		const line = `- [ ] [${"w".repeat(30_000)}](https://example.org/long)`;
		const capped = capLongLines(`${line}\n`);
		expect(capped).toHaveLength(line.length + 1);
		expect(capped.slice(0, KEEP)).toBe(line.slice(0, KEEP));
		expect(capped.slice(line.length - KEEP)).toBe(`${line.slice(line.length - KEEP)}\n`);
		expect(capped.slice(KEEP, line.length - KEEP).trim()).toBe("");
		const { text: cut } = cutLongLines(`${line}\n`);
		expect(cut).toBe(`${line.slice(0, KEEP)} ${line.slice(line.length - KEEP)}\n`);
	});

	it("never splits a surrogate pair", () => {
		const line = "🦀".repeat(MAX_LINE_LENGTH);
		expect(capLongLines(line)).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/);
		expect(cutLongLines(line).text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/);
	});

	it("maps every position outside a cut back to the same character, line and column", () => {
		fc.assert(
			fc.property(text, fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 20 }), (original, fractions) => {
				const { text: cut, cuts } = cutLongLines(original);
				const capped = capLongLines(original);
				expect(capped).toHaveLength(original.length);
				for (const fraction of fractions) {
					const at = Math.floor(fraction * (cut.length + 1));
					const back = cuts.offset(at);
					// The one space left of a middle stands for all of it: it maps to the middle's first character.
					expect(at === cut.length ? back === original.length : capped[back] === cut[at]).toBe(true);
					const here = lineAndColumn(cut, at);
					const there = lineAndColumn(original, back);
					expect(here.line).toBe(there.line);
					expect(cuts.column(at, here.line, here.column)).toBe(there.column);
				}
			}),
			{ numRuns: 150 },
		);
	});
});
