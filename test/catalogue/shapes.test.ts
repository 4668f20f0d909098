/**
 * How the parser reads the shapes reading lists take in the wild: awesome-lists,
 * course pages, reference lists, vault notes. One small fixture per shape in
 * `test/fixtures/shapes/`; the expectations follow the parsing rules of the catalogue
 * spec, and where the spec is silent a comment says what was chosen and why.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { paperAtLine, withCheckboxes } from "../../src/catalogue/edits";
import type { Catalogue, Paper } from "../../src/catalogue/model";
import { parseCatalogue } from "../../src/catalogue/parse";

const SHAPES = [
	"link-text-not-title",
	"bold-title-authors",
	"several-links",
	"plain-checkbox",
	"sub-bullets",
	"table",
	"numbered-references",
	"relative-pdf-links",
	"wrapped-links",
	"crlf",
	"non-ascii",
	"toc-links",
	"ignored-blocks",
	"no-headings",
	"headings-no-papers",
	"mixed-groups",
	"kramdown-course",
	"progress-checklist",
	"schedule-lines",
	"glued-comments",
] as const;
type Shape = (typeof SHAPES)[number];

interface Parsed {
	text: string;
	catalogue: Catalogue;
}

const cache = new Map<Shape, Parsed>();

/** The fixture's text and its catalogue, parsed once per file. */
function shape(name: Shape): Parsed {
	let parsed = cache.get(name);
	if (!parsed) {
		const text = readFileSync(new URL(`../fixtures/shapes/${name}.md`, import.meta.url), "utf8");
		parsed = { text, catalogue: parseCatalogue(text) };
		cache.set(name, parsed);
	}
	return parsed;
}

function papersOf(name: Shape): Paper[] {
	return shape(name).catalogue.papers;
}

function paperTitled(name: Shape, title: string): Paper {
	const paper = papersOf(name).find((p) => p.title === title);
	if (!paper) throw new Error(`${name}: no paper titled ${JSON.stringify(title)}`);
	return paper;
}

/** The source text of a paper's item. */
function sourceOf(name: Shape, paper: Paper): string {
	return shape(name).text.slice(paper.range.start.offset, paper.range.end.offset);
}

/** Titles of the sections that hold papers, `null` for the section before any section heading. */
function sectionTitles(name: Shape): (string | null)[] {
	return shape(name).catalogue.sections.map((section) => (section.headingIndex === null ? null : section.title));
}

function venueOf(paper: Paper): { venue?: string; year?: number; award?: string } {
	return { venue: paper.venue, year: paper.year, award: paper.award };
}

