/**
 * On a plan's page, for staff who may change it: each free-text field the family reads, its
 * English and its Spanish translation (decision 0027). This is where a proposed or sealed version
 * is translated (the editor translates drafts); a translation never changes the sealed content.
 */
import { translatableTexts } from "@lantern/core";
import { t, tMaybe } from "../../i18n/t.ts";
import type { PlanDetail } from "./api.ts";
import { sectionTitle } from "./plan-text.ts";
import { TranslationEditor } from "./translation-editor.tsx";

/** "Goals 2: Goal, as the family will read it", from the field's place in the plan. */
function partName(detail: PlanDetail, pointer: string): string {
  const steps = pointer.split("/").filter(Boolean);
  const [section = "", ...rest] = steps;
  const last = steps.at(-1) ?? "";
  const numbers = rest.filter((s) => /^\d+$/.test(s)).map((s) => Number(s) + 1);
  const title = sectionTitle(detail.plan.type, section);
  const field = /^\d+$/.test(last) ? "" : (tMaybe(`plans.field.${last}`) ?? last);
  return `${title}${numbers.length > 0 ? ` ${numbers.join(".")}` : ""}${field ? `: ${field}` : ""}`;
}

export function PlanTranslationsSection({
  studentId,
  detail,
  onChanged,
}: {
  studentId: string;
  detail: PlanDetail;
  onChanged: () => void;
}) {
  const texts = translatableTexts(detail.version.content);
  if (texts.length === 0) return null;
  const views = new Map((detail.translations ?? []).map((v) => [v.pointer, v]));
  return (
    <section aria-labelledby="translations" className="panel">
      <h2 id="translations">{t("plans.editor.translation.sectionHeading")}</h2>
      <p className="muted">{t("plans.editor.translation.sectionIntro")}</p>
      <ul className="translation-list">
        {texts.map((x, i) => {
          const name = partName(detail, x.pointer);
          return (
            <li key={x.pointer}>
              <h3 className="translation-part">{name}</h3>
              <p lang="en">{x.text}</p>
              <TranslationEditor
                studentId={studentId}
                planId={detail.plan.id}
                field={x.field}
                pointer={x.pointer}
                controlId={`translation-${i}`}
                label={name}
                view={views.get(x.pointer) ?? null}
                beforeSave={async () => {}}
                onSaved={onChanged}
              />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
