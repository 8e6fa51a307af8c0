import { describe, expect, it } from 'vitest';
import { findMediaRefs, rewriteMediaRefs, type MediaBases } from '../src/media/library/media-refs.js';

// Which mentions of a library file where-used counts and a replacement rewrites: only the
// library's own URLs (relative, under PUBLIC_URL, under MEDIA_PUBLIC_URL), never another site's.

const HASH = 'a'.repeat(64);
const NEW = 'b'.repeat(64);
const FILE = `${HASH}.png`;
const BASES: MediaBases = { publicUrl: 'http://ghee.test', mediaPublicUrl: 'https://cdn.example.com/files/' };
const rewrite = (text: string) => rewriteMediaRefs(text, BASES, FILE, `${NEW}.jpg`, 'new-name');

describe('mentions of a library file', () => {
  it.for<[string, string, string]>([
    ['a media field value', `/media/${FILE}`, `/media/${NEW}/new-name.jpg`],
    ['a labelled value with its query', `/media/${HASH}/old.png?v=1#top`, `/media/${NEW}/new-name.jpg?v=1#top`],
    [
      'an absolute URL under PUBLIC_URL',
      `<img src="http://ghee.test/media/${FILE}">`,
      `<img src="http://ghee.test/media/${NEW}/new-name.jpg">`,
    ],
    [
      'image tasks, kept',
      `<img src='/media/resize=width:400/flip/${HASH}/old.png'>`,
      `<img src='/media/resize=width:400/flip/${NEW}/new-name.jpg'>`,
    ],
    [
      'every srcset candidate',
      `srcset="/media/${FILE} 1x,/media/${HASH}/o.png 2x, http://ghee.test/media/${FILE}"`,
      `srcset="/media/${NEW}/new-name.jpg 1x,/media/${NEW}/new-name.jpg 2x, http://ghee.test/media/${NEW}/new-name.jpg"`,
    ],
    [
      'a URL under MEDIA_PUBLIC_URL, its base kept',
      `<a href="https://cdn.example.com/files/${HASH}/old.png">`,
      `<a href="https://cdn.example.com/files/${NEW}/new-name.jpg">`,
    ],
  ])('rewrites %s', ([, text, expected]) => {
    expect(rewrite(text)).toBe(expected);
  });

  it.for<[string, string]>([
    ["another site's /media/ path", `<img src="https://other.example/media/${FILE}">`],
    ['another file', `/media/${'c'.repeat(64)}.png`],
    ['a path that names no file', `/media/${HASH}/../x.png`],
    ['a hash in plain words', `The hash is ${HASH}.`],
    ['a longer word ending in /media/', `/xmedia/${FILE}`],
  ])('leaves %s alone', ([, text]) => {
    expect(rewrite(text)).toBe(text);
    expect(findMediaRefs(text, BASES).filter((r) => r.file.name === FILE)).toEqual([]);
  });

  it('finds each mention once when MEDIA_PUBLIC_URL is PUBLIC_URL/media', () => {
    const bases = { publicUrl: 'http://ghee.test', mediaPublicUrl: 'http://ghee.test/media' };
    expect(findMediaRefs(`"http://ghee.test/media/${FILE}"`, bases)).toHaveLength(1);
  });
});