const TITLES: [Shape, string[]][] = [
	[
		"link-text-not-title",
		[
			"Reformer: The Efficient Transformer",
			"Linformer: Self-Attention with Linear Complexity",
			"Longformer: The Long-Document Transformer",
			"Big Bird: Transformers for Longer Sequences",
			"FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness",
			"Rethinking Attention with Performers",
			"Efficient Streaming Language Models with Attention Sinks",
		],
	],
	[
		"bold-title-authors",
		[
			"Deep learning",
			"Deep learning",
			"A fast learning algorithm for deep belief nets",
			"Reducing the dimensionality of data with neural networks",
			"ImageNet classification with deep convolutional neural networks",
			"Very deep convolutional networks for large-scale image recognition",
			"Deep residual learning for image recognition",
		],
	],
	[
		"several-links",
		[
			"MapReduce: Simplified Data Processing on Large Clusters",
			"The Google File System",
			"The Design of a Practical System for Fault-Tolerant Virtual Machines",
			"In Search of an Understandable Consensus Algorithm (Extended Version)",
			"ZooKeeper: Wait-free coordination for Internet-scale systems",
		],
	],
	[
		"plain-checkbox",
		[
			"The Google File System",
			"MapReduce: Simplified Data Processing on Large Clusters",
			"Bigtable: A Distributed Storage System for Structured Data",
			"The UNIX Time-Sharing System",
			"Lottery Scheduling: Flexible Proportional-Share Resource Management",
			"Scheduler Activations: Effective Kernel Support for the User-Level Management of Parallelism",
			"A Protocol for Packet Network Intercommunication",
			"End-to-End Arguments in System Design",
		],
	],
	[
		"sub-bullets",
		[
			"Paxos Made Simple",
			"In Search of an Understandable Consensus Algorithm",
			// A task sub-item is tracked by its own box: an item of its own.
			"Read sections 1–5 before the meeting",
			"Practical Byzantine Fault Tolerance",
			"HotStuff: BFT Consensus in the Lens of Blockchain",
			"The latest gossip on BFT consensus",
		],
	],
	[
		"table",
		[
			"The Google File System",
			"Bigtable: A Distributed Storage System for Structured Data",
			"Spanner: Google's Globally-Distributed Database",
			"MapReduce: Simplified Data Processing on Large Clusters",
			"Resilient Distributed Datasets: A Fault-Tolerant Abstraction for In-Memory Cluster Computing",
			"Dremel: Interactive Analysis of Web-Scale Datasets",
		],
	],
	[
		"numbered-references",
		[
			"MapReduce: Simplified Data Processing on Large Clusters",
			"Resilient Distributed Datasets: A Fault-Tolerant Abstraction for In-Memory Cluster Computing",
			"Dryad: Distributed Data-Parallel Programs from Sequential Building Blocks",
			"Naiad: A Timely Dataflow System",
			"Ray: A distributed framework for emerging AI applications",
		],
	],
	[
		"relative-pdf-links",
		[
			"Attention Is All You Need",
			"Deep Residual Learning for Image Recognition",
			"Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift",
			"Adam: A Method for Stochastic Optimization",
			"Dropout: A Simple Way to Prevent Neural Networks from Overfitting",
		],
	],
	[
		"wrapped-links",
		[
			"Towards a Unified Architecture for in-RDBMS Analytics",
			"Resilient Distributed Datasets: A Fault-Tolerant Abstraction for In-Memory Cluster Computing",
			"Lakehouse: A New Generation of Open Platforms that Unify Data Warehousing and Advanced Analytics",
			"Spark SQL: Relational Data Processing in Spark",
			"Delta Lake: High-Performance ACID Table Storage over Cloud Object Stores",
		],
	],
	[
		"crlf",
		[
			"The UNIX Time-Sharing System",
			"A History and Evaluation of System R",
			"End-to-End Arguments in System Design",
			"A Fast File System for UNIX",
			"The Design and Implementation of a Log-Structured File System",
		],
	],
	[
		"non-ascii",
		[
			"大规模语言模型：从理论到实践",
			"GLM：基于自回归空白填充的通用语言模型预训练",
			"深層学習による自然言語処理の最近の進展",
			"从零实现 🦙 LLaMA 推理",
			"🦩 Flamingo: a Visual Language Model for Few-Shot Learning",
			"Théorie de la spéculation",
			"Über formal unentscheidbare Sätze der Principia Mathematica und verwandter Systeme I",
		],
	],
	[
		"toc-links",
		[
			"Language Models are Unsupervised Multitask Learners",
			"BERT: Pre-training of Deep Bidirectional Transformers for Language Understanding",
			"Scaling Laws for Neural Language Models",
			"Training Compute-Optimal Large Language Models",
			"Training language models to follow instructions with human feedback",
			"Constitutional AI: Harmlessness from AI Feedback",
		],
	],
	[
		"ignored-blocks",
		[
			"The Linux Scheduler: a Decade of Wasted Cores",
			"Arrakis: The Operating System is the Control Plane",
			// Inside <details>, but after a blank line: CommonMark (and GitHub, and Obsidian) render
			// this as a markdown list, so it is a real paper, not part of the HTML block.
			"Exokernel: An Operating System Architecture for Application-Level Resource Management",
		],
	],
	[
		"no-headings",
		[
			"Time, Clocks, and the Ordering of Events in a Distributed System",
			"The Byzantine Generals Problem",
			"Impossibility of Distributed Consensus with One Faulty Process",
			"Distributed Snapshots: Determining Global States of Distributed Systems",
			"Viewstamped Replication Revisited",
		],
	],
	["headings-no-papers", []],
	[
		"mixed-groups",
		[
			"A Berkeley View of Systems Challenges for AI",
			"SysML: The New Frontier of Machine Learning Systems",
			"A Few Useful Things to Know About Machine Learning",
			"Hidden Technical Debt in Machine Learning Systems",
			"The Unreasonable Effectiveness of Data",
			"Large Scale Distributed Deep Networks",
			"Scaling Distributed Machine Learning with the Parameter Server",
			"In-Datacenter Performance Analysis of a Tensor Processing Unit",
			"Roofline: An Insightful Visual Performance Model for Multicore Architectures",
			"A Domain-Specific Architecture for Deep Neural Networks",
		],
	],
	[
		"kramdown-course",
		[
			"The Datacenter as a Computer",
			"Designing Data-Intensive Applications",
			"How to Read a Paper",
			"Naiad: A Timely Dataflow System",
			"Dryad: Distributed Data-Parallel Programs from Sequential Building Blocks",
			"MillWheel: Fault-Tolerant Stream Processing at Internet Scale",
			"FlumeJava: Easy, Efficient Data-Parallel Pipelines",
			"Clipper: A Low-Latency Online Prediction Serving System",
			"TensorFlow-Serving: Flexible, High-Performance ML Serving",
		],
	],
	[
		"progress-checklist",
		[
			"Lecture 1: Introduction",
			"MapReduce (2004)",
			"Watch the lecture video",
			"Review the lecture notes",
			"Lab 1: MapReduce",
			"Sequential version",
			"Parallel version",
			"Crash tests",
			"Lecture 2: RPC and threads",
			"The Go Memory Model",
			"Implementing Remote Procedure Calls",
			"The Google File System",
		],
	],
	[
		"schedule-lines",
		[
			"MapReduce: Simplified Data Processing on Large Clusters",
			"Implementing Remote Procedure Calls",
			"The Go Memory Model",
			"The Google File System",
			"Bigtable: A Distributed Storage System for Structured Data",
			"The Design of a Practical System for Fault-Tolerant Virtual Machines",
		],
	],
	[
		"glued-comments",
		[
			"How Good Are Query Optimizers, Really?",
			"Access Path Selection in a Relational Database Management System",
			"The Cascades Framework for Query Optimization",
			// A space before the parenthesis: part of the title, not a comment.
			"Orca: A Modular Query Optimizer Architecture for Big Data (Extended Version)",
			"The Case for Learned Index Structures",
			"The Design and Implementation of a Log-Structured File System",
			// Glued to a letter, one word, no year: part of a name.
			"Scheduling in O(1)",
		],
	],
];

describe("paper titles, in document order", () => {
	it("covers every shape fixture", () => {
		expect(TITLES.map(([name]) => name)).toEqual([...SHAPES]);
	});

	it.each(TITLES)("%s", (name, titles) => {
		expect(papersOf(name).map((paper) => paper.title)).toEqual(titles);
	});
});

