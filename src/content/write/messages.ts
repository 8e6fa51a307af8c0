// Moved to src/errors/field-messages.ts. Kept while the files that still import it switch; then deleted.
export { messages } from '../../errors/index.js';
