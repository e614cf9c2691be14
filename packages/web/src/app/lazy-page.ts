/**
 * A page loaded as its own chunk that can also be fetched ahead of time. `React.lazy` alone shows
 * the loading fallback at least once on every first visit, and React holds a revealed page back
 * for a moment after a fallback (so pages do not flash). Fetching the chunk for the address being
 * opened while the session loads, and rendering the page directly once its chunk is in, lets the
 * first screen appear as soon as its data does.
 */
import { type ComponentType, createElement, lazy } from "react";

export type PreloadablePage<P extends object> = ComponentType<P> & { preload(): Promise<unknown> };

export function lazyPage<P extends object>(load: () => Promise<{ default: ComponentType<P> }>): PreloadablePage<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<{ default: ComponentType<P> }> | null = null;
  const preload = () => {
    pending ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        // A failed download can be tried again on the next visit.
        pending = null;
        throw error;
      },
    );
    return pending;
  };
  const Lazy = lazy(preload);
  const Page = (props: P) => (loaded ? createElement(loaded, props) : createElement(Lazy, props));
  return Object.assign(Page, { preload });
}
