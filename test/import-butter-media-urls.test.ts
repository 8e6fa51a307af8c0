import { describe, expect, it } from 'vitest';
import { originalNameOf, sourceUrl, splitMediaUrl, withTasks } from '../src/migrate-butter/source-media-url.js';

// ButterCMS image URLs carry Filestack-style tasks before the file's handle; the import downloads
// each file once, without them, and keeps them in front of the library file.

const HASH = 'a'.repeat(64);

describe('splitMediaUrl', () => {
  it.for([
    ['a plain handle', 'https://cdn.buttercms.com/AbCdEf123', 'https://cdn.buttercms.com/AbCdEf123', []],
    [
      'chained tasks',
      'https://cdn.buttercms.com/resize=width:800/quality=value:80/AbCdEf123',
      'https://cdn.buttercms.com/AbCdEf123',
      ['resize=width:800', 'quality=value:80'],
    ],
    [
      'tasks with several options and a bare one',
      'https://cdn.buttercms.com/resize=width:800,height:600,fit:crop/flip/output=format:webp/AbC',
      'https://cdn.buttercms.com/AbC',
      ['resize=width:800,height:600,fit:crop', 'flip', 'output=format:webp'],
    ],
    [
      'a segment that is no task',
      'https://cdn.buttercms.com/resize=width:800/9lives/AbC',
      'https://cdn.buttercms.com/resize=width:800/9lives/AbC',
      [],
    ],
    [
      'an option without a value shape',
      'https://cdn.buttercms.com/resize=800/AbC',
      'https://cdn.buttercms.com/resize=800/AbC',
      [],
    ],
    ['another host', 'https://img.example/resize=width:800/AbC', 'https://img.example/resize=width:800/AbC', []],
    [
      "a Ghee source's tasks",
      `http://src.test:8080/media/resize=width:100/${HASH}.png`,
      `http://src.test:8080/media/${HASH}.png`,
      ['resize=width:100'],
    ],
    [
      "a Ghee source's labelled file under a path",
      `https://src.test/cms/media/flip/${HASH}/cat.png`,
      `https://src.test/cms/media/${HASH}/cat.png`,
      ['flip'],
    ],
    ['a Ghee file without tasks', `https://src.test/media/${HASH}.png`, `https://src.test/media/${HASH}.png`, []],
    ['not a URL', 'not a url', 'not a url', []],
  ] as const)('%s', ([, url, file, tasks]) => {
    expect(splitMediaUrl(url)).toEqual({ file, tasks });
  });

  it('reads the CDN hosts it is given', () => {
    expect(splitMediaUrl('http://127.0.0.1:9/resize=width:8/H', ['127.0.0.1:9'])).toEqual({
      file: 'http://127.0.0.1:9/H',
      tasks: ['resize=width:8'],
    });
  });

  it('reads no more than 16 tasks', () => {
    const url = `https://cdn.buttercms.com/${'flip/'.repeat(17)}AbC`;
    expect(splitMediaUrl(url)).toEqual({ file: url, tasks: [] });
  });
});

describe('withTasks and originalNameOf', () => {
  it('puts the tasks between /media/ and the file', () => {
    expect(withTasks(`/media/${HASH}.png`, ['resize=width:800', 'quality=value:80'])).toBe(
      `/media/resize=width:800/quality=value:80/${HASH}.png`,
    );
    expect(withTasks(`/media/${HASH}.png`, [])).toBe(`/media/${HASH}.png`);
  });

  it.for([
    ['https://cdn.buttercms.com/AbCdEf123', 'AbCdEf123'],
    ['https://img.example/photos/Caf%C3%A9%20au%20lait.jpg?size=2', 'Café au lait.jpg'],
    ['https://img.example/bad%E0%A4%A.png', 'bad%E0%A4%A.png'],
    ['https://img.example/', ''],
  ])('names %s %s', ([url, name]) => {
    expect(originalNameOf(url!)).toBe(name);
  });
});

describe('sourceUrl', () => {
  it.for([
    ['an absolute URL, as it is', 'https://cdn.buttercms.com/AbC', 'https://cdn.buttercms.com/AbC'],
    [
      "a Ghee source's library path, under its address",
      `/media/flip/${HASH}.png?x=1`,
      `https://src.test/cms/media/flip/${HASH}.png?x=1`,
    ],
    ['no other relative path', '/media/logo.png', null],
    ["no path of the source's site", '/images/a.png', null],
    ['no data: URL', 'data:image/png;base64,AAAA', null],
    ['no protocol-relative URL', '//cdn.example/a.png', null],
  ] as const)('takes %s', ([, url, want]) => {
    expect(sourceUrl(url, 'https://src.test/cms')).toBe(want);
  });
});
