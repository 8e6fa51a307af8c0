import { imageErrors } from '../errors/index.js';
import { parseMediaPath, type MediaPath } from '../media/media-url.js';
import { MAX_TASKS } from './image-request.js';

/**
 * parseMediaPath, telling one failure apart: a file after more than MAX_TASKS tasks is the 400
 * `Too many image tasks`, not the 404 of a path that names no file.
 */
export function readMediaPath(rest: string): MediaPath | null {
  const parsed = parseMediaPath(rest);
  if (parsed) return parsed;
  const segments = rest.split('/');
  for (const fileSegments of [1, 2]) {
    const tasks = segments.slice(0, -fileSegments);
    if (tasks.length <= MAX_TASKS || tasks.includes('')) continue;
    if (parseMediaPath(segments.slice(-fileSegments).join('/'))) throw imageErrors.tooManyTasks(MAX_TASKS);
  }
  return null;
}
