import { useState } from 'react';
import { ROLES, roleAtLeast, type Role } from '../../../src/shared/roles';
import type { Invitation, Member } from '../../../src/shared/users';
import { api, accountPath } from '../api';
import { Invitations } from '../components/invitations';
import { useAccount } from '../context';
import { useSubmit } from '../hooks/use-submit';
import { Confirm, ErrorNotice, Loading, Notice, useLoad, when } from '../ui';

/** Settings > Users: the members and their roles (change, remove), invitations (invite, renew, revoke). */
export function Users() {
  const { account } = useAccount();
  const admin = roleAtLeast(account.role, 'admin');
  const members = useLoad(
    () =>
      admin
        ? api<{ data: Member[] }>('GET', accountPath(account.id, '/users')).then((r) => r.data)
        : Promise.resolve([]),
    [account.id],
  );
  const invitations = useLoad(
    () =>
      admin
        ? api<{ data: Invitation[] }>('GET', accountPath(account.id, '/invitations')).then((r) => r.data)
        : Promise.resolve([]),
    [account.id],
  );
  const { error, notice, run } = useSubmit();
  const [removing, setRemoving] = useState<Member | null>(null);

  if (!admin) {
    return (
      <section>
        <h1>Users</h1>
        <Notice kind="info">
          Only admins and owners of this account can see and manage its users. You are a {account.role}.
        </Notice>
      </section>
    );
  }

  const act = (work: () => Promise<unknown>, done: string) =>
    run(async () => {
      await work();
      members.reload();
      return done;
    });
  const changeRole = (m: Member, role: Role) =>
    act(() => api('PUT', accountPath(account.id, `/users/${m.id}`), { role }), `${m.email} is now ${role}.`);
  const remove = (m: Member) =>
    act(() => api('DELETE', accountPath(account.id, `/users/${m.id}`)), `${m.email} was removed from ${account.name}.`);

  return (
    <section>
      <h1>Users</h1>
      <p className="lead">
        Who can sign in to <strong>{account.name}</strong>, and what they may do: viewers read, editors also edit
        content, admins also manage tokens, users and settings, owners also the plan.
      </p>
      <ErrorNotice error={error} />
      {notice && <Notice kind="ok">{notice}</Notice>}
      <h2>Members</h2>
      {members.loading && !members.data ? (
        <Loading what="members" />
      ) : members.error ? (
        <ErrorNotice error={members.error} />
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Members</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Member since</th>
                <th scope="col">Actions</th>
              </tr>
            </thead>
            <tbody>
              {(members.data ?? []).map((m) => {
                // Nobody changes a member above their own role, nor gives a role above it.
                const mine = roleAtLeast(account.role, m.role);
                return (
                  <tr key={m.id} data-member-id={m.id}>
                    <td>{m.email}</td>
                    <td>{m.name || '—'}</td>
                    <td>
                      <label className="visually-hidden" htmlFor={`role-${m.id}`}>
                        Role of {m.email}
                      </label>
                      <select
                        id={`role-${m.id}`}
                        value={m.role}
                        disabled={!mine}
                        onChange={(e) => void changeRole(m, e.target.value as Role)}
                      >
                        {ROLES.filter((r) => r === m.role || roleAtLeast(account.role, r)).map((r) => (
                          <option key={r} value={r}>
                            {r}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>{when(m.created)}</td>
                    <td className="row-actions">
                      <button
                        type="button"
                        className="danger"
                        disabled={!mine}
                        onClick={() => setRemoving(m)}
                        aria-label={`Remove ${m.email}`}
                      >
                        Remove
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {invitations.error ? (
        <ErrorNotice error={invitations.error} />
      ) : invitations.data === null ? (
        <Loading what="invitations" />
      ) : (
        <Invitations list={invitations.data} reload={invitations.reload} />
      )}
      {removing && (
        <Confirm
          title="Remove this member?"
          confirmLabel="Remove member"
          danger
          onCancel={() => setRemoving(null)}
          onConfirm={() => {
            void remove(removing);
            setRemoving(null);
          }}
        >
          <p>
            <strong>{removing.email}</strong> loses access to {account.name} from their next request. Their user stays,
            with their other accounts.
          </p>
        </Confirm>
      )}
    </section>
  );
}
