# Outputs: what `npm run migrate` and the function deploy need. None of them is secret; the
# functions' queue key is in Lockbox and never leaves it through Terraform.
#   terraform -chdir=infra output -raw ydb_endpoint

output "ydb_endpoint" {
  description = "YDB endpoint for YDB_ENDPOINT, with scheme (grpcs://ydb.serverless.yandexcloud.net:2135). Built from ydb_api_endpoint (host:port) and tls_enabled."
  value       = "${yandex_ydb_database_serverless.main.tls_enabled ? "grpcs" : "grpc"}://${yandex_ydb_database_serverless.main.ydb_api_endpoint}"
}

output "ydb_database_path" {
  description = "YDB database path for YDB_DATABASE (/ru-central1/<cloud>/<database>)."
  value       = yandex_ydb_database_serverless.main.database_path
}

output "ydb_full_endpoint" {
  description = "The combined form grpcs://…:2135/?database=/ru-central1/… as the console shows it."
  value       = yandex_ydb_database_serverless.main.ydb_full_endpoint
}

output "ydb_database_id" {
  description = "ID of the YDB database."
  value       = yandex_ydb_database_serverless.main.id
}

output "queue_urls" {
  description = "Queue URLs by queue name (the resource id of yandex_message_queue is its URL). Functions look queues up by name (GetQueueUrl); these are for tools and checks."
  value       = { for name, q in yandex_message_queue.main : name => q.id }
}

output "dead_letter_queue_urls" {
  description = "Dead-letter queue URLs by main queue name."
  value       = { for name, q in yandex_message_queue.dlq : name => q.id }
}

output "queue_arns" {
  description = "Queue ARNs (yrn:yc:ymq:ru-central1:…) by queue name: what a Message Queue trigger takes as its queue id."
  value       = { for name, q in yandex_message_queue.main : name => q.arn }
}

output "kms_key_id" {
  description = "ID of the field-encryption KMS key, for KMS_KEY_ID."
  value       = yandex_kms_symmetric_key.fields.id
}

output "uploads_kms_key_id" {
  description = "ID of the KMS key that encrypts the uploads bucket."
  value       = yandex_kms_symmetric_key.uploads.id
}

output "service_account_ids" {
  description = "Service account IDs by role name as serverless.yml spells them (fn-api, fn-relay, fn-consumer, trigger-invoker) plus ymq-writer and storage-admin."
  value = merge(
    { for name, sa in yandex_iam_service_account.app : name => sa.id },
    {
      "ymq-writer"    = yandex_iam_service_account.ymq_writer.id
      "storage-admin" = yandex_iam_service_account.storage_admin.id
    },
  )
}

output "lockbox_secret_id" {
  description = "Lockbox secret with the functions' Message Queue key; entries ACCESS_KEY_ID and SECRET_ACCESS_KEY."
  value       = yandex_lockbox_secret.ymq_writer.id
}

output "lockbox_secret_version_id" {
  description = "Version of that secret holding the current key (changes when the key is replaced). Function versions reference a secret version."
  value       = yandex_iam_service_account_static_access_key.ymq_writer.output_to_lockbox_version_id
}

output "uploads_bucket" {
  description = "Name of the uploads bucket."
  value       = yandex_storage_bucket.uploads.bucket
}

output "log_group_id" {
  description = "ID of the functions' log group."
  value       = yandex_logging_group.functions.id
}

output "function_environment" {
  description = "Environment values for the functions (serverless.yml provider.environment) that come from this stack. ACCESS_KEY_ID / SECRET_ACCESS_KEY are not here: they come from the Lockbox secret."
  value = {
    YC_REGION    = local.region
    YDB_ENDPOINT = "${yandex_ydb_database_serverless.main.tls_enabled ? "grpcs" : "grpc"}://${yandex_ydb_database_serverless.main.ydb_api_endpoint}"
    YDB_DATABASE = yandex_ydb_database_serverless.main.database_path
    KMS_KEY_ID   = yandex_kms_symmetric_key.fields.id
  }
}
