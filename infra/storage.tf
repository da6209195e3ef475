# Object Storage: every bucket the functions use, each private, encrypted and granted to the one
# account whose functions use it.
#
#   attachments   (var.bucket_names.attachments):   consultations, teleconsultations and patients'
#                                                   records (fn-api; the patients function's trigger
#                                                   on records/), the health ping (fn-health,
#                                                   viewer only); versioned; patients' exports under exports/ expire
#   readings      (var.bucket_names.readings):      readings-files and its bucket trigger (fn-readings-files); versioned
#   sponsor_files (var.bucket_names.sponsor_files): coverage, enrollment-import and its trigger,
#                                                   sponsor-reports (fn-sponsors); enrolment/ and policies/ expire
#
# - Names are global, so the operator chooses them (var.bucket_names has no default); functions and
#   serverless.yml's bucket triggers get them through `terraform output deploy_env`.
# - Private: no ACL or anonymous access is set, so each bucket keeps the private default.
# - Server-side encryption with the storage KMS key (kms.tf) for every new object.
# - Versioning where objects are clinical records (attachments, device files): an overwritten
#   object stays recoverable for var.noncurrent_version_retention_days, then its old version goes.
#   Functions cannot delete objects (storage.uploader has no delete).
# - Sponsors' enrolment and policy files (personal data of employees and policy holders, with the
#   results and activation codes written beside them) are temporary uploads: they expire.
# - tmp/ (npm run smoke's test objects) expires after a day in every bucket.
# - Browsers upload with presigned PUTs and read with presigned GETs from var.browser_origins only.
# - Every bucket drops unfinished multipart uploads after a day.
#
# No access_key/secret_key: the provider manages buckets with the IAM token of whoever runs
# Terraform (provider docs, yandex_storage_bucket, folder_id), so no static storage.admin key sits
# in the state. That identity needs storage.admin (versioning, encryption) and
# kms.keys.encrypter on the storage key (README "Deploy", prerequisites).

locals {
  buckets = {
    attachments   = { name = var.bucket_names.attachments, user = "fn-api", versioning = true, temporary_prefixes = [] }
    readings      = { name = var.bucket_names.readings, user = "fn-readings-files", versioning = true, temporary_prefixes = [] }
    sponsor_files = { name = var.bucket_names.sponsor_files, user = "fn-sponsors", versioning = false, temporary_prefixes = ["enrolment/", "policies/"] }
  }
  # Accounts that sign Object Storage requests (presigned URLs included) with their static keys.
  bucket_users = toset([for bucket in values(local.buckets) : bucket.user])
}

resource "yandex_storage_bucket" "app" {
  for_each = local.buckets

  # Needed when the IAM token is a user's: the provider cannot tell the folder from it.
  folder_id = var.folder_id
  bucket    = each.value.name
  tags      = var.labels

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

  # Presigned PUT (uploads) and GET (downloads) from the web app; preflight answers for those only.
  dynamic "cors_rule" {
    for_each = length(var.browser_origins) > 0 ? [1] : []

    content {
      allowed_origins = var.browser_origins
      allowed_methods = ["GET", "PUT", "HEAD"]
      allowed_headers = ["Content-Type", "Content-MD5", "x-amz-*"]
      expose_headers  = ["ETag"]
      max_age_seconds = 600
    }
  }

  lifecycle_rule {
    id      = "abort-unfinished-uploads"
    enabled = true

    abort_incomplete_multipart_upload_days = 1
  }

  lifecycle_rule {
    id      = "expire-tmp"
    enabled = true

    filter {
      prefix = "tmp/"
    }

    expiration {
      days = 1
    }
  }

  # Old versions of overwritten or deleted objects do not stay forever.
  dynamic "lifecycle_rule" {
    for_each = each.value.versioning ? [1] : []

    content {
      id      = "expire-noncurrent-versions"
      enabled = true

      noncurrent_version_expiration {
        days = var.noncurrent_version_retention_days
      }
    }
  }

  # Patients' exports (modules/data-requests) are copies made for download: they expire, old
  # versions with them (expire-noncurrent-versions), even where the retention sweep cannot delete.
  dynamic "lifecycle_rule" {
    for_each = each.key == "attachments" ? [1] : []

    content {
      id      = "expire-exports"
      enabled = true

      filter {
        prefix = "exports/"
      }

      expiration {
        days = var.export_retention_days
      }
    }
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
}

# storage.uploader: put objects (also through presigned URLs) and, as it includes storage.viewer,
# list and read them; no delete, no bucket settings. Authoritative for this role on the bucket.
resource "yandex_storage_bucket_iam_binding" "uploader" {
  for_each = local.buckets

  bucket  = yandex_storage_bucket.app[each.key].bucket
  role    = "storage.uploader"
  members = ["serviceAccount:${yandex_iam_service_account.app[each.value.user].id}"]
}

# health checks that the attachments bucket answers (HeadBucket): storage.viewer and no role on
# the storage key, so it sees keys and metadata but cannot decrypt an object.
resource "yandex_storage_bucket_iam_binding" "health_viewer" {
  bucket  = yandex_storage_bucket.app["attachments"].bucket
  role    = "storage.viewer"
  members = ["serviceAccount:${yandex_iam_service_account.app["fn-health"].id}"]
}
