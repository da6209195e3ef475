-- A patient's access history reads the audit log by the patient it is about (056's subject_id).
CREATE INDEX audit_by_subject ON audit_log (subject_id, at);
