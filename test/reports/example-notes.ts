/**
 * Paper notes for the example catalogue, as a user who has read some papers
 * would have them: made from the default template, then written in (a
 * summary, questions, a rating, a read date). Shared by the discussion and
 * reading report tests.
 */
import type { Catalogue, Paper } from "../../src/catalogue/model";
import { safeFileName } from "../../src/notes/file-name";
import { noteWithProperties, readProperties, splitFrontMatter } from "../../src/notes/front-matter";
import { DEFAULT_TEMPLATE, renderTemplate } from "../../src/notes/template";

export const TODAY = new Date(2026, 2, 20, 15, 30); // Friday 20 March 2026

export interface NoteSpec {
	status?: "unread" | "reading" | "read";
	read?: string;
	rating?: unknown;
	summary?: string;
	questions?: string;
	/** A note from a template of the user's own, without the default headings. */
	ownTemplate?: boolean;
}

/** A note made from the default template for `paper`, with what the user wrote into it. */
export function exampleNote(paper: Paper, catalogue: Catalogue, spec: NoteSpec): string {
	const rendered = spec.ownTemplate
		? `---\ntitle: x\n---\n# Notes\n\nI liked it.\n`
		: renderTemplate(
				DEFAULT_TEMPLATE,
				{
					title: paper.title,
					url: paper.url ?? "",
					section: catalogue.sections[paper.sectionIndex]?.title ?? "",
					group: paper.group,
					venue: paper.venue ?? "",
					year: paper.year ?? null,
					award: paper.award ?? "",
					annotation: paper.annotation,
					catalogue: "[[CS294 AI-Systems]]",
					listed: "[[CS294 AI-Systems]]",
					date: new Date(2026, 0, 15),
					checked: paper.checked,
				},
				"yyyy-MM-dd",
			);
	const properties = readProperties(rendered) ?? {};
	if (spec.status !== undefined) properties.status = spec.status;
	if (spec.read !== undefined) properties.read = spec.read;
	if (spec.rating !== undefined) properties.rating = spec.rating;
	let body = splitFrontMatter(rendered).body;
	if (spec.summary !== undefined) body = body.replace(/(## Summary\n<!--.*-->\n)/, `$1${spec.summary}\n`);
	if (spec.questions !== undefined) body = body.replace("## Questions for discussion\n", `## Questions for discussion\n${spec.questions}\n`);
	return noteWithProperties(properties, body);
}

/** What the user has done, by the start of a paper's title. */
export const EXAMPLE_READING: Record<string, NoteSpec | "no note"> = {
	// 1. Introduction and Course Overview
	"SysML: The New Frontier": { status: "read", read: "2026-02-02", rating: 4, summary: "Argues that ML systems are a field of their own, e.g. with their own benchmarks. Then it lists open problems." },
	"Principles of Computer System Design": { status: "read", read: "2026-02-03", rating: "5", summary: "- Modularity, abstraction, layering and hierarchy tame complexity\n- Names bind modules" },
	"A Few Useful Things": { status: "read", read: "2026-02-05", summary: "+20% from more data beats a cleverer algorithm. Overfitting has many faces." },
	"How to read a paper": { status: "read", read: "2026-02-01", rating: "3/5", summary: "Read a paper in three passes, each deeper than the last. Keshav et al. recommend it." },
	"writing reviews": "no note",
	// 2. Big Data Systems
	"Towards a Unified Architecture": { status: "read", read: "2026-03-02", rating: "4/5", summary: "Bismarck runs many analytics tasks in the database as incremental gradient descent (IGD)." },
	"Resilient Distributed Datasets": {
		status: "read",
		read: "2026-03-06",
		rating: 5,
		summary: "RDDs keep data in memory and rebuild lost partitions from lineage. They beat Hadoop by up to 20x on iterative jobs.\n\n<!-- TODO: add the PageRank numbers -->\nSee Fig. 7 for the scaling curve.",
		questions: "- When is recovery from lineage slower than a checkpoint?\n- Does the model fit streaming, as in D-Streams?",
	},
	Lakehouse: { status: "read", read: "2026-03-09" },
	"Delta Lake": { status: "read", read: "2026-03-12", rating: 4, ownTemplate: true },
	"Spark SQL": "no note",
	"The MADlib Analytics Library": { status: "reading", rating: "n/a", summary: "In-database ML with SQL, for \"MAD\" analytics: =SUM(A1) is not a formula here, @you." },
	// 3. Hardware for Machine Learning
	"Mixed precision training": { status: "read", read: "2026-03-16", rating: 3, summary: "Train in FP16 with an FP32 master copy of the weights and loss scaling; accuracy matches FP32 at 2x less memory" },
	"Eyeriss": { status: "read", read: "2026-03-19", rating: 4.5, summary: "A row-stationary dataflow cuts the energy of moving data, which dominates in CNN accelerators." },
	"Interstellar": { status: "read", read: "not a date" },
	"Gemmini": { status: "read", read: "2026-03-20", summary: "A generator of \"systolic-array\" accelerators,\nevaluated with the full software stack.\n\n@DAC it won best paper." },
	// 4. Distributed deep learning, Part I: Systems
	Chimera: { status: "unread" },
};

export interface ExampleNote {
	path: string;
	text: string;
}

/** The example's paper notes (by paper id), as `EXAMPLE_READING` says; papers it does not name have none. */
export function exampleNotes(catalogue: Catalogue): Map<string, ExampleNote> {
	const notes = new Map<string, ExampleNote>();
	for (const paper of catalogue.papers) {
		const spec = Object.entries(EXAMPLE_READING).find(([prefix]) => paper.title.startsWith(prefix))?.[1];
		if (spec === undefined || spec === "no note") continue;
		notes.set(paper.id, { path: `Papers/${safeFileName(paper.title)}.md`, text: exampleNote(paper, catalogue, spec) });
	}
	return notes;
}
