/** Strings for loading the district's student roster from a CSV file. */
export const messages = {
  "roster.link": "Import the student roster",
  "roster.title": "Import the student roster",
  "roster.notAdmin": "Only district administrators can import the student roster.",
  "roster.intro":
    "Load your district's students from your student information system (SIS) as a CSV file. Students are matched by their SIS id: a student already in Lantern is updated, a new one is added. Students who are not in the file are left as they are.",
  "roster.safe":
    "If any row has a problem, nothing is saved, and every problem is listed with its line and column so you can fix the file.",

  "roster.columns.title": "Columns the file needs",
  "roster.columns.intro":
    "The first line of the file names the columns, in any order. Save the file as CSV UTF-8. Lantern keeps only these columns; any other column is ignored and not stored.",
  "roster.columns.caption": "Columns of the roster file",
  "roster.columns.column": "Column",
  "roster.columns.required": "Required?",
  "roster.columns.meaning": "What to put in it",
  "roster.columns.yes": "Required",
  "roster.columns.no": "Optional",
  "roster.column.sis_id":
    "The student's id in your SIS. It must stay the same from year to year: Lantern recognises the student by it.",
  "roster.column.first_name": "The student's first name.",
  "roster.column.last_name": "The student's last name.",
  "roster.column.date_of_birth": "Date of birth, written 2015-04-09 or 04/09/2015.",
  "roster.column.grade": "Grade: PK, TK, K, 1 to 12, or UG for ungraded.",
  "roster.column.school": "The school's name. A school Lantern does not have yet is added.",
  "roster.column.school_code": "Your SIS's code for the school. When given, Lantern matches the school by it.",
  "roster.column.case_manager_email":
    "The email of the student's case manager, who must already have a case manager account in this district.",
  "roster.column.guardian1":
    "A parent or guardian: first name, last name and email (all three, or none), and optionally how they are related, such as mother or grandparent.",
  "roster.column.guardianLanguage":
    "The guardian's preferred language: a code such as es or vi, or the language's name (Spanish, Español). Blank keeps what Lantern has.",
  "roster.column.guardianInterpreter":
    "yes or no: the guardian needs an interpreter at meetings (34 CFR 300.322(e)). Blank keeps what Lantern has.",
  "roster.column.guardian2": "A second parent or guardian, the same way.",

  "roster.form.title": "Choose the file",
  "roster.file.label": "Roster file (CSV)",
  "roster.file.hint": "A .csv file saved as UTF-8, up to 20 MB.",
  "roster.file.missing": "Choose a CSV file first.",
  "roster.file.tooLarge": "The file is larger than 20 MB. Split it into smaller files and import each.",
  "roster.file.unreadable": "The file could not be read. It may have changed since you chose it: choose it again.",
  "roster.file.hasProblems":
    "{count, plural, one {The file has # problem. It is listed in the table below.} other {The file has # problems. They are listed in the table below.}}",
  "roster.check": "Check the file",
  "roster.import": "Import",
  "roster.checking": "Checking…",
  "roster.importing": "Importing…",

  "roster.problems.title": "Problems in the file",
  "roster.problems.summary":
    "{count, plural, one {# problem was found, so nothing was saved. Fix it in the file, choose the file again and check it.} other {# problems were found, so nothing was saved. Fix them in the file, choose the file again and check it.}}",
  "roster.problems.more": "The first {shown} are listed.",
  "roster.problems.caption": "Problems by line and column",
  "roster.problems.line": "Line",
  "roster.problems.column": "Column",
  "roster.problems.problem": "Problem",
  "roster.problems.wholeLine": "(the whole line)",

  "roster.result.checkedTitle": "The file is ready to import",
  "roster.result.importedTitle": "The roster is imported",
  "roster.result.checked": "Nothing has been saved yet. Importing this file would change the following.",
  "roster.result.imported": "Lantern saved the following.",
  "roster.result.rows": "{count, plural, one {# student in the file} other {# students in the file}}",
  "roster.result.created": "{count, plural, one {# student added} other {# students added}}",
  "roster.result.updated": "{count, plural, one {# student updated} other {# students updated}}",
  "roster.result.unchanged": "{count, plural, one {# student unchanged} other {# students unchanged}}",
  "roster.result.schools": "{count, plural, one {# school added} other {# schools added}}",
  "roster.result.guardians": "{count, plural, one {# guardian link added} other {# guardian links added}}",
  "roster.result.ignored": "These columns were ignored and not stored: {columns}.",
  "roster.status.checked":
    "The file has no problems. Importing it would add {created}, update {updated} and leave {unchanged} as they are. Nothing is saved yet.",
  "roster.status.imported": "Imported: {created} added, {updated} updated, {unchanged} unchanged.",
  "roster.status.problems":
    "{count, plural, one {The file has # problem. Nothing was saved. It is listed below the buttons.} other {The file has # problems. Nothing was saved. They are listed below the buttons.}}",
  "roster.count.students": "{count, plural, one {# student} other {# students}}",
  "roster.inviteGuardians": "Email an invitation to each parent or guardian the file adds",
  "roster.result.invitations":
    "{count, plural, one {# parent or guardian invited by email} other {# parents or guardians invited by email}}",
  "roster.result.pending":
    "{count, plural, one {# parent or guardian has an account elsewhere: they see the student once they confirm it in Lantern} other {# parents or guardians have accounts elsewhere: they see the students once they confirm it in Lantern}}",
} as const;
