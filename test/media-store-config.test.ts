import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { LocalMediaStore } from '../src/media/local-media-store.js';
import { loadS3Settings, parseMediaPublicUrl, parseMediaStore } from '../src/media/media-store-config.js';
import { openMediaStore } from '../src/media/open-media-store.js';
import { S3MediaStore } from '../src/media/s3-media-store.js';

// The settings of where media lives (README, Configuration): MEDIA_STORE, MEDIA_PUBLIC_URL and
// the AWS SDK's variables, each refused at start-up with a message naming it.

const BASE = { DATA_DIR: '/nonexistent' };

describe('MEDIA_STORE', () => {
  it.for<[string | undefined, ReturnType<typeof parseMediaStore>]>([
    [undefined, { kind: 'local' }],
    ['', { kind: 'local' }],
    ['local', { kind: 'local' }],
    ['s3://my-bucket', { kind: 's3', bucket: 'my-bucket', prefix: '' }],
    ['s3://my-bucket/', { kind: 's3', bucket: 'my-bucket', prefix: '' }],
    ['s3://my.bucket-1/ghee/media/', { kind: 's3', bucket: 'my.bucket-1', prefix: 'ghee/media' }],
  ])('reads %s', ([value, location]) => {
    expect(parseMediaStore(value)).toEqual(location);
  });

  it.for([
    's3',
    's3://',
    'S3://bucket',
    's3://Bucket',
    's3://ab',
    'gs://bucket',
    's3://bucket/a//b',
    's3://bucket/../x',
    's3://bucket/a b',
  ])('refuses %s', (value) => {
    expect(() => parseMediaStore(value)).toThrow(
      `MEDIA_STORE must be "local" or s3://<bucket>[/<prefix>], not "${value}"`,
    );
  });
});

describe('MEDIA_PUBLIC_URL', () => {
  it('is unset, or an http(s) base without its trailing slash', () => {
    expect(parseMediaPublicUrl(undefined)).toBeUndefined();
    expect(parseMediaPublicUrl('https://cdn.example.com/media/')).toBe('https://cdn.example.com/media');
  });

  it.for(['cdn.example.com', 'ftp://cdn.example.com', 'https://cdn.example.com/?v=1', 'https://u:p@cdn.example.com'])(
    'refuses %s',
    (value) => {
      expect(() => parseMediaPublicUrl(value)).toThrow(`MEDIA_PUBLIC_URL must be an http(s) URL, not "${value}"`);
    },
  );
});

describe('the S3 settings', () => {
  it("default to AWS itself, the SDK's credential chain, virtual-hosted buckets and 10 s", () => {
    expect(loadS3Settings({})).toEqual({
      endpoint: undefined,
      region: 'us-east-1',
      credentials: undefined,
      pathStyle: false,
      timeoutMs: 10_000,
    });
  });

  it("read the SDK's variables; an endpoint means path-style unless MEDIA_S3_PATH_STYLE says otherwise", () => {
    const env = {
      AWS_ENDPOINT_URL: 'http://generic:9000',
      AWS_ENDPOINT_URL_S3: 'http://minio:9000',
      AWS_DEFAULT_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'id',
      AWS_SECRET_ACCESS_KEY: 'secret',
      AWS_SESSION_TOKEN: 'token',
      MEDIA_S3_TIMEOUT_MS: '2500',
    };
    expect(loadS3Settings(env)).toEqual({
      endpoint: 'http://minio:9000',
      region: 'eu-west-1',
      credentials: { accessKeyId: 'id', secretAccessKey: 'secret', sessionToken: 'token' },
      pathStyle: true,
      timeoutMs: 2500,
    });
    expect(loadS3Settings({ ...env, MEDIA_S3_PATH_STYLE: 'false', AWS_REGION: 'auto' })).toMatchObject({
      pathStyle: false,
      region: 'auto',
    });
  });

  it.for<[Record<string, string>, string]>([
    [
      { AWS_ENDPOINT_URL_S3: 'minio:9000' },
      'AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL must be an http(s) URL, not "minio:9000"',
    ],
    [{ AWS_ACCESS_KEY_ID: 'id' }, 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together'],
    [{ AWS_SECRET_ACCESS_KEY: 'secret' }, 'AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together'],
    [{ MEDIA_S3_PATH_STYLE: 'yes' }, 'MEDIA_S3_PATH_STYLE must be true or false, not "yes"'],
    [{ MEDIA_S3_TIMEOUT_MS: '0' }, 'MEDIA_S3_TIMEOUT_MS must be a positive integer, not "0"'],
  ])('refuse %o', ([env, message]) => {
    expect(() => loadS3Settings(env)).toThrow(message);
  });

  it('never put a secret in a message', () => {
    expect(() => loadS3Settings({ AWS_SECRET_ACCESS_KEY: 'hunter2' })).toThrow(/^((?!hunter2).)*$/);
  });
});

describe('the configured store', () => {
  it('is the folder MEDIA_DIR by default', () => {
    const store = openMediaStore(loadConfig({ ...BASE, MEDIA_DIR: '/srv/media' }));
    expect(store).toBeInstanceOf(LocalMediaStore);
    expect((store as LocalMediaStore).dir).toBe('/srv/media');
  });

  it('is the bucket MEDIA_STORE names, printing URLs under MEDIA_PUBLIC_URL', () => {
    const config = loadConfig({
      ...BASE,
      MEDIA_STORE: 's3://bucket/prefix',
      MEDIA_PUBLIC_URL: 'https://cdn.example.com/',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9',
    });
    const store = openMediaStore(config);
    expect(store).toBeInstanceOf(S3MediaStore);
    expect((store as S3MediaStore).where).toBe('s3://bucket/prefix');
    expect(store.urlFor('x.png')).toBe('https://cdn.example.com/x.png');
  });

  it('reads PUBLIC_URL at each use (a server on port 0 learns it once listening)', () => {
    const config = loadConfig({ ...BASE, PUBLIC_URL: 'http://localhost:0' });
    const store = openMediaStore(config);
    config.publicUrl = 'http://localhost:4321';
    expect(store.urlFor('x.png')).toBe('http://localhost:4321/media/x.png');
  });
});
