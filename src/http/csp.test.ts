import { addNonce } from "./csp.js";

const page = (state: string) => `<!DOCTYPE html>
<html><head>
  <script>
    window.REDUX_STATE = ${state};
  </script>
  <link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto:300,400,500,700" type="text/css">
  <script src="/admin/frontend/assets/app.bundle.js"></script>
</head><body><div id="app" />
  <script>
    var app = document.getElementById('app');
    root.render(AdminJS.Application);
  </script>
</body></html>`;

describe("addNonce", () => {
  it("gives AdminJS's own inline scripts the nonce and drops the Google Fonts link", () => {
    const html = addNonce(page("{}"), "abc");
    expect(html.match(/<script nonce="abc">/g)).toHaveLength(2);
    expect(html).toContain('<script src="/admin/frontend/assets/app.bundle.js"></script>');
    expect(html).not.toContain("fonts.googleapis.com");
  });

  it("leaves a script injected through data without the nonce", () => {
    const injected = `{"name":"</script><script>alert(1)</script><script>var app = document.getElementById('app');alert(2)</script>"}`;
    const html = addNonce(page(injected), "abc");
    expect(html).toContain("<script>alert(1)</script>");
    expect(html).toContain("<script>var app = document.getElementById('app');alert(2)</script>");
    expect(html.match(/nonce="abc"/g)).toHaveLength(2);
  });

  it("gives no nonce to a page whose first script is not AdminJS's state", () => {
    const html = addNonce(`<html><head><script>evil()</script></head></html>`, "abc");
    expect(html).not.toContain("nonce");
  });
});
