import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./app/app.tsx";
import { preloadPageFor } from "./app/routes.tsx";
import { preferredLocale } from "./i18n/locale-choice.ts";
import { setLocale } from "./i18n/t.ts";
import "./styles.css";

// The page opens in the reader's language (their choice in this browser, else the browser's).
setLocale(preferredLocale());

// The page's chunk downloads while the session loads (index.html preloads it), and the app first
// renders once the chunk is in: the first screen then needs no loading step of its own. A slow
// chunk does not hold the app back for long.
const pageReady = preloadPageFor(window.location.pathname);
const waitAtMost = new Promise<void>((resolve) => setTimeout(resolve, 1500));

void Promise.race([pageReady, waitAtMost]).then(() => {
  const root = document.getElementById("root");
  if (!root) throw new Error("The page has no #root element");
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
