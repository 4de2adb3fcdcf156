import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [preact()],
  test: {
    include: ['test/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    // Component tests opt in with a `// @vitest-environment happy-dom` line.
    restoreMocks: true,
    setupFiles: ['test/unit/setup-i18n.ts'],
  },
});
