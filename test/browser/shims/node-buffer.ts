/**
 * `node:buffer` for the browser bundle of the Obsidian fake (test/browser): just what the fake's
 * `arrayBufferToBase64`, `arrayBufferToHex` and their inverses use.
 */
type Encoding = "base64" | "hex";
type Bytes = Uint8Array & { toString(encoding?: Encoding): string };

function encode(bytes: Uint8Array, encoding?: Encoding): string {
	if (encoding === "hex") return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
	return btoa(Array.from(bytes, (byte) => String.fromCharCode(byte)).join(""));
}

export const Buffer = {
	from(source: ArrayBuffer | Uint8Array | string, encoding?: Encoding): Bytes {
		let bytes: Uint8Array;
		if (typeof source !== "string") bytes = new Uint8Array(source);
		else if (encoding === "hex") bytes = new Uint8Array((source.match(/../g) ?? []).map((pair) => parseInt(pair, 16)));
		else bytes = Uint8Array.from(atob(source), (char) => char.charCodeAt(0));
		return Object.assign(bytes, { toString: (to?: Encoding) => encode(bytes, to) });
	},
};
