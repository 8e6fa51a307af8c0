import { describe, expect, it } from 'vitest';
import { mediaErrors } from '../src/media/media-error.js';
import { DOWNLOAD_TEXT, LOCAL, useDownloads } from './helpers/media-downloads.js';
import { startSampleOrigin } from './helpers/media-sample-origin.js';
import { JPEG, PNG } from './helpers/media-samples.js';

// What a media download accepts (docs/api.md §4 and §8): types sniffed from the bytes, at most
// 3 redirects, a deadline, the size limit with or without Content-Length, and the exact reason
// of each refusal.

const TOO_LARGE = 'File is larger than 1000 bytes';
const ONLY_HTTP = 'Could not download the file: only http and https URLs are allowed';
const NOT_A_URL = 'Could not download the file: not a valid URL';

describe('fetchMedia', () => {
  const downloads = useDownloads();
  const { fetched, failure } = downloads;

  it.for<[string, Buffer, string, string]>([
    ['/tiny.png', PNG, 'image/png', 'png'],
    ['/photo.jpg', JPEG, 'image/jpeg', 'jpg'],
  ])('downloads %s when private addresses are allowed', async ([file, bytes, mime, ext]) => {
    expect(await fetched(`${downloads.origin.url}${file}`, LOCAL)).toEqual({ bytes, mime, ext });
  });

  it('follows up to 3 redirects and refuses a 4th', async () => {
    const { origin } = downloads;
    expect((await fetched(`${origin.url}/redirect/2`, LOCAL)).bytes).toEqual(PNG);
    expect((await fetched(`${origin.url}/redirect/3`, LOCAL)).bytes).toEqual(PNG);
    origin.requests.length = 0;
    expect(await failure(`${origin.url}/redirect/4`, LOCAL)).toBe(DOWNLOAD_TEXT.redirects);
    expect(origin.requests.map((r) => r.path)).toEqual(['/redirect/4', '/redirect/3', '/redirect/2', '/redirect/1']);
  });

  it('refuses HTML whatever its Content-Type says', async () => {
    expect(await failure(`${downloads.origin.url}/page.html`, LOCAL)).toBe(DOWNLOAD_TEXT.type);
  });

  // The deadline covers sanitising too, whose thread may take seconds to start on a loaded machine.
  it('takes an SVG only sanitised: one that is nothing but a script is refused', async () => {
    expect(await failure(`${downloads.origin.url}/image.svg`, { ...LOCAL, timeoutMs: 30_000 })).toBe(
      'SVG file refused: nothing is left once scripts and external references are removed',
    );
  });

  it('times out', async () => {
    const started = Date.now();
    expect(await failure(`${downloads.origin.url}/slow`, { ...LOCAL, timeoutMs: 200 })).toBe(DOWNLOAD_TEXT.timeout);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  // `/huge-declared` is refused on the header alone: its body never ends, so waiting for it would time out instead.
  it.for(['/big', '/big-chunked', '/huge-declared'])(
    'refuses a body over the limit, with and without Content-Length: %s',
    async (file) => {
      expect(await failure(`${downloads.origin.url}${file}`, LOCAL)).toBe(TOO_LARGE);
    },
  );

  it('says "50 MB" for the default limit', async () => {
    expect((await fetched(`${downloads.origin.url}/big`, { ...LOCAL, maxBytes: 50 * 1024 * 1024 })).ext).toBe('png');
    expect(mediaErrors.tooLarge(50 * 1024 * 1024).message).toBe('File is larger than 50 MB');
  });

  it('refuses a non-2xx answer', async () => {
    expect(await failure(`${downloads.origin.url}/missing`, LOCAL)).toBe(
      'Could not download the file: the server answered 404',
    );
  });

  it('refuses a closed port', async () => {
    const closed = await startSampleOrigin();
    await closed.close();
    expect(await failure(`${closed.url}/tiny.png`, LOCAL)).toBe('Could not download the file: connection refused');
  });

  it.for<[string, string]>([
    ['file:///etc/passwd', ONLY_HTTP],
    ['ftp://example.com/a.png', ONLY_HTTP],
    ['not a url', NOT_A_URL],
    ['', NOT_A_URL],
    ['http://unknown-host.test/a.png', 'Could not download the file: host not found'],
  ])('refuses other schemes, malformed URLs and unknown hosts: "%s"', async ([url, message]) => {
    expect(await failure(url, LOCAL)).toBe(message);
  });
});
