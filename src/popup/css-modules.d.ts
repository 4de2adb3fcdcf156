// Vite bundles a stylesheet a lazily loaded component imports with that component's chunk.
declare module '*.css';
