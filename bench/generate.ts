/**
 * Deterministic synthetic catalogues shaped like `test/fixtures/cs294-ai-sys-sp22.md`:
 * front matter, a course description, `# Paper List`, then numbered `## N. Section`
 * headings of (by default) 100 papers each, split under `### Require Reading` and
 * `### Additional Optional Reading`, as nested task items such as
 * `- - [x] [Title [SC’21, Best Paper finalist\]](https://arxiv.org/abs/2104.07857)`.
 *
 * The same options always give the same text (the random source is seeded),
 * so benchmark runs and property tests are repeatable.
 */

/** A small, fast, seeded pseudo-random source (mulberry32). */
export class Rng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0;
	}

	/** A float in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** An integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** An integer in [min, max]. */
	between(min: number, max: number): number {
		return min + this.int(max - min + 1);
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		const item = items[this.int(items.length)];
		if (item === undefined) throw new Error("pick from an empty list");
		return item;
	}
}

const SYSTEMS = [
	"Chimera",
	"ZeRO-Infinity",
	"Megatron-LM",
	"PipeDream",
	"Gemmini",
	"Eyeriss",
	"Pollux",
	"FrugalML",
	"RubberBand",
	"Lakehouse",
	"Delta Lake",
	"Spark SQL",
	"Ray",
	"Clipper",
	"Horovod",
	"TVM",
	"FBNet",
	"Pensieve",
	"Helen",
	"Roofline",
	// Accents, other scripts, emoji: titles are not ASCII.
	"Équilibre",
	"Zürich-Net",
	"Ñandú",
	"Café-ML",
	"Señor Scheduler",
	"Ångström",
	"Δ-Sync",
	"Ωmega",
	"深度学习框架",
	"飞桨 PaddlePaddle",
	"分布式训练",
	"ニューラル圧縮",
	"한국어 BERT",
	"🚀 Rocket",
	"🦙 Llama-Serve",
	"🔥 Blaze",
	"Amdahl’s Revenge",
	"Halide’s Heir",
	"Moore’s Lawless",
	"Привет-Runtime",
];

const VERBS = [
	"Efficiently Training",
	"Scaling",
	"Serving",
	"Compiling",
	"Rethinking",
	"Benchmarking",
	"Securing",
	"Compressing",
	"Scheduling",
	"Quantizing",
	"Pruning",
	"Partitioning",
	"Caching",
	"Verifying",
	"Accelerating",
	"Debugging",
];

const ADJECTIVES = [
	"Large-Scale",
	"Fault-Tolerant",
	"Sparse",
	"Heterogeneous",
	"Differentially Private",
	"Energy-Efficient",
	"Low-Latency",
	"Elastic",
	"Decentralized",
	"Mixed-Precision",
	"Multi-Tenant",
	"Serverless",
	"Geo-Distributed",
	"Über-Parallel",
	"Naïve",
	"Self-Tuning",
];

const NOUNS = [
	"Neural Networks",
	"Language Models",
	"Transformers",
	"Recommendation Models",
	"Graph Neural Networks",
	"Convolutional Networks",
	"Mixture-of-Experts",
	"Diffusion Models",
	"Embedding Tables",
	"Dataflow Graphs",
	"Key-Value Stores",
	"Learned Indexes",
	"Video Analytics",
	"Federated Clients",
	"GPU Kernels",
	"Inference Pipelines",
];

const DOMAINS = [
	"on GPU Clusters",
	"with Bidirectional Pipelines",
	"in the Cloud",
	"at the Edge",
	"on TPUs",
	"over Cloud Object Stores",
	"for Mobile Devices",
	"Using Reinforcement Learning",
	"via Differentiable Architecture Search",
	"under Memory Constraints",
	"with Learned Cost Models",
	"across Data Centers",
	"for Real-World Encrypted Inference",
	"without Centralized Training Data",
	"(formerly: Dataflow Choice Is Overrated)",
	"— a Retrospective",
];

const VENUES = ["SC", "NeurIPS", "ICML", "ICLR", "OSDI", "SOSP", "NSDI", "MLSys", "SIGMOD", "VLDB", "EuroSys", "ASPLOS", "ISCA", "DAC", "SIGCOMM", "CCS"];
const AWARDS = ["Best Paper finalist", "Best Paper Award", "Best Student Paper", "Test of Time Award", "Distinguished Artifact"];
const ORGS = ["OpenAI", "Google", "Meta", "DeepMind", "Microsoft Research", "Databricks"];

const SECTION_TITLES = [
	"Introduction and Course Overview",
	"Big Data Systems",
	"Hardware for Machine Learning",
	"Distributed deep learning, Part I: Systems",
	"Distributed deep learning, Part II: Scaling Constraints",
	"Machine learning Applied to Systems",
	"Machine Learning Frameworks and Automatic Differentiation",
	"Efficient Machine Learning",
	"Fundamentals of Machine Learning in the Cloud, the Modern Data Stack",
	"Benchmarking Machine Learning Workloads",
	"Machine learning and Security",
	"Serving Systems — Latency’s Last Mile",
	"Systèmes répartis et apprentissage",
	"数据系统 Data Systems",
];

const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomString(rng: Rng, alphabet: string, length: number): string {
	let text = "";
	for (let i = 0; i < length; i++) text += alphabet[rng.int(alphabet.length)] ?? "";
	return text;
}

function twoDigits(n: number): string {
	return String(n).padStart(2, "0");
}

