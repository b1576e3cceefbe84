import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App.tsx";
import { EmbedApp } from "./ui/embed/EmbedApp.tsx";
import { embedMode } from "./ui/share/session.ts";
import { PanelBoundary } from "./ui/boundary/PanelBoundary.tsx";
import "./ui/index.css";
import { applyTheme } from "./ui/settings.ts";

performance.mark("app-start"); // the main chunk is evaluated (bench/browser.ts)
applyTheme(); // <html class="dark"> from Settings → Theme or the system
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <PanelBoundary panel="playground" page>
      {embedMode() ? <EmbedApp mode={embedMode()!} /> : <App />}
    </PanelBoundary>
  </StrictMode>,
);
