-- Version 9: a discount on an order line, in minor units, so that a line
-- whose total does not divide by its quantity ("3 for the price of 1") is
-- still one line.  A line's total is qty × unit_price − discount; the
-- discount is 0 for a line at the menu price.
ALTER TABLE order_line ADD COLUMN discount INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0);
