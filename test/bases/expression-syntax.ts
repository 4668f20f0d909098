/**
 * A reader for the part of Bases' expression language that the generated
 * files use (names, calls, `.`, `,`, `==` / `!=`, string literals), strict
 * where Obsidian's would be: a literal that does not end, a stray quote or
 * an unbalanced bracket is an error. String literals decode with the escapes
 * `src/bases/expression.ts` writes.
 */

export type Token = { kind: "string"; value: string } | { kind: "name"; value: string } | { kind: "number"; value: string } | { kind: "punctuation"; value: string };

const ESCAPES: Record<string, string> = { "\\": "\\", '"': '"', "'": "'", n: "\n", r: "\r", t: "\t" };

function readString(expression: string, start: number): { value: string; end: number } {
	const quote = expression[start];
	let value = "";
	let i = start + 1;
	while (i < expression.length) {
		const character = expression[i] ?? "";
		if (character === quote) return { value, end: i + 1 };
		if (character === "\n" || character === "\r") throw new Error(`a line break inside the literal at ${start}`);
		if (character === "\\") {
			const next = expression[i + 1] ?? "";
			if (next === "u") {
				const hex = expression.slice(i + 2, i + 6);
				if (!/^[0-9a-f]{4}$/i.test(hex)) throw new Error(`a bad \\u escape at ${i}`);
				value += String.fromCharCode(parseInt(hex, 16));
				i += 6;
				continue;
			}
			const escaped = ESCAPES[next];
			if (escaped === undefined) throw new Error(`an unknown escape \\${next} at ${i}`);
			value += escaped;
			i += 2;
			continue;
		}
		value += character;
		i += 1;
	}
	throw new Error(`the literal at ${start} does not end`);
}

export function tokenize(expression: string): Token[] {
	const tokens: Token[] = [];
	const brackets: string[] = [];
	let i = 0;
	while (i < expression.length) {
		const rest = expression.slice(i);
		const character = expression[i] ?? "";
		if (/\s/.test(character)) {
			i += 1;
		} else if (character === '"' || character === "'") {
			const { value, end } = readString(expression, i);
			tokens.push({ kind: "string", value });
			i = end;
		} else if (/^[A-Za-z_]/.test(character)) {
			const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest)?.[0] ?? "";
			tokens.push({ kind: "name", value: name });
			i += name.length;
		} else if (/^\d/.test(character)) {
			const number = /^\d+(?:\.\d+)?/.exec(rest)?.[0] ?? "";
			tokens.push({ kind: "number", value: number });
			i += number.length;
		} else {
			const operator = /^(?:==|!=|&&|\|\||[(),.!])/.exec(rest)?.[0];
			if (operator === undefined) throw new Error(`an unexpected ${JSON.stringify(character)} at ${i}`);
			if (operator === "(") brackets.push(operator);
			if (operator === ")" && brackets.pop() === undefined) throw new Error(`an unmatched ) at ${i}`);
			tokens.push({ kind: "punctuation", value: operator });
			i += operator.length;
		}
	}
	if (brackets.length > 0) throw new Error("an unclosed (");
	return tokens;
}

/** The decoded string literals of an expression, in order. */
export function literals(expression: string): string[] {
	return tokenize(expression).flatMap((token) => (token.kind === "string" ? [token.value] : []));
}
