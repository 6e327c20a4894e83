// Imported first by every entry (the page and the import worker), before any module that builds a zod schema: zod
// probes for eval with `new Function('')` when a schema is built, and the app's Content-Security-Policy (no
// 'unsafe-eval') reports that probe as a violation on every load even though zod catches it. Jitless zod never
// evaluates code; it validates a little slower, which the app does not notice.
import { z } from 'zod';

z.config({ jitless: true });
