import { useContext, useEffect, useRef, useState } from 'react';
import { ReadOnlyContext } from '../context';
import { sanitizeHtml } from './sanitize-html';

const TOOLS: { cmd: string; arg?: string; label: string; text: string }[] = [
  { cmd: 'bold', label: 'Bold', text: 'B' },
  { cmd: 'italic', label: 'Italic', text: 'I' },
  { cmd: 'formatBlock', arg: 'h2', label: 'Heading', text: 'H2' },
  { cmd: 'formatBlock', arg: 'p', label: 'Paragraph', text: '¶' },
  { cmd: 'insertUnorderedList', label: 'Bulleted list', text: '•' },
  { cmd: 'insertOrderedList', label: 'Numbered list', text: '1.' },
];

/**
 * A small rich-text editor for WYSIWYG fields: formatting buttons over an editable area, and the
 * HTML source one click away. Ghee sanitises the HTML on save, and the editor sanitises whatever
 * it shows (sanitize-html.ts, DOMPurify), so markup from the server or the HTML view never runs.
 */
export function RichText({
  id,
  value,
  onChange,
  describedBy,
  invalid,
}: {
  id: string;
  value: string;
  onChange: (html: string) => void;
  describedBy: string | undefined;
  invalid: boolean;
}) {
  const area = useRef<HTMLDivElement>(null);
  const own = useRef(value);
  const [source, setSource] = useState(false);
  const readOnly = useContext(ReadOnlyContext);
  useEffect(() => {
    const editor = area.current;
    if (!editor) return;
    const shown = editor.innerHTML;
    if ((value !== own.current || shown === '') && shown !== value) {
      // Never the server's (or the HTML view's) markup as it is: sanitised first, CSP behind it.
      editor.innerHTML = sanitizeHtml(value);
      own.current = value;
    }
  }, [value, source]);
  const run = (cmd: string, arg?: string) => {
    area.current?.focus();
    document.execCommand(cmd, false, arg);
    emit();
  };
  const link = () => {
    const url = window.prompt('Link address (https://…)');
    if (url) run('createLink', url);
  };
  const emit = () => {
    const html = area.current?.innerHTML ?? '';
    own.current = html;
    onChange(html === '<br>' ? '' : html);
  };
  return (
    <div className={`rich${invalid ? ' invalid' : ''}`}>
      <div className="toolbar" role="toolbar" aria-label="Formatting" aria-controls={id}>
        {TOOLS.map((t) => (
          <button
            key={t.label}
            type="button"
            className="small"
            aria-label={t.label}
            title={t.label}
            disabled={source}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => run(t.cmd, t.arg)}
          >
            {t.text}
          </button>
        ))}
        <button
          type="button"
          className="small"
          aria-label="Link"
          title="Link"
          disabled={source}
          onMouseDown={(e) => e.preventDefault()}
          onClick={link}
        >
          Link
        </button>
        <button type="button" className="small" aria-pressed={source} onClick={() => setSource(!source)}>
          HTML
        </button>
      </div>
      {source ? (
        <textarea
          id={id}
          className="mono"
          rows={8}
          value={value}
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => {
            own.current = e.target.value;
            onChange(e.target.value);
          }}
        />
      ) : (
        <div
          id={id}
          ref={area}
          className="rich-area"
          contentEditable={!readOnly}
          aria-readonly={readOnly}
          role="textbox"
          aria-multiline="true"
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          tabIndex={0}
          onInput={emit}
          suppressContentEditableWarning
        />
      )}
    </div>
  );
}
