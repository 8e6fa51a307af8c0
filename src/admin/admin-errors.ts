// Moved to src/errors/admin-errors.ts. Kept while the files that still import it switch; then deleted.
export { adminErrors } from '../errors/index.js';
