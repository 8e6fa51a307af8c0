// Split: makeAnswer is in make-answer.ts, sendAnswer (HTTP) in src/http/send-answer.ts. Kept while
// src/http/define-routes.ts imports it from here; then deleted.
export { makeAnswer } from './make-answer.js';
export { sendAnswer } from '../http/send-answer.js';
