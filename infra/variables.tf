# Inputs. Required: cloud_id, folder_id, bucket_names (global names) and browser_origins; everything
# else has a default that matches serverless.yml and the local cloud (local/protocol-servers.ts).

# --- Where -------------------------------------------------------------------------------------

variable "cloud_id" {
  description = "ID of the Yandex Cloud cloud (b1g…). The provider also reads YC_CLOUD_ID, but pass it explicitly."
  type        = string

  validation {
    condition     = length(trimspace(var.cloud_id)) > 0
    error_message = "cloud_id must not be empty."
  }
}

variable "folder_id" {
  description = "ID of the folder every resource is created in (b1g…). Service accounts get their folder roles here."
  type        = string

  validation {
    condition     = length(trimspace(var.folder_id)) > 0
    error_message = "folder_id must not be empty."
  }
}

variable "zone" {
  description = "Default availability zone of the provider. Residency: ru-central1-a, ru-central1-b or ru-central1-d only (ru-central1-c is being retired; kz1 is the Kazakhstan region and is refused)."
  type        = string
  default     = "ru-central1-d"

  validation {
    condition     = !startswith(lower(var.zone), "kz1")
    error_message = "kz1 is the Kazakhstan region: health data of this project must stay in ru-central1 (Russia). Use ru-central1-a, ru-central1-b or ru-central1-d."
  }

  validation {
    condition     = can(regex("^ru-central1-(a|b|d)$", var.zone))
    error_message = "zone must be ru-central1-a, ru-central1-b or ru-central1-d (ru-central1-c is being retired)."
  }
}

variable "name_prefix" {
  description = "Prefix of the names of service accounts, the YDB database, KMS keys, Lockbox secrets and the API Gateway. serverless.yml names the accounts as <name_prefix>-fn-api etc., so change both together. Queue and bucket names are NOT prefixed: functions find them by their plain names (the modules' settings.ts, platform/messaging/sqs-queues.ts)."
  type        = string
  default     = "telemed"

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,30}[a-z0-9]$", var.name_prefix))
    error_message = "name_prefix: 3-32 characters, lowercase letters, digits and hyphens, starting with a letter and not ending with a hyphen."
  }
}

variable "labels" {
  description = "Labels put on every resource that takes labels (service accounts, YDB, KMS, Lockbox, log group) and as tags on queues and the bucket."
  type        = map(string)
  default = {
    project = "telemed"
  }
}

variable "deletion_protection" {
  description = "Server-side deletion protection of the YDB database, the KMS keys and the Lockbox secrets. Destroying the KMS keys destroys every field and object they encrypted: keep this true outside throw-away folders."
  type        = bool
  default     = true
}

# --- Message Queue -----------------------------------------------------------------------------

variable "queues" {
  description = <<-EOT
    Message queues, by name (the names functions use; each also gets `<name>-dlq`).
    consumer_timeout_seconds: timeout of the function the queue's trigger invokes (serverless.yml).
    batch_cutoff_seconds:     the trigger's `cutoff` (serverless.yml), time a message may wait for its batch.
    visibility_timeout_seconds: must be at least consumer timeout + batch cutoff, so a message is
      not handed out again while the first invocation still works on it (checked at plan time).
  EOT
  type = map(object({
    consumer_timeout_seconds   = number
    batch_cutoff_seconds       = number
    visibility_timeout_seconds = number
  }))
  default = {
    # notifications: function timeout "30", trigger cutoff 1 (serverless.yml); 60 s as the local cloud uses.
    notifications = {
      consumer_timeout_seconds   = 30
      batch_cutoff_seconds       = 2
      visibility_timeout_seconds = 60
    }
    # crisis: the PHQ-9 item 9 path, consumed by the escalations function (serverless.yml).
    crisis = {
      consumer_timeout_seconds   = 30
      batch_cutoff_seconds       = 2
      visibility_timeout_seconds = 60
    }
    # readings: the readings-alerts consumer (serverless.yml).
    readings = {
      consumer_timeout_seconds   = 30
      batch_cutoff_seconds       = 2
      visibility_timeout_seconds = 60
    }
    # rehabilitation: the rehabilitation-events consumer (serverless.yml).
    rehabilitation = {
      consumer_timeout_seconds   = 30
      batch_cutoff_seconds       = 2
      visibility_timeout_seconds = 60
    }
  }

  validation {
    condition     = alltrue([for name in keys(var.queues) : can(regex("^[A-Za-z0-9_-]{1,76}$", name)) && !endswith(name, "-dlq")])
    error_message = "Queue names: letters, digits, '_' and '-', at most 76 characters (the -dlq suffix must fit in 80), and not ending in -dlq (dead-letter queues are created automatically)."
  }

  validation {
    condition     = alltrue([for q in values(var.queues) : q.visibility_timeout_seconds >= 0 && q.visibility_timeout_seconds <= 43200])
    error_message = "visibility_timeout_seconds must be between 0 and 43200 (12 h), the Message Queue limit."
  }

  validation {
    condition     = alltrue([for q in values(var.queues) : q.visibility_timeout_seconds >= q.consumer_timeout_seconds + q.batch_cutoff_seconds])
    error_message = "Each queue's visibility_timeout_seconds must be at least consumer_timeout_seconds + batch_cutoff_seconds, or a message is redelivered while its first invocation still runs."
  }
}

