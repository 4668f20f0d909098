import { describe, expect, it } from "vitest";
import { idsFromUrl, normalizeArxivId, normalizeDoi, type PaperIds } from "../../src/details/ids";

describe("idsFromUrl", () => {
	it.each<[string | undefined, PaperIds]>([
		// arXiv, new-style: abstract and PDF links, versions, .pdf, hosts, schemes.
		["https://arxiv.org/abs/2104.04473", { arxiv: "2104.04473" }],
		["https://arxiv.org/abs/2104.04473v2", { arxiv: "2104.04473" }],
		["https://arxiv.org/pdf/2104.04473.pdf", { arxiv: "2104.04473" }],
		["https://arxiv.org/pdf/2104.04473v3.pdf", { arxiv: "2104.04473" }],
		["https://arxiv.org/pdf/2104.04473v3", { arxiv: "2104.04473" }],
		["http://arxiv.org/abs/1904.03257", { arxiv: "1904.03257" }],
		["https://www.arxiv.org/abs/1904.03257", { arxiv: "1904.03257" }],
		["https://export.arxiv.org/abs/1904.03257", { arxiv: "1904.03257" }],
		["https://arxiv.org/abs/1904.03257/", { arxiv: "1904.03257" }],
		["https://arxiv.org/abs/1904.03257?context=cs#x", { arxiv: "1904.03257" }],
		["https://arxiv.org/abs/0704.0001", { arxiv: "0704.0001" }],
		["https://arxiv.org/abs/2301.12345", { arxiv: "2301.12345" }],
		// arXiv, old-style: the subject class is not part of the id.
		["https://arxiv.org/abs/cs/0112017", { arxiv: "cs/0112017" }],
		["https://arxiv.org/pdf/cs/0112017v1.pdf", { arxiv: "cs/0112017" }],
		["https://arxiv.org/abs/math.GT/0309136", { arxiv: "math/0309136" }],
		["http://export.arxiv.org/abs/hep-th/9901001v2", { arxiv: "hep-th/9901001" }],
		// Subject classes longer than two letters are not read, as in canonicalUrl (whose reading this reuses).
		["https://arxiv.org/abs/cond-mat.mes-hall/0211022", {}],
		// Not papers on arXiv.
		["https://arxiv.org/list/cs.LG/recent", {}],
		["https://arxiv.org/abs/", {}],
		["https://notarxiv.org/abs/2104.04473", {}],
		["https://arxiv.org.evil.com/abs/2104.04473", {}],
		// DOIs.
		["https://doi.org/10.1145/3447786.3456245", { doi: "10.1145/3447786.3456245" }],
		["http://dx.doi.org/10.1109/ACCESS.2018.2877890", { doi: "10.1109/ACCESS.2018.2877890" }],
		["https://www.doi.org/10.1145/3447786.3456245", { doi: "10.1145/3447786.3456245" }],
		["https://doi.org/10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0", { doi: "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0" }],
		["https://doi.org/10.1145%2F3447786.3456245", { doi: "10.1145/3447786.3456245" }],
		["https://dl.acm.org/doi/10.1145/3447786.3456245", { doi: "10.1145/3447786.3456245" }],
		["https://dl.acm.org/doi/abs/10.1145/3447786.3456245", { doi: "10.1145/3447786.3456245" }],
		["https://dl.acm.org/doi/pdf/10.1145/3447786.3456245", { doi: "10.1145/3447786.3456245" }],
		["https://dl.acm.org/doi/full/10.1145/3447786.3456245?casa_token=x", { doi: "10.1145/3447786.3456245" }],
		["doi:10.1145/3447786.3456245", { doi: "10.1145/3447786.3456245" }],
		["https://doi.org/", {}],
		["https://doi.org/11.1145/x", {}],
		["https://dl.acm.org/citation.cfm?id=3447786", {}],
		// Everything else.
		["https://www.usenix.org/system/files/osdi21-qiao.pdf", {}],
		["Papers/local.pdf", {}],
		["javascript:alert(1)", {}],
		["", {}],
		[undefined, {}],
	])("%j → %j", (url, expected) => {
		expect(idsFromUrl(url)).toEqual(expected);
	});
});

describe("normalizeArxivId", () => {
	it.each<[string, string | undefined]>([
		["2104.04473", "2104.04473"],
		["2104.04473v12", "2104.04473"],
		["arXiv:2104.04473", "2104.04473"],
		["CS/0112017", "cs/0112017"],
		["math.GT/0309136v1", "math/0309136"],
		["1234.error", undefined],
		["2104.044", undefined],
		["", undefined],
	])("%j → %j", (input, expected) => {
		expect(normalizeArxivId(input)).toBe(expected);
	});
});

describe("normalizeDoi", () => {
	it.each<[string, string | undefined]>([
		["10.1145/3458817.3476209", "10.1145/3458817.3476209"],
		["https://doi.org/10.1145/3458817.3476209", "10.1145/3458817.3476209"],
		["doi: 10.1145/3458817.3476209", "10.1145/3458817.3476209"],
		["  10.48550/arXiv.2104.04473 ", "10.48550/arXiv.2104.04473"],
		["10.1145", undefined],
		["10.1145/ has space", undefined],
		["not a doi", undefined],
	])("%j → %j", (input, expected) => {
		expect(normalizeDoi(input)).toBe(expected);
	});
});
