/**
 * `Editor` (abstract, as in Obsidian) and the fake's implementation over a plain string, used by `MarkdownView`.
 * Positions are `{ line, ch }`, 0-based; `posToOffset` and ranges clamp positions into the document like
 * CodeMirror's `clipPos`, while `getLine` of a line that does not exist throws a RangeError like CodeMirror 6.
 * Every change (setValue, replaceRange, replaceSelection, transaction, setLine, undo/redo) calls the view's
 * change hook once, which fires the workspace's `editor-change` and requests a save.
 */
import type { EditorChange, EditorCommandName, EditorPosition, EditorRange, EditorRangeOrCaret, EditorSelection, EditorSelectionOrCaret, EditorTransaction } from "./types";

export abstract class Editor {
	getDoc(): this {
		return this;
	}

	abstract refresh(): void;
	abstract getValue(): string;
	abstract setValue(content: string): void;
	abstract getLine(line: number): string;

	setLine(n: number, text: string): void {
		this.replaceRange(text, { line: n, ch: 0 }, { line: n, ch: this.getLine(n).length });
	}

	abstract lineCount(): number;
	abstract lastLine(): number;
	abstract getSelection(): string;

	somethingSelected(): boolean {
		return this.getSelection().length > 0;
	}

	abstract getRange(from: EditorPosition, to: EditorPosition): string;
	abstract replaceSelection(replacement: string, origin?: string): void;
	abstract replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition, origin?: string): void;
	abstract getCursor(string?: "from" | "to" | "head" | "anchor"): EditorPosition;
	abstract listSelections(): EditorSelection[];

	setCursor(pos: EditorPosition | number, ch?: number): void {
		const position = typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos;
		this.setSelection(position, position);
	}

	abstract setSelection(anchor: EditorPosition, head?: EditorPosition): void;
	abstract setSelections(ranges: EditorSelectionOrCaret[], main?: number): void;
	abstract focus(): void;
	abstract blur(): void;
	abstract hasFocus(): boolean;
	abstract getScrollInfo(): { top: number; left: number };
	abstract scrollTo(x?: number | null, y?: number | null): void;
	abstract scrollIntoView(range: EditorRange, center?: boolean): void;
	abstract undo(): void;
	abstract redo(): void;
	abstract exec(command: EditorCommandName): void;
	abstract transaction(tx: EditorTransaction, origin?: string): void;
	abstract wordAt(pos: EditorPosition): EditorRange | null;
	abstract posToOffset(pos: EditorPosition): number;
	abstract offsetToPos(offset: number): EditorPosition;

	processLines<T>(read: (line: number, lineText: string) => T | null, write: (line: number, lineText: string, value: T | null) => EditorChange | void, ignoreEmpty = true): void {
		const changes: EditorChange[] = [];
		for (let line = 0; line < this.lineCount(); line++) {
			const text = this.getLine(line);
			const value = read(line, text);
			if (ignoreEmpty && value === null) continue;
			const change = write(line, text, value);
			if (change !== undefined) changes.push(change);
		}
		if (changes.length > 0) this.transaction({ changes });
	}
}

interface Range {
	anchor: number;
	head: number;
}

/** The fake's editor: a string, selections as offsets, snapshot undo. */
export class TextEditor extends Editor {
	private text = "";
	private ranges: Range[] = [{ anchor: 0, head: 0 }];
	private main = 0;
	private focused = false;
	private readonly undoStack: { text: string; ranges: Range[] }[] = [];
	private readonly redoStack: { text: string; ranges: Range[] }[] = [];
	private readonly changed: () => void;

	constructor(changed: () => void) {
		super();
		this.changed = changed;
	}

	refresh(): void {}

	getValue(): string {
		return this.text;
	}

	setValue(content: string): void {
		this.apply([{ from: 0, to: this.text.length, insert: content }], null);
	}

