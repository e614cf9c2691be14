/**
 * The whole record in one download (34 CFR 300.613; Cal. Ed. Code 56504; the list of 300.616): a
 * ZIP, written entry by entry as the reader takes it (yazl, lazily: each plan PDF is rendered only
 * when the previous entry has been sent), so a long record never sits in memory. SHA256SUMS, the
 * last entry, holds the SHA-256 of every other file, in the format `sha256sum -c` checks.
 *
 * The same file serves a transfer of the record to another district (34 CFR 300.323(g)).
 */
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import {
  EDUCATION_RECORDS_CITATION,
  type IsoDate,
  LANTERN_EDUCATION_RECORDS,
  labelOf,
  letterKindTitle,
  PLAN_SEAL_ALGORITHM,
} from "@lantern/core";
import { ZipFile } from "yazl";
import { educationRecordsCsv, progressCsv, recordOfAccessCsv, serviceLogCsv } from "../../formats/case-file-csv.ts";
import { renderLetterPdf } from "../../pdf/letter-pdf.ts";
import { noticeOfMeeting } from "../../pdf/meeting-notice-pdf.ts";
import { renderPlanPdf } from "../../pdf/plan-pdf.ts";
import type { PlanRecord } from "../../repositories/plans-repository.ts";
import { todayFor, type UseCaseDeps } from "../deps.ts";
import { listMeetingPreparations } from "../plans/meeting-preparation.ts";
import { listAmendmentRequests } from "./amendment-requests.ts";
import { listRecordsRequests } from "./records-requests.ts";

const ACCESS_PAGE = 2000;

type Content = string | Buffer;

/** A ZIP whose entries are produced one at a time, when the archive reaches them, with their hashes. */
class HashedZip {
  readonly zip = new ZipFile();
  private readonly sums: Array<{ name: string; sha256: string }> = [];
  private readonly mtime: Date;

  constructor(mtime: Date) {
    this.mtime = mtime;
  }

  /** An entry whose bytes come from `produce`, called only when the archive is ready for it. */
  add(name: string, produce: () => Promise<Content> | Content): void {
    this.addChunks(name, async function* () {
      yield await produce();
    });
  }

  /** An entry written from chunks (a long CSV in pages), hashed as it goes. */
  addChunks(name: string, chunks: () => AsyncIterable<Content>): void {
    const sums = this.sums;
    this.zip.addReadStreamLazy(name, { mtime: this.mtime }, (cb) => {
      const hash = createHash("sha256");
      const stream = Readable.from(
        (async function* () {
          for await (const chunk of chunks()) {
            const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
            hash.update(bytes);
            yield bytes;
          }
          sums.push({ name, sha256: hash.digest("hex") });
        })(),
      );
      cb(null, stream);
    });
  }

