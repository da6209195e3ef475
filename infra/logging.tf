# Cloud Logging group for the functions.
#
# Named "default" by default: a group with that name is the folder's default log group, which is
# where Cloud Functions write when a function version names no log group — and the Serverless
# plugin cannot name one (it sets no log options). That way this retention applies without
# changing serverless.yml. If the folder already has its default group (any service that logged
# there created it), import it instead of creating it:
#   terraform import yandex_logging_group.functions <log group id>
# With another name, point each function version at this group (log options) and give the
# function accounts logging.writer.
#
# Retention is short on purpose: logs must carry no health data (pino redaction, tested), and a
# short retention bounds the damage if something slips through. 72 h is the default quota.

resource "yandex_logging_group" "functions" {
  folder_id        = var.folder_id
  name             = var.log_group_name
  description      = "Logs of the telemedicine functions (no health data by design)"
  retention_period = var.log_retention_period
  labels           = var.labels
}
