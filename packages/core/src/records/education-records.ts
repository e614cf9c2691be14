/**
 * The list of the types and locations of education records an agency collects, keeps or uses,
 * which a parent may ask for (34 CFR 300.616; Cal. Ed. Code 56504). Lantern lists what it holds
 * itself; a district's paper files and other systems are its own to add.
 */
export const EDUCATION_RECORDS_CITATION = "34 CFR 300.616";

export type EducationRecordType = { type: string; location: string; inThisFile: string };

export const LANTERN_EDUCATION_RECORDS: readonly EducationRecordType[] = [
  { type: "Student and guardian details", location: "Lantern: students, guardianships", inThisFile: "student.json" },
  { type: "IEP and Section 504 plan versions", location: "Lantern: plans, plan versions", inThisFile: "plans/" },
  { type: "Meetings, attendance and meeting notices", location: "Lantern: plan meetings", inThisFile: "meetings.json" },
  { type: "Signatures and consent", location: "Lantern: plan signatures", inThisFile: "signatures.json" },
  { type: "Service sessions logged", location: "Lantern: service sessions", inThisFile: "service-log.csv" },
  { type: "Progress data on goals", location: "Lantern: progress data points", inThisFile: "progress.csv" },
  { type: "Letters saved to the record", location: "Lantern: family letters", inThisFile: "letters/" },
  {
    type: "Records requests and their history",
    location: "Lantern: records requests",
    inThisFile: "records-requests.json",
  },
  {
    type: "Communication log (calls, emails, notes)",
    location: "Lantern: communications",
    inThisFile: "communications.json",
  },
  {
    type: "Meeting preparation: the family's concerns and questions, recording notices, drafts shared before meetings, comments and answers",
    location: "Lantern: meeting preparations, shared drafts, draft comments",
    inThisFile: "meeting-preparation.json",
  },
  {
    type: "Requests to amend the record, decisions, and the family's statements kept with the record",
    location: "Lantern: amendment requests",
    inThisFile: "amendment-requests.json",
  },
  {
    type: "Record of access (who read or changed the record)",
    location: "Lantern: record of access",
    inThisFile: "record-of-access.csv",
  },
];
