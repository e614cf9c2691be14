/** The plan editor, with what the compliance checks found in the draft (compliance). */
import { PlanFindingsPanel } from "../../features/compliance/plan-findings-panel.tsx";
import { PlanEditorPage } from "../../features/plans/plan-editor-page.tsx";
import type { PageProps } from "../paths.ts";

export default function PlanEditor({ params }: PageProps) {
  return <PlanEditorPage params={params} findings={(draft) => <PlanFindingsPanel {...draft} />} />;
}
