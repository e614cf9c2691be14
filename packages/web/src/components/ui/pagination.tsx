import { useEffect, useRef } from "react";
import { Button } from "./button.tsx";

export type LoadMoreProps = {
  /** e.g. "Showing 25 students." */
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
 * The button keeps focus while loading; the summary is a live region so the new count is heard;
 * when the last page arrives and the button goes away, focus moves to the summary instead of
 * falling back to the top of the page.
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
  const buttonRef = useRef<HTMLButtonElement>(null);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const buttonHadFocus = useRef(false);

  useEffect(() => {
    if (!hasMore && buttonHadFocus.current) summaryRef.current?.focus();
    buttonHadFocus.current = false;
  }, [hasMore]);

  return (
    <div className="pagination">
      <p className="pagination-summary" role="status" aria-live="polite" ref={summaryRef} tabIndex={-1}>
        {summary}
        {!hasMore && doneLabel ? ` ${doneLabel}` : null}
      </p>
      {hasMore ? (
        <Button
          ref={buttonRef}
          variant="secondary"
          busy={loading}
          busyLabel={loadingLabel}
          onClick={() => {
            buttonHadFocus.current = document.activeElement === buttonRef.current;
            onLoadMore();
          }}
        >
          {loadMoreLabel}
        </Button>
      ) : null}
    </div>
  );
}
