# KMS keys.
#
# fields:  wraps the data keys of field encryption (platform/crypto/field-cipher.ts, platform/crypto/yandex-kms.ts):
#          complaints, questionnaire answers, diagnoses, notes. Its id is KMS_KEY_ID of the functions.
# storage: server-side encryption of the buckets (storage.tf). A key of its own, so the buckets'
#          users never need access to the field key, and either key can be rotated, disabled or
#          (never) deleted without touching the other. Who may read which bucket is decided by
#          the buckets' own roles (storage.tf); this key only lets those readers decrypt.
#
# Deleting a key destroys everything it encrypted (envelope encryption), hence deletion_protection.
# Rotation adds a new primary version; old versions keep decrypting. Rotation, disabling and
# deletion take effect eventually (up to 3 h).

resource "yandex_kms_symmetric_key" "fields" {
  folder_id         = var.folder_id
  name              = "${var.name_prefix}-fields"
  description       = "Field encryption of health data (envelope encryption, data keys wrapped by this key)"
  default_algorithm = "AES_256"
  rotation_period   = var.kms_rotation_period
  labels            = var.labels

  deletion_protection = var.deletion_protection
}

resource "yandex_kms_symmetric_key" "storage" {
  folder_id         = var.folder_id
  name              = "${var.name_prefix}-storage"
  description       = "Server-side encryption of the buckets"
  default_algorithm = "AES_256"
  rotation_period   = var.kms_rotation_period
  labels            = var.labels

  deletion_protection = var.deletion_protection
}

# kms.keys.encrypterDecrypter on the field key only, and only for the function accounts whose
# functions seal or open sealed fields (var.field_key_users): fn-api (patients, triage, chatbot,
# consultations, readings notes, idempotent responses), fn-readings-files (notes of imported
# readings), fn-sponsors (coverage's idempotent responses). fn-relay and fn-consumer handle
# event envelopes, phone numbers and alerts, none of them sealed, and get no role.
resource "yandex_kms_symmetric_key_iam_member" "fields_encrypter_decrypter" {
  for_each = var.field_key_users

  symmetric_key_id = yandex_kms_symmetric_key.fields.id
  role             = "kms.keys.encrypterDecrypter"
  member           = "serviceAccount:${yandex_iam_service_account.app[each.key].id}"
}

# Object Storage docs ("Encryption"): uploading to an encrypted bucket needs kms.keys.encrypter and
# downloading needs kms.keys.decrypter on its key, for the identity that signs the request — here
# the function account whose static key signs the presigned URL or the call (storage.tf lists
# which account uses which bucket).
resource "yandex_kms_symmetric_key_iam_member" "storage_users" {
  for_each = local.bucket_users

  symmetric_key_id = yandex_kms_symmetric_key.storage.id
  role             = "kms.keys.encrypterDecrypter"
  member           = "serviceAccount:${yandex_iam_service_account.app[each.key].id}"
}
