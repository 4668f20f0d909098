/** JSON from the network: parsed without throwing, read without trusting its shape. */

export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; detail: string } {
	try {
		return { ok: true, value: JSON.parse(text) as unknown };
	} catch (error) {
		return { ok: false, detail: error instanceof Error ? error.message : String(error) };
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function field(value: unknown, name: string): unknown {
	return isRecord(value) ? value[name] : undefined;
}
