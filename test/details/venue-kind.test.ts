import { describe, expect, it } from "vitest";
import { venueKind, type VenueKind } from "../../src/details/venue-kind";

describe("venueKind", () => {
	it.each<[string, VenueKind]>([
		// As catalogues write them.
		["SC", "conference"],
		["SC’21", "conference"],
		["NeurIPS", "conference"],
		["ICLR", "conference"],
		["SIGCOMM", "conference"],
		["DAC", "conference"],
		["ICMD", "conference"],
		["NeurIPS 2019", "conference"],
		["OpenAI", "other"],
		["Blog post", "other"],
		["JMLR", "journal"],
		["CACM", "journal"],
		// As services spell them.
		["International Conference for High Performance Computing, Networking, Storage and Analysis", "conference"],
		["Neural Information Processing Systems", "conference"],
		["Symposium on Operating Systems Principles", "conference"],
		["USENIX Symposium on Operating Systems Design and Implementation", "conference"],
		["Proceedings of the Sixteenth European Conference on Computer Systems", "conference"],
		["2018 IEEE/CVF Conference on Computer Vision and Pattern Recognition", "conference"],
		["Symposium on Foundations of Computer Science", "conference"],
		["Proceedings of the VLDB Endowment", "journal"],
		["Communications of the ACM", "journal"],
		["Journal of machine learning research", "journal"],
		["IEEE Transactions on Pattern Analysis and Machine Intelligence", "journal"],
		["IEEE Access", "journal"],
		["Nature", "journal"],
		["arXiv", "preprint"],
		["arXiv.org", "preprint"],
		["CoRR", "preprint"],
		["Computer Vision and Pattern Recognition", "conference"],
		["Knowledge Discovery and Data Mining", "conference"],
		["Some Society Newsletter", "other"],
		["", "other"],
	])("%j is %s", (venue, kind) => {
		expect(venueKind(venue)).toBe(kind);
	});
});
