-- Attachments are kept base64-encoded in a text column: the table specs (src/db/columns.ts) carry text,
-- not bytes.
ALTER TABLE "support_attachments" ALTER COLUMN "content" TYPE TEXT USING encode("content", 'base64');
