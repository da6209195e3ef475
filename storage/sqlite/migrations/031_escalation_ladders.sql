-- Issue 21: an escalation asked for by another capability carries its own ladder (an emergency
-- teleconsultation pages the centre's consultants on call, then its coordinators and head).
ALTER TABLE escalations ADD COLUMN ladder TEXT;