describe("link text that is not a title", () => {
	it.each([
		// `[[Paper]](url)` and `[[arXiv]](url)`: the title is the item's own text, the url that link's.
		["Reformer: The Efficient Transformer", "https://arxiv.org/abs/2001.04451"],
		["Linformer: Self-Attention with Linear Complexity", "https://arxiv.org/abs/2006.04768"],
		// An emoji link before the real one: the real one gives title and url.
		["Longformer: The Long-Document Transformer", "https://arxiv.org/abs/2004.05150"],
		// Only emoji links: the title is the plain text. Spec is silent on the url; the first link
		// (here the PDF) is what a reader would click, so that is the paper's url.
		["Big Bird: Transformers for Longer Sequences", "https://arxiv.org/pdf/2007.14062.pdf"],
		// `[pdf](url) **Title**`: the bold title names it, the pdf link is the url.
		["FlashAttention: Fast and Memory-Efficient Exact Attention with IO-Awareness", "https://arxiv.org/pdf/2205.14135.pdf"],
		// `Authors. "Title". Venue. [arXiv](url)`: the quoted title.
		["Rethinking Attention with Performers", "https://arxiv.org/abs/2009.14794"],
		// `[code](…) [Title](…)`: the first link with real title text is title and url.
		["Efficient Streaming Language Models with Attention Sinks", "https://arxiv.org/abs/2309.17453"],
	])("%s → %s", (title, url) => {
		expect(paperTitled("link-text-not-title", title).url).toBe(url);
	});

	it("ticks nothing and has sections at ##", () => {
		expect(papersOf("link-text-not-title").every((p) => !p.checked && p.checkboxOffset === undefined)).toBe(true);
		expect(shape("link-text-not-title").catalogue.sectionDepth).toBe(2);
		expect(sectionTitles("link-text-not-title")).toEqual(["Sparse and Low-Rank Attention", "IO-Aware and Kernelized Attention"]);
	});
});

describe("bold titles followed by authors", () => {
	it("takes the url of the first link and the checkbox when there is one", () => {
		expect(papersOf("bold-title-authors").map((p) => [p.url, p.checked, p.checkboxOffset !== undefined])).toEqual([
			["http://www.deeplearningbook.org/", false, false],
			["http://www.cs.toronto.edu/~hinton/absps/NatureDeepReview.pdf", false, false],
			["http://www.cs.toronto.edu/~hinton/absps/ncfast.pdf", false, true],
			["http://www.cs.toronto.edu/~hinton/science.pdf", true, true],
			["http://papers.nips.cc/paper/4824-imagenet-classification-with-deep-convolutional-neural-networks.pdf", false, false],
			["https://arxiv.org/pdf/1409.1556.pdf", false, false],
			["https://arxiv.org/pdf/1512.03385.pdf", false, false],
		]);
	});

	it("keeps two papers with the same title apart", () => {
		const [book, survey] = papersOf("bold-title-authors");
		expect(book?.id).not.toBe(survey?.id);
		expect(book?.headingPath).toEqual(["Deep Learning Papers Reading Roadmap", "1 Deep Learning History and Basics", "1.1 Book"]);
	});

	it("splits into sections at ###, the first depth where the papers split", () => {
		expect(shape("bold-title-authors").catalogue.sectionDepth).toBe(3);
		expect(sectionTitles("bold-title-authors")).toEqual(["1.1 Book", "1.2 Survey", "1.3 Deep Belief Network (DBN)", "1.4 ImageNet Evolution"]);
	});
});

describe("several links in one item", () => {
	it.each([
		["MapReduce: Simplified Data Processing on Large Clusters", "https://research.google/pubs/pub62/", false],
		// `[pdf](…) | [Title](…) | [slides](…)`: the titled link wins even though it is not first.
		["The Google File System", "https://research.google/pubs/pub51/", true],
		// Two titled links: the first is the paper, the second is only mentioned.
		["The Design of a Practical System for Fault-Tolerant Virtual Machines", "https://pdos.csail.mit.edu/6.824/papers/vm-ft.pdf", true],
		["In Search of an Understandable Consensus Algorithm (Extended Version)", "https://raft.github.io/raft.pdf", false],
		["ZooKeeper: Wait-free coordination for Internet-scale systems", "https://www.usenix.org/legacy/event/atc10/tech/full_papers/Hunt.pdf", false],
	])("%s → %s", (title, url, checked) => {
		expect(paperTitled("several-links", title)).toMatchObject({ url, checked });
	});

	it.each([
		["The Google File System", { venue: "SOSP", year: 2003 }],
		["ZooKeeper: Wait-free coordination for Internet-scale systems", { venue: "USENIX ATC", year: 2010 }],
		["MapReduce: Simplified Data Processing on Large Clusters", {}],
	])("reads the venue note of %s", (title, venue) => {
		expect(venueOf(paperTitled("several-links", title))).toEqual({ venue: undefined, year: undefined, award: undefined, ...venue });
	});

	it("has one section per lecture", () => {
		expect(sectionTitles("several-links")).toEqual([
			"Lecture 1: Introduction",
			"Lecture 3: GFS",
			"Lecture 4: Primary/Backup Replication",
			"Lecture 5: Raft",
			"Lecture 8: ZooKeeper",
		]);
	});
});

describe("plain checkbox items", () => {
	it("reads the tick of -, * and numbered task items, nested `- - [ ]` included", () => {
		expect(papersOf("plain-checkbox").map((p) => p.checked)).toEqual([false, true, true, true, false, false, false, true]);
		expect(papersOf("plain-checkbox").every((p) => p.url === undefined && p.checkboxOffset !== undefined)).toBe(true);
	});

	it("strips a trailing venue note from plain text as it would from link text", () => {
		// The spec speaks of link text; a reader expects `[SOSP’03]` to be read the same way here.
		expect(venueOf(paperTitled("plain-checkbox", "The Google File System"))).toEqual({ venue: "SOSP", year: 2003, award: undefined });
	});

	it("has the sections Storage, Operating Systems and Networking", () => {
		// The empty `- [ ]` template line and the plain "Reading group" bullet are not papers (see the titles).
		expect(sectionTitles("plain-checkbox")).toEqual(["Storage", "Operating Systems", "Networking"]);
	});
});

