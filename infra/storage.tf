# Object Storage: the uploads bucket (device files such as ECG, CSV imports; DESIGN.md).
#
# - private: no ACL or anonymous access is set, so the bucket keeps the private default;
# - server-side encryption with the uploads KMS key (kms.tf) for every new object;
# - versioning on (an overwritten or deleted upload can be recovered);
# - objects under tmp/ (temporary uploads) expire after var.tmp_upload_expiration_days,
#   together with their old versions and unfinished multipart uploads.
#
# Terraform manages the bucket with a static key of its own storage-admin account: changing
# versioning needs storage.admin (provider docs, yandex_storage_bucket). The key's secret is in
# the Terraform state. No function uses this bucket yet; the account that will presign uploads
# needs its own narrower role (storage.uploader / storage.viewer on the bucket) and
# kms.keys.encrypter / kms.keys.decrypter on the uploads key.

resource "yandex_iam_service_account" "storage_admin" {
  folder_id   = var.folder_id
  name        = "${var.name_prefix}-storage-admin"
  description = "Terraform: manages the uploads bucket (infra/storage.tf)"
  labels      = var.labels
}

resource "yandex_resourcemanager_folder_iam_member" "storage_admin" {
  folder_id = var.folder_id
  role      = "storage.admin"
  member    = "serviceAccount:${yandex_iam_service_account.storage_admin.id}"
}

resource "yandex_iam_service_account_static_access_key" "storage_admin" {
  service_account_id = yandex_iam_service_account.storage_admin.id
  description        = "Terraform: manages the uploads bucket"
}

locals {
  uploads_bucket_name = coalesce(var.uploads_bucket_name, "${var.name_prefix}-uploads-${var.folder_id}")
}

resource "yandex_storage_bucket" "uploads" {
  bucket = local.uploads_bucket_name
  tags   = var.labels

  access_key = yandex_iam_service_account_static_access_key.storage_admin.access_key
  secret_key = yandex_iam_service_account_static_access_key.storage_admin.secret_key

  versioning {
    enabled = true
  }

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        kms_master_key_id = yandex_kms_symmetric_key.uploads.id
        sse_algorithm     = "aws:kms"
      }
    }
  }

  lifecycle_rule {
    id      = "expire-tmp-uploads"
    enabled = true

    filter {
      prefix = "tmp/"
    }

    expiration {
      days = var.tmp_upload_expiration_days
    }

    # Versioning keeps an expired object as a non-current version; remove that too.
    noncurrent_version_expiration {
      days = var.tmp_upload_expiration_days
    }

    abort_incomplete_multipart_upload_days = var.tmp_upload_expiration_days
  }

  # The static key needs its role, and the key's account needs the KMS grant, before the bucket
  # (and its encryption configuration) is written.
  depends_on = [
    yandex_resourcemanager_folder_iam_member.storage_admin,
    yandex_kms_symmetric_key_iam_member.uploads_storage_admin,
  ]
}