	/** Replaces the text without an undo step or change event (the view loading its file). */
	load(content: string): void {
		this.text = content;
		this.ranges = [{ anchor: 0, head: 0 }];
		this.main = 0;
		this.undoStack.length = 0;
		this.redoStack.length = 0;
	}

	getLine(line: number): string {
		const starts = lineStarts(this.text);
		if (!Number.isInteger(line) || line < 0 || line >= starts.length) throw new RangeError(`Invalid line number ${line + 1} in ${starts.length}-line document`);
		const start = starts[line] ?? 0;
		return this.text.slice(start, start + lineLength(this.text, starts, line));
	}

	lineCount(): number {
		return lineStarts(this.text).length;
	}

	lastLine(): number {
		return this.lineCount() - 1;
	}

	getSelection(): string {
		const range = this.mainRange();
		return this.text.slice(Math.min(range.anchor, range.head), Math.max(range.anchor, range.head));
	}

	getRange(from: EditorPosition, to: EditorPosition): string {
		const a = this.posToOffset(from);
		const b = this.posToOffset(to);
		return this.text.slice(Math.min(a, b), Math.max(a, b));
	}

	replaceSelection(replacement: string, origin?: string): void {
		const range = this.mainRange();
		const from = Math.min(range.anchor, range.head);
		const to = Math.max(range.anchor, range.head);
		const end = from + replacement.length;
		this.apply([{ from, to, insert: replacement }], [{ anchor: end, head: end }]);
	}

	replaceRange(replacement: string, from: EditorPosition, to?: EditorPosition, origin?: string): void {
		const a = this.posToOffset(from);
		const b = to === undefined ? a : this.posToOffset(to);
		this.apply([{ from: Math.min(a, b), to: Math.max(a, b), insert: replacement }], null);
	}

	getCursor(which: "from" | "to" | "head" | "anchor" = "head"): EditorPosition {
		const range = this.mainRange();
		const offset = which === "anchor" ? range.anchor : which === "head" ? range.head : which === "from" ? Math.min(range.anchor, range.head) : Math.max(range.anchor, range.head);
		return this.offsetToPos(offset);
	}

	listSelections(): EditorSelection[] {
		return this.ranges.map((range) => ({ anchor: this.offsetToPos(range.anchor), head: this.offsetToPos(range.head) }));
	}

	setSelection(anchor: EditorPosition, head?: EditorPosition): void {
		const a = this.posToOffset(anchor);
		this.ranges = [{ anchor: a, head: head === undefined ? a : this.posToOffset(head) }];
		this.main = 0;
	}

	setSelections(ranges: EditorSelectionOrCaret[], main?: number): void {
		if (ranges.length === 0) return;
		this.ranges = ranges.map((range) => {
			const anchor = this.posToOffset(range.anchor);
			return { anchor, head: range.head === undefined ? anchor : this.posToOffset(range.head) };
		});
		this.main = Math.min(Math.max(main ?? 0, 0), this.ranges.length - 1);
	}

	focus(): void {
		this.focused = true;
	}

	blur(): void {
		this.focused = false;
	}

	hasFocus(): boolean {
		return this.focused;
	}

	getScrollInfo(): { top: number; left: number } {
		return { top: 0, left: 0 };
	}

	scrollTo(x?: number | null, y?: number | null): void {}

	scrollIntoView(range: EditorRange, center?: boolean): void {}

	undo(): void {
		const previous = this.undoStack.pop();
		if (previous === undefined) return;
		this.redoStack.push({ text: this.text, ranges: this.ranges });
		this.text = previous.text;
		this.ranges = previous.ranges;
		this.main = 0;
		this.changed();
	}

	redo(): void {
		const next = this.redoStack.pop();
		if (next === undefined) return;
		this.undoStack.push({ text: this.text, ranges: this.ranges });
		this.text = next.text;
		this.ranges = next.ranges;
		this.main = 0;
		this.changed();
	}

