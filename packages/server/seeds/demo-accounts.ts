/** The demo district's sign-in accounts (all fictional; `.example` addresses never deliver mail). */
export const DEMO_PASSWORD = "lantern-demo";

export const DEMO_ACCOUNTS = [
  {
    email: "admin@maplevalley.example",
    role: "district-admin",
    name: "Dana Whitfield",
    what: "district administrator",
  },
  {
    email: "principal@northside.maplevalley.example",
    role: "school-admin",
    name: "Omar Haddad",
    what: "school administrator (Northside Elementary)",
  },
  { email: "casemanager@maplevalley.example", role: "case-manager", name: "Priya Natarajan", what: "case manager" },
  {
    email: "coordinator504@maplevalley.example",
    role: "section-504-coordinator",
    name: "Grace Okafor",
    what: "Section 504 coordinator",
  },
  {
    email: "teacher@northside.maplevalley.example",
    role: "teacher",
    name: "Luis Moreno",
    what: "general education teacher",
  },
  {
    email: "slp@maplevalley.example",
    role: "related-service-provider",
    name: "Hannah Berg",
    what: "speech-language pathologist",
  },
  {
    email: "parent.rivera@family.example",
    role: "guardian",
    name: "Ana Rivera",
    what: "parent of Mateo and Paloma Rivera",
  },
  { email: "advocate@advocacy.example", role: "advocate", name: "Sam Delgado", what: "advocate linked by Ana Rivera" },
] as const;

export function demoAccountsTable(): string {
  const rows = DEMO_ACCOUNTS.map((a) => `  ${a.email.padEnd(42)} ${a.what}`);
  return [`Demo accounts (password: ${DEMO_PASSWORD}):`, ...rows].join("\n");
}
