import type { ExportedSchema, TypeDef } from '../../../src/shared/field-types';
import { FieldList } from '../components/field-editor';
import { PreviewUrlInput } from '../components/preview-url-input';
import type { SelectedType } from './content-type-sections';

/** The chosen content type's name and fields, or a hint to choose one; disabled for those who may not edit the schema. */
export function TypeEditor({
  draft,
  selected,
  onSelect,
  editable,
  edit,
}: {
  draft: ExportedSchema;
  selected: SelectedType | null;
  onSelect: (s: SelectedType | null) => void;
  editable: boolean;
  edit: (fn: (d: ExportedSchema) => void) => void;
}) {
  const type = selected ? draft[selected.section][selected.key] : undefined;
  return (
    <div className="type-editor">
      {!selected || !type ? (
        <p className="empty">Choose a content type on the left to see and edit its fields.</p>
      ) : (
        <fieldset className="plain" disabled={!editable}>
          <legend className="visually-hidden">Edit {type.name ?? selected.key}</legend>
          <div className="heading-row">
            <h2>
              {type.name ?? selected.key} <code>{selected.key}</code>
            </h2>
            <button
              type="button"
              className="danger"
              onClick={() => {
                edit((d) => {
                  delete d[selected.section][selected.key];
                });
                onSelect(null);
              }}
            >
              Remove type
            </button>
          </div>
          <div className="field">
            <label htmlFor="type-name">Name</label>
            <input
              id="type-name"
              value={type.name ?? ''}
              onChange={(e) =>
                edit((d) => {
                  d[selected.section][selected.key]!.name = e.target.value;
                })
              }
            />
          </div>
          {selected.section !== 'components' && (
            <PreviewUrlInput
              id="type-preview-url"
              label="Preview URL"
              value={(type as TypeDef).preview_url}
              onChange={(url) =>
                edit((d) => {
                  const t = d[selected.section][selected.key] as TypeDef;
                  if (url === undefined) delete t.preview_url;
                  else t.preview_url = url;
                })
              }
            />
          )}
          <FieldList
            fields={type.fields}
            schema={draft}
            path={`${selected.section}.${selected.key}.fields`}
            container={
              selected.section === 'components'
                ? 'component'
                : selected.section === 'collections'
                  ? 'collection'
                  : 'page'
            }
            onChange={(f) =>
              edit((d) => {
                d[selected.section][selected.key]!.fields = f;
              })
            }
          />
        </fieldset>
      )}
    </div>
  );
}