describe("sub-bullets", () => {
	it("gives a paper its sub-bullets as details", () => {
		expect(paperTitled("sub-bullets", "Paxos Made Simple").details).toEqual(["Leslie Lamport", "ACM SIGACT News 32(4), 2001", "Presenter: Alice"]);
		expect(paperTitled("sub-bullets", "Practical Byzantine Fault Tolerance").details).toEqual(["Castro & Liskov, OSDI 1999"]);
		expect(paperTitled("sub-bullets", "The latest gossip on BFT consensus").details).toEqual(["Tendermint"]);
		expect(paperTitled("sub-bullets", "HotStuff: BFT Consensus in the Lens of Blockchain").details).toEqual([]);
	});

	it("keeps a linked sub-item as a detail, and makes a checkbox sub-item an item of its own", () => {
		const raft = paperTitled("sub-bullets", "In Search of an Understandable Consensus Algorithm");
		// Spec is silent on deeper nesting: every bullet below the paper is one detail, in document order.
		expect(raft.details).toEqual([
			"Diego Ongaro, John Ousterhout",
			"USENIX ATC 2014, Best Paper",
			"The extended version has the safety proof",
			"Related: Raft Refloated: Do We Have Consensus?",
		]);
		expect(raft.checked).toBe(false);
		const reading = paperTitled("sub-bullets", "Read sections 1–5 before the meeting");
		// Done by its own box, which is not the paper's; it lies inside the paper's item.
		expect(reading.checkboxOffset).not.toBe(raft.checkboxOffset);
		expect(shape("sub-bullets").text.slice((reading.checkboxOffset ?? 0) - 1, (reading.checkboxOffset ?? 0) + 2)).toBe("[ ]");
		expect(reading.range.start.offset).toBeGreaterThan(raft.range.start.offset);
		expect(reading.range.end.offset).toBeLessThanOrEqual(raft.range.end.offset);
		expect(reading.headingPath).toEqual(raft.headingPath);
	});

	it("takes linked items under a plain bullet as papers", () => {
		expect(paperTitled("sub-bullets", "HotStuff: BFT Consensus in the Lens of Blockchain")).toMatchObject({
			url: "https://arxiv.org/abs/1803.05069",
			checked: false,
			headingPath: ["Consensus Reading Group", "Byzantine Fault Tolerance"],
			group: "required",
		});
	});
});

describe("tables", () => {
	it("takes every body row with a link, with its url", () => {
		expect(papersOf("table").map((p) => p.url)).toEqual([
			"https://static.googleusercontent.com/media/research.google.com/en//archive/gfs-sosp2003.pdf",
			"https://static.googleusercontent.com/media/research.google.com/en//archive/bigtable-osdi06.pdf",
			"https://static.googleusercontent.com/media/research.google.com/en//archive/spanner-osdi2012.pdf",
			"https://static.googleusercontent.com/media/research.google.com/en//archive/mapreduce-osdi04.pdf",
			"https://www.usenix.org/system/files/conference/nsdi12/nsdi12-final138.pdf",
			"https://research.google/pubs/pub36632/",
		]);
	});

	it("does not tick a row for a ✅ in the Read column", () => {
		// The spec: an item without a checkbox is not done. A ✅ cannot be toggled like a checkbox.
		expect(papersOf("table").every((p) => !p.checked && p.checkboxOffset === undefined)).toBe(true);
	});

	it("gives each row the heading above its table", () => {
		expect(sectionTitles("table")).toEqual(["Storage", "Processing"]);
		expect(paperTitled("table", "Dremel: Interactive Analysis of Web-Scale Datasets").headingPath).toEqual(["Systems Seminar Reading List", "Processing"]);
	});
});

describe("numbered reference paragraphs", () => {
	it("takes the quoted title and the pdf link", () => {
		expect(papersOf("numbered-references").map((p) => p.url)).toEqual([
			"https://static.googleusercontent.com/media/research.google.com/en//archive/mapreduce-osdi04.pdf",
			"https://www.usenix.org/system/files/conference/nsdi12/nsdi12-final138.pdf",
			"https://www.microsoft.com/en-us/research/wp-content/uploads/2007/03/eurosys07.pdf",
			"https://sigops.org/s/conferences/sosp/2013/papers/p439-murray.pdf",
			"https://www.usenix.org/system/files/osdi18-moritz.pdf",
		]);
		// Curly quotes (“Naiad…”) count as quotes, and IEEE style puts the comma inside them
		// ("Ray: …,"): the title is what a reader would call the paper, without that comma.
	});

	it("puts them under their heading, with no split into sections", () => {
		const { catalogue } = shape("numbered-references");
		expect(catalogue.papers.every((p) => p.headingPath.join(" / ") === "Background reading for the project proposal / References")).toBe(true);
		expect(catalogue.sectionDepth).toBeNull();
	});
});

describe("relative links to PDFs", () => {
	it("keeps relative urls as written", () => {
		expect(papersOf("relative-pdf-links").map((p) => [p.url, p.checked])).toEqual([
			["papers/attention.pdf", false],
			["./papers/resnet.pdf", true],
			["../Library/Ioffe%20and%20Szegedy%20-%202015.pdf", false],
			// `<…>` only delimits a destination with spaces; the target is what is inside.
			["papers/Adam - A Method for Stochastic Optimization.pdf", false],
			["papers/srivastava14a.pdf", true],
		]);
	});

	it("puts wikilinks to notes in noteLinks, not in the url", () => {
		// The PDF is the paper; the wikilink is the reader's note about it.
		expect(paperTitled("relative-pdf-links", "Deep Residual Learning for Image Recognition").noteLinks).toEqual(["Papers/ResNet"]);
		expect(paperTitled("relative-pdf-links", "Dropout: A Simple Way to Prevent Neural Networks from Overfitting").noteLinks).toEqual(["Papers/Dropout"]);
	});
});

