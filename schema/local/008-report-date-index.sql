-- Version 8: the indexes of coming birthdays and anniversaries cover the
-- guest's id and date, so that listing the dates of the next days reads
-- the index only (the names are read for the few guests shown).
DROP INDEX guest_birthday_day;
DROP INDEX guest_anniversary_day;
CREATE INDEX guest_birthday_day ON guest (substr (birthday, -5), birthday, id)
  WHERE birthday IS NOT NULL AND deleted = 0 AND merged_into IS NULL;
CREATE INDEX guest_anniversary_day ON guest (substr (anniversary, -5), anniversary, id)
  WHERE anniversary IS NOT NULL AND deleted = 0 AND merged_into IS NULL;
