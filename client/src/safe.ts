import { ButterCMSError } from './errors.js';

/** `{data, error: null}` on success, `{data: null, error}` on failure: check `error` and TypeScript narrows `data`. */
export type SafeResult<Data> = { data: Data; error: null } | { data: null; error: ButterCMSError };

/**
 * Awaits a client call and returns its body as `data`, or the {@link ButterCMSError} as `error`,
 * instead of throwing: the error reference's `safeFetch`, built in. Anything that is not a client
 * error (a bug in a hook, say) is still thrown.
 *
 * @example
 * const { data, error } = await safe(butter.page.retrieve<Home>('*', 'homepage'));
 * if (error) return error.status === 404 ? notFound() : fail(error.message);
 * render(data.data.fields);
 */
export async function safe<Data>(
  call: Promise<{ data: Data }> | (() => Promise<{ data: Data }>),
): Promise<SafeResult<Data>> {
  try {
    const response = await (typeof call === 'function' ? call() : call);
    return { data: response.data, error: null };
  } catch (error) {
    if (error instanceof ButterCMSError) return { data: null, error };
    throw error;
  }
}
