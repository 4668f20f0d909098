import { describe, expect, it } from "vitest";
import type { VenueNote } from "../../src/catalogue/model";
import { parseVenueNote, splitTitleNote, type TitleNote } from "../../src/catalogue/venue";

describe("splitTitleNote", () => {
	it.each<[string, TitleNote]>([
		// From the cs294 catalogue.
		["Mixed precision training. [ICLR’18]", { title: "Mixed precision training", note: "ICLR’18" }],
		[
			"Chimera: Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines [SC’21, Best Paper finalist]",
			{
				title: "Chimera: Efficiently Training Large-Scale Neural Networks with Bidirectional Pipelines",
				note: "SC’21, Best Paper finalist",
			},
		],
		[
			"DeepSpeed: Advancing MoE inference and training to power next-generation AI scale [Blog post]",
			{ title: "DeepSpeed: Advancing MoE inference and training to power next-generation AI scale", note: "Blog post" },
		],
		[
			"Interstellar: Using Halide’s Scheduling Language to Analyze DNN Accelerators (formerly: DNN Dataflow Choice Is Overrated)",
			{
				title: "Interstellar: Using Halide’s Scheduling Language to Analyze DNN Accelerators (formerly: DNN Dataflow Choice Is Overrated)",
			},
		],
		[
			"Roofline: An Insightful Visual Performance Model for Floating-Point Programs and Multicore Architectures ",
			{ title: "Roofline: An Insightful Visual Performance Model for Floating-Point Programs and Multicore Architectures" },
		],
		["Federated Learning at Google … A comic strip?", { title: "Federated Learning at Google … A comic strip?" }],
		// A backslash escape that survived markdown stripping.
		["ZeRO-Infinity [SC’21\\]", { title: "ZeRO-Infinity", note: "SC’21" }],
		// Trailing punctuation on either side of the note.
		["Title, [NeurIPS 2017]", { title: "Title", note: "NeurIPS 2017" }],
		["Title [NeurIPS 2017].", { title: "Title", note: "NeurIPS 2017" }],
		["Title;:  ", { title: "Title" }],
		["  Title  [  ICLR’18  ]  ", { title: "Title", note: "ICLR’18" }],
		["Title\u00a0[ICLR’18]", { title: "Title", note: "ICLR’18" }],
		// Only the last bracket is a note; earlier ones belong to the title.
		["A [B] C [ICLR]", { title: "A [B] C", note: "ICLR" }],
		["[Draft] A title", { title: "[Draft] A title" }],
		["A title [v2] [ICML’20]", { title: "A title [v2]", note: "ICML’20" }],
		// Nested brackets are not a note.
		["Title [see [1]]", { title: "Title [see [1]]" }],
		// A bracket that is the whole text is the title.
		["[Blog post]", { title: "Blog post" }],
		["  [Blog post]. ", { title: "Blog post" }],
		// Empty notes are dropped.
		["Title []", { title: "Title" }],
		["Title [   ]", { title: "Title" }],
		["[]", { title: "[]" }],
		// Degenerate input.
		["", { title: "" }],
		["   ", { title: "" }],
		["...", { title: "" }],
		["Unclosed [note", { title: "Unclosed [note" }],
		["Unopened note]", { title: "Unopened note]" }],
		// Unicode titles and notes.
		["Überblick über Transformer [ACL’23]", { title: "Überblick über Transformer", note: "ACL’23" }],
		["深度学习 [NeurIPS’19]", { title: "深度学习", note: "NeurIPS’19" }],
		["Title ending in ellipsis…", { title: "Title ending in ellipsis…" }],
		["What is needed?! [Blog]", { title: "What is needed?!", note: "Blog" }],
	])("%j", (text, expected) => {
		expect(splitTitleNote(text)).toStrictEqual(expected);
	});
});