variable "max_receive_count" {
  description = "Redrive policy: receives without a delete before Message Queue moves a message to <queue>-dlq. A backstop behind the consumer's own QUEUE_MAX_ATTEMPTS re-sends; 10 as in the local cloud."
  type        = number
  default     = 10

  validation {
    condition     = var.max_receive_count >= 1 && var.max_receive_count <= 1000 && floor(var.max_receive_count) == var.max_receive_count
    error_message = "max_receive_count must be a whole number from 1 to 1000."
  }
}

variable "message_retention_seconds" {
  description = "How long a main queue keeps a message (60 s … 14 days; Message Queue default 4 days)."
  type        = number
  default     = 345600

  validation {
    condition     = var.message_retention_seconds >= 60 && var.message_retention_seconds <= 1209600
    error_message = "message_retention_seconds must be between 60 and 1209600 (14 days)."
  }
}

variable "dlq_message_retention_seconds" {
  description = "How long a dead-letter queue keeps a message; the maximum, 14 days, leaves time to inspect and replay."
  type        = number
  default     = 1209600

  validation {
    condition     = var.dlq_message_retention_seconds >= 60 && var.dlq_message_retention_seconds <= 1209600
    error_message = "dlq_message_retention_seconds must be between 60 and 1209600 (14 days)."
  }
}

# Message Queue access keys. Queues can only be managed with a static access key (SigV4), never
# with the IAM token the rest of the provider uses. By default Terraform creates its own
# `<prefix>-ymq-admin` service account with ymq.admin and a static key for it (queues.tf); that
# key's secret then lives in the Terraform state, so keep the state in an encrypted, access-
# restricted backend. To keep it out of Terraform, create a key yourself and pass both values
# below (e.g. TF_VAR_ymq_access_key / TF_VAR_ymq_secret_key); the ymq-admin account is then not
# created. The functions never use this key: theirs is a separate ymq.writer key in Lockbox.

variable "ymq_access_key" {
  # Not marked sensitive: a key ID is not a secret (the provider treats it the same way), and
  # it decides whether the ymq-admin account is created (count cannot use sensitive values).
  description = "Optional: access key ID of an existing static key with ymq.admin on the folder, used to manage the queues instead of a Terraform-created one. Set together with ymq_secret_key."
  type        = string
  default     = null
}

variable "ymq_secret_key" {
  description = "Optional: secret of the static key in ymq_access_key."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = (var.ymq_secret_key == null) == (var.ymq_access_key == null)
    error_message = "Set both ymq_access_key and ymq_secret_key, or neither."
  }
}

# --- Encryption --------------------------------------------------------------------------------

variable "kms_rotation_period" {
  description = "Automatic rotation period of the KMS keys (Go duration, e.g. 8760h = 1 year). Old versions keep decrypting; ciphertexts are re-sealed on their next read."
  type        = string
  default     = "8760h"

  validation {
    condition     = can(regex("^[1-9][0-9]*h$", var.kms_rotation_period))
    error_message = "kms_rotation_period must be a whole number of hours, e.g. 8760h."
  }
}

variable "field_key_users" {
  description = "Function accounts (keys of local.function_accounts in iam.tf) whose functions seal or open health-data fields and so get kms.keys.encrypterDecrypter on the field key (kms.tf says which functions)."
  type        = set(string)
  default     = ["fn-api", "fn-readings-files", "fn-sponsors"]

  validation {
    condition     = alltrue([for name in var.field_key_users : contains(["fn-api", "fn-relay", "fn-consumer", "fn-readings-files", "fn-sponsors"], name)])
    error_message = "field_key_users may only name function accounts: fn-api, fn-relay, fn-consumer, fn-readings-files, fn-sponsors."
  }
}

# --- Object Storage ----------------------------------------------------------------------------

