import fs from 'node:fs';
import { GheeError } from '../errors/index.js';
import type { ImageRequest } from './image-request.js';
import { parseTasks } from './parse-tasks.js';

/** The key of the plans file (PLANS_FILE) that names the install's presets: `{"hero": "<tasks>"}`. */
export const IMAGE_PRESETS_KEY = 'imagePresets';

/** Always there, in every mode: the dashboard's grid shows `?preset=thumbnail`. */
export const BUILT_IN_PRESETS: Readonly<Record<string, string>> = {
  thumbnail: 'resize=width:320,height:320,fit:crop/output=format:webp',
};

/** Preset names and what each asks for. */
export type ImagePresets = ReadonlyMap<string, ImageRequest>;

const PRESET_NAME = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/**
 * The built-in presets and those of `doc` (the plans file's `imagePresets`, or undefined), each
 * task string read by the same parser as URLs. Throws, naming the file and the preset, on a bad
 * name, a task string that does not parse, or a redefinition of a built-in preset.
 */
export function parseImagePresets(doc: unknown, source: string): ImagePresets {
  const presets = new Map<string, ImageRequest>();
  for (const [name, tasks] of Object.entries(BUILT_IN_PRESETS)) presets.set(name, parseTasks(tasks.split('/')));
  if (doc === undefined) return presets;
  const where = `${source}: ${IMAGE_PRESETS_KEY}`;
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    throw new Error(`${where} must be an object of preset names and task strings`);
  for (const [name, tasks] of Object.entries(doc)) {
    if (!PRESET_NAME.test(name))
      throw new Error(`${where}: preset name "${name}" must be lowercase letters, digits, _ or - (at most 64)`);
    if (Object.hasOwn(BUILT_IN_PRESETS, name))
      throw new Error(`${where}.${name}: a built-in preset cannot be redefined`);
    if (typeof tasks !== 'string' || tasks === '')
      throw new Error(`${where}.${name} must be a task string such as "resize=width:800/output=format:webp"`);
    try {
      presets.set(name, parseTasks(tasks.split('/')));
    } catch (error) {
      if (error instanceof GheeError) throw new Error(`${where}.${name}: ${error.message}`, { cause: error });
      throw error;
    }
  }
  return presets;
}

/** The presets of the plans file (its `imagePresets` key), or the built-in ones without a file. */
export function loadImagePresets(plansFile: string | undefined): ImagePresets {
  if (!plansFile) return parseImagePresets(undefined, '');
  let doc: unknown;
  try {
    doc = JSON.parse(fs.readFileSync(plansFile, 'utf8'));
  } catch (error) {
    throw new Error(`${plansFile}: not JSON (${(error as Error).message})`, { cause: error });
  }
  const presets = (doc as Record<string, unknown> | null)?.[IMAGE_PRESETS_KEY];
  return parseImagePresets(presets, plansFile);
}
