/**
 * What a command of the command line is: its arguments, options and run function, and the outside world it
 * runs against. `run.ts` holds the table of commands and parses the command line against it.
 */
import type { Clock, Transport } from "../details/transport";

export interface CliIo {
	/** Receives complete output, newlines included. */
	stdout: (text: string) => void;
	stderr: (text: string) => void;
	/** Whether stderr is a terminal: only then do long runs show their progress there. Unset in tests. */
	stderrIsTTY?: boolean;
	/** How paper details are fetched (`details`): Node's HTTP client and timers in `main.ts`, recorded answers in tests. */
	network?: { transport: Transport; clock: Clock };
}

export const PROGRAM = "paper-catalogue";

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
/** `sync` applied, but some papers failed; the same code as an internal error. */
export const EXIT_PARTIAL = 1;
export const EXIT_USAGE = 2;

/** Bad input the user can fix: reported as one line, exit code 2. */
export class UsageError extends Error {
	override readonly name = "UsageError";
}

export interface OptionSpec {
	type: "string" | "boolean";
	short?: string;
	/** Placeholder for the value of a string option in help, e.g. `path`. */
	valueName?: string;
	required?: boolean;
	description: string;
}

export interface PositionalSpec {
	/** Shown as `<name>` in usage lines. */
	name: string;
	description: string;
}

/** A command line after validation against a command's specification. */
export interface CommandArgs {
	positionals: string[];
	/** The value of a string option, or undefined when it was not given (never for required options). */
	string(name: string): string | undefined;
	/** Whether a boolean option was given. */
	flag(name: string): boolean;
}

export interface CommandSpec {
	/** One line for the command list. */
	summary: string;
	/** Every positional is required. */
	positionals: PositionalSpec[];
	/** Long option names (without `--`) to their specification. `--help`/`-h` is added to every command. */
	options: Record<string, OptionSpec>;
	run(args: CommandArgs, io: CliIo): Promise<number>;
}

export const HELP_OPTION: OptionSpec = { type: "boolean", short: "h", description: "show help for this command" };

/** Every command works on one catalogue note in one vault folder. */
export const VAULT_DIR: PositionalSpec = { name: "vault-dir", description: "the vault folder on disk" };
export const CATALOGUE_OPTION: OptionSpec = {
	type: "string",
	valueName: "path",
	required: true,
	description: "the catalogue note's path inside the vault folder, e.g. \"Reading/CS294.md\"",
};
