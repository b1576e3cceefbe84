export function App() {
  return (
    <main className="p-4 font-sans">
      <h1 className="text-xl font-semibold">Presence Router Playground</h1>
    </main>
  );
}