/** A URL for paper number `index`; unique per index, so every paper has its own identity. */
function paperUrl(rng: Rng, index: number): string {
	const year = rng.between(12, 23);
	const slug = `paper${index}`;
	switch (rng.int(10)) {
		case 0:
		case 1:
		case 2:
			return `https://arxiv.org/abs/${twoDigits(year)}${twoDigits(rng.between(1, 12))}.${String(index).padStart(5, "0")}`;
		case 3:
		case 4:
			return `https://arxiv.org/pdf/${twoDigits(year)}${twoDigits(rng.between(1, 12))}.${String(index).padStart(5, "0")}.pdf`;
		case 5:
			return `https://www.usenix.org/system/files/osdi${twoDigits(year)}-${slug}.pdf`;
		case 6:
			return `https://openreview.net/pdf?id=${randomString(rng, BASE62, 6)}${index}`;
		case 7:
			return `https://dl.acm.org/doi/10.1145/${rng.between(1000000, 9999999)}.${index}`;
		case 8:
			return `https://proceedings.neurips.cc/paper/20${twoDigits(year)}/file/${randomString(rng, "0123456789abcdef", 24)}${index.toString(16).padStart(8, "0")}-Paper.pdf`;
		default:
			return `https://people.eecs.berkeley.edu/~someone/papers/${slug}-${encodeURIComponent(rng.pick(["é", "ü", "深"]))}.pdf`;
	}
}

/** `[SC’21, Best Paper finalist\]`-style notes, as the example writes them inside link text (escaped closing bracket). */
function venueNote(rng: Rng): string {
	const year = twoDigits(rng.between(10, 23));
	switch (rng.int(8)) {
		case 0:
		case 1:
		case 2:
			return ` [${rng.pick(VENUES)}’${year}\\]`;
		case 3:
			return ` [${rng.pick(VENUES)}’${year}, ${rng.pick(AWARDS)}\\]`;
		case 4:
			return ` [${rng.pick(AWARDS)}, ${rng.pick(VENUES)}’${year}\\]`;
		case 5:
			return ` [${rng.pick(ORGS)}, 20${year}\\]`;
		case 6:
			return " [Blog post\\]";
		default:
			return "";
	}
}

/** A paper title: unique enough for thousands of papers, with accents, CJK, emoji and curly apostrophes mixed in. */
export function paperTitle(rng: Rng): string {
	return `${rng.pick(SYSTEMS)}: ${rng.pick(VERBS)} ${rng.pick(ADJECTIVES)} ${rng.pick(NOUNS)} ${rng.pick(DOMAINS)}`;
}

export interface PaperLineOptions {
	/** Probability that the paper is ticked. */
	checkedRate?: number;
}

/**
 * The markdown of one paper item (one line, or a few when it has sub-bullets),
 * without a trailing newline. `index` makes its URL unique.
 */
export function paperItem(rng: Rng, index: number, options: PaperLineOptions = {}): string {
	const checked = rng.chance(options.checkedRate ?? 0.3);
	const box = checked ? "[x]" : "[ ]";
	const title = paperTitle(rng);
	const url = paperUrl(rng, index);
	const note = venueNote(rng);
	const shape = rng.int(100);
	if (shape < 4) {
		// No checkbox at all, like TVM in the example.
		return `- [${title}${note}](${url})`;
	}
	if (shape < 8) {
		// Text around the link, like "Read Chapter 1 of [*Principles …*](…). You will need …".
		return `- - ${box} Read Chapter ${rng.between(1, 12)} of [*${title}*](${url}). Timothy Roscoe’s advice applies here too.`;
	}
	if (shape < 11) {
		// A sub-bullet with authors, belonging to the paper.
		return `- - ${box} [${title}${note}](${url})\n    - ${rng.pick(["A. Müller", "J. Zhang 张", "S. O’Brien", "P. Næss"])} et al., ${rng.pick(VENUES)} 20${twoDigits(rng.between(10, 23))}`;
	}
	return `- - ${box} [${title}${note}](${url})`;
}

export interface CatalogueOptions {
	papers: number;
	seed?: number;
	/** Papers per `##` section. */
	sectionSize?: number;
}

const FRONT = `---
title           : 'Synthetic AIsys Catalogue'
image           : 'synthetic/cover.png'

---

<!--more-->

> [https://ucbrise.github.io/cs294-ai-sys-sp22/](https://ucbrise.github.io/cs294-ai-sys-sp22/)

# Course Description

The recent success of AI has been in large part due to advances in hardware and software systems. This catalogue is synthetic: it was generated for benchmarks, shaped like a real course reading list.

# Paper List
`;

/** A whole catalogue of `papers` papers. Deterministic for a given seed. */
export function generateCatalogue(options: CatalogueOptions): string {
	const rng = new Rng(options.seed ?? 294);
	const sectionSize = options.sectionSize ?? 100;
	const parts: string[] = [FRONT];
	let index = 0;
	let section = 0;
	while (index < options.papers) {
		section += 1;
		const inSection = Math.min(sectionSize, options.papers - index);
		// Early sections are mostly done, as in a list someone is working through.
		const checkedRate = Math.max(0.05, 0.9 - (section - 1) * 0.08);
		const required = Math.max(1, Math.round(inSection * (0.3 + rng.next() * 0.3)));
		parts.push(`\n## ${section}. ${rng.pick(SECTION_TITLES)}\n\n### Require Reading\n\n`);
		for (let i = 0; i < inSection; i++) {
			if (i === required) parts.push("\n### Additional Optional Reading\n\n");
			parts.push(`${paperItem(rng, index, { checkedRate })}\n`);
			index += 1;
		}
		// The example sometimes leaves two blank lines before a section.
		if (rng.chance(0.2)) parts.push("\n");
	}
	return parts.join("");
}
