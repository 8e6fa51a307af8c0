import { useEffect, useState, type FormEvent } from 'react';
import { roleAtLeast } from '../../../src/shared/roles';
import { api, accountPath, ApiError } from '../api';
import { useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { ErrorNotice, Loading, Notice, ReadOnlyNote, useLoad } from '../ui';

interface SiteSettings {
  site_url: string | null;
  feed_title: string | null;
}

/** Settings > Site: the site's address and the feeds' title, used by the RSS, Atom and sitemap feeds. */
export function Site() {
  const { account } = useAccount();
  const editable = roleAtLeast(account.role, 'admin');
  const loaded = useLoad(
    () => api<{ data: SiteSettings }>('GET', accountPath(account.id, '/settings')).then((r) => r.data),
    [account.id],
  );
  const [siteUrl, setSiteUrl] = useState('');
  const [feedTitle, setFeedTitle] = useState('');
  const { busy, error, notice, run } = useSubmit();
  const fields = error instanceof ApiError ? error.fields : {};
  useEffect(() => {
    if (!loaded.data) return;
    setSiteUrl(loaded.data.site_url ?? '');
    setFeedTitle(loaded.data.feed_title ?? '');
  }, [loaded.data]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { data } = await api<{ data: SiteSettings }>('PUT', accountPath(account.id, '/settings'), {
        site_url: siteUrl.trim(),
        feed_title: feedTitle.trim(),
      });
      loaded.setData(data);
      return 'Saved. The feeds use it from the next request.';
    });
  };

  if (loaded.loading && !loaded.data) return <Loading what="site settings" />;
  if (loaded.error) return <ErrorNotice error={loaded.error} />;
  const example = `${siteUrl.trim().replace(/\/+$/, '') || 'https://www.example.com'}/blog/my-first-post`;
  return (
    <section>
      <h1>Site</h1>
      <p className="lead">
        The RSS, Atom and sitemap feeds link to your posts on your site. Without an address their links are relative (
        <code>my-first-post</code>), as ButterCMS writes them.
      </p>
      {!editable && <ReadOnlyNote role={account.role} />}
      <ErrorNotice error={error} />
      {notice && <Notice kind="ok">{notice}</Notice>}
      <form className="card" onSubmit={save} noValidate aria-label="Site settings">
        <fieldset className="plain" disabled={!editable || busy}>
          <div className={fields.site_url ? 'field invalid' : 'field'}>
            <label htmlFor="site-url">Site address</label>
            <input
              id="site-url"
              type="url"
              value={siteUrl}
              onChange={(e) => setSiteUrl(e.target.value)}
              placeholder="https://www.example.com"
              aria-invalid={fields.site_url ? true : undefined}
              aria-describedby={fields.site_url ? 'site-url-error' : 'site-url-hint'}
            />
            {fields.site_url ? (
              <p className="field-error" id="site-url-error">
                {fields.site_url.join(' ')}
              </p>
            ) : (
              <span className="hint" id="site-url-hint">
                A post's link becomes <code>{example}</code>.
              </span>
            )}
          </div>
          <div className={fields.feed_title ? 'field invalid' : 'field'}>
            <label htmlFor="feed-title">Feed title</label>
            <input
              id="feed-title"
              value={feedTitle}
              onChange={(e) => setFeedTitle(e.target.value)}
              placeholder="Latest blog posts"
              aria-invalid={fields.feed_title ? true : undefined}
              aria-describedby={fields.feed_title ? 'feed-title-error' : 'feed-title-hint'}
            />
            {fields.feed_title ? (
              <p className="field-error" id="feed-title-error">
                {fields.feed_title.join(' ')}
              </p>
            ) : (
              <span className="hint" id="feed-title-hint">
                Left empty, the feeds are titled “Latest blog posts”.
              </span>
            )}
          </div>
          <button type="submit" className="primary">
            {busy ? 'Saving…' : 'Save site settings'}
          </button>
        </fieldset>
      </form>
    </section>
  );
}
