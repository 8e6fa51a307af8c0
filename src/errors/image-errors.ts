import { GheeError } from './ghee-error.js';

// The answers of the image service on /media URLs (docs/api.md §11): a task or parameter it
// cannot read, a file it cannot transform, a mode that refuses the request, a full render queue.

export const imageErrors = {
  unknownTask: (task: string) => new GheeError('invalid_image_task', `Unknown image task '${task}'`),
  /** Also for a value out of range; query parameters name the task they stand for (width: resize). */
  invalidOption: (option: string, task: string) =>
    new GheeError('invalid_image_task', `Invalid option '${option}' for task '${task}'`),
  tooManyTasks: (max: number) => new GheeError('invalid_image_task', `Too many image tasks: at most ${max}`),
  taskTooLong: (max: number) =>
    new GheeError('invalid_image_task', `Image task too long: at most ${max} characters each`),
  unknownPreset: (name: string) => new GheeError('invalid_image_task', `Unknown image preset '${name}'`),
  notAnImage: () => new GheeError('not_an_image', 'Not an image'),
  tooManyPixels: (width: number, height: number, max: number) =>
    new GheeError(
      'image_too_large',
      `Image too large to transform: ${width} x ${height} pixels, more than ${max} (MEDIA_MAX_INPUT_PIXELS)`,
    ),
  presetsOnly: () => new GheeError('image_presets_only', 'Image transformations are limited to presets'),
  badSignature: () =>
    new GheeError('image_signature', 'Image transformations need a valid signature: sig is missing or wrong'),
  busy: (retryAfter: number) =>
    new GheeError('images_busy', 'Too many images are being rendered right now. Please try again in a few seconds.', {
      retryAfter,
    }),
} as const;
