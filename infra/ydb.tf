# YDB, serverless mode (pay per request unit and stored GB).
#
# Terraform creates the database only. The schema (tables, indexes, TTL) lives in
# storage/ydb/migrations/*.yql and is applied by `npm run migrate` with the outputs
# ydb_endpoint and ydb_database_path (infra/README.md, "Apply"). Do not add yandex_ydb_table
# resources here: two owners of one schema drift apart.
#
# The serverless_database block (throttling and storage limits) is left out on purpose: when the
# block is present the provider (resource_yandex_ydb_database_serverless.go, v0.222.0) sends all
# four of its fields, so setting only one sends 0/false for the others (enable_throttling_rcu_limit
# = false among them). The service defaults apply; set all four fields together if you need others.

resource "yandex_ydb_database_serverless" "main" {
  folder_id   = var.folder_id
  name        = "${var.name_prefix}-ydb"
  description = "Telemedicine backend: patients, outbox, audit log, idempotency keys, notifications"
  labels      = var.labels

  deletion_protection = var.deletion_protection
}

# ydb.editor on this database only (not the folder) for the function accounts (iam.tf); they
# connect with their own identity through the metadata service (platform/services.ts).
# This binding is authoritative for ydb.editor on this database: a grant of ydb.editor made on
# the database elsewhere (console, CLI) is removed on the next apply. Roles inherited from the
# folder or cloud (e.g. the person running `npm run migrate`) are not affected.
resource "yandex_ydb_database_iam_binding" "editor" {
  database_id = yandex_ydb_database_serverless.main.id
  role        = "ydb.editor"
  members     = [for name in keys(local.function_accounts) : "serviceAccount:${yandex_iam_service_account.app[name].id}"]
}
