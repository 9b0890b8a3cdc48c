/** Placeholder until the documents feature lands. */
export function DocumentsView() {
  return <div className="page"><h1>Documents</h1></div>;
}
