/** A strict RFC 4180 reader: CRLF records, quoted fields with doubled quotes, nothing else. */
export function readCsv(text: string): string[][] {
	const records: string[][] = [];
	let record: string[] = [];
	let i = 0;
	for (;;) {
		let field = "";
		if (text[i] === '"') {
			i += 1;
			for (;;) {
				if (i >= text.length) throw new Error("a quoted field does not end");
				if (text[i] === '"') {
					if (text[i + 1] === '"') {
						field += '"';
						i += 2;
						continue;
					}
					i += 1;
					break;
				}
				field += text[i];
				i += 1;
			}
		} else {
			while (i < text.length && text[i] !== "," && text[i] !== "\r") {
				if (text[i] === '"' || text[i] === "\n") throw new Error(`a bare ${JSON.stringify(text[i])} at ${i}`);
				field += text[i];
				i += 1;
			}
		}
		record.push(field);
		if (text[i] === ",") {
			i += 1;
			continue;
		}
		if (text.startsWith("\r\n", i)) {
			records.push(record);
			record = [];
			i += 2;
			if (i === text.length) return records;
			continue;
		}
		throw new Error(`a record that does not end in CRLF at ${i}`);
	}
}
