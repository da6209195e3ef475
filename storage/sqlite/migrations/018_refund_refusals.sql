-- Payments: how many refunds in a row the provider refused, so the clinic's admins hear of one it keeps refusing.
ALTER TABLE payments ADD COLUMN refund_refusals INTEGER;
