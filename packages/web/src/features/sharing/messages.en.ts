/** Strings for sharing a child's record and for the record of access. */
export const messages = {
  "sharing.accessLog.title": "Who has looked at this record",
  "sharing.accessLog.intro":
    "The law gives families the right to know who reads or changes their child's school record, when, and why. Every look is written down here.",
  "sharing.accessLog.caption": "Record of access, newest first",
  "sharing.accessLog.when": "When",
  "sharing.accessLog.who": "Who",
  "sharing.accessLog.role": "As",
  "sharing.accessLog.what": "What they did",
  "sharing.accessLog.empty": "Nobody has looked at this record yet.",
  "sharing.accessLog.more": "Show earlier entries",
  "sharing.accessLog.moreShown": "Earlier entries added to the table.",
  "sharing.accessLog.loadError": "The record of access could not be loaded.",
  "sharing.role.list": "seen in a list",
  "sharing.advocates.title": "Sharing with an advocate",
  "sharing.advocates.intro":
    "An advocate can help you at meetings. When you share your child's record with an advocate, they can read it and act with you: ask for records or for a correction, write in the communication log, prepare for a meeting and draft a complaint. They cannot change or sign the plan, or ask for records to be destroyed. You can stop sharing at any time.",
  "sharing.advocates.none": "You are not sharing this record with anyone.",
  "sharing.advocates.item": "{name} ({email})",
  "sharing.advocates.stop": "Stop sharing with {name}",
  "sharing.advocates.stopped": "You stopped sharing with {name}.",
  "sharing.advocates.emailLabel": "Advocate's email address",
  "sharing.advocates.emailHint": "The advocate needs a Lantern account. Ask them which email address they use.",
  "sharing.advocates.share": "Share the record",
  "sharing.advocates.shared": "The record is now shared with {email}.",
  "sharing.advocates.loadError": "The list of advocates could not be loaded.",
} as const;
