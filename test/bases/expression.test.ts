import { describe, expect, it } from "vitest";
import { stringLiteral } from "../../src/bases/expression";
import { literals, tokenize } from "./expression-syntax";

describe("stringLiteral", () => {
	const cases: { name: string; text: string; literal: string }[] = [
		{ name: "plain text", text: "Courses/CS294 AI-Systems", literal: '"Courses/CS294 AI-Systems"' },
		{ name: "empty", text: "", literal: '""' },
		{ name: "a single quote", text: "Reader's list", literal: `"Reader's list"` },
		{ name: "a double quote", text: 'The "best" papers', literal: `'The "best" papers'` },
		{ name: "both quotes", text: `It's "best"`, literal: `"It's \\"best\\""` },
		{ name: "brackets", text: "Reading [2024] (draft) {x}", literal: '"Reading [2024] (draft) {x}"' },
		{ name: "non-ASCII", text: "Lecturas/Año 2024 – 読書 📚", literal: '"Lecturas/Año 2024 – 読書 📚"' },
		{ name: "a backslash", text: "C\\C++", literal: '"C\\\\C++"' },
		{ name: "a line break", text: "a\nb", literal: '"a\\nb"' },
		{ name: "a tab", text: "a\tb", literal: '"a\\tb"' },
		{ name: "a control character", text: "a\u0001b", literal: '"a\\u0001b"' },
		{ name: "a line separator", text: "a\u2028b", literal: '"a\\u2028b"' },
		{ name: "operators and commas", text: 'x == "y", z) || (', literal: `'x == "y", z) || ('` },
	];
	it.each(cases)("$name", ({ text, literal }) => {
		expect(stringLiteral(text)).toBe(literal);
	});

	it.each(cases)("reads back as one literal holding exactly the text: $name", ({ text }) => {
		const tokens = tokenize(`link(${stringLiteral(text)})`);
		expect(tokens.filter((token) => token.kind === "string")).toHaveLength(1);
		expect(literals(`link(${stringLiteral(text)})`)).toEqual([text]);
	});
});