  /** Add SHA256SUMS (of every entry before it) and close the archive. */
  end(): void {
    this.add("SHA256SUMS", () => this.sums.map((s) => `${s.sha256}  ${s.name}\n`).join(""));
    this.zip.end();
  }
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function folderOf(plan: PlanRecord): string {
  return `plans/${plan.type}-${plan.createdAt.slice(0, 10)}-${plan.id.slice(0, 8)}`;
}

/** The student's whole record as a streamed ZIP, and its file name. */
export async function exportCaseFile(
  deps: UseCaseDeps,
  input: { studentId: string; districtId: string },
): Promise<{ stream: Readable; fileName: string }> {
  const { repos } = deps;
  const student = await repos.students.findDetail(input.studentId);
  if (!student) throw new Error("student vanished after authorization");
  const today: IsoDate = await todayFor(deps, input.districtId);
  const plans = (await repos.plans.listForStudent(input.studentId)).reverse();
  const terms = await repos.enforcementPlans.forStudent(input.studentId);
  const serviceNames = new Map<string, string>();
  for (const v of terms.planVersions) {
    for (const s of v.services) serviceNames.set(s.id, labelOf("serviceArea", s.area));
  }
  const z = new HashedZip(deps.clock.now());

  z.add("README.txt", () =>
    [
      `The education record of ${student.firstName} ${student.lastName}`,
      `${student.school.name}, ${student.district.name} (${student.district.state})`,
      `Exported ${today}.`,
      "",
      "A parent may inspect and review the child's education records and get copies",
      "(34 CFR 300.613; Cal. Ed. Code 56504 in California). This file holds every record Lantern keeps",
      `for the student; education-records.csv lists their types and locations (${EDUCATION_RECORDS_CITATION}).`,
      "",
      "plans/             every version of every plan, as JSON and as a PDF (with prior written notice for IEPs)",
      "                   plans/index.json gives each sealed version's seal (SHA-256 of its canonical JSON)",
      "meetings.json      meetings, attendance and notices; meetings/ holds each notice as a PDF",
      "signatures.json    signatures and consent",
      "service-log.csv    service sessions logged",
      "progress.csv       progress data on goals",
      "letters/           letters saved to the record",
      "records-requests.json  requests for these records and their history",
      "communications.json    the communication log between the family and the school",
      "meeting-preparation.json  the family's concerns and questions for each meeting, recording notices,",
      "                   and the drafts shared before meetings with the family's comments and the answers",
      "amendment-requests.json  requests to amend the record, the district's decisions, and the family's",
      "                   statements, kept and disclosed with the record (34 CFR 300.620(c); 34 CFR 99.21(c))",
      "record-of-access.csv   who read or changed the record (34 CFR 300.614; 34 CFR 99.32)",
      "SHA256SUMS         the SHA-256 of every other file: run `sha256sum -c SHA256SUMS` to check them",
      "",
    ].join("\n"),
  );
  z.add("student.json", () => json(student));

  const index: Array<Record<string, unknown>> = [];
  const meetings: unknown[] = [];
  const signatures: unknown[] = [];
  for (const plan of plans) {
    const folder = folderOf(plan);
    const versions = (await repos.plans.listVersions(plan.id)).sort((a, b) => a.number - b.number);
    const planMeetings = await repos.plans.listMeetings(plan.id);
    for (const summary of versions) {
      index.push({
        planId: plan.id,
        type: plan.type,
        version: summary.number,
        status: summary.status,
        createdAt: summary.createdAt,
        sealedAt: summary.sealedAt,
        seal: summary.contentSha256 ? { algorithm: PLAN_SEAL_ALGORITHM, hash: summary.contentSha256 } : null,
        json: `${folder}/v${summary.number}.json`,
        pdf: `${folder}/v${summary.number}.pdf`,
      });
      z.add(`${folder}/v${summary.number}.json`, async () =>
        json((await repos.plans.findVersion(plan.id, summary.id)).content),
      );
      z.add(`${folder}/v${summary.number}.pdf`, async () => {
        const v = await repos.plans.findVersion(plan.id, summary.id);
        const seal =
          v.sealedAt && v.contentSha256
            ? { algorithm: PLAN_SEAL_ALGORITHM, hash: v.contentSha256, sealedAt: v.sealedAt }
            : null;
        return renderPlanPdf("full", v.content, { seal, version: v.number, draft: v.status === "draft" });
      });
      if (plan.type === "iep" && summary.status !== "draft") {
        z.add(`${folder}/v${summary.number}-prior-written-notice.pdf`, async () => {
          const v = await repos.plans.findVersion(plan.id, summary.id);
          return renderPlanPdf("prior-written-notice", v.content, { version: v.number });
        });
      }
      for (const s of await repos.plans.listSignatures(summary.id)) {
        signatures.push({ planId: plan.id, planType: plan.type, version: summary.number, ...s });
      }
    }
    for (const m of planMeetings) {
      meetings.push({ planType: plan.type, ...m });
      const number = versions.find((v) => v.id === m.versionId)?.number;
      if (m.noticeSentOn || m.notice) {
        z.add(`meetings/${m.scheduledAt.slice(0, 10)}-${m.id.slice(0, 8)}-notice.pdf`, async () => {
          const v = await repos.plans.findVersion(plan.id, m.versionId);
          return renderPlanPdf("meeting-notice", v.content, {
            meetingNotice: noticeOfMeeting(m, v.content),
            ...(number ? { version: number } : {}),
          });
        });
      }
    }
  }
  z.add("plans/index.json", () => json(index));
  z.add("meetings.json", () => json(meetings));
  z.add("signatures.json", () => json(signatures));
  z.add("service-log.csv", async () =>
    serviceLogCsv(await repos.enforcement.listSessions([input.studentId]), (id) => serviceNames.get(id) ?? ""),
  );
  z.add("progress.csv", async () => progressCsv(await repos.enforcement.listPoints(input.studentId)));

  const letters = await repos.letters.listForStudent(input.studentId, 10_000);
  for (const l of letters.slice().reverse()) {
    const base = `letters/${l.letterDate}-${l.kind}-${l.id.slice(0, 8)}`;
    z.add(`${base}.json`, () => json(l));
    z.add(`${base}.pdf`, () => renderLetterPdf(l.letter, { kind: letterKindTitle(l.kind, l.letter.language) }));
  }
  z.add("records-requests.json", async () =>
    json((await listRecordsRequests(deps, { studentId: input.studentId, districtId: input.districtId })).items),
  );
  z.add("amendment-requests.json", async () =>
    json((await listAmendmentRequests(deps, { studentId: input.studentId, districtId: input.districtId })).items),
  );
  z.add("communications.json", async () =>
    json((await repos.communications.listForStudent(input.studentId, 100_000)).reverse()),
  );
  z.add("meeting-preparation.json", async () =>
    json((await listMeetingPreparations(deps, { ...input, all: true })).items),
  );
  z.addChunks("record-of-access.csv", async function* () {
    let after = 0;
    let first = true;
    for (;;) {
      const page = await repos.caseFile.accessPage(input.studentId, after, ACCESS_PAGE);
      if (first || page.length > 0) yield recordOfAccessCsv(page, first);
      first = false;
      if (page.length < ACCESS_PAGE) return;
      after = page[page.length - 1]?.id ?? after;
    }
  });
  z.add("education-records.csv", () => educationRecordsCsv(LANTERN_EDUCATION_RECORDS));
  z.end();

  const name = `${student.lastName}-${student.firstName}`.toLowerCase().replace(/[^a-z0-9-]+/g, "-");
  return { stream: z.zip.outputStream as Readable, fileName: `record-${name}-${today}.zip` };
}
