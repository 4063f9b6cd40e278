-- Which instance holds a batch's lease. An instance renews only its own leases, so one whose lease lapsed (the
-- database was away for longer than a lease, or its sends hung) and was taken by another instance notices, and stops
-- reading the batch instead of sending the same range twice.
ALTER TABLE delivery_batch ADD COLUMN leased_by uuid;
