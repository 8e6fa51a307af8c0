import { errors, imageErrors } from '../errors/index.js';
import type { MediaStore, OpenedMedia } from '../media/media-store.js';
import { typeOfName } from '../media/media-types.js';
import type { MediaPath } from '../media/media-url.js';
import { derivativeKey } from './derivative-key.js';
import type { FocalPoints } from './focal-points.js';
import type { TransformMode } from './image-config.js';
import type { ImagePresets } from './image-presets.js';
import { combineRequests, emptyRequest, MAX_TASKS, type ImageRequest } from './image-request.js';
import { OUTPUT_MIME, resolveOutput } from './output-format.js';
import { hasImageQuery, parseImageQuery } from './parse-query.js';
import { parseTasks } from './parse-tasks.js';
import { renderImage } from './render-image.js';
import { RenderPool } from './render-pool.js';
import { configureSharp } from './sharp-settings.js';
import { hasValidSignature } from './sign-media-path.js';

export interface ImageServiceOptions {
  store: MediaStore;
  focalPoints: FocalPoints;
  presets: ImagePresets;
  mode: TransformMode;
  /** Required in signed mode. */
  signingSecret?: string | undefined;
  /** Renders at once (MEDIA_RENDERS), and waiting at most (MEDIA_RENDER_QUEUE). */
  renders: number;
  renderQueue: number;
  /** MEDIA_MAX_INPUT_PIXELS. */
  maxInputPixels: number;
}

/** A /media request as the image service reads it. */
export interface ImageAsk {
  file: MediaPath;
  query: Readonly<Record<string, string>>;
  /** The path and query as sent after the host (what a signature signs). */
  url: string;
  accept: string | undefined;
}

/** A derivative ready to serve. */
export interface Derivative {
  /** Its stored name, `<sha256>.<ext>`: the ETag. */
  key: string;
  opened: OpenedMedia;
  /** The format was chosen from Accept (`auto`), so caches must vary on it. */
  variesWithAccept: boolean;
}

/**
 * The image service of /media URLs: reads the tasks, query and preset of a request, applies the
 * transformation mode, and serves each derivative from the store, rendering it first if needed:
 * once, however many requests ask for it at the same time, in a bounded pool of renders.
 */
export class ImageService {
  readonly pool: RenderPool;
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Derivatives rendered since start (a render skipped because another finished first is not one). */
  renders = 0;

  constructor(private readonly options: ImageServiceOptions) {
    if (options.mode === 'signed' && !options.signingSecret) throw new Error('signed mode needs a signing secret');
    this.pool = new RenderPool(options.renders, options.renderQueue);
    configureSharp(options.renders);
  }

  /**
   * The derivative a request asks for, or null when it asks for none (no task, no image query
   * parameter, no preset; or only ones that change nothing): then the original is served.
   * Throws the catalogue's errors: 400 for bad tasks and files that are no image, 403 for a bad
   * signature, 404 for a missing file, 503 when the render queue is full.
   */
  async derivative(ask: ImageAsk): Promise<Derivative | null> {
    const request = this.requestOf(ask);
    if (!request) return null;
    const { store } = this.options;
    const name = ask.file.name;
    const type = typeOfName(name);
    if (!type) throw errors.notFound();
    if (!type.mime.startsWith('image/')) throw (await store.has(name)) ? imageErrors.notAnImage() : errors.notFound();
    const usesFocal = request.ops.some(
      (op) => op.task === 'resize' && op.fit === 'crop' && op.align === null && op.width !== null && op.height !== null,
    );
    const focal = usesFocal ? await this.options.focalPoints.get(name) : null;
    const output = resolveOutput(request.output, type.ext, ask.accept);
    const key = derivativeKey(name, request.ops, focal, output);
    const done = (opened: OpenedMedia) => ({ key, opened, variesWithAccept: output.fromAccept });
    const stored = await store.openDerived(name, key);
    if (stored) return done(stored);
    await this.renderOnce(key, async () => {
      // A request that missed the store just before another's render finished gets here after it.
      const rendered = await store.openDerived(name, key);
      if (rendered) return rendered.close();
      const bytes = await store.read(name);
      if (!bytes) throw errors.notFound();
      const { maxInputPixels } = this.options;
      const derived = await renderImage({ bytes, ops: request.ops, focal, output, maxInputPixels });
      this.renders++;
      await store.saveDerived(name, key, derived, OUTPUT_MIME[output.format]);
    });
    const opened = await store.openDerived(name, key);
    if (!opened) throw new Error(`derivative ${key} of ${name} not found right after it was saved`);
    return done(opened);
  }

  /** What the request asks for, the mode permitting; null for nothing to do. */
  private requestOf({ file, query, url }: ImageAsk): ImageRequest | null {
    const preset = query.preset;
    const custom = file.tasks.length > 0 || hasImageQuery(query);
    if (!custom && preset === undefined) return null;
    // A preset alone is allowed in every mode; anything more is what the mode is about.
    if (custom && this.options.mode === 'presets') throw imageErrors.presetsOnly();
    if (custom && this.options.mode === 'signed' && !hasValidSignature(url, this.options.signingSecret!))
      throw imageErrors.badSignature();
    let request = emptyRequest();
    if (preset !== undefined) {
      const named = this.options.presets.get(preset);
      if (!named) throw imageErrors.unknownPreset(preset.slice(0, 64));
      request = named;
    }
    if (file.tasks.length) request = combineRequests(request, parseTasks(file.tasks));
    if (hasImageQuery(query)) request = combineRequests(request, parseImageQuery(query));
    if (request.ops.length > MAX_TASKS) throw imageErrors.tooManyTasks(MAX_TASKS);
    const { format, quality, compress } = request.output;
    return request.ops.length || format !== null || quality !== null || compress ? request : null;
  }

  /** Runs `render` for `key` unless it is running already, in which case this waits for that one. */
  private async renderOnce(key: string, render: () => Promise<void>): Promise<void> {
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.pool.run(render).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    await pending;
  }
}
