-- Mobile push: the platform endpoint a user's app registered with Cloud Notification Service.
ALTER TABLE notification_contacts ADD COLUMN push_endpoint TEXT;
