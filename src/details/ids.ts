/**
 * Offline ids: the arXiv id or DOI a paper's own link already names, so that the look-up can ask
 * for exactly that paper (and a paper with neither is matched by title).
 *
 * Links are read through `canonicalUrl`, which already knows every spelling of an arXiv link
 * (`abs`/`pdf`, versions, `.pdf`, `export.` and `www.` hosts, http or https).
 */
import { canonicalUrl } from "../catalogue/url";

export interface PaperIds {
	arxiv?: string;
	doi?: string;
}

const ARXIV_PREFIX = "arxiv.org/abs/";

/** A new-style (`2104.04473`) or old-style (`cs/0112017`, `math.GT/0309136`) id, with or without a version. */
const ARXIV_ID = /^(?:(\d{4}\.\d{4,5})|([a-z-]+)(?:\.[a-z]{2})?\/(\d{7}))(?:v\d+)?$/i;

/** `10.` + a registrant code + `/` + a suffix without spaces. */
const DOI = /^10\.\d{4,9}\/\S+$/;

/**
 * An arXiv id in the form arXiv answers to, or undefined: the version goes (a paper, not one of
 * its versions), and an old-style id loses its subject class (`math.GT/0309136` is
 * `math/0309136` on arXiv: the class was never part of the identifier).
 */
export function normalizeArxivId(text: string): string | undefined {
	const match = ARXIV_ID.exec(text.trim().replace(/^arxiv:/i, ""));
	if (!match) return undefined;
	if (match[1] !== undefined) return match[1];
	return `${(match[2] ?? "").toLowerCase()}/${match[3] ?? ""}`;
}

function decoded(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** A DOI in `text` (a bare DOI, `doi:…`, or a doi.org link), without prefix; undefined when there is none. */
export function normalizeDoi(text: string): string | undefined {
	let doi = decoded(text.trim());
	doi = doi.replace(/^(?:https?:\/\/)?(?:dx\.)?(?:www\.)?doi\.org\//i, "").replace(/^doi:\s*/i, "");
	return DOI.test(doi) ? doi : undefined;
}

function withoutQuery(path: string): string {
	const mark = path.search(/[?#]/);
	return mark === -1 ? path : path.slice(0, mark);
}

/** `dl.acm.org/doi/…`: the DOI follows, after an optional format segment. */
const ACM_FORMATS = /^(?:abs|pdf|full|epdf|fullhtml|book|proceedings)\//i;

function doiFromCanonical(canonical: string): string | undefined {
	const slash = canonical.indexOf("/");
	if (slash === -1) return undefined;
	const host = canonical.slice(0, slash);
	const path = withoutQuery(canonical.slice(slash + 1));
	if (host === "doi.org" || host === "dx.doi.org") return normalizeDoi(path);
	if (host === "dl.acm.org" && path.toLowerCase().startsWith("doi/")) return normalizeDoi(path.slice(4).replace(ACM_FORMATS, ""));
	return undefined;
}

/** The arXiv id and DOI that a paper's link names; `{}` for any other link, or none. */
export function idsFromUrl(url: string | undefined): PaperIds {
	if (url === undefined) return {};
	const canonical = canonicalUrl(url);
	if (canonical === undefined) return {};
	if (canonical.startsWith(ARXIV_PREFIX)) {
		const arxiv = normalizeArxivId(canonical.slice(ARXIV_PREFIX.length));
		return arxiv === undefined ? {} : { arxiv };
	}
	if (canonical.toLowerCase().startsWith("doi:")) {
		const doi = normalizeDoi(canonical);
		return doi === undefined ? {} : { doi };
	}
	const doi = doiFromCanonical(canonical);
	return doi === undefined ? {} : { doi };
}
