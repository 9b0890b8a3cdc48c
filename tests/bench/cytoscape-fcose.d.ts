// cytoscape-fcose ships no types; the bench uses it only as a cytoscape extension (the reference layout).
declare module 'cytoscape-fcose' {
  const fcose: (cy: unknown) => void;
  export default fcose;
}
