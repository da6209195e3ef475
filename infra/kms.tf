# KMS keys.
#
# fields:  wraps the data keys of field encryption (crypto/field-cipher.ts, crypto/yandex-kms.ts):
#          complaints, questionnaire answers, diagnoses, notes. Its id is KMS_KEY_ID of the functions.
# uploads: server-side encryption of the uploads bucket (storage.tf). A key of its own, so the
#          bucket's users never need access to the field key, and either key can be rotated,
#          disabled or (never) deleted without touching the other.
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

resource "yandex_kms_symmetric_key" "uploads" {
  folder_id         = var.folder_id
  name              = "${var.name_prefix}-uploads"
  description       = "Server-side encryption of the uploads bucket"
  default_algorithm = "AES_256"
  rotation_period   = var.kms_rotation_period
  labels            = var.labels

  deletion_protection = var.deletion_protection
}

# kms.keys.encrypterDecrypter on the field key only, and only for the function accounts that
# seal or open health data (var.field_key_users; default fn-api and fn-consumer as in
# serverless.yml). fn-relay forwards event envelopes that carry identifiers only and gets no role.
resource "yandex_kms_symmetric_key_iam_member" "fields_encrypter_decrypter" {
  for_each = var.field_key_users

  symmetric_key_id = yandex_kms_symmetric_key.fields.id
  role             = "kms.keys.encrypterDecrypter"
  member           = "serviceAccount:${yandex_iam_service_account.app[each.key].id}"
}

# Object Storage docs: whoever configures bucket encryption needs kms.keys.encrypter on the key
# besides storage.configurer (included in storage.admin). Encrypt only: Terraform never reads
# objects. Whoever later uploads or downloads objects needs kms.keys.encrypter / .decrypter on
# this key too (see infra/README.md "Uploads bucket").
resource "yandex_kms_symmetric_key_iam_member" "uploads_storage_admin" {
  symmetric_key_id = yandex_kms_symmetric_key.uploads.id
  role             = "kms.keys.encrypter"
  member           = "serviceAccount:${yandex_iam_service_account.storage_admin.id}"
}