describe("links wrapped over two lines", () => {
	it.each([
		["Towards a Unified Architecture for in-RDBMS Analytics", "required", {}],
		["Resilient Distributed Datasets: A Fault-Tolerant Abstraction for In-Memory Cluster Computing", "required", {}],
		["Lakehouse: A New Generation of Open Platforms that Unify Data Warehousing and Advanced Analytics", "required", { venue: "CIDR", year: 2021 }],
		["Spark SQL: Relational Data Processing in Spark", "optional", { venue: "SIGMOD", year: 2015 }],
		["Delta Lake: High-Performance ACID Table Storage over Cloud Object Stores", "optional", {}],
	])("%s (%s)", (title, group, venue) => {
		const paper = paperTitled("wrapped-links", title);
		expect(paper.group).toBe(group);
		expect(venueOf(paper)).toEqual({ venue: undefined, year: undefined, award: undefined, ...venue });
	});

	it("reads the url of a link whose text wraps, and of a bold title whose link is on the next line", () => {
		expect(papersOf("wrapped-links").map((p) => p.url)).toEqual([
			"https://www.cs.stanford.edu/people/chrismre/papers/bismarck.pdf",
			"https://www.usenix.org/system/files/conference/nsdi12/nsdi12-final138.pdf",
			"http://cidrdb.org/cidr2021/papers/cidr2021_paper17.pdf",
			"https://people.csail.mit.edu/matei/papers/2015/sigmod_spark_sql.pdf",
			"https://databricks.com/wp-content/uploads/2020/08/p975-armbrust.pdf",
		]);
	});
});

describe("CRLF line endings", () => {
	const crlf = shape("crlf");
	const lf = parseCatalogue(crlf.text.replace(/\r\n/g, "\n"));

	it("is really a CRLF file", () => {
		expect(crlf.text).toContain("\r\n");
		expect(crlf.text.replace(/\r\n/g, "")).not.toContain("\n");
	});

	it("parses the same as its LF conversion", () => {
		const view = (catalogue: Catalogue) => ({
			headings: catalogue.headings.map((h) => [h.text, h.depth, h.kind, h.parent]),
			papers: catalogue.papers.map((p) => ({
				title: p.title,
				url: p.url,
				checked: p.checked,
				venue: venueOf(p),
				annotation: p.annotation,
				details: p.details,
				headingPath: p.headingPath,
				group: p.group,
				sectionIndex: p.sectionIndex,
			})),
			sections: catalogue.sections.map((s) => [s.title, s.paperIndexes]),
			sectionDepth: catalogue.sectionDepth,
		});
		expect(view(crlf.catalogue)).toEqual(view(lf));
		expect(lf.papers.map((p) => p.title)).toEqual(crlf.catalogue.papers.map((p) => p.title));
	});

	it("leaves no carriage return in any text it reads", () => {
		expect(JSON.stringify(crlf.catalogue)).not.toContain("\\r");
	});

	it("reads ticks, details, groups and venue notes", () => {
		expect(crlf.catalogue.papers.map((p) => [p.checked, p.group, p.details])).toEqual([
			[true, "required", ["Ritchie & Thompson, CACM 1974"]],
			[false, "required", []],
			[false, "optional", []],
			[true, "required", []],
			[false, "required", ["Rosenblum & Ousterhout"]],
		]);
		// A two-digit year from the last century: ’91 is 1991.
		expect(venueOf(paperTitled("crlf", "The Design and Implementation of a Log-Structured File System"))).toEqual({ venue: "SOSP", year: 1991, award: undefined });
		expect(sectionTitles("crlf")).toEqual(["Week 1: Classics", "Week 2: File Systems"]);
	});
});

describe("non-ASCII text", () => {
	it("keeps headings as written", () => {
		expect(paperTitled("non-ascii", "大规模语言模型：从理论到实践").headingPath).toEqual(["论文阅读清单 · Lecturas", "必读论文"]);
		expect(paperTitled("non-ascii", "Théorie de la spéculation").headingPath).toEqual(["论文阅读清单 · Lecturas", "Lectures complémentaires"]);
		expect(sectionTitles("non-ascii")).toEqual(["必读论文", "Lectures complémentaires"]);
	});

	it("reads a venue note after a CJK title", () => {
		expect(venueOf(paperTitled("non-ascii", "GLM：基于自回归空白填充的通用语言模型预训练"))).toEqual({ venue: "ACL", year: 2022, award: undefined });
	});

	it("reads the ticks", () => {
		expect(papersOf("non-ascii").map((p) => p.checked)).toEqual([true, false, false, false, false, true, false]);
	});
});

describe("table-of-contents links", () => {
	it("never takes a heading anchor for a paper", () => {
		expect(papersOf("toc-links").some((p) => p.url?.startsWith("#"))).toBe(false);
	});

	it("reads the venue note and the heading path of a paper under a subheading", () => {
		const scaling = paperTitled("toc-links", "Scaling Laws for Neural Language Models");
		expect(venueOf(scaling)).toEqual({ venue: "OpenAI", year: 2020, award: undefined });
		expect(scaling.headingPath).toEqual(["Awesome LLM Reading List", "Scaling", "Scaling Laws"]);
	});

	it("has a section for each ## heading that holds papers", () => {
		// Spec is silent on headings at the section depth without papers ("Contents", "Contributing"):
		// a section with nothing to read has no progress to show, so it is left out.
		expect(shape("toc-links").catalogue.sectionDepth).toBe(2);
		expect(sectionTitles("toc-links")).toEqual(["Pretraining", "Scaling", "Alignment"]);
	});
});

describe("blocks that are not markdown lists", () => {
	it("takes no paper from front matter, code, HTML blocks, comments or inline code", () => {
		const urls = papersOf("ignored-blocks").map((p) => p.url);
		expect(urls.filter((url) => url?.includes("example.com") || url?.includes("link.to"))).toEqual([]);
	});

	it("reads front matter as front matter, not as headings", () => {
		expect(shape("ignored-blocks").catalogue.headings.map((h) => h.text)).toEqual(["Systems Reading Group", "This term", "How to add a paper", "Archive"]);
	});

	it("reads the real papers' ticks and sections", () => {
		expect(papersOf("ignored-blocks").map((p) => p.checked)).toEqual([false, true, true]);
		expect(sectionTitles("ignored-blocks")).toEqual(["This term", "Archive"]);
	});
});

