import { describe, expect, it } from "vitest";
import { isUnchangedReport, reportWrite, stampedReport } from "../../src/reports/report-file";

const REPORT = "# CS294: reading report\n\nMade by Paper Catalogue on 2026-03-20.\n\n- **Read:** 14 of 60 papers\n";
const STAMPED = stampedReport(REPORT);

describe("stampedReport", () => {
	it("adds one hidden line after the report, and keeps the report's bytes", () => {
		expect(STAMPED.startsWith(REPORT)).toBe(true);
		expect(STAMPED.slice(REPORT.length)).toMatch(/^<!-- paper-catalogue:report [0-9a-f]{8}: made by Paper Catalogue; once you edit this note, the next export writes a new one -->\n$/);
		expect(stampedReport("no newline")).toMatch(/^no newline\n<!-- /);
	});
});

describe("isUnchangedReport", () => {
	it.each<[string, string, boolean]>([
		["as written", STAMPED, true],
		["without its last newline (an editor trimmed it)", STAMPED.slice(0, -1), true],
		["a word changed", STAMPED.replace("14 of 60", "15 of 60"), false],
		["a line added above", `My notes\n${STAMPED}`, false],
		["a line added below the stamp", `${STAMPED}More\n`, false],
		["the stamp's hash edited", STAMPED.replace(/report [0-9a-f]{8}/, "report 00000000"), false],
		["no stamp", REPORT, false],
		["empty", "", false],
		["CRLF line ends (another editor saved it)", STAMPED.replace(/\n/g, "\r\n"), false],
	])("%s → %s", (_name, text, expected) => {
		expect(isUnchangedReport(text)).toBe(expected);
	});
});

describe("reportWrite", () => {
	const next = stampedReport(REPORT.replace("14 of 60", "16 of 60"));
	it.each<[string, string | null, string, "md" | "csv", string]>([
		["nothing there", null, next, "md", "create"],
		["the same report", next, next, "md", "unchanged"],
		["an earlier report, untouched", STAMPED, next, "md", "replace"],
		["an earlier report the user edited", STAMPED.replace("Read:", "Read so far:"), next, "md", "keep"],
		["a note of the user's", "# My reading report\n", next, "md", "keep"],
		["a CSV, the same", "a,b\r\n", "a,b\r\n", "csv", "unchanged"],
		["a CSV that differs: never replaced", "a,b\r\n", "a,c\r\n", "csv", "keep"],
		["a CSV holding a stamped report's text", STAMPED, next, "csv", "keep"],
	])("%s → %s", (_name, existing, text, format, expected) => {
		expect(reportWrite(existing, text, format)).toBe(expected);
	});
});
