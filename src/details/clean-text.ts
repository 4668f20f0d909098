/**
 * Text from the network is data: whatever a service sends (HTML, JATS, entities, control
 * characters, hard line breaks), what we keep is one line of plain text.
 */

/** Elements whose boundary separates words: `</jats:p><jats:p>` must not glue two sentences together. */
const BLOCK_ELEMENTS = new Set([
	"p",
	"br",
	"div",
	"li",
	"ul",
	"ol",
	"tr",
	"td",
	"th",
	"table",
	"h1",
	"h2",
	"h3",
	"h4",
	"h5",
	"h6",
	"title",
	"sec",
	"list",
	"list-item",
	"blockquote",
	"section",
	"abstract",
]);

/** A start, end or empty tag: `<p>`, `</jats:p>`, `<br/>`, `<a href="…">`. `a < b` is not one. */
const TAG = /<\/?([A-Za-z][\w.:-]*)(?:\s[^<>]*)?\/?>/g;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)(?:\]\]>|$)/g;

const NAMED_ENTITIES: Record<string, string> = {
	amp: "&",
	lt: "<",
	gt: ">",
	quot: '"',
	apos: "'",
	nbsp: " ",
	ndash: "–",
	mdash: "—",
	hellip: "…",
	lsquo: "‘",
	rsquo: "’",
	ldquo: "“",
	rdquo: "”",
	laquo: "«",
	raquo: "»",
	times: "×",
	middot: "·",
	deg: "°",
	plusmn: "±",
	le: "≤",
	ge: "≥",
	ne: "≠",
	asymp: "≈",
	minus: "−",
	alpha: "α",
	beta: "β",
	gamma: "γ",
	delta: "δ",
	epsilon: "ε",
	lambda: "λ",
	mu: "μ",
	pi: "π",
	sigma: "σ",
	tau: "τ",
	theta: "θ",
	omega: "ω",
	eacute: "é",
	egrave: "è",
	aacute: "á",
	agrave: "à",
	iacute: "í",
	oacute: "ó",
	uacute: "ú",
	auml: "ä",
	ouml: "ö",
	uuml: "ü",
	Auml: "Ä",
	Ouml: "Ö",
	Uuml: "Ü",
	szlig: "ß",
	ccedil: "ç",
	ntilde: "ñ",
	copy: "©",
	reg: "®",
	trade: "™",
};

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g;

/**
 * C0 and C1 control characters (tab, newline and carriage return are whitespace and handled as
 * such), DEL, bidirectional overrides and isolates (they can make text read differently from what
 * it is), the byte-order mark and other non-characters.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFFE\uFFFF]/g;
/** A surrogate without its pair cannot be encoded as UTF-8; YAML and the file system would choke on it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function codePoint(value: number): string {
	if (value === 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) return "";
	return String.fromCodePoint(value);
}

function decodeEntities(text: string): string {
	return text.replace(ENTITY, (whole: string, decimal?: string, hex?: string, name?: string) => {
		if (decimal !== undefined) return codePoint(Number.parseInt(decimal, 10));
		if (hex !== undefined) return codePoint(Number.parseInt(hex, 16));
		return (name !== undefined ? NAMED_ENTITIES[name] : undefined) ?? whole;
	});
}

function stripTags(text: string): string {
	return text
		.replace(COMMENT, " ")
		.replace(CDATA, (_whole: string, inner: string) => inner)
		.replace(TAG, (_whole: string, name: string) => {
			const local = name.slice(name.lastIndexOf(":") + 1).toLowerCase();
			return BLOCK_ELEMENTS.has(local) ? " " : "";
		});
}

/** The longest text we keep from one field; an abstract is a few thousand characters at most. */
export const MAX_TEXT_LENGTH = 20_000;

/**
 * Plain text from whatever a service sent: tags stripped (block elements leave a space), entities
 * decoded, then tags stripped again (so `&lt;b&gt;` cannot come back as markup), control
 * characters and lone surrogates removed, whitespace collapsed to single spaces, NFC, at most
 * `maxLength` characters (cut on a character boundary). Anything that is not a string gives "".
 */
export function cleanText(value: unknown, maxLength = MAX_TEXT_LENGTH): string {
	if (typeof value !== "string" || value === "") return "";
	let text = stripTags(value);
	text = decodeEntities(text);
	text = stripTags(text);
	text = text.replace(CONTROL, "").replace(LONE_SURROGATE, "$1");
	text = text.replace(/\s+/g, " ").trim().normalize("NFC");
	if (text.length <= maxLength) return text;
	const cut = text.slice(0, maxLength);
	// Never half a surrogate pair.
	return (/[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut).trimEnd();
}

/** `cleanText`, or undefined when nothing is left: for optional fields. */
export function cleanOptional(value: unknown, maxLength = MAX_TEXT_LENGTH): string | undefined {
	const text = cleanText(value, maxLength);
	return text === "" ? undefined : text;
}
