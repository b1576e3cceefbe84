import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./ui/App.tsx";
import { EmbedApp } from "./ui/embed/EmbedApp.tsx";
import { embedMode, fragmentNeeds } from "./ui/share/session.ts";
import { PanelBoundary } from "./ui/boundary/PanelBoundary.tsx";
import "./ui/index.css";
import { applyTheme } from "./ui/settings.ts";
import { createPlayground } from "./ui/playground.ts";
import { browserDeps } from "./ui/browserDeps.ts";
import { PlaygroundProvider } from "./ui/context.ts";
import { installTestHook } from "./ui/testHook.ts";
import { installBenchHook } from "./ui/boot/benchHook.ts";
import { preloadLazies } from "./ui/lazy.ts";
import { registerServiceWorker } from "./ui/boot/serviceWorker.ts";

performance.mark("app-start"); // the main chunk is evaluated (bench/browser.ts)
applyTheme(); // <html class="dark"> from Settings → Theme or the system
const embed = embedMode(location.search);
// The page's one playground; App/EmbedApp start it after the first render.
const playground = createPlayground(browserDeps(embed));
installTestHook(playground);
installBenchHook(playground);
import.meta.hot?.dispose(() => playground.dispose());
// Offline after the first visit (src/sw/sw.ts), once the editor is up; a deploy's new
// worker is offered in a banner (share/Banners.tsx).
registerServiceWorker((apply) => playground.session.ui.setState({ update: apply }));
preloadLazies(); // the code kept out of the first chunk (lazy.ts), fetched once the page has settled
// A permalink in the fragment needs the link codec before the playground opens it, an
// `#example=` URL the examples; any other page renders at once (a chunk that cannot load
// leaves the banner, not a blank page).
const ready = Promise.all(fragmentNeeds(location.hash).map((l) => l.load().catch(() => {})));
void ready.then(() =>
  createRoot(document.getElementById("root")!).render(
    <StrictMode>
      <PlaygroundProvider playground={playground}>
        <PanelBoundary panel="playground" page>
          {embed ? <EmbedApp mode={embed} /> : <App />}
        </PanelBoundary>
      </PlaygroundProvider>
    </StrictMode>,
  ),
);
