-- Version 14: a note on an order line for the kitchen ("no onions", "sauce
-- on the side"), printed under the dish on the kitchen ticket.  NULL for a
-- line without one.  Synced with the rest of the line.
ALTER TABLE order_line ADD COLUMN note TEXT;
