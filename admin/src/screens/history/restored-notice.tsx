import { useRoute } from '../../router';
import { Notice } from '../../ui';

/**
 * What an editor says when the history screen just restored a version into it
 * (`?restored=<id>&as=draft|published&left_out=a,b`): which version, and the fields it held that
 * the content type cannot take back as they were. `hidden` while a later action's message is shown.
 */
export function RestoredNotice({ hidden }: { hidden: boolean }) {
  const { query } = useRoute();
  const restored = query.get('restored');
  if (!restored || hidden) return null;
  const leftOut = (query.get('left_out') ?? '').split(',').filter(Boolean);
  const published = query.get('as') === 'published';
  return (
    <Notice kind="ok">
      <p>
        Version #{restored} restored {published ? 'and published' : 'as a draft'}: the form below shows its content.
      </p>
      {leftOut.length > 0 && (
        <p data-testid="left-out">
          Left out, as they no longer fit the content type (removed, retyped, or pointing at something deleted):{' '}
          <strong>{leftOut.join(', ')}</strong>.
        </p>
      )}
    </Notice>
  );
}
