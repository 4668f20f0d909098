/** Entry point of `dist/cli.js`: runs the command line and sets the exit code. See `run.ts`. */
import { timerClock } from "../details/transport";
import { fetchTransport } from "../node/fetch-transport";
import { runCli } from "./run";

// Output piped into a reader that stops early (`| head`) closes the pipe: stop quietly instead of crashing.
for (const stream of [process.stdout, process.stderr]) {
	stream.on("error", (error: Error & { code?: string }) => {
		if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
		throw error;
	});
}

process.exitCode = await runCli(process.argv.slice(2), {
	stdout: (text) => process.stdout.write(text),
	stderr: (text) => process.stderr.write(text),
	stderrIsTTY: process.stderr.isTTY,
	// Used only by `details` and `sync --details`.
	network: { transport: fetchTransport(), clock: timerClock({ setTimeout, clearTimeout }) },
});
