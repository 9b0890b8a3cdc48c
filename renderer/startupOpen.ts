// Loaded by index.html ahead of the app's own script (./main.tsx), as an entry of its own
// with nothing but the version guard in its module graph: it opens the database as soon as
// the page can, while the browser still fetches, parses and runs the app's ~25 modules
// (150–300 ms on a cold start), and main.tsx takes the probe over (db/startupProbe.ts).
import { startupProbe } from './db/startupProbe';

startupProbe();
