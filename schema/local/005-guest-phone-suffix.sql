-- Version 5: the "last digits" index of guest phones made covering.
--
-- A lookup by the last 4 digits reads about one number in ten thousand
-- (a hundred at a million guests); with the guest and the number in the
-- index itself it needs no visit to the table rows.
DROP INDEX guest_phone_digits_rev;
CREATE INDEX guest_phone_suffix ON guest_phone (digits_rev, guest_id, e164) WHERE deleted = 0;
