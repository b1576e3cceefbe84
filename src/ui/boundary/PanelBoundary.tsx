// Error boundaries: a panel that throws while rendering shows where and what instead of
// unmounting the whole app (React removes everything above an uncaught render error).
// A crash also quarantines the view (session.ts): the draft keeps the code but not the
// view that crashed, so a reload never comes back to the same crash.
import { Component, type ContextType, type ErrorInfo, type ReactNode } from "react";
import { useStore } from "zustand";
import { PlaygroundContext, usePlaygroundInstance } from "../context.ts";

function Fault({ panel }: { panel: string }) {
  // Fault injection for browser tests (window.__playground.failPanel): the panel's next render throws.
  const failing = useStore(usePlaygroundInstance().faults, (s) => s.panel === panel);
  if (failing) {
    throw new Error(`injected test fault in the ${panel} panel`);
  }
  return null;
}

function describe(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > 500 ? text.slice(0, 500) + "…" : text;
}

interface Props {
  /** What the user calls this part of the screen: "editor", "delivery graph", … */
  panel: string;
  children: ReactNode;
  /** The whole app: the message fills the page. */
  page?: boolean;
}

export class PanelBoundary extends Component<Props, { error: unknown; failed: boolean }> {
  static contextType = PlaygroundContext;
  declare context: ContextType<typeof PlaygroundContext>;
  state = { error: null as unknown, failed: false };

  static getDerivedStateFromError(error: unknown) {
    return { error, failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    const pg = this.context;
    if (pg?.faults.getState().panel === this.props.panel) pg.faults.setState({ panel: null }); // an injected fault fires once
    pg?.session.quarantineView();
    console.error(`The ${this.props.panel} panel crashed:`, error, info.componentStack);
  }

  private reset = () => {
    this.context?.session.resetView();
    this.setState({ error: null, failed: false });
  };

  render() {
    if (!this.state.failed) {
      return (
        <>
          <Fault panel={this.props.panel} />
          {this.props.children}
        </>
      );
    }
    const { panel, page } = this.props;
    return (
      <div
        role="alert"
        data-testid="panel-error"
        data-panel={panel}
        className={`${page ? "h-dvh" : "h-full"} overflow-auto bg-red-50 p-3 text-sm text-red-900 dark:bg-red-950 dark:text-red-100`}
      >
        <p className="font-semibold">The {panel} crashed and was stopped; the rest of the playground keeps working.</p>
        <p className="mt-1 break-words font-mono text-xs" data-testid="panel-error-message">
          {describe(this.state.error)}
        </p>
        <p className="mt-1 text-xs">Your code and scenario are kept. The view (open tab, selected user, time, filters) was not saved.</p>
        <button
          type="button"
          data-testid="reset-view"
          className="mt-2 rounded border border-red-400 bg-white px-2 py-0.5 text-red-900 hover:bg-red-100 dark:bg-red-900 dark:text-red-50"
          onClick={this.reset}
        >
          Reset view
        </button>
      </div>
    );
  }
}
