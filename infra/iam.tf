# Service accounts and their roles.
#
# Who owns what:
#   serverless.yml (Serverless Framework v3 + @yandex-cloud/serverless-plugin)
#     - functions, their versions, environment and triggers, and the generated API Gateway.
#   infra/ (this Terraform)
#     - everything stateful: YDB, queues and dead-letter queues, the uploads bucket, KMS keys,
#       the Lockbox secret, the log group;
#     - all IAM: the service accounts below, their roles, and the static keys.
# serverless.yml still declares the same service accounts and the notifications queues under
# `resources:`. Only one tool may own a resource; infra/README.md ("Ownership") recommends
# Terraform and lists what to change in serverless.yml when that is reconciled.
#
# Least privilege. Roles are granted on the single resource where the provider can do that
# (YDB database: ydb.tf, KMS key: kms.tf, Lockbox secret: queues.tf) and on the folder only where
# the service has no resource-level roles: Message Queue roles exist only on the folder or cloud
# (Message Queue docs, "Access management"), and invoker roles on functions would point at
# resources that serverless.yml owns.
#
# | account          | used by                                    | roles                                                          |
# |------------------|--------------------------------------------|----------------------------------------------------------------|
# | fn-api           | health, patients, audit (HTTP)             | ydb.editor (db), kms.keys.encrypterDecrypter (field key),      |
# |                  |                                            | lockbox.payloadViewer (secret: queue key for the health ping)  |
# | fn-relay         | outbox-relay (cron)                        | ydb.editor (db), lockbox.payloadViewer (secret)                |
# | fn-consumer      | notifications (queue consumer)             | ydb.editor (db), kms.keys.encrypterDecrypter (field key),      |
# |                  |                                            | lockbox.payloadViewer (secret)                                 |
# | trigger-invoker  | cron and Message Queue triggers            | serverless.functions.invoker (folder), ymq.reader (folder)     |
# | ymq-writer       | owner of the functions' static key         | ymq.writer (folder)                              [queues.tf]   |
# | ymq-admin        | Terraform, to manage queues                | ymq.admin (folder)                               [queues.tf]   |
# | storage-admin    | Terraform, to manage the bucket            | storage.admin (folder), kms.keys.encrypter (uploads key)       |
#
# Why the function accounts have no ymq.* role although serverless.yml lists ymq.writer:
# Message Queue authenticates requests by a static access key (SigV4), and the key's own
# service account is the identity that needs the role. Functions send with the ymq-writer key
# that they read from Lockbox (ACCESS_KEY_ID / SECRET_ACCESS_KEY), so ymq.writer belongs to
# ymq-writer and the function accounts only need to read that secret.

locals {
  # Service accounts the functions run as (serverless.yml `account:`).
  function_accounts = {
    "fn-api"      = "HTTP functions: health, patients, audit"
    "fn-relay"    = "outbox-relay: reads committed events from YDB, sends them to Message Queue"
    "fn-consumer" = "Message Queue consumers: notifications"
  }

  service_accounts = merge(local.function_accounts, {
    "trigger-invoker" = "Timer and Message Queue triggers: reads queues, invokes functions"
  })

  # Folder-level roles (only where no narrower scope exists, see above).
  folder_roles = {
    "trigger-invoker/serverless.functions.invoker" = { account = "trigger-invoker", role = "serverless.functions.invoker" }
    "trigger-invoker/ymq.reader"                   = { account = "trigger-invoker", role = "ymq.reader" }
  }
}

resource "yandex_iam_service_account" "app" {
  for_each = local.service_accounts

  folder_id   = var.folder_id
  name        = "${var.name_prefix}-${each.key}"
  description = each.value
  labels      = var.labels
}

resource "yandex_resourcemanager_folder_iam_member" "app" {
  for_each = local.folder_roles

  folder_id = var.folder_id
  role      = each.value.role
  member    = "serviceAccount:${yandex_iam_service_account.app[each.value.account].id}"
}
