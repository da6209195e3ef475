# Object Storage: every bucket the functions use, each private, encrypted and granted to the one
# account whose functions use it.
#
#   attachments   (telemed-attachments):   consultations, the health ping (fn-api); versioned
#   readings      (telemed-readings):      readings-files and its bucket trigger (fn-readings-files); versioned
#   sponsor_files (telemed-sponsor-files): coverage, enrollment-import and its trigger, sponsor-reports
#                                          (fn-sponsors); enrolment/ and policies/ expire
#
# - Names are what platform/config.ts defaults to and serverless.yml's bucket triggers watch; bucket
#   names are global, so if one is taken change it in var.bucket_names, serverless.yml (triggers
#   and the *_BUCKET settings) together — `npm run deploy:check` fails while they disagree.
# - Private: no ACL or anonymous access is set, so each bucket keeps the private default.
# - Server-side encryption with the storage KMS key (kms.tf) for every new object.
# - Versioning where objects are clinical records (attachments, device files): an overwritten
#   object stays recoverable. Functions cannot delete objects (storage.uploader has no delete).
# - Sponsors' enrolment and policy files (personal data of employees and policy holders, with the
#   results and activation codes written beside them) are temporary uploads: they expire.
# - Every bucket drops unfinished multipart uploads after a day.
#
# Terraform manages the buckets with a static key of its own storage-admin account: changing
# versioning needs storage.admin (provider docs, yandex_storage_bucket). The key's secret is in
# the Terraform state. Functions use the keys of their own accounts (secrets.tf).

locals {
  buckets = {
    attachments   = { name = var.bucket_names.attachments, user = "fn-api", versioning = true, temporary_prefixes = [] }
    readings      = { name = var.bucket_names.readings, user = "fn-readings-files", versioning = true, temporary_prefixes = [] }
    sponsor_files = { name = var.bucket_names.sponsor_files, user = "fn-sponsors", versioning = false, temporary_prefixes = ["enrolment/", "policies/"] }
  }
  # Accounts that sign Object Storage requests (presigned URLs included) with their static keys.
  bucket_users = toset([for bucket in values(local.buckets) : bucket.user])
}

resource "yandex_iam_service_account" "storage_admin" {
  folder_id   = var.folder_id
  name        = "${var.name_prefix}-storage-admin"
  description = "Terraform: manages the buckets (infra/storage.tf)"
  labels      = var.labels
}

resource "yandex_resourcemanager_folder_iam_member" "storage_admin" {
  folder_id = var.folder_id
  role      = "storage.admin"
  member    = "serviceAccount:${yandex_iam_service_account.storage_admin.id}"
}

resource "yandex_iam_service_account_static_access_key" "storage_admin" {
  service_account_id = yandex_iam_service_account.storage_admin.id
  description        = "Terraform: manages the buckets"
}

resource "yandex_storage_bucket" "app" {
  for_each = local.buckets

  bucket = each.value.name
  tags   = var.labels

  access_key = yandex_iam_service_account_static_access_key.storage_admin.access_key
  secret_key = yandex_iam_service_account_static_access_key.storage_admin.secret_key

  versioning {
    enabled = each.value.versioning
  }

  server_side_encryption_configuration {
    rule {
      apply_server_side_encryption_by_default {
        kms_master_key_id = yandex_kms_symmetric_key.storage.id
        sse_algorithm     = "aws:kms"
      }
    }
  }

  lifecycle_rule {
    id      = "abort-unfinished-uploads"
    enabled = true

    abort_incomplete_multipart_upload_days = 1
  }

  dynamic "lifecycle_rule" {
    for_each = each.value.temporary_prefixes

    content {
      id      = "expire-${trimsuffix(lifecycle_rule.value, "/")}"
      enabled = true

      filter {
        prefix = lifecycle_rule.value
      }

      expiration {
        days = var.sponsor_upload_retention_days
      }
    }
  }

  # The static key needs its role, and the key's account needs the KMS grant, before the bucket
  # (and its encryption configuration) is written.
  depends_on = [
    yandex_resourcemanager_folder_iam_member.storage_admin,
    yandex_kms_symmetric_key_iam_member.storage_admin,
  ]
}

# storage.uploader: put objects (also through presigned URLs) and, as it includes storage.viewer,
# list and read them; no delete, no bucket settings. Authoritative for this role on the bucket.
resource "yandex_storage_bucket_iam_binding" "uploader" {
  for_each = local.buckets

  bucket  = yandex_storage_bucket.app[each.key].bucket
  role    = "storage.uploader"
  members = ["serviceAccount:${yandex_iam_service_account.app[each.value.user].id}"]
}
