/**
 * Whether a venue is a conference or a journal, from its name alone: what decides between
 * BibTeX's `@inproceedings` and `@article`. The names are as catalogues write them (`SC`,
 * `ICLR`, `NeurIPS`) or as services spell them out ("International Conference on…").
 */

export type VenueKind = "conference" | "journal" | "preprint" | "other";

/** Journals whose names sound like proceedings, or name no kind at all. */
const NAMED_JOURNALS = /\b(?:communications of the acm|proceedings of the vldb endowment|proceedings of the national academy|proceedings of the ieee|ieee access)\b/i;
/** Words that make a journal, once conference words have been ruled out ("Symposium on Foundations of Computer Science" is not one). */
const JOURNAL_WORDS = /\b(?:journal|transactions|letters|magazine|review|bulletin|annals|acta|nature|science|plos|elife|cell)\b/i;
const JOURNAL_ACRONYMS = new Set(["jmlr", "tpami", "pami", "tocs", "tog", "tods", "cacm", "pvldb", "tkde", "tnnls", "ijcv", "taco", "toplas", "ton", "jacm", "tse", "tpds", "tc", "tmlr", "jair", "tacl", "queue"]);

/** Conference words, and the names services give some conferences without one. */
const CONFERENCE_WORDS = /\b(?:conference|symposium|workshop|proceedings|congress|colloquium|meeting|summit|neural information processing systems|computer vision and pattern recognition|knowledge discovery and data mining)\b/i;
const CONFERENCE_ACRONYMS = new Set([
	"neurips",
	"nips",
	"icml",
	"iclr",
	"aistats",
	"uai",
	"colt",
	"aaai",
	"ijcai",
	"kdd",
	"www",
	"wsdm",
	"recsys",
	"cvpr",
	"iccv",
	"eccv",
	"acl",
	"emnlp",
	"naacl",
	"coling",
	"interspeech",
	"icassp",
	"sosp",
	"osdi",
	"nsdi",
	"eurosys",
	"atc",
	"fast",
	"socc",
	"mlsys",
	"sysml",
	"asplos",
	"isca",
	"micro",
	"hpca",
	"dac",
	"iccad",
	"fpga",
	"sc",
	"ppopp",
	"ipdps",
	"hpdc",
	"ics",
	"sigmod",
	"vldb",
	"icde",
	"cidr",
	"pods",
	"sigcomm",
	"mobicom",
	"infocom",
	"imc",
	"conext",
	"ccs",
	"usenix security",
	"ndss",
	"s&p",
	"oakland",
	"pldi",
	"popl",
	"oopsla",
	"cgo",
	"siggraph",
	"chi",
	"uist",
	"icse",
	"fse",
	"stoc",
	"focs",
	"soda",
]);

const PREPRINT = /^(?:arxiv(?:\.org)?|corr|preprint|arxiv preprint)$/i;

/** The name without a year or an apostrophe-year: `SC’21` → `SC`, `NeurIPS 2019` → `NeurIPS`. */
function withoutYear(venue: string): string {
	return venue
		.replace(/[’'‘]\s*\d{2}\b/g, "")
		.replace(/\b(?:19|20)\d{2}\b/g, "")
		.replace(/\s+/g, " ")
		.trim();
}

export function venueKind(venue: string): VenueKind {
	const text = venue.trim();
	if (text === "") return "other";
	if (PREPRINT.test(text)) return "preprint";
	const short = withoutYear(text);
	const name = short.toLowerCase();
	if (JOURNAL_ACRONYMS.has(name) || NAMED_JOURNALS.test(text)) return "journal";
	if (CONFERENCE_ACRONYMS.has(name) || CONFERENCE_WORDS.test(text)) return "conference";
	if (JOURNAL_WORDS.test(text)) return "journal";
	// An unknown all-capitals acronym (`ICMD`, `DAC`) is, in computer science, almost always a conference.
	if (/^[A-Z][A-Z0-9&]{1,9}$/.test(short)) return "conference";
	return "other";
}