	/** Cursor moves and line edits; folding commands do nothing (there is nothing to fold). */
	exec(command: EditorCommandName): void {
		const cursor = this.getCursor();
		switch (command) {
			case "goStart":
				return this.setCursor({ line: 0, ch: 0 });
			case "goEnd":
				return this.setCursor(this.offsetToPos(this.text.length));
			case "goLeft":
				return this.setCursor(this.offsetToPos(Math.max(0, this.posToOffset(cursor) - 1)));
			case "goRight":
				return this.setCursor(this.offsetToPos(Math.min(this.text.length, this.posToOffset(cursor) + 1)));
			case "goUp":
				return this.setCursor({ line: Math.max(0, cursor.line - 1), ch: cursor.ch });
			case "goDown":
				return this.setCursor({ line: Math.min(this.lastLine(), cursor.line + 1), ch: cursor.ch });
			case "goWordLeft":
			case "goWordRight": {
				const offset = this.posToOffset(cursor);
				const pattern = /\w+/g;
				let target = command === "goWordLeft" ? 0 : this.text.length;
				for (const match of this.text.matchAll(pattern)) {
					const start = match.index;
					const end = start + match[0].length;
					if (command === "goWordLeft" && start < offset) target = start;
					if (command === "goWordRight" && end > offset) {
						target = end;
						break;
					}
				}
				return this.setCursor(this.offsetToPos(target));
			}
			case "deleteLine": {
				const lines = this.text.split("\n");
				lines.splice(cursor.line, 1);
				this.setValue(lines.join("\n"));
				return this.setCursor({ line: Math.min(cursor.line, this.lastLine()), ch: 0 });
			}
			case "swapLineUp":
			case "swapLineDown": {
				const lines = this.text.split("\n");
				const other = command === "swapLineUp" ? cursor.line - 1 : cursor.line + 1;
				if (other < 0 || other >= lines.length) return;
				[lines[cursor.line], lines[other]] = [lines[other] ?? "", lines[cursor.line] ?? ""];
				this.setValue(lines.join("\n"));
				return this.setCursor({ line: other, ch: cursor.ch });
			}
			case "indentMore":
				this.replaceRange("\t", { line: cursor.line, ch: 0 });
				return this.setCursor({ line: cursor.line, ch: cursor.ch + 1 });
			case "indentLess": {
				const line = this.getLine(cursor.line);
				const strip = line.startsWith("\t") ? 1 : (/^ {1,4}/.exec(line)?.[0].length ?? 0);
				if (strip > 0) this.replaceRange("", { line: cursor.line, ch: 0 }, { line: cursor.line, ch: strip });
				return this.setCursor({ line: cursor.line, ch: Math.max(0, cursor.ch - strip) });
			}
			case "newlineAndIndent": {
				const indent = /^[ \t]*/.exec(this.getLine(cursor.line))?.[0] ?? "";
				return this.replaceSelection(`\n${indent}`);
			}
			case "toggleFold":
			case "foldAll":
			case "unfoldAll":
				return;
		}
	}

	transaction(tx: EditorTransaction, origin?: string): void {
		const changes = (tx.changes ?? []).map((change) => {
			const from = this.posToOffset(change.from);
			const to = change.to === undefined ? from : this.posToOffset(change.to);
			return { from: Math.min(from, to), to: Math.max(from, to), insert: change.text };
		});
		if (tx.replaceSelection !== undefined) {
			const range = this.mainRange();
			changes.push({ from: Math.min(range.anchor, range.head), to: Math.max(range.anchor, range.head), insert: tx.replaceSelection });
		}
		const selections = tx.selections ?? (tx.selection === undefined ? undefined : [tx.selection]);
		const after = (text: string): Range[] | null => {
			if (selections === undefined) return null;
			const pos = (p: EditorPosition): number => offsetIn(text, p);
			return selections.map((selection: EditorRangeOrCaret) => ({ anchor: pos(selection.from), head: pos(selection.to ?? selection.from) }));
		};
		this.apply(changes, after);
	}

