import { Button } from "./button.tsx";

export type LoadMoreProps = {
  /** e.g. "Showing 25 students" */
  summary: string;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
  loadMoreLabel: string;
  loadingLabel: string;
  doneLabel?: string | undefined;
};

/**
 * Keyset pagination: the list grows with "Show more" (the server hands out the next cursor).
 * The button keeps focus while loading, and the summary is a live region so the new count is heard.
 */
export function Pagination({
  summary,
  hasMore,
  loading,
  onLoadMore,
  loadMoreLabel,
  loadingLabel,
  doneLabel,
}: LoadMoreProps) {
  return (
    <div className="pagination">
      <p className="pagination-summary" role="status" aria-live="polite">
        {summary}
        {!hasMore && doneLabel ? ` ${doneLabel}` : null}
      </p>
      {hasMore ? (
        <Button variant="secondary" busy={loading} busyLabel={loadingLabel} onClick={onLoadMore}>
          {loadMoreLabel}
        </Button>
      ) : null}
    </div>
  );
}
