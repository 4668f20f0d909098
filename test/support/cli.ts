/** Runs the CLI in-process and checks its answers to bad input; shared by the CLI and hostile-input tests. */
import { expect } from "vitest";
import { type CliIo, runCli } from "../../src/cli/run";

export interface CliResult {
	code: number;
	stdout: string;
	stderr: string;
}

export async function captureCli(argv: string[], extra: Partial<CliIo> = {}): Promise<CliResult> {
	let stdout = "";
	let stderr = "";
	const code = await runCli(argv, {
		stdout: (text) => {
			stdout += text;
		},
		stderr: (text) => {
			stderr += text;
		},
		...extra,
	});
	return { code, stdout, stderr };
}

/** Bad input: exit 2, one prefixed line on stderr, no stack trace, nothing on stdout. */
export function expectBadInput(result: CliResult, message: RegExp): void {
	expect(result.code).toBe(2);
	expect(result.stdout).toBe("");
	expect(result.stderr.endsWith("\n")).toBe(true);
	const lines = result.stderr.split("\n").filter((line) => line !== "");
	expect(lines).toHaveLength(1);
	expect(lines[0]).toMatch(/^paper-catalogue: /);
	expect(lines[0]).toMatch(message);
	expect(result.stderr).not.toMatch(/^\s*at /m);
	expect(result.stderr).not.toMatch(/Error:/);
}
