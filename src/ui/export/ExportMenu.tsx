// Export menu: the active module (.ts/.py), the scenario (.yaml), everything (.zip), the
// Python modules as a pip package (.zip), a homeserver.yaml snippet (dialog with Copy and
// Download), the delivery graph as PNG/SVG.
import { useEffect, useRef, useState } from "react";
import { usePlayground } from "../store.ts";
import { usePlaygroundInstance } from "../context.ts";
import { exportModule, Loaded } from "../lazy.ts";
import { activeModule, downloadGraphPng, downloadGraphSvg, downloadModule, downloadPythonPackage, downloadScenario, downloadZip, hasPythonModule } from "./actions.ts";
import { downloadBlob } from "./download.ts";
import { btnClass, popClass } from "../share/ShareButton.tsx";

const item = "block w-full rounded px-2 py-1 text-left hover:bg-slate-100 disabled:opacity-50 dark:hover:bg-slate-800";

export function ExportMenu() {
  const pg = usePlaygroundInstance();
  const [open, setOpen] = useState(false);
  const [dialog, setDialog] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const hasTrace = usePlayground((s) => s.trace !== null);
  usePlayground((s) => s.activeTab); // re-render: the module item names the active tab
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);
  const mod = activeModule(pg);
  const act = (f: () => unknown) => () => {
    setOpen(false);
    setNote(null);
    void Promise.resolve(f()).catch((e: unknown) => setNote(`Export failed: ${e instanceof Error ? e.message : String(e)}`));
  };
  return (
    <div className="relative" ref={box}>
      <button type="button" className={btnClass} aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="export">
        Export ▾
      </button>
      {open && (
        <div className={`${popClass} w-64 p-1`} role="menu" aria-label="Export">
          <button type="button" role="menuitem" className={item} disabled={!mod} onClick={act(() => downloadModule(pg))}>
            Module {mod ? `(${mod})` : ""} as .{mod?.endsWith(".py") ? "py" : "ts"}
          </button>
          <button type="button" role="menuitem" className={item} onClick={act(() => downloadScenario(pg))}>
            Scenario as .yaml
          </button>
          <button type="button" role="menuitem" className={item} onClick={act(() => downloadZip(pg))}>
            Everything as .zip
          </button>
          {hasPythonModule(pg) && (
            <button type="button" role="menuitem" className={item} onClick={act(() => downloadPythonPackage(pg))} title="pyproject.toml, the .py modules and a README with the homeserver.yaml block: pip install it into Synapse's environment">
              Python module as a pip package (.zip)
            </button>
          )}
          <button type="button" role="menuitem" className={item} onClick={act(() => setDialog(true))}>
            homeserver.yaml snippet…
          </button>
          <button type="button" role="menuitem" className={item} disabled={!hasTrace} onClick={act(() => void downloadGraphPng(pg).then((ok) => !ok && setNote("The graph could not be drawn as PNG.")))}>
            Delivery graph as PNG
          </button>
          <button type="button" role="menuitem" className={item} disabled={!hasTrace} onClick={act(() => void downloadGraphSvg(pg))}>
            Delivery graph as SVG
          </button>
        </div>
      )}
      {note && (
        <div className={`${popClass} w-64 text-red-700 dark:text-red-300`} role="alert">
          {note}
        </div>
      )}
      {dialog && <HomeserverDialog onClose={() => setDialog(false)} />}
    </div>
  );
}

/** The dialog, once the export code (YAML emitter) has loaded: it is opened by a click, so it loads at once. */
function HomeserverDialog({ onClose }: { onClose(): void }) {
  return <Loaded module={exportModule}>{(exp) => <HomeserverDialogBody onClose={onClose} exp={exp} />}</Loaded>;
}

function HomeserverDialogBody({ onClose, exp }: { onClose(): void; exp: NonNullable<typeof exportModule.current> }) {
  const { homeserverYaml, scenarioServers } = exp;
  const scenario = usePlayground((s) => s.scenario);
  const files = usePlayground((s) => s.files);
  const selectedUser = usePlayground((s) => s.selectedUser);
  const { servers, error: listError } = scenarioServers(scenario);
  const preferred = selectedUser && servers.find((s) => selectedUser.endsWith(":" + s));
  const [server, setServer] = useState<string>(preferred || servers[0] || "");
  const [copied, setCopied] = useState<string | null>(null);
  let text = "";
  let error = listError;
  if (!error && server) {
    try {
      text = homeserverYaml(scenario, server, files);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
  }
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && onClose();
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [onClose]);
  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center whitespace-normal bg-black/40" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div role="dialog" aria-modal="true" aria-label="homeserver.yaml snippet" data-testid="homeserver-dialog" className="flex max-h-[85vh] w-[42rem] max-w-[95vw] flex-col gap-2 rounded bg-white p-4 text-sm shadow-xl dark:bg-slate-900">
        <div className="flex items-center gap-2">
          <h2 className="flex-1 text-base font-semibold">homeserver.yaml snippet</h2>
          {servers.length > 1 && (
            <label className="flex items-center gap-1">
              <span className="text-slate-500">Server</span>
              <select aria-label="server" className="rounded border border-slate-300 bg-transparent px-1 dark:border-slate-600 dark:bg-slate-900" value={server} onChange={(e) => setServer(e.target.value)}>
                {servers.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className={btnClass} aria-label="Close" onClick={onClose}>
            ✕
          </button>
        </div>
        {error ? (
          <p role="alert" className="text-red-700 dark:text-red-300">
            {error}
          </p>
        ) : (
          <pre data-testid="homeserver-yaml" className="min-h-0 flex-1 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs dark:bg-slate-800">
            {text}
          </pre>
        )}
        <div className="flex items-center gap-2">
          <button
            type="button"
            className={btnClass}
            disabled={!text}
            onClick={() =>
              navigator.clipboard.writeText(text).then(
                () => setCopied("Copied."),
                () => setCopied("The clipboard is not available: select the text and copy it."),
              )
            }
          >
            Copy
          </button>
          <button type="button" className={btnClass} disabled={!text} onClick={() => downloadBlob("homeserver.yaml", text, "application/yaml")}>
            Download
          </button>
          {copied && <span className="text-xs text-slate-500">{copied}</span>}
        </div>
      </div>
    </div>
  );
}
