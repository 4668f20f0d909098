import { describe, expect, it } from "vitest";
import { csvField, csvText, guardFormula } from "../../src/reports/csv";
import { readCsv } from "./csv-reader";

describe("csvField", () => {
	const cases: { name: string; value: string | number | null; field: string }[] = [
		{ name: "plain text", value: "Mixed precision training", field: "Mixed precision training" },
		{ name: "empty", value: "", field: "" },
		{ name: "null", value: null, field: "" },
		{ name: "a comma", value: "Spark SQL, relational", field: '"Spark SQL, relational"' },
		{ name: "a quote", value: 'The "bubble"', field: '"The ""bubble"""' },
		{ name: "a line feed", value: "a\nb", field: '"a\nb"' },
		{ name: "a carriage return inside", value: "a\rb", field: '"a\rb"' },
		{ name: "CRLF", value: "a\r\nb", field: '"a\r\nb"' },
		{ name: "a semicolon is plain", value: "a; b", field: "a; b" },
		{ name: "non-ASCII", value: "Halide’s 読書 📚", field: "Halide’s 読書 📚" },
		{ name: "a number", value: 2018, field: "2018" },
		{ name: "a fraction", value: 4.5, field: "4.5" },
		{ name: "a negative number is not guarded", value: -3, field: "-3" },
		{ name: "not a number", value: Number.NaN, field: "" },
		// Formula injection (OWASP): these would run in a spreadsheet.
		{ name: "a leading =", value: "=1+2", field: "'=1+2" },
		{ name: "a leading + ", value: "+20% from data", field: "'+20% from data" },
		{ name: "a leading -", value: "-2+3", field: "'-2+3" },
		{ name: "a leading @", value: "@SUM(A1:A9)", field: "'@SUM(A1:A9)" },
		{ name: "a leading tab", value: "\t=1", field: "'\t=1" },
		{ name: "a leading CR", value: "\r=1", field: "\"'\r=1\"" },
		{ name: "a leading NUL", value: "\u0000=1", field: "'\u0000=1" },
		{ name: "a formula with a comma and quotes", value: '=HYPERLINK("http://x","y")', field: `"'=HYPERLINK(""http://x"",""y"")"` },
		{ name: "= later in the text is text", value: "a = b", field: "a = b" },
	];
	it.each(cases)("$name", ({ value, field }) => {
		expect(csvField(value)).toBe(field);
	});
});

describe("guardFormula", () => {
	it.each([
		["=x", "'=x"],
		["x=", "x="],
		["'quoted", "'quoted"],
		["", ""],
	])("%j → %j", (text, expected) => {
		expect(guardFormula(text)).toBe(expected);
	});
});

describe("csvText", () => {
	const records = [
		["Title", "Year"],
		['A "quoted", title', 2021],
		["=cmd|'/c calc'!A0", null],
		["two\nlines", 1999],
	];

	it("ends every record with CRLF and starts with a byte order mark", () => {
		const text = csvText(records);
		expect(text.startsWith("\uFEFFTitle,Year\r\n")).toBe(true);
		expect(text.endsWith("1999\r\n")).toBe(true);
	});

	it("leaves the byte order mark out when asked", () => {
		expect(csvText([["a"]], { byteOrderMark: false })).toBe("a\r\n");
	});

	it("reads back, with an RFC 4180 reader, as the fields written (formulas guarded)", () => {
		expect(readCsv(csvText(records, { byteOrderMark: false }))).toEqual([
			["Title", "Year"],
			['A "quoted", title', "2021"],
			["'=cmd|'/c calc'!A0", ""],
			["two\nlines", "1999"],
		]);
	});
});
