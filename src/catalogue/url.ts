/**
 * URL identity for papers: `canonicalUrl` maps the many spellings of one paper's address to one
 * string, so that a paper listed twice (or ticked in one note and listed in another) is recognised.
 * The result is a comparison key, not something to open: use the URL as written for that.
 */

/** `scheme:` at the start. One-letter schemes are left out: `C:\papers\a.pdf` is a Windows path. */
const SCHEME = /^([a-z][a-z0-9+.-]+):/i;

/** Schemes that never name a paper, and that must not be opened from a note either. */
const REJECTED_SCHEMES = new Set(["javascript", "vbscript", "data", "mailto"]);

const ARXIV_HOSTS = new Set(["arxiv.org", "export.arxiv.org"]);

/**
 * An arXiv path in any of its forms: `/abs/ID`, `/pdf/ID`, `/pdf/ID.pdf`, with or without a `vN`
 * version. IDs are new-style (`1904.03257`, 4 or 5 digits after the dot) or old-style
 * (`cs/0112017`, `hep-th/9901001`, `math.GT/0309136`).
 */
const ARXIV_PATH = /^\/(?:abs|pdf|html|ps)\/(\d{4}\.\d{4,5}|[a-z-]+(?:\.[a-z]{2})?\/\d{7})(?:v\d+)?(?:\.pdf)?$/i;

/**
 * Browsers drop tabs and newlines anywhere in a URL (so `java\nscript:` runs as script) and angle
 * brackets are markdown's way to allow spaces in a link target: remove both before looking.
 */
function clean(url: string): string {
	const text = url.replace(/[\t\n\r]/g, "").trim();
	return text.startsWith("<") && text.endsWith(">") ? text.slice(1, -1).trim() : text;
}

/** True for a link to a heading or block in the same note: `#intro`, `#^block`. */
export function isHeadingAnchor(url: string): boolean {
	return clean(url).startsWith("#");
}

/** True only for `http:` and `https:` URLs with a host: the only links safe to hand to the browser. */
export function isSafeExternalUrl(url: string): boolean {
	return /^https?:\/\/[^\s/?#\\@]/i.test(clean(url));
}

function withoutFragment(text: string): string {
	const hash = text.indexOf("#");
	return hash === -1 ? text : text.slice(0, hash);
}

function splitQuery(text: string): { path: string; query: string } {
	const mark = text.indexOf("?");
	return mark === -1 ? { path: text, query: "" } : { path: text.slice(0, mark), query: text.slice(mark + 1) };
}

function withQuery(base: string, query: string): string {
	return query === "" ? base : `${base}?${query}`;
}

/** Resolves `.` and `..` segments and empty segments; a leading `/` and leading `..` are kept. */
function normalisePath(path: string): string {
	const absolute = path.startsWith("/");
	const out: string[] = [];
	for (const segment of path.split("/")) {
		if (segment === "" || segment === ".") continue;
		if (segment === ".." && out.length > 0 && out[out.length - 1] !== "..") out.pop();
		else if (segment === ".." && absolute) continue;
		else out.push(segment);
	}
	return (absolute ? "/" : "") + out.join("/");
}

/** `%20` and a literal space name the same vault file; decoding makes them compare equal. */
function decodePath(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

function canonicalRelative(text: string): string | undefined {
	const { path, query } = splitQuery(withoutFragment(text));
	const normalised = normalisePath(decodePath(path));
	// `./`, `/` or a bare `?query` name no file.
	if (normalised === "" || normalised === "/") return undefined;
	return withQuery(normalised, query);
}

/** `rest` is everything after `http(s)://`. */
function canonicalWeb(rest: string, scheme: string): string | undefined {
	const text = withoutFragment(rest);
	let pathStart = text.search(/[/?]/);
	if (pathStart === -1) pathStart = text.length;
	// User info says who is asking, not which paper; `@` can only be user info inside the authority.
	const authority = text.slice(0, pathStart);
	let host = authority.slice(authority.lastIndexOf("@") + 1).toLowerCase();
	if (host.endsWith(".")) host = host.slice(0, -1);
	if (host.startsWith("www.")) host = host.slice(4);
	const defaultPort = scheme === "https" ? ":443" : ":80";
	if (host.endsWith(defaultPort)) host = host.slice(0, -defaultPort.length);
	if (host === "") return undefined;

	const { path: rawPath, query } = splitQuery(text.slice(pathStart));
	const path = rawPath.replace(/ /g, "%20").replace(/\/+$/, "");

	if (ARXIV_HOSTS.has(host)) {
		const arxiv = ARXIV_PATH.exec(path);
		// Versions, formats and mirror hosts all name one paper: its abstract page.
		if (arxiv) return `arxiv.org/abs/${arxivId(arxiv[1] ?? "")}`;
	}
	return withQuery(host + path, query.replace(/ /g, "%20"));
}

/** Archive names are lower-case and subject classes upper-case (`math.GT/0309136`) on arXiv itself. */
function arxivId(id: string): string {
	const slash = id.indexOf("/");
	if (slash === -1) return id;
	const [archive = "", subject] = id.slice(0, slash).split(".");
	const prefix = subject === undefined ? archive.toLowerCase() : `${archive.toLowerCase()}.${subject.toUpperCase()}`;
	return `${prefix}${id.slice(slash)}`;
}

/**
 * A normalised identity for a paper's URL, or undefined when the link names no paper (empty,
 * a heading anchor, `javascript:`, `data:`, `mailto:`).
 *
 * - `http(s)://` is dropped, the host is lower-cased and loses `www.`, a default port and a trailing
 *   dot; the path keeps its case, loses trailing slashes and the `#fragment`; the query is kept as
 *   written (its order can matter to the server).
 * - arXiv abstract, PDF and versioned links all become `arxiv.org/abs/ID`.
 * - Scheme-less targets starting with `www.` or `//` are web addresses; other scheme-less targets are
 *   relative paths, returned decoded with `.`/`..` resolved (`./a.pdf` → `a.pdf`).
 * - Other schemes (`ftp:`, `obsidian:`, `zotero:`) are kept whole with the scheme lower-cased.
 */
export function canonicalUrl(url: string): string | undefined {
	const text = clean(url);
	if (text === "" || text.startsWith("#")) return undefined;
	if (text.startsWith("//")) return canonicalWeb(text.slice(2), "https");
	if (/^www\./i.test(text)) return canonicalWeb(text, "https");

	const scheme = SCHEME.exec(text)?.[1]?.toLowerCase();
	if (scheme === undefined) return canonicalRelative(text);
	if (REJECTED_SCHEMES.has(scheme)) return undefined;
	const rest = text.slice(scheme.length + 1);
	// Browsers accept `https:/x`, `https:x` and backslashes for web schemes; so do we.
	if (scheme === "http" || scheme === "https") return canonicalWeb(rest.replace(/^[/\\]*/, ""), scheme);
	return rest === "" ? undefined : `${scheme}:${rest}`;
}