describe("no headings", () => {
	const { catalogue } = shape("no-headings");

	it("has no headings and puts every paper in the required group", () => {
		expect(catalogue.headings).toEqual([]);
		for (const paper of catalogue.papers) {
			expect(paper).toMatchObject({ headingIndex: null, headingPath: [], group: "required", groupHeadingIndex: null });
		}
	});

	it("does not tick an item without a checkbox", () => {
		expect(catalogue.papers.map((p) => p.checked)).toEqual([true, true, false, false, false]);
		expect(paperTitled("no-headings", "Viewstamped Replication Revisited").checkboxOffset).toBeUndefined();
	});

	it("has one section, opened by no heading, with all papers", () => {
		// Every paper needs a section (`sectionIndex`), so an unsplit list is one section.
		expect(catalogue.sectionDepth).toBeNull();
		expect(catalogue.sections).toHaveLength(1);
		expect(catalogue.sections[0]).toMatchObject({ headingIndex: null, paperIndexes: [0, 1, 2, 3, 4] });
	});
});

describe("headings but no papers", () => {
	const { catalogue } = shape("headings-no-papers");

	it("has no papers and no sections", () => {
		expect(catalogue.papers).toEqual([]);
		expect(catalogue.sections).toEqual([]);
		expect(catalogue.sectionDepth).toBeNull();
	});

	it("reads every heading, setext and closed ATX ones included, with its kind and parent", () => {
		expect(catalogue.headings.map((h) => [h.index, h.depth, h.text, h.kind, h.parent])).toEqual([
			[0, 1, "CS 294: AI for Systems", "plain", null],
			[1, 2, "Week 1: Introduction", "plain", 0],
			[2, 3, "Required Reading", "required", 1],
			[3, 3, "Further reading", "optional", 1],
			[4, 2, "Week 2: Big Data", "plain", 0],
			[5, 3, "Require Reading", "required", 4],
			[6, 3, "Additional Optional Reading", "optional", 4],
			[7, 2, "Week 3: Hardware", "plain", 0],
			[8, 3, "Mandatory reading", "required", 7],
			[9, 3, "Optional", "optional", 7],
			[10, 3, "Supplementary", "optional", 7],
			[11, 2, "Logistics", "plain", 0],
		]);
	});
});

describe("required, optional and plain headings at different depths", () => {
	const { catalogue } = shape("mixed-groups");
	const headingIndex = (text: string): number => catalogue.headings.findIndex((h) => h.text === text);

	it.each([
		// Before any heading: required, decided by no heading.
		["A Berkeley View of Systems Challenges for AI", "required", null],
		["SysML: The New Frontier of Machine Learning Systems", "required", "Required Reading"],
		["A Few Useful Things to Know About Machine Learning", "required", "Required Reading"],
		["Hidden Technical Debt in Machine Learning Systems", "optional", "Additional Optional Reading"],
		// A plain heading inside an optional one stays optional.
		["The Unreasonable Effectiveness of Data", "optional", "Additional Optional Reading"],
		// Directly under a week heading, before its group headings: no group heading, so required.
		["Large Scale Distributed Deep Networks", "required", null],
		["Scaling Distributed Machine Learning with the Parameter Server", "optional", "Supplementary"],
		// A plain heading inside a required one.
		["In-Datacenter Performance Analysis of a Tensor Processing Unit", "required", "Mandatory reading"],
		["Roofline: An Insightful Visual Performance Model for Multicore Architectures", "optional", "Further reading"],
		// "Nearest" means the nearest enclosing group heading: "Further reading" is a sibling of
		// "Discussion", not above it, so it does not make the discussion paper optional.
		["A Domain-Specific Architecture for Deep Neural Networks", "required", null],
	])("%s is %s", (title, group, groupHeading) => {
		const paper = paperTitled("mixed-groups", title);
		expect(paper.group).toBe(group);
		expect(paper.groupHeadingIndex).toBe(groupHeading === null ? null : headingIndex(groupHeading));
	});

	it("gives heading paths and nearest headings", () => {
		expect(catalogue.papers.map((p) => p.headingPath.join(" / "))).toEqual([
			"",
			"Systems for Machine Learning / Week 1: Foundations / Required Reading",
			"Systems for Machine Learning / Week 1: Foundations / Required Reading",
			"Systems for Machine Learning / Week 1: Foundations / Additional Optional Reading",
			"Systems for Machine Learning / Week 1: Foundations / Additional Optional Reading / Background",
			"Systems for Machine Learning / Week 2: Training at Scale",
			"Systems for Machine Learning / Week 2: Training at Scale / Supplementary",
			"Systems for Machine Learning / Week 3: Hardware / Mandatory reading / Accelerators",
			"Systems for Machine Learning / Week 3: Hardware / Further reading",
			"Systems for Machine Learning / Week 3: Hardware / Discussion",
		]);
		expect(catalogue.papers[0]?.headingIndex).toBeNull();
		expect(catalogue.papers[4]?.headingIndex).toBe(headingIndex("Background"));
		expect(catalogue.headings[headingIndex("Background")]?.parent).toBe(headingIndex("Additional Optional Reading"));
	});

	it("splits into the weeks at ##, after a section for the paper before any heading", () => {
		// The single # heading does not split the papers; the ## weeks do.
		expect(catalogue.sectionDepth).toBe(2);
		expect(sectionTitles("mixed-groups")).toEqual([null, "Week 1: Foundations", "Week 2: Training at Scale", "Week 3: Hardware"]);
		expect(catalogue.sections.map((s) => s.paperIndexes)).toEqual([[0], [1, 2, 3, 4], [5, 6], [7, 8, 9]]);
		expect(catalogue.papers.map((p) => p.sectionIndex)).toEqual([0, 1, 1, 1, 1, 2, 2, 3, 3, 3]);
	});
});

