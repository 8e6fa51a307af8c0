// Moved to src/errors/post-messages.ts. Kept while the files that still import it switch; then deleted.
export { postMessages } from '../../errors/index.js';
