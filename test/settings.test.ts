import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, settingsFromData } from "../src/settings";

describe("settings read back from data.json", () => {
	it.each<[string, Record<string, unknown>, Partial<typeof DEFAULT_SETTINGS>, string[]]>([
		["paths as Obsidian spells them", { notesFolder: "Reading/Papers/", templatePath: "/Templates\\Review.md", catalogues: ["Courses/CS294.md", " Courses/CS294.md ", "Other//List.md"] }, { notesFolder: "Reading/Papers", templatePath: "Templates/Review.md", catalogues: ["Courses/CS294.md", "Other/List.md"] }, []],
		["the vault root as the notes folder", { notesFolder: "/" }, { notesFolder: "" }, []],
		["a date format date-fns rejects", { dateFormat: "yyyy-MM-dd f" }, { dateFormat: DEFAULT_SETTINGS.dateFormat }, ["dateFormat"]],
		["Moment's tokens", { dateFormat: "YYYY-MM-DD" }, { dateFormat: DEFAULT_SETTINGS.dateFormat }, ["dateFormat"]],
		["a notes folder outside the vault", { notesFolder: "../Elsewhere" }, { notesFolder: DEFAULT_SETTINGS.notesFolder }, ["notesFolder"]],
		["an unknown placeholder in the file name format", { fileNameFormat: "{{titel}}" }, { fileNameFormat: DEFAULT_SETTINGS.fileNameFormat }, ["fileNameFormat"]],
		["empty catalogue paths", { catalogues: ["", "  "] }, { catalogues: [] }, []],
		["no base with the notes", { createBase: false }, { createBase: false }, []],
		["a base setting that is not on or off", { createBase: "yes" }, { createBase: true }, ["createBase"]],
		["the base setting missing: on", {}, { createBase: true }, []],
	])("%s", (_name, data, expected, problems) => {
		const loaded = settingsFromData(data);
		expect(loaded.settings).toMatchObject(expected);
		expect(loaded.problems).toEqual(problems);
	});
});
