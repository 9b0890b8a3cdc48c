/**
 * The part of `Worker` a client uses, typed by what it posts and what it hears back, so tests
 * can stand in for the worker. Every worker client (extraction, search, OCR, mentions, bundles)
 * names its own as `WorkerPort<ItsRequest, ItsResponse>`.
 */
export interface WorkerPort<Request, Response> {
  postMessage(message: Request, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<Response>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  /** A message that could not be deserialised; only some clients listen. */
  onmessageerror?: ((event: MessageEvent) => void) | null;
}