describe("parseVenueNote", () => {
	it.each<[string, VenueNote]>([
		// From the brief and the cs294 catalogue.
		["SC’21, Best Paper finalist", { venue: "SC", year: 2021, award: "Best Paper finalist" }],
		["SC’21, Best Student Paper", { venue: "SC", year: 2021, award: "Best Student Paper" }],
		["SIGRAPH, 2016", { venue: "SIGRAPH", year: 2016 }],
		["OpenAI, 2020", { venue: "OpenAI", year: 2020 }],
		["Best Paper Award, DAC’21", { venue: "DAC", year: 2021, award: "Best Paper Award" }],
		["Blog post", { venue: "Blog post" }],
		["ICLR’18", { venue: "ICLR", year: 2018 }],
		["NeurIPS'12", { venue: "NeurIPS", year: 2012 }],
		["ICLR’16", { venue: "ICLR", year: 2016 }],
		["NeurIPS 2017", { venue: "NeurIPS", year: 2017 }],
		["OSDI '16", { venue: "OSDI", year: 2016 }],
		["2019", { year: 2019 }],
		["arXiv 2021", { venue: "arXiv", year: 2021 }],
		["Oral, NeurIPS 2020", { venue: "NeurIPS", year: 2020, award: "Oral" }],
		["ICMD’18", { venue: "ICMD", year: 2018 }],
		["SIGCOMM’17", { venue: "SIGCOMM", year: 2017 }],
		// Two-digit years pivot at 50.
		["ISCA’00", { venue: "ISCA", year: 2000 }],
		["ISCA’49", { venue: "ISCA", year: 2049 }],
		["ISCA’50", { venue: "ISCA", year: 1950 }],
		["SIGMOD’99", { venue: "SIGMOD", year: 1999 }],
		["'16", { year: 2016 }],
		["‘16", { year: 2016 }],
		// Other apostrophes and spacing.
		["ICML ’17", { venue: "ICML", year: 2017 }],
		["ICML`17", { venue: "ICML", year: 2017 }],
		["ICML´17", { venue: "ICML", year: 2017 }],
		// Awards anywhere, in any case, and several of them.
		["NeurIPS 2020 Oral", { venue: "NeurIPS", year: 2020, award: "Oral" }],
		["SC’21 Best Paper", { venue: "SC", year: 2021, award: "Best Paper" }],
		["ICML 2018, best paper", { venue: "ICML", year: 2018, award: "best paper" }],
		["ICLR 2021 (Spotlight)", { venue: "ICLR", year: 2021, award: "Spotlight" }],
		["NeurIPS (Oral)", { venue: "NeurIPS", award: "Oral" }],
		["SOSP’19, Best Paper, Test of Time", { venue: "SOSP", year: 2019, award: "Best Paper, Test of Time" }],
		["OSDI’04, Test-of-Time Award", { venue: "OSDI", year: 2004, award: "Test-of-Time Award" }],
		["CHI’20, Honorable Mention", { venue: "CHI", year: 2020, award: "Honorable Mention" }],
		["CHI’20, Honourable Mention", { venue: "CHI", year: 2020, award: "Honourable Mention" }],
		["ISCA’19, Distinguished Paper", { venue: "ISCA", year: 2019, award: "Distinguished Paper" }],
		["ACL 2023, Outstanding Paper", { venue: "ACL", year: 2023, award: "Outstanding Paper" }],
		// Years in brackets and glued to the venue.
		["NeurIPS (2017)", { venue: "NeurIPS", year: 2017 }],
		["ICLR2018", { venue: "ICLR", year: 2018 }],
		["Nature, 2016; vol. 529", { venue: "Nature, vol. 529", year: 2016 }],
		["ACM SIGCOMM, Computer Communication Review, 2017", { venue: "ACM SIGCOMM, Computer Communication Review", year: 2017 }],
		// The first year wins; later ones stay in the text.
		["ICLR’18, ICML’19", { venue: "ICLR, ICML’19", year: 2018 }],
		// arXiv ids and other numbers are not years.
		["arXiv:2001.08361", { venue: "arXiv:2001.08361" }],
		["arXiv 1904.03257, 2019", { venue: "arXiv 1904.03257", year: 2019 }],
		["ResNet50", { venue: "ResNet50" }],
		["ICLR 18", { venue: "ICLR 18" }],
		["12345", { venue: "12345" }],
		["2150", { venue: "2150" }],
		["the ’90s", { venue: "the ’90s" }],
		// Generic link labels are not venues.
		["pdf", {}],
		["PDF", {}],
		["slides", {}],
		["code", {}],
		["video", {}],
		["link", {}],
		[" Slides ", {}],
		["pdf, slides", {}],
		["ICLR’18, pdf", { venue: "ICLR", year: 2018 }],
		// Quotes and whitespace are trimmed.
		["“NeurIPS 2017”", { venue: "NeurIPS", year: 2017 }],
		['"ICLR’18"', { venue: "ICLR", year: 2018 }],
		["'Blog post'", { venue: "Blog post" }],
		["OSDI '16'", { venue: "OSDI", year: 2016 }],
		["  SC’21 ,   Best   Paper  ", { venue: "SC", year: 2021, award: "Best Paper" }],
		["SC’21\u00a0—\u00a0Best Paper", { venue: "SC", year: 2021, award: "Best Paper" }],
		["SC’21，Best Paper", { venue: "SC", year: 2021, award: "Best Paper" }],
		// Unicode venue names survive.
		["Études Informatiques 2019", { venue: "Études Informatiques", year: 2019 }],
		["中文信息学报 2020", { venue: "中文信息学报", year: 2020 }],
		// Degenerate input gives nothing rather than throwing.
		["", {}],
		["   ", {}],
		[",,,;;", {}],
		["()", {}],
		["’", {}],
		["—", {}],
	])("%j", (note, expected) => {
		expect(parseVenueNote(note)).toStrictEqual(expected);
	});
});
