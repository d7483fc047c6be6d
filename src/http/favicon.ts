import type { RequestHandler } from "express";

// The portal's mark, served by the app so that the login page needs nothing from outside.
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#4268F6"/><path d="M18 16h8v24h16v8H18z" fill="#fff"/><circle cx="46" cy="20" r="5" fill="#fff"/></svg>`;

export const favicon: RequestHandler = (_req, res) => {
  res.type("image/svg+xml").set("Cache-Control", "public, max-age=86400").send(SVG);
};
