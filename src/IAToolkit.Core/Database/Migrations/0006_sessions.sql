-- Sessions: every session cookie carries its user's security stamp; a sign-out or a password change gives the user
-- a new stamp, which ends every session issued before it, on every host.

ALTER TABLE iat_users ADD COLUMN security_stamp text NOT NULL DEFAULT gen_random_uuid()::text;
