/**
 * Line iteration shared by the whole-text passes (chunking, page markup): lines end at `\r\n`, `\n`
 * or a lone `\r`, as in CommonMark.
 */

/**
 * Calls `visit` with the start and end (before the line break) of each line, until it returns false.
 * Linear: each search for a break runs again only once passed.
 */
export function forEachLine(text: string, visit: (start: number, end: number) => boolean | void): void {
	let nextLf = text.indexOf("\n");
	let nextCr = text.indexOf("\r");
	let start = 0;
	for (;;) {
		if (nextLf !== -1 && nextLf < start) nextLf = text.indexOf("\n", start);
		if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf("\r", start);
		const end = Math.min(nextLf === -1 ? text.length : nextLf, nextCr === -1 ? text.length : nextCr);
		if (visit(start, end) === false || end >= text.length) return;
		start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
	}
}

/** Same-length replacements of ranges of a text, applied in order of their start. */
export class Patcher {
	private parts: string[] | null = null;
	private copied = 0;

	constructor(private readonly text: string) {}

	/** Replaces `[start, end)` by `char` repeated; ranges must come in order and not overlap. */
	replace(start: number, end: number, char: string): void {
		if (start < this.copied || end <= start) return;
		this.parts ??= [];
		this.parts.push(this.text.slice(this.copied, start), char.repeat(end - start));
		this.copied = end;
	}

	/** Replaces every character of `[start, end)` but line breaks by a space, so that lines stay lines. */
	blank(start: number, end: number): void {
		let from = start;
		for (let i = start; i < end; i++) {
			const code = this.text.charCodeAt(i);
			if (code === 10 || code === 13) {
				this.replace(from, i, " ");
				from = i + 1;
			}
		}
		this.replace(from, end, " ");
	}

	get changed(): boolean {
		return this.parts !== null;
	}

	result(): string {
		if (this.parts === null) return this.text;
		return this.parts.join("") + this.text.slice(this.copied);
	}
}
