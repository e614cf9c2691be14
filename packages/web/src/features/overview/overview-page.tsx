import { Redirect } from "wouter";
import { paths } from "../../app/paths.ts";

/** The administrators' overview is the compliance dashboard for their school or district. */
export default function OverviewPage() {
  return <Redirect to={paths.compliance} replace />;
}
