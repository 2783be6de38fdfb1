// The end-to-end tests' web server (Playwright's webServer): dist/ under a sub-path.
import { serve } from './static-server.mjs';

const { url, root } = await serve({
  root: process.env.DIST ?? 'dist',
  base: process.env.BASE_PATH ?? '/some/sub-path/',
  port: Number(process.env.PORT ?? 4173),
});
console.log(`serving ${root} at ${url}`);
