/** True for the admin API's paths (`/admin/api`, docs/admin-api.md). */
export function isAdminApi(url: string): boolean {
  return url === '/admin/api' || url.startsWith('/admin/api/') || url.startsWith('/admin/api?');
}
