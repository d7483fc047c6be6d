-- AlterTable
ALTER TABLE "admin_users" ADD COLUMN     "language" "language" NOT NULL DEFAULT 'fr';
