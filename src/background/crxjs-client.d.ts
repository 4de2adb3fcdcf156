// Types for CRXJS's `?script` imports (the built content script's file name).
/// <reference types="@crxjs/vite-plugin/client" />
