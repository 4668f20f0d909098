import { describe, expect, it } from "vitest";
import { canonicalUrl, isHeadingAnchor, isSafeExternalUrl } from "../../src/catalogue/url";

describe("canonicalUrl", () => {
	it.each<[string, string | undefined]>([
		// Scheme, www, host case, trailing slash, fragment.
		["https://ucbrise.github.io/cs294-ai-sys-sp22/", "ucbrise.github.io/cs294-ai-sys-sp22"],
		["http://ucbrise.github.io/cs294-ai-sys-sp22", "ucbrise.github.io/cs294-ai-sys-sp22"],
		["https://www.usenix.org/system/files/osdi21-qiao.pdf", "usenix.org/system/files/osdi21-qiao.pdf"],
		["HTTPS://WWW.USENIX.ORG/System/Files/A.pdf", "usenix.org/System/Files/A.pdf"],
		["https://example.com", "example.com"],
		["https://example.com/", "example.com"],
		["https://example.com/a//", "example.com/a"],
		["https://example.com/paper#section-2", "example.com/paper"],
		["https://example.com/paper/#", "example.com/paper"],
		// The query is kept as written; its fragment is not.
		["https://openreview.net/pdf?id=r1gs9JgRZ", "openreview.net/pdf?id=r1gs9JgRZ"],
		["https://openreview.net/forum?id=r1gs9JgRZ#comments", "openreview.net/forum?id=r1gs9JgRZ"],
		[
			"https://drive.google.com/file/d/16xs_-3XRym34z60-Ji4dlDwW487vOmpz/view?usp=sharing",
			"drive.google.com/file/d/16xs_-3XRym34z60-Ji4dlDwW487vOmpz/view?usp=sharing",
		],
		["https://example.com/a/?b=1&a=2", "example.com/a?b=1&a=2"],
		["https://example.com/a?", "example.com/a"],
		["https://example.com?x=1", "example.com?x=1"],
		// Ports, user info, trailing dot.
		["http://example.com:80/a", "example.com/a"],
		["https://example.com:443/a", "example.com/a"],
		["https://example.com:8443/a", "example.com:8443/a"],
		["http://example.com:443/a", "example.com:443/a"],
		["https://user:pass@Example.com/a", "example.com/a"],
		["https://example.com./a", "example.com/a"],
		// Scheme-less web addresses.
		["//example.com/a", "example.com/a"],
		["www.example.com/a/", "example.com/a"],
		["WWW.Example.com", "example.com"],
		// Lenient web spellings browsers accept.
		["https:/example.com/a", "example.com/a"],
		["https:\\\\example.com/a", "example.com/a"],
		// Browsers read extra slashes as the start of the host: `http://path/`.
		["http:///path", "path"],
		// Whitespace, angle brackets, stray newlines.
		["  https://example.com/a  ", "example.com/a"],
		["<https://example.com/a>", "example.com/a"],
		["https://exam\nple.com/a", "example.com/a"],
		["https://example.com/my paper.pdf", "example.com/my%20paper.pdf"],
		// arXiv: abstract, pdf, versions, export mirror, old-style ids.
		["https://arxiv.org/abs/1904.03257", "arxiv.org/abs/1904.03257"],
		["https://arxiv.org/pdf/1904.03257", "arxiv.org/abs/1904.03257"],
		["https://arxiv.org/pdf/1904.03257.pdf", "arxiv.org/abs/1904.03257"],
		["https://arxiv.org/pdf/1904.03257v3", "arxiv.org/abs/1904.03257"],
		["https://arxiv.org/pdf/1904.03257v12.pdf", "arxiv.org/abs/1904.03257"],
		["https://arxiv.org/abs/1904.03257v1/", "arxiv.org/abs/1904.03257"],
		["http://www.arxiv.org/abs/1904.03257#", "arxiv.org/abs/1904.03257"],
		["https://export.arxiv.org/abs/1904.03257", "arxiv.org/abs/1904.03257"],
		["https://export.arxiv.org/pdf/1904.03257v2.pdf", "arxiv.org/abs/1904.03257"],
		["https://arxiv.org/abs/2104.04473?context=cs", "arxiv.org/abs/2104.04473"],
		["https://arxiv.org/html/2401.12345v1", "arxiv.org/abs/2401.12345"],
		["https://ArXiv.org/ABS/1904.03257", "arxiv.org/abs/1904.03257"],
		["https://arxiv.org/abs/1501.0001", "arxiv.org/abs/1501.0001"],
		["https://arxiv.org/abs/cs/0112017", "arxiv.org/abs/cs/0112017"],
		["https://arxiv.org/pdf/cs/0112017v1.pdf", "arxiv.org/abs/cs/0112017"],
		["https://arxiv.org/abs/hep-th/9901001v2", "arxiv.org/abs/hep-th/9901001"],
		["https://arxiv.org/abs/math.GT/0309136", "arxiv.org/abs/math.GT/0309136"],
		["https://arxiv.org/abs/math.gt/0309136", "arxiv.org/abs/math.GT/0309136"],
		// Other arXiv pages are ordinary URLs.
		["https://arxiv.org/list/cs.LG/recent", "arxiv.org/list/cs.LG/recent"],
		["https://arxiv.org/abs/not-an-id", "arxiv.org/abs/not-an-id"],
		["https://notarxiv.org/abs/1904.03257", "notarxiv.org/abs/1904.03257"],
		// Relative links.
		["papers/foo.pdf", "papers/foo.pdf"],
		["./a.pdf", "a.pdf"],
		["././a.pdf", "a.pdf"],
		["papers/./b/../foo.pdf", "papers/foo.pdf"],
		["../shared/foo.pdf", "../shared/foo.pdf"],
		["/papers/foo.pdf", "/papers/foo.pdf"],
		["papers/foo/", "papers/foo"],
		["papers/my%20paper.pdf", "papers/my paper.pdf"],
		["<papers/my paper.pdf>", "papers/my paper.pdf"],
		["papers/foo.pdf#page=3", "papers/foo.pdf"],
		["Notes/Paper.md#Summary", "Notes/Paper.md"],
		["papers/100%.pdf", "papers/100%.pdf"],
		["C:\\papers\\a.pdf", "C:\\papers\\a.pdf"],
		["Überblick.pdf", "Überblick.pdf"],
		// Other schemes stay whole.
		["FTP://example.com/a.pdf", "ftp://example.com/a.pdf"],
		["obsidian://open?vault=v&file=a", "obsidian://open?vault=v&file=a"],
		// Not papers.
		["", undefined],
		["   ", undefined],
		["#intro", undefined],
		["  #intro", undefined],
		["#", undefined],
		["#^block-id", undefined],
		["javascript:alert(1)", undefined],
		["JavaScript:alert(1)", undefined],
		["java\nscript:alert(1)", undefined],
		["  javascript:void(0)", undefined],
		["vbscript:msgbox", undefined],
		["data:text/html;base64,PHNjcmlwdD4=", undefined],
		["mailto:someone@example.com", undefined],
		["https://", undefined],
		["./", undefined],
		[".", undefined],
		["?query", undefined],
		["<>", undefined],
		["ftp:", undefined],
	])("%j → %j", (url, expected) => {
		expect(canonicalUrl(url)).toBe(expected);
	});

	it.each<[string, string]>([
		["https://arxiv.org/abs/1809.04070", "http://www.arxiv.org/pdf/1809.04070v2.pdf"],
		["https://example.com/a/", "HTTP://WWW.EXAMPLE.COM/a#top"],
		["./papers/a.pdf", "papers/a.pdf"],
	])("%j and %j name the same paper", (a, b) => {
		expect(canonicalUrl(a)).toBe(canonicalUrl(b));
	});

	it.each<[string, string]>([
		["https://example.com/Paper.pdf", "https://example.com/paper.pdf"],
		["https://example.com/a?id=1", "https://example.com/a?id=2"],
		["https://arxiv.org/abs/1809.04070", "https://arxiv.org/abs/1809.04071"],
	])("%j and %j stay apart", (a, b) => {
		expect(canonicalUrl(a)).not.toBe(canonicalUrl(b));
	});
});

