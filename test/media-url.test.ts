import { describe, expect, it } from 'vitest';
import { labelFor, mediaValue, parseMediaPath } from '../src/media/media-url.js';

// The paths under /media/ that name a file: what is a file, a label and a task, and what is none.

const HASH = 'ab'.repeat(32);

describe('media paths', () => {
  it.for<[string, ReturnType<typeof parseMediaPath>]>([
    [`${HASH}.png`, { name: `${HASH}.png`, label: null, tasks: [] }],
    [`${HASH}/team-photo.jpg`, { name: `${HASH}.jpg`, label: 'team-photo', tasks: [] }],
    [
      `resize=width:800,fit:crop/output=format:webp/${HASH}/a.b.jpg`,
      { name: `${HASH}.jpg`, label: 'a.b', tasks: ['resize=width:800,fit:crop', 'output=format:webp'] },
    ],
    [`flip/${HASH}.gif`, { name: `${HASH}.gif`, label: null, tasks: ['flip'] }],
    [`${HASH}.exe`, null],
    [`${HASH}/Photo.jpg`, null],
    [`${HASH}/.jpg`, null],
    [`${HASH}/x.jpg/`, null],
    [`${'g'.repeat(64)}/x.jpg`, null],
    [`a//${HASH}.png`, null],
    [`../${HASH}.png`.replace('..', '%2e%2e'), { name: `${HASH}.png`, label: null, tasks: ['%2e%2e'] }],
    [`${'t/'.repeat(17)}${HASH}.png`, null],
  ])('%s', ([rest, expected]) => {
    expect(parseMediaPath(rest)).toEqual(expected);
  });

  it('writes the stored value with or without a label', () => {
    expect(mediaValue(`${HASH}.png`, 'logo')).toBe(`/media/${HASH}/logo.png`);
    expect(mediaValue(`${HASH}.png`, null)).toBe(`/media/${HASH}.png`);
  });

  it.for<[string, string | null]>([
    ['Team Photo (2024).JPG', 'team-photo-2024'],
    ['Crème brûlée.png', 'creme-brulee'],
    ['C:\\Users\\me\\logo.final.svg', 'logo.final'],
    ['../../etc/passwd', 'passwd'],
    ['.png', 'png'],
    ['', null],
    ['???.jpg', null],
    ['a'.repeat(200) + '.png', 'a'.repeat(80)],
  ])('labels %s as %s', ([fileName, label]) => {
    expect(labelFor(fileName)).toBe(label);
  });
});