describe("Jekyll / kramdown course pages", () => {
	const { text, catalogue } = shape("kramdown-course");

	it("reads a required or optional reading block's class, or its summary, as the papers' group", () => {
		expect(catalogue.papers.map((p) => [p.title.split(":")[0], p.group, p.groupHeadingIndex])).toEqual([
			["The Datacenter as a Computer", "required", null],
			["Designing Data-Intensive Applications", "required", null],
			["How to Read a Paper", "optional", null],
			["Naiad", "required", null],
			["Dryad", "required", null],
			// Under a plain heading inside the optional block: the block decides.
			["MillWheel", "optional", null],
			["FlumeJava", "optional", null],
			// `<details markdown="1">` with `<summary>Required reading</summary>`, and an optional one.
			["Clipper", "required", null],
			["TensorFlow-Serving", "optional", null],
		]);
	});

	it("takes no paper from a Liquid comment, a block without markdown=\"1\", or an HTML comment", () => {
		const urls = catalogue.papers.map((p) => p.url ?? "");
		expect(urls.filter((url) => /dropped|raw|commented/.test(url))).toEqual([]);
		expect(catalogue.papers.every((p) => p.url?.startsWith("https://example.org/"))).toBe(true);
	});

	it("makes each lecture after a Liquid include a section, whatever its heading depth", () => {
		// `## Dataflow Systems` follows the `# Holiday` entry: its sibling, not its child.
		expect(paperTitled("kramdown-course", "Naiad: A Timely Dataflow System").headingPath).toEqual(["Dataflow Systems"]);
		expect(sectionTitles("kramdown-course")).toEqual(["Introduction", "Dataflow Systems", "Model Serving"]);
		expect(catalogue.sections.map((section) => section.paperIndexes)).toEqual([[0, 1, 2], [3, 4, 5, 6], [7, 8]]);
	});

	it("keeps headings inside a reading block as labels of its papers, not as sections", () => {
		const millWheel = paperTitled("kramdown-course", "MillWheel: Fault-Tolerant Stream Processing at Internet Scale");
		expect(millWheel.headingPath).toEqual(["Dataflow Systems", "Streaming"]);
		expect(millWheel.sectionIndex).toBe(paperTitled("kramdown-course", "Naiad: A Timely Dataflow System").sectionIndex);
	});

	it("reads ticks and positions in the original text, the blanked tag lines left as written", () => {
		expect(catalogue.papers.map((p) => (p.checkboxOffset === undefined ? null : text[p.checkboxOffset]))).toEqual([null, null, null, "x", " ", null, null, null, null]);
		// The link to a note goes at the end of the item's own line.
		for (const paper of catalogue.papers) expect(text.charAt(paper.linkOffset), paper.title).toBe("\n");
		expect(text).toContain('<div class="required_reading" markdown="block">');
		expect(catalogue.headings.map((h) => h.text)).toEqual(["Systems for Machine Learning", "Introduction", "Holiday", "Dataflow Systems", "Streaming", "Batch", "Model Serving"]);
	});
});

describe("progress checklists", () => {
	const { text, catalogue } = shape("progress-checklist");

	it("makes every task item an item of its own, nested or not, done by its own box", () => {
		expect(catalogue.papers.map((p) => p.checked)).toEqual([true, true, true, false, false, true, false, false, false, false, true, true]);
		for (const paper of catalogue.papers) {
			expect(text.slice((paper.checkboxOffset ?? 0) - 1, (paper.checkboxOffset ?? 0) + 2), paper.title).toBe(paper.checked ? "[x]" : "[ ]");
		}
		expect(new Set(catalogue.papers.map((p) => p.checkboxOffset)).size).toBe(catalogue.papers.length);
	});

	it("keeps plain sub-bullets as details, and no task item among them", () => {
		expect(paperTitled("progress-checklist", "Lecture 1: Introduction").details).toEqual(["Slides are in the shared folder"]);
		expect(paperTitled("progress-checklist", "Lab 1: MapReduce").details).toEqual([]);
		// A plain bullet between a task and its nested tasks stays a detail; the tasks under it are items.
		expect(paperTitled("progress-checklist", "Lecture 2: RPC and threads").details).toEqual(["Readings:", "Bring a laptop"]);
	});

	it("still reads the `- - [x]` shape as one item", () => {
		expect(catalogue.papers.filter((p) => p.url === "https://example.org/papers/gfs.pdf")).toHaveLength(1);
	});

	it("finds the nested item on its own line, and ticks only its box", () => {
		const crash = paperTitled("progress-checklist", "Crash tests");
		expect(paperAtLine(catalogue, crash.range.start.line - 1)?.id).toBe(crash.id);
		const ticked = parseCatalogue(withCheckboxes(text, catalogue, [crash.id], true));
		expect(ticked.papers.map((p) => p.checked)).toEqual(catalogue.papers.map((p) => p.checked || p.id === crash.id));
	});

	it("keeps the sections and groups of the headings", () => {
		expect(sectionTitles("progress-checklist")).toEqual(["Week 1", "Week 2"]);
		expect(catalogue.papers.every((p) => p.group === "required")).toBe(true);
	});
});

