import { S3Client } from '@aws-sdk/client-s3';
import type { S3Settings } from './media-store-config.js';

/** The SDK's log goes nowhere: the store reports what fails as its own errors (s3-failure.ts). */
const SILENT = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} };

/**
 * An S3 client for an S3-compatible store. Checksums only where an operation requires one: recent
 * SDKs send CRC32 checksums (and expect them back) by default, which several S3-compatible
 * servers refuse. Bounded waits: a store that does not connect, or goes silent, fails the request
 * after `timeoutMs` instead of holding it.
 */
export function createS3Client(settings: S3Settings): S3Client {
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint && { endpoint: settings.endpoint }),
    ...(settings.credentials && { credentials: settings.credentials }),
    forcePathStyle: settings.pathStyle,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    requestHandler: { connectionTimeout: settings.timeoutMs, socketTimeout: settings.timeoutMs },
    logger: SILENT,
  });
}