describe("isHeadingAnchor", () => {
	it.each<[string, boolean]>([
		["#intro", true],
		["#", true],
		["  #intro", true],
		["#^block", true],
		["intro", false],
		["note.md#intro", false],
		["https://example.com/#intro", false],
		["", false],
	])("%j → %s", (url, expected) => {
		expect(isHeadingAnchor(url)).toBe(expected);
	});
});

describe("isSafeExternalUrl", () => {
	it.each<[string, boolean]>([
		["https://example.com", true],
		["http://example.com/a?b#c", true],
		["HTTPS://EXAMPLE.COM", true],
		["  https://example.com  ", true],
		["<https://example.com>", true],
		["https://user@example.com", true],
		["https://", false],
		["https:///path", false],
		["https:example.com", false],
		["//example.com", false],
		["www.example.com", false],
		["ftp://example.com", false],
		["javascript:alert(1)", false],
		["java\tscript:alert(1)", false],
		["data:text/html,hi", false],
		["mailto:a@b.c", false],
		["file:///etc/passwd", false],
		["obsidian://open?vault=v", false],
		["papers/foo.pdf", false],
		["#intro", false],
		["", false],
	])("%j → %s", (url, expected) => {
		expect(isSafeExternalUrl(url)).toBe(expected);
	});
});
