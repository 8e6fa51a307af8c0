// Moved to src/errors/ (the catalogue). Kept while the files that still import it switch; then deleted.
export { errors } from '../errors/index.js';
