import { runLanguageServer } from './languageServer';

// dist/server.js: the entry the VS Code client starts.
runLanguageServer();
