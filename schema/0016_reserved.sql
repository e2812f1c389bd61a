-- 0016_reserved.sql -- a placeholder, on the branch that adds 0017 only.
-- Migration 0016 is being written on another branch at the same time, and
-- build-aux/embed-schema.sh wants the numbers without gaps.  When that
-- 0016 is merged, delete this file and its SCHEMA_FILES line (the build
-- says "expected migration number 17" while both are there).
SELECT 1;
