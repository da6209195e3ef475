# Message Queue: each queue of var.queues with its dead-letter queue `<name>-dlq`, as the local
# cloud creates them (local/protocol-servers.ts, messaging/queues.ts deadLetterQueueOf).
#
# Retries: the consumer re-sends a failed message itself with an attempt counter and sends it to
# `<name>-dlq` after QUEUE_MAX_ATTEMPTS (platform/queue-consumer.ts). The redrive policy below
# (maxReceiveCount) is the backstop for messages the consumer never got to handle, e.g. when a
# whole batch keeps failing before any re-send.
#
# Keys. Message Queue accepts only static access keys (SigV4), never IAM tokens, so:
#   - ymq-admin (ymq.admin) + a static key: used by Terraform itself to create the queues;
#     its secret is in the Terraform state (or bring your own: var.ymq_access_key/secret_key);
#   - ymq-writer (ymq.writer) + a static key written straight into Lockbox by the provider
#     (output_to_lockbox), so it never appears in the Terraform state. Functions read it as
#     ACCESS_KEY_ID / SECRET_ACCESS_KEY (platform/config.ts).

# --- Terraform's key for managing queues ------------------------------------------------------

resource "yandex_iam_service_account" "ymq_admin" {
  count = var.ymq_access_key == null ? 1 : 0

  folder_id   = var.folder_id
  name        = "${var.name_prefix}-ymq-admin"
  description = "Terraform: creates and updates Message Queue queues (infra/queues.tf)"
  labels      = var.labels
}

resource "yandex_resourcemanager_folder_iam_member" "ymq_admin" {
  count = var.ymq_access_key == null ? 1 : 0

  folder_id = var.folder_id
  role      = "ymq.admin"
  member    = "serviceAccount:${yandex_iam_service_account.ymq_admin[0].id}"
}

resource "yandex_iam_service_account_static_access_key" "ymq_admin" {
  count = var.ymq_access_key == null ? 1 : 0

  service_account_id = yandex_iam_service_account.ymq_admin[0].id
  description        = "Terraform: manages Message Queue queues"
}

locals {
  ymq_access_key = var.ymq_access_key != null ? var.ymq_access_key : one(yandex_iam_service_account_static_access_key.ymq_admin[*].access_key)
  ymq_secret_key = var.ymq_secret_key != null ? var.ymq_secret_key : one(yandex_iam_service_account_static_access_key.ymq_admin[*].secret_key)
}

# --- Queues -------------------------------------------------------------------------------------

resource "yandex_message_queue" "dlq" {
  for_each = var.queues

  name                      = "${each.key}-dlq"
  region_id                 = local.region
  message_retention_seconds = var.dlq_message_retention_seconds
  tags                      = var.labels

  access_key = local.ymq_access_key
  secret_key = local.ymq_secret_key

  # The key's role must exist before the first call with it.
  depends_on = [yandex_resourcemanager_folder_iam_member.ymq_admin]
}

resource "yandex_message_queue" "main" {
  for_each = var.queues

  name                       = each.key
  region_id                  = local.region
  visibility_timeout_seconds = each.value.visibility_timeout_seconds
  message_retention_seconds  = var.message_retention_seconds
  tags                       = var.labels

  # Backstop dead-lettering (see the top of this file); standard queue -> standard DLQ.
  redrive_policy = jsonencode({
    deadLetterTargetArn = yandex_message_queue.dlq[each.key].arn
    maxReceiveCount     = var.max_receive_count
  })

  access_key = local.ymq_access_key
  secret_key = local.ymq_secret_key

  depends_on = [yandex_resourcemanager_folder_iam_member.ymq_admin]
}

# --- The functions' key, in Lockbox -------------------------------------------------------------

resource "yandex_iam_service_account" "ymq_writer" {
  folder_id   = var.folder_id
  name        = "${var.name_prefix}-ymq-writer"
  description = "Owner of the static key functions use to send to Message Queue (key in Lockbox)"
  labels      = var.labels
}

# ymq.writer: send messages, list queues, read queue attributes (GetQueueUrl). It also allows
# creating queues; Message Queue has no narrower role and no per-queue grants.
resource "yandex_resourcemanager_folder_iam_member" "ymq_writer" {
  folder_id = var.folder_id
  role      = "ymq.writer"
  member    = "serviceAccount:${yandex_iam_service_account.ymq_writer.id}"
}

resource "yandex_lockbox_secret" "ymq_writer" {
  folder_id   = var.folder_id
  name        = "${var.name_prefix}-ymq-writer-key"
  description = "Static key of ${var.name_prefix}-ymq-writer for Message Queue: ACCESS_KEY_ID, SECRET_ACCESS_KEY"
  labels      = var.labels

  # No kms_key_id: Lockbox then encrypts with its own key, and readers need no KMS role. Using the
  # field key here would force kms.keys.encrypterDecrypter onto fn-relay, which handles no health data.

  deletion_protection = var.deletion_protection
}

# The provider creates a new version of the secret with both halves of the key and keeps
# neither in the state. Rotating: `terraform apply -replace=yandex_iam_service_account_static_access_key.ymq_writer`
# creates a new key and a new secret version (the old version is destroyed with the old key),
# then redeploy the functions so they pick the new version.
resource "yandex_iam_service_account_static_access_key" "ymq_writer" {
  service_account_id = yandex_iam_service_account.ymq_writer.id
  description        = "Functions: send to Message Queue (stored in Lockbox ${var.name_prefix}-ymq-writer-key)"

  output_to_lockbox {
    secret_id            = yandex_lockbox_secret.ymq_writer.id
    entry_for_access_key = "ACCESS_KEY_ID"
    entry_for_secret_key = "SECRET_ACCESS_KEY"
  }
}

# Every function account reads the secret: fn-relay sends events, fn-consumer re-sends failed
# messages and dead-letters them, fn-api only for the queue check of GET /v1/health.
resource "yandex_lockbox_secret_iam_member" "ymq_writer_payload_viewer" {
  for_each = local.function_accounts

  secret_id = yandex_lockbox_secret.ymq_writer.id
  role      = "lockbox.payloadViewer"
  member    = "serviceAccount:${yandex_iam_service_account.app[each.key].id}"
}
