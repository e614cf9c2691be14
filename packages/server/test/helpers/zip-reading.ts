/** Read a ZIP the app sent (yauzl): every entry's bytes by name, and the SHA256SUMS check. */
import { createHash } from "node:crypto";
import yauzl from "yauzl";

export async function readZip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (err, z) => (err || !z ? reject(err) : resolve(z))),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("error", reject);
    zip.on("end", () => resolve());
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (err, stream) => {
        if (err || !stream) return reject(err);
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("error", reject);
        stream.on("end", () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.readEntry();
  });
  return files;
}

/** Check SHA256SUMS against every other file: the names it lists, and any file it leaves out or gets wrong. */
export function verifySums(files: Map<string, Buffer>): { listed: string[]; wrong: string[]; unlisted: string[] } {
  const sums = files.get("SHA256SUMS")?.toString("utf8") ?? "";
  const listed: string[] = [];
  const wrong: string[] = [];
  for (const line of sums.split("\n").filter(Boolean)) {
    const m = /^([0-9a-f]{64}) {2}(.+)$/.exec(line);
    if (!m) {
      wrong.push(line);
      continue;
    }
    const [, hash, name] = m as unknown as [string, string, string];
    listed.push(name);
    const file = files.get(name);
    if (!file || createHash("sha256").update(file).digest("hex") !== hash) wrong.push(name);
  }
  const unlisted = [...files.keys()].filter((n) => n !== "SHA256SUMS" && !listed.includes(n));
  return { listed, wrong, unlisted };
}