describe("schedules written as lines", () => {
	const { text, catalogue } = shape("schedule-lines");

	it("takes each cued link as a reading, and no lecture notes, slides, videos, FAQs, questions or labs", () => {
		expect(catalogue.papers.map((p) => p.url)).toEqual([
			"https://example.org/papers/mapreduce.pdf",
			"https://example.org/papers/birrell-rpc.pdf",
			"https://example.org/go-memory-model",
			"https://example.org/papers/gfs.pdf",
			"https://example.org/papers/bigtable.pdf",
			"https://example.org/papers/vm-ft.pdf",
		]);
	});

	it("gives a reading no checkbox, and its note link a place right after its own link", () => {
		for (const paper of catalogue.papers) {
			expect(paper).toMatchObject({ kind: "line", checked: false, details: [] });
			expect(paper.checkboxOffset).toBeUndefined();
			expect(sourceOf("schedule-lines", paper)).toBe(`[${text.slice(paper.range.start.offset + 1, paper.linkOffset).split("](")[0] ?? ""}](${paper.url ?? ""})`);
			expect(paper.linkOffset).toBe(paper.range.end.offset);
		}
	});

	it("reads each inserted note link back as its own reading's, the rest unchanged", () => {
		let linked = text;
		for (const paper of [...catalogue.papers].reverse()) {
			linked = `${linked.slice(0, paper.linkOffset)} [[Papers/${paper.title.replace(/[:[\]]/g, "")}|notes]]${linked.slice(paper.linkOffset)}`;
		}
		const after = parseCatalogue(linked);
		expect(after.papers.map((p) => [p.id, p.title, p.annotation])).toEqual(catalogue.papers.map((p) => [p.id, p.title, p.annotation]));
		for (const [i, paper] of after.papers.entries()) {
			const own = `Papers/${catalogue.papers[i]?.title.replace(/[:[\]]/g, "") ?? ""}`;
			expect(paper.noteLinks).toEqual([own]);
			expect(paper.insertedLinks).toEqual([own]);
		}
	});

	it("reads a cue's group and a reading's venue note", () => {
		expect(catalogue.papers.map((p) => p.group)).toEqual(["required", "required", "required", "required", "optional", "required"]);
		expect(venueOf(paperTitled("schedule-lines", "The Google File System"))).toEqual({ venue: "SOSP", year: 2003, award: undefined });
		expect(paperTitled("schedule-lines", "MapReduce: Simplified Data Processing on Large Clusters").annotation).toBe("Preparation: Read … (FAQ)");
	});

	it("has one section when it has no headings", () => {
		expect(catalogue.headings).toEqual([]);
		expect(catalogue.sections).toEqual([{ headingIndex: null, title: "All papers", paperIndexes: [0, 1, 2, 3, 4, 5] }]);
	});
});

describe("comments glued after a plain-text title", () => {
	it.each([
		["How Good Are Query Optimizers, Really?", "some experiment, good", {}],
		["Access Path Selection in a Relational Database Management System", "the classic; read it twice", {}],
		// A comment that is a venue note gives the venue too.
		["The Cascades Framework for Query Optimization", "Data Eng. Bull. 1995", { venue: "Data Eng. Bull.", year: 1995 }],
		["Orca: A Modular Query Optimizer Architecture for Big Data (Extended Version)", "", {}],
		["The Case for Learned Index Structures", "", { venue: "SIGMOD", year: 2018 }],
		// After a link the title is the link's; the rest was already the annotation.
		["The Design and Implementation of a Log-Structured File System", "…(good background)", {}],
		["Scheduling in O(1)", "", {}],
	])("%s", (title, annotation, venue) => {
		const paper = paperTitled("glued-comments", title);
		expect(paper.annotation).toBe(annotation);
		expect(venueOf(paper)).toEqual({ venue: undefined, year: undefined, award: undefined, ...venue });
	});
});

describe("source ranges", () => {
	it.each([
		["link-text-not-title", "Longformer: The Long-Document Transformer", "[Longformer: The Long-Document Transformer]"],
		["link-text-not-title", "Reformer: The Efficient Transformer", "Reformer: The Efficient Transformer [[Paper]]"],
		["bold-title-authors", "Deep residual learning for image recognition", "**Deep residual learning for image recognition**"],
		["wrapped-links", "Towards a Unified Architecture for in-RDBMS Analytics", "[Towards a Unified Architecture for in-RDBMS\n  Analytics]"],
		["crlf", "The Design and Implementation of a Log-Structured File System", "[The Design and Implementation of a Log-Structured\r\n  File System [SOSP’91]]"],
		["non-ascii", "从零实现 🦙 LLaMA 推理", "[从零实现 🦙 LLaMA 推理]"],
		["table", "Bigtable: A Distributed Storage System for Structured Data", "[Bigtable: A Distributed Storage System for Structured Data]"],
		["numbered-references", "Naiad: A Timely Dataflow System", "“Naiad: A Timely Dataflow System”"],
		["sub-bullets", "HotStuff: BFT Consensus in the Lens of Blockchain", "[HotStuff: BFT Consensus in the Lens of Blockchain]"],
	] satisfies [Shape, string, string][])("%s: the range of %s holds its text", (name, title, written) => {
		expect(sourceOf(name, paperTitled(name, title))).toContain(written);
	});

	it.each(SHAPES.map((name) => [name]))("%s: ranges, checkboxes, ids, headings and sections agree with the text", (name) => {
		const { text, catalogue } = shape(name);
		for (const paper of catalogue.papers) {
			const { start, end } = paper.range;
			expect(start.offset).toBeLessThan(end.offset);
			expect(text.slice(0, start.offset).split("\n")).toHaveLength(start.line);
			expect(start.offset - text.lastIndexOf("\n", start.offset - 1)).toBe(start.column);
			if (paper.url !== undefined) expect(sourceOf(name, paper)).toContain(paper.url);
			if (paper.checkboxOffset === undefined) {
				expect(paper.checked).toBe(false);
			} else {
				const mark = text[paper.checkboxOffset];
				expect([" ", "x", "X"]).toContain(mark);
				expect(paper.checked).toBe(mark !== " ");
				expect(text.slice(paper.checkboxOffset - 1, paper.checkboxOffset + 2)).toMatch(/^\[[ xX]\]$/);
				expect(paper.checkboxOffset).toBeGreaterThan(start.offset);
				expect(paper.checkboxOffset).toBeLessThan(end.offset);
			}
			// The heading path is the chain of enclosing headings.
			const path: string[] = [];
			for (let index = paper.headingIndex; index !== null; index = catalogue.headings[index]?.parent ?? null) {
				path.unshift(catalogue.headings[index]?.text ?? "?");
			}
			expect(paper.headingPath).toEqual(path);
			if (paper.groupHeadingIndex !== null) expect(catalogue.headings[paper.groupHeadingIndex]?.kind).toBe(paper.group);
		}
		expect(new Set(catalogue.papers.map((p) => p.id)).size).toBe(catalogue.papers.length);
		const listed = catalogue.sections.flatMap((section, sectionIndex) => section.paperIndexes.map((index) => [index, sectionIndex]));
		expect(listed).toEqual(catalogue.papers.map((paper, index) => [index, paper.sectionIndex]));
	});
});
