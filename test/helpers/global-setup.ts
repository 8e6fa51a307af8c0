// Says loudly, once per run, which databases the suite runs against.
export default function setup(): void {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    console.log(`\n[ghee tests] databases: SQLite and PostgreSQL (${url.replace(/\/\/[^@]*@/, '//')})\n`);
  } else {
    console.log('\n[ghee tests] databases: SQLite ONLY. PostgreSQL suites are NOT running: set TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test (CI does).\n');
  }
}
