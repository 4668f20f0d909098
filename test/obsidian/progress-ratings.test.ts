// @vitest-environment happy-dom
/**
 * Ratings in the progress view: beside a read paper its note's `rating`, and in a section's head the mean of its
 * rated papers; both follow the notes as the user rates them.
 */
import type { App } from "obsidian";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProgressView, VIEW_TYPE_PROGRESS } from "../../src/obsidian/progress-view";
import { clearNotices, settled } from "../fakes/harness";
import { disposeApps, file, start } from "./plugin-support";

const PATH = "Reading.md";
const TEXT = `# Reading

## 1. Basics

- [x] [Attention Is All You Need](https://arxiv.org/abs/1706.03762) [[Papers/Attention|notes]]
- [x] [BERT](https://arxiv.org/abs/1810.04805) [[Papers/BERT|notes]]
- [ ] [GPT-3](https://arxiv.org/abs/2005.14165) [[Papers/GPT-3|notes]]

## 2. Systems

- [ ] [Ray](https://www.usenix.org/system/files/osdi18-moritz.pdf)
`;

function note(title: string, status: string, rating: string): string {
	return `---\ntitle: "${title}"\nstatus: ${status}\nrating: ${rating}\n---\n## Summary\n`;
}

beforeEach(() => clearNotices());
afterEach(disposeApps);

function theView(app: App): ProgressView {
	const view = app.workspace.getLeavesOfType(VIEW_TYPE_PROGRESS)[0]?.view;
	if (!(view instanceof ProgressView)) throw new Error("the progress view is not open");
	return view;
}

async function idle(app: App): Promise<void> {
	for (let i = 0; i < 3; i++) {
		await settled(app);
		await theView(app).whenIdle();
	}
}

function head(root: HTMLElement, title: string): HTMLElement {
	const found = root.findAll(".paper-catalogue-section-head").find((el) => el.find(".paper-catalogue-section-title")?.getText() === title);
	if (!found) throw new Error(`no section ${title}`);
	return found;
}

/** The mean shown in a section's head, or null when it shows none. */
function shownMean(root: HTMLElement, title: string): string | null {
	const rating = head(root, title).find(".paper-catalogue-section-rating");
	return rating.hasClass("paper-catalogue-hidden") ? null : rating.getText();
}

function ratingsShown(root: HTMLElement): Record<string, string> {
	return Object.fromEntries(root.findAll(".paper-catalogue-paper").map((row) => [row.find(".paper-catalogue-paper-title").getText(), row.find(".paper-catalogue-rating")?.getText() ?? ""]));
}

describe("ratings in the progress view", () => {
	it("shows a read paper's rating beside it and the section's mean in its head, and follows the notes", async () => {
		const { app, plugin } = await start({
			files: {
				[PATH]: TEXT,
				"Papers/Attention.md": note("Attention Is All You Need", "read", "5"),
				"Papers/BERT.md": note("BERT", "read", '"4/5"'),
				"Papers/GPT-3.md": note("GPT-3", "unread", "3"),
			},
			data: { catalogues: [PATH] },
		});
		await plugin.activateView();
		await idle(app);
		const root = theView(app).contentEl;
		head(root, "1. Basics").click();
		await idle(app);

		// GPT-3 is unread: its rating counts in the mean, but is not shown beside it.
		expect(ratingsShown(root)).toEqual({ "Attention Is All You Need": "5/5", BERT: "4/5", "GPT-3": "" });
		expect(shownMean(root, "1. Basics")).toBe("4");
		expect(head(root, "1. Basics").getAttr("aria-label")).toBe("1. Basics: 2 of 3 read, mean rating 4 of 5");
		expect(shownMean(root, "2. Systems")).toBeNull();

		await app.fileManager.processFrontMatter(file(app, "Papers/BERT.md"), (frontmatter: Record<string, unknown>) => {
			frontmatter.rating = 4.5;
		});
		await idle(app);
		expect(ratingsShown(root).BERT).toBe("4.5/5");
		expect(shownMean(root, "1. Basics")).toBe("4.2");

		// Unrated (empty, or not a rating): gone from the row and from the mean.
		for (const path of ["Papers/Attention.md", "Papers/BERT.md", "Papers/GPT-3.md"]) {
			await app.fileManager.processFrontMatter(file(app, path), (frontmatter: Record<string, unknown>) => {
				frontmatter.rating = path.includes("BERT") ? "great" : null;
			});
		}
		await idle(app);
		expect(ratingsShown(root)).toEqual({ "Attention Is All You Need": "", BERT: "", "GPT-3": "" });
		expect(shownMean(root, "1. Basics")).toBeNull();
	});
});
