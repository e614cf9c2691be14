import { Link } from "wouter";
import { paths } from "../../app/paths.ts";
import { dateTime } from "../../i18n/dates.ts";
import { t, tMaybe } from "../../i18n/t.ts";
import { useRequest } from "../../lib/use-request.ts";
import { listSavedResults } from "./api.ts";

/** On a student's page: navigator results the team saved to the record, with who saved them and when. */
export function SavedResultsSection({ studentId }: { studentId: string }) {
  const request = useRequest(`navigator-results:${studentId}`, (signal) => listSavedResults(studentId, signal));
  if (request.status !== "ok" || request.data.items.length === 0) return null;
  return (
    <section aria-labelledby="navigator-results" className="panel">
      <h2 id="navigator-results">{t("navigator.saved.title")}</h2>
      <ul className="plain-list" data-testid="navigator-results">
        {request.data.items.map((r) => (
          <li key={r.id}>
            {t("navigator.saved.item", {
              recommendation:
                tMaybe(`navigator.result.recommendation.${r.result.recommendation}`) ?? r.result.recommendation,
              date: dateTime(r.savedAt),
            })}
          </li>
        ))}
      </ul>
      <p>
        <Link href={paths.navigator}>{t("navigator.saved.open")}</Link>
      </p>
    </section>
  );
}
