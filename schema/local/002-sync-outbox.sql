-- Version 2: the sync outbox is written by triggers in the same transaction
-- as every change to a synced table.  rg_capture_changes() is a function of
-- the connection (core/rg-db.c): false while rows pulled from the central
-- store are applied, so they do not echo back.

CREATE TRIGGER branch_outbox_insert AFTER INSERT ON branch WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('branch', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER branch_outbox_update AFTER UPDATE ON branch WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('branch', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER device_outbox_insert AFTER INSERT ON device WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('device', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER device_outbox_update AFTER UPDATE ON device WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('device', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER staff_outbox_insert AFTER INSERT ON staff WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('staff', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER staff_outbox_update AFTER UPDATE ON staff WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('staff', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER guest_outbox_insert AFTER INSERT ON guest WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('guest', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER guest_outbox_update AFTER UPDATE ON guest WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('guest', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER guest_phone_outbox_insert AFTER INSERT ON guest_phone WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('guest_phone', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER guest_phone_outbox_update AFTER UPDATE ON guest_phone WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('guest_phone', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER member_card_outbox_insert AFTER INSERT ON member_card WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('member_card', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER member_card_outbox_update AFTER UPDATE ON member_card WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('member_card', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER guest_tag_outbox_insert AFTER INSERT ON guest_tag WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('guest_tag', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER guest_tag_outbox_update AFTER UPDATE ON guest_tag WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('guest_tag', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER guest_allergy_outbox_insert AFTER INSERT ON guest_allergy WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('guest_allergy', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER guest_allergy_outbox_update AFTER UPDATE ON guest_allergy WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('guest_allergy', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER seating_pref_outbox_insert AFTER INSERT ON seating_pref WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('seating_pref', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER seating_pref_outbox_update AFTER UPDATE ON seating_pref WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('seating_pref', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER dish_pref_outbox_insert AFTER INSERT ON dish_pref WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('dish_pref', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER dish_pref_outbox_update AFTER UPDATE ON dish_pref WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('dish_pref', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER guest_note_outbox_insert AFTER INSERT ON guest_note WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('guest_note', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER guest_note_outbox_update AFTER UPDATE ON guest_note WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('guest_note', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER guest_link_outbox_insert AFTER INSERT ON guest_link WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('guest_link', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER guest_link_outbox_update AFTER UPDATE ON guest_link WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('guest_link', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER menu_item_outbox_insert AFTER INSERT ON menu_item WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('menu_item', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER menu_item_outbox_update AFTER UPDATE ON menu_item WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('menu_item', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER zone_outbox_insert AFTER INSERT ON zone WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('zone', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER zone_outbox_update AFTER UPDATE ON zone WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('zone', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER dining_table_outbox_insert AFTER INSERT ON dining_table WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('dining_table', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER dining_table_outbox_update AFTER UPDATE ON dining_table WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('dining_table', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER visit_outbox_insert AFTER INSERT ON visit WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('visit', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER visit_outbox_update AFTER UPDATE ON visit WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('visit', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER visit_guest_outbox_insert AFTER INSERT ON visit_guest WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('visit_guest', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER visit_guest_outbox_update AFTER UPDATE ON visit_guest WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('visit_guest', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER order_line_outbox_insert AFTER INSERT ON order_line WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('order_line', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER order_line_outbox_update AFTER UPDATE ON order_line WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('order_line', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER feedback_outbox_insert AFTER INSERT ON feedback WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('feedback', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER feedback_outbox_update AFTER UPDATE ON feedback WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('feedback', NEW.id, NEW.updated_hlc);
END;

CREATE TRIGGER audit_log_outbox_insert AFTER INSERT ON audit_log WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('audit_log', NEW.id, NEW.updated_hlc);
END;
CREATE TRIGGER audit_log_outbox_update AFTER UPDATE ON audit_log WHEN rg_capture_changes ()
BEGIN
  INSERT INTO sync_outbox (tbl, row_id, hlc) VALUES ('audit_log', NEW.id, NEW.updated_hlc);
END;
