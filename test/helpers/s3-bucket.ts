import { randomBytes } from 'node:crypto';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import type { S3Settings } from '../../src/media/media-store-config.js';
import { createS3Client } from '../../src/media/s3-client.js';
import { S3_CREDENTIALS } from './s3-server.js';

// The SDK's notice that its 2027 releases need Node 22 would print once per test file.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The endpoint of the run's S3 server (test/helpers/global-setup.ts). */
    s3Endpoint: string;
  }
}

/** A bucket of its own on the run's S3 server, and a client to look into it. */
export interface TestBucket {
  name: string;
  /** What Config.mediaS3 takes to reach it. */
  settings: S3Settings;
  client: S3Client;
  /** Every key under `prefix`, sorted. */
  keys(prefix?: string): Promise<string[]>;
  /** Empties and deletes the bucket. */
  drop(): Promise<void>;
}

/** The S3 settings of the run's server (path-style, its keys, short timeouts). */
export function testS3Settings(endpoint = inject('s3Endpoint')): S3Settings {
  return { endpoint, region: 'us-east-1', credentials: S3_CREDENTIALS, pathStyle: true, timeoutMs: 5000 };
}

/** Creates a new, empty bucket on the run's S3 server. */
export async function freshBucket(): Promise<TestBucket> {
  const settings = testS3Settings();
  const client = createS3Client(settings);
  const name = `ghee-test-${randomBytes(6).toString('hex')}`;
  await client.send(new CreateBucketCommand({ Bucket: name }));
  const keys = async (prefix = '') => {
    const found: string[] = [];
    let token: string | undefined;
    do {
      const page = await client.send(
        new ListObjectsV2Command({ Bucket: name, Prefix: prefix, ContinuationToken: token }),
      );
      found.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found.sort();
  };
  return {
    name,
    settings,
    client,
    keys,
    drop: async () => {
      for (const key of await keys()) await client.send(new DeleteObjectCommand({ Bucket: name, Key: key }));
      await client.send(new DeleteBucketCommand({ Bucket: name }));
      client.destroy();
    },
  };
}
