import { describe, expect, it } from "vitest";
import type { PlannedNote } from "../../src/sync/plan";
import { ranksFor } from "../../src/sync/plan";
import type { TemplateValues } from "../../src/notes/template";

const NEW = { note: {} as PlannedNote, values: {} as TemplateValues };
const has = (rank: number | undefined) => ({ rank });

describe("ranksFor", () => {
	it.each([
		["all new: 1, 2, 3", [NEW, NEW, NEW], [1, 2, 3]],
		["existing ranks are kept", [has(1), has(2), has(5)], [1, 2, 5]],
		["new ones between two existing are spread evenly", [has(1), NEW, NEW, NEW, has(2)], [1, 1.25, 1.5, 1.75, 2]],
		["new ones before the first existing fit below it", [NEW, has(1)], [0.5, 1]],
		["new ones after the last existing count on", [has(3), NEW, NEW], [3, 4, 5]],
		["a note without a rank is counted as a place, not fixed", [has(1), has(undefined), NEW, has(4)], [1, 2, 3, 4]],
		["ranks out of order (the user's) never make a new one collide: it counts on", [has(5), NEW, has(2)], [5, 6, 2]],
	])("%s", (_name, order, expected) => {
		expect(ranksFor(order)).toEqual(expected);
	});
});
