import { asRead, fernandezHuerta, stats } from "./src/i18n/readability.ts";
import { es } from "./src/i18n/catalogs.ts";
const prefix = process.argv[2] ?? "auth.";
const rows = Object.entries(es as Record<string,string>).filter(([k]) => k.startsWith(prefix)).map(([k,m]) => { const t = asRead(m, "es"); const s = stats([t], "es"); return [fernandezHuerta(s), s.words, k, t] as const; }).filter(r => r[1] >= 4).sort((a,b)=>a[0]-b[0]);
for (const r of rows) console.log(r[0].toFixed(0), r[1], r[2], "|", r[3]);
