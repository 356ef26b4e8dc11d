import { defineConfig } from 'vite';

// Built into the jar's META-INF/resources/portal: the gateway serves it at /portal/ as static files.
export default defineConfig({
  base: '/portal/',
  build: {
    outDir: 'target/classes/META-INF/resources/portal',
    emptyOutDir: true,
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1200,
    sourcemap: false,
  },
});