variable "bucket_names" {
  description = "Names of the buckets (storage.tf). Required: bucket names are global across Yandex Cloud, so a fixed default would be taken by the first deployment and fail every other. serverless.yml gets them from `terraform output deploy_env` (ATTACHMENTS_BUCKET, READINGS_BUCKET, SPONSOR_BUCKET)."
  type = object({
    attachments   = string
    readings      = string
    sponsor_files = string
  })

  validation {
    condition     = alltrue([for name in values(var.bucket_names) : can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", name))])
    error_message = "Bucket names: 3-63 characters, lowercase letters, digits, '.' and '-', starting and ending with a letter or digit."
  }
}

variable "browser_origins" {
  description = "Origins of the web apps that upload and download files with presigned URLs (bucket CORS: GET, PUT, HEAD), e.g. [\"https://app.example.ru\"]. Required; [] when no browser talks to the buckets (mobile apps and the bot need no CORS)."
  type        = list(string)

  validation {
    condition     = alltrue([for origin in var.browser_origins : can(regex("^https://[^/]+$", origin))])
    error_message = "browser_origins: https://host[:port] origins, without a path."
  }
}

variable "noncurrent_version_retention_days" {
  description = "Days an overwritten or deleted object's old version is kept in the versioned buckets (attachments, readings) before the lifecycle rule removes it. Lifecycle rules run once a day from 00:00 UTC."
  type        = number
  default     = 90

  validation {
    condition     = var.noncurrent_version_retention_days >= 1 && floor(var.noncurrent_version_retention_days) == var.noncurrent_version_retention_days
    error_message = "noncurrent_version_retention_days must be a whole number of days, at least 1."
  }
}

variable "export_retention_days" {
  description = "Days after which a patient's export (attachments bucket, exports/) is deleted by the bucket's lifecycle rule; keep it equal to the functions' EXPORT_KEEP_DAYS (default 7), whose sweep marks the export expired."
  type        = number
  default     = 7

  validation {
    condition     = var.export_retention_days >= 1 && floor(var.export_retention_days) == var.export_retention_days
    error_message = "export_retention_days must be a whole number of days, at least 1."
  }
}

variable "sponsor_upload_retention_days" {
  description = "Days after which sponsors' enrolment and policy files (enrolment/, policies/: the uploaded input with its result and activation codes) are deleted. Lifecycle rules run once a day from 00:00 UTC, so deletion can lag by up to a day."
  type        = number
  default     = 30

  validation {
    condition     = var.sponsor_upload_retention_days >= 1 && floor(var.sponsor_upload_retention_days) == var.sponsor_upload_retention_days
    error_message = "sponsor_upload_retention_days must be a whole number of days, at least 1."
  }
}

# --- Logging -----------------------------------------------------------------------------------

variable "log_group_name" {
  description = "Name of the Cloud Logging group. \"default\" makes it the folder's default group, where Cloud Functions write when a version sets no log group (the Serverless plugin sets none). If the folder already has a default group, import it: terraform import yandex_logging_group.functions <id>."
  type        = string
  default     = "default"

  validation {
    condition     = can(regex("^([a-z]([-a-z0-9]{1,61}[a-z0-9])?)$", var.log_group_name))
    error_message = "log_group_name: 3-63 characters, lowercase letters, digits and hyphens, starting with a letter."
  }
}

variable "log_retention_period" {
  description = "How long log entries are kept (Go duration in hours). Cloud Logging allows 1 h … 72 h by default (a quota). Logs carry no health data (logger redaction), and a short retention keeps it that way if something slips."
  type        = string
  default     = "72h"

  validation {
    condition     = can(regex("^[1-9][0-9]*h$", var.log_retention_period))
    error_message = "log_retention_period must be a whole number of hours, at least 1h, e.g. 72h."
  }
}

# --- Deploy ------------------------------------------------------------------------------------

variable "deployer_members" {
  description = "Who runs `serverless deploy` (e.g. \"serviceAccount:aje…\", \"userAccount:…\"): gets lockbox.payloadViewer on the function key secrets and the chatbot secret, which the Serverless plugin reads at deploy time to fill $${lockbox:…}. Empty: grant it yourself."
  type        = set(string)
  default     = []

  validation {
    condition     = alltrue([for member in var.deployer_members : can(regex("^(serviceAccount|userAccount|federatedUser|group):.+$", member))])
    error_message = "deployer_members entries look like serviceAccount:<id>, userAccount:<id>, federatedUser:<id> or group:<id>."
  }
}

variable "functions_deployed" {
  description = "Set to true for the second apply, after `serverless deploy` has created the functions: creates the API Gateway (api-gateway.tf) and the IoT Core trigger (iot.tf), which look the functions up by name."
  type        = bool
  default     = false
}

variable "function_name_prefix" {
  description = "How serverless.yml's functions are named in the cloud: the Serverless Framework names them <service>-<stage>-<function>, i.e. \"telemed-dev-\" unless `serverless deploy --stage` names another stage."
  type        = string
  default     = "telemed-dev-"
}

variable "jwt_issuer" {
  description = "Issuer (iss) of the access tokens the API Gateway's JWT authorizer accepts (contracts/openapi.yaml, variable jwt_issuer). Required with functions_deployed = true."
  type        = string
  default     = ""
}

variable "jwt_audience" {
  description = "Audience (aud) of the access tokens (contracts/openapi.yaml, variable jwt_audience)."
  type        = string
  default     = "telemed-api"
}

variable "jwks_uri" {
  description = "JWKS URL of the token issuer (contracts/openapi.yaml, variable jwks_uri). Required with functions_deployed = true."
  type        = string
  default     = ""

  validation {
    condition     = var.jwks_uri == "" || startswith(var.jwks_uri, "https://")
    error_message = "jwks_uri must be an https:// URL."
  }
}
