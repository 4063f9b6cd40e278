-- The admin API: who added a contact point on the person's behalf, who deactivated a subscriber.

-- The coordinator (token name) who added this address for an organisation; null when the person gave it themselves.
-- It is still unverified until the person confirms it, like any other.
ALTER TABLE contact_point ADD COLUMN added_by text CHECK (length(added_by) <= 200);

ALTER TABLE subscriber ADD COLUMN deactivated_at timestamptz;
ALTER TABLE subscriber ADD COLUMN deactivated_by text CHECK (length(deactivated_by) <= 200);

-- Admin lists filter subscribers by region.
CREATE INDEX subscriber_region_by_code ON subscriber_region (region_code);
