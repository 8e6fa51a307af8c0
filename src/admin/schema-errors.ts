import { formatChange, type SchemaChange } from '../content/schema/schema-change.js';
import { SchemaError } from '../content/schema/schema-error.js';
import { adminErrors, type GheeError } from '../errors/index.js';
import type { SchemaChangeLine } from '../shared/schema-changes.js';

/** How a refused schema change answers: 400 invalid (every problem), 403 over the plan, 409 data loss. */
export function schemaApiError(error: unknown): unknown {
  if (!(error instanceof SchemaError)) return error;
  const map: Record<SchemaError['code'], () => GheeError> = {
    invalid: () => adminErrors.invalidSchema(error.errors),
    plan_limit: () => adminErrors.forbidden(),
    data_loss: () => adminErrors.dataLoss(error.errors),
    no_account: () => adminErrors.notFound(),
  };
  return map[error.code]();
}

/** A schema change as the admin API shows it: the diff line and its parts. */
export function changeBody(change: SchemaChange): SchemaChangeLine {
  return {
    op: change.op,
    path: change.path,
    description: change.description,
    data_loss: change.dataLoss,
    line: formatChange(change),
  };
}
