import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, type FieldErrors } from '../../api';
import { useSubmit } from '../../hooks/use-submit';
import {
  MEDIA_ALT_MAX_LENGTH,
  MEDIA_CAPTION_MAX_LENGTH,
  type FocalPoint,
  type MediaItem,
} from '../../../../src/shared/media';
import { ErrorNotice, Notice } from '../../ui';
import { describeMedia } from './media-api';
import { altOf, isImageItem, localSrc, parseTags } from './media-format';
import { FocalPointPicker } from './focal-point-picker';

/** The messages of a field and of its parts (`tags` also shows `tags.2`'s). */
function messagesOf(fields: FieldErrors, key: string): string[] {
  return Object.entries(fields)
    .filter(([k]) => k === key || k.startsWith(`${key}.`))
    .flatMap(([, m]) => m);
}

/** A labelled input of the form with its hint, or its error in place of the hint. */
function Described(props: { id: string; label: string; hint: string; errors: string[]; children: ReactNode }) {
  return (
    <div className={props.errors.length ? 'field invalid' : 'field'}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.errors.length ? (
        <p className="field-error" id={`${props.id}-error`}>
          {props.errors.join(' ')}
        </p>
      ) : (
        <span className="hint" id={`${props.id}-hint`}>
          {props.hint}
        </span>
      )}
    </div>
  );
}

const samePoint = (a: FocalPoint | null, b: FocalPoint | null) => (a && b ? a.x === b.x && a.y === b.y : a === b);

/** Alt text, caption, tags and the focal point of a file; saved together (PATCH) by editors. */
export function DescribeForm({
  accountId,
  item,
  editable,
  onSaved,
}: {
  accountId: number;
  item: MediaItem;
  editable: boolean;
  onSaved: (item: MediaItem) => void;
}) {
  const [alt, setAlt] = useState(item.alt);
  const [caption, setCaption] = useState(item.caption);
  const [tags, setTags] = useState(item.tags.join(', '));
  const [focal, setFocal] = useState<FocalPoint | null>(item.focal_point);
  const { busy, error, notice, run } = useSubmit();
  const fields = error instanceof ApiError ? error.fields : {};
  const dirty =
    alt !== item.alt ||
    caption !== item.caption ||
    parseTags(tags).join(',') !== item.tags.join(',') ||
    !samePoint(focal, item.focal_point);

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const saved = await describeMedia(accountId, item.name, {
        alt: alt.trim(),
        caption: caption.trim(),
        tags: parseTags(tags),
        focal_point: focal,
      });
      setAlt(saved.alt);
      setCaption(saved.caption);
      setTags(saved.tags.join(', '));
      setFocal(saved.focal_point);
      onSaved(saved);
      return 'Saved.';
    });
  };
  const input = (id: string, key: string) => ({
    id,
    'aria-invalid': messagesOf(fields, key).length ? true : undefined,
    'aria-describedby': messagesOf(fields, key).length ? `${id}-error` : `${id}-hint`,
  });

  return (
    <form className="describe-form" onSubmit={save} noValidate aria-label="Describe the file">
      <fieldset className="plain" disabled={!editable || busy}>
        {isImageItem(item) && (
          <FocalPointPicker src={localSrc(item.url)} alt={altOf(item)} point={focal} onChange={setFocal} />
        )}
        {messagesOf(fields, 'focal_point').map((m) => (
          <p key={m} className="field-error">
            {m}
          </p>
        ))}
        <Described
          id="media-alt"
          label="Alt text"
          hint="What the image shows, for people who cannot see it. Leave empty for a decorative image."
          errors={messagesOf(fields, 'alt')}
        >
          <input
            {...input('media-alt', 'alt')}
            maxLength={MEDIA_ALT_MAX_LENGTH}
            value={alt}
            onChange={(e) => setAlt(e.target.value)}
          />
        </Described>
        <Described
          id="media-caption"
          label="Caption"
          hint="Shown beside the file."
          errors={messagesOf(fields, 'caption')}
        >
          <textarea
            {...input('media-caption', 'caption')}
            maxLength={MEDIA_CAPTION_MAX_LENGTH}
            rows={2}
            value={caption}
            onChange={(e) => setCaption(e.target.value)}
          />
        </Described>
        <Described
          id="media-tags"
          label="Tags"
          hint="Separated by commas; the library filters by them."
          errors={messagesOf(fields, 'tags')}
        >
          <input {...input('media-tags', 'tags')} value={tags} onChange={(e) => setTags(e.target.value)} />
        </Described>
        {editable && (
          <div className="actions">
            <button type="submit" className="primary" disabled={!dirty && !busy}>
              {busy ? 'Saving…' : 'Save details'}
            </button>
            {dirty && !busy && <span className="hint">Unsaved changes</span>}
          </div>
        )}
      </fieldset>
      <ErrorNotice error={error} />
      {notice && !dirty && <Notice kind="ok">{notice}</Notice>}
    </form>
  );
}
