// AdminJS's search box on a table without a text column (site analytics days: a site, a date, counts)
// looks in the id: text that is no number matches nothing instead of failing with a 500.
import { loginAgent, makeTestApp, type TestApp } from "../helpers/app.js";
import { makeAdmin } from "../factories/index.js";

let t: TestApp;
beforeAll(async () => {
  t = await makeTestApp();
});
afterAll(() => t.close());

it("answers no records, not a 500, for text searched in a number title", async () => {
  const admin = await makeAdmin(t.deps.prisma, { role: "super_admin" });
  const agent = await loginAgent(t.app, admin.email, admin.password);
  for (const query of ["javascript%3Aalert(1)", "NaN", "12abc"]) {
    const res = await agent.get(`/admin/api/resources/site_analytics_daily/actions/search/${query}`);
    expect([query, res.status, res.body.records]).toEqual([query, 200, []]);
  }
  // A number beyond the column's type (an int4 id) is no row either; the driver would refuse it with a 500.
  for (const resource of ["site_analytics_daily", "monitors"]) {
    for (const query of ["2147483648", "-2147483649", "99999999999999999999"]) {
      const res = await agent.get(`/admin/api/resources/${resource}/actions/search/${query}`);
      expect([resource, query, res.status, res.body.records]).toEqual([resource, query, 200, []]);
    }
  }
});