	wordAt(pos: EditorPosition): EditorRange | null {
		const offset = this.posToOffset(pos);
		for (const match of this.text.matchAll(/[\p{L}\p{N}_]+/gu)) {
			const start = match.index;
			const end = start + match[0].length;
			if (start <= offset && offset <= end) return { from: this.offsetToPos(start), to: this.offsetToPos(end) };
		}
		return null;
	}

	posToOffset(pos: EditorPosition): number {
		return offsetIn(this.text, pos);
	}

	offsetToPos(offset: number): EditorPosition {
		return positionOf(this.text, Math.min(Math.max(0, offset), this.text.length));
	}

	private mainRange(): Range {
		return this.ranges[this.main] ?? { anchor: 0, head: 0 };
	}

	/**
	 * Applies non-overlapping changes (offsets in the current text); selections follow the text (CodeMirror's
	 * mapping) unless `selections` gives new ones, as offsets or as a function of the new text.
	 */
	private apply(changes: { from: number; to: number; insert: string }[], selections: Range[] | ((text: string) => Range[] | null) | null): void {
		if (changes.length === 0 && selections === null) return;
		// In document order, the text between changes copied once: a transaction of thousands of changes (a sync
		// linking every item) stays linear, as in CodeMirror.
		const sorted = [...changes].sort((a, b) => a.from - b.from);
		this.undoStack.push({ text: this.text, ranges: this.ranges });
		this.redoStack.length = 0;
		const parts: string[] = [];
		let copied = 0;
		for (const change of sorted) {
			parts.push(this.text.slice(copied, change.from), change.insert);
			copied = Math.max(copied, change.to);
		}
		parts.push(this.text.slice(copied));
		const text = parts.join("");
		const map = (offset: number): number => {
			let shifted = offset;
			for (const change of changes) {
				if (offset > change.to) shifted += change.insert.length - (change.to - change.from);
				else if (offset > change.from) shifted += Math.min(offset, change.from + change.insert.length) - offset;
			}
			return shifted;
		};
		const explicit = typeof selections === "function" ? selections(text) : selections;
		this.ranges = explicit ?? this.ranges.map((range) => ({ anchor: map(range.anchor), head: map(range.head) }));
		this.main = Math.min(this.main, this.ranges.length - 1);
		this.text = text;
		this.ranges = this.ranges.map((range) => ({ anchor: Math.min(range.anchor, text.length), head: Math.min(range.head, text.length) }));
		this.changed();
	}
}

/** Where each line of the last text asked about starts: positions are looked up in a big document many times. */
let lineStartsOf: { text: string; starts: number[] } = { text: "", starts: [0] };

function lineStarts(text: string): number[] {
	if (lineStartsOf.text !== text) {
		const starts = [0];
		for (let at = text.indexOf("\n"); at !== -1; at = text.indexOf("\n", at + 1)) starts.push(at + 1);
		lineStartsOf = { text, starts };
	}
	return lineStartsOf.starts;
}

function lineLength(text: string, starts: readonly number[], line: number): number {
	const start = starts[line] ?? text.length;
	const next = starts[line + 1];
	return (next === undefined ? text.length : next - 1) - start;
}

function offsetIn(text: string, pos: EditorPosition): number {
	const starts = lineStarts(text);
	const line = Math.min(Math.max(0, pos.line), starts.length - 1);
	return (starts[line] ?? 0) + Math.min(Math.max(0, pos.ch), lineLength(text, starts, line));
}

function positionOf(text: string, offset: number): EditorPosition {
	const starts = lineStarts(text);
	let low = 0;
	let high = starts.length - 1;
	while (low < high) {
		const mid = (low + high + 1) >> 1;
		if ((starts[mid] ?? 0) <= offset) low = mid;
		else high = mid - 1;
	}
	return { line: low, ch: offset - (starts[low] ?? 0) };
}
