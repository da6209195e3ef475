# The public HTTP API: an API Gateway built from contracts/openapi.yaml as it stands (JWT
# authorizer, request validators, CORS). Not from serverless.yml: the Serverless plugin would
# generate a gateway of its own from the functions' http events, without the contract's authorizer
# and validators (serverless.yml sets no provider.httpApi, so it generates none). Its
# `serverless remove` deletes the gateway named <service>-<stage>; this one is <name_prefix>-api.
#
# Second apply only (var.functions_deployed): the spec's ${var.fn_<name>} are the ids of the
# functions serverless.yml deploys, looked up here by name. The spec itself is passed unchanged:
# file() does not interpolate, the gateway fills its variables.

locals {
  gateway_spec = file("${path.module}/../contracts/openapi.yaml")
  # The functions the spec routes to: every ${var.fn_<name>} (underscores stand for hyphens).
  gateway_functions = toset([
    for match in regexall("\\$\\{var\\.fn_([a-z0-9_]+)\\}", local.gateway_spec) : replace(match[0], "_", "-")
  ])
}

data "yandex_function" "http" {
  for_each = var.functions_deployed ? local.gateway_functions : toset([])

  folder_id = var.folder_id
  name      = "${var.function_name_prefix}${each.key}"
}

resource "yandex_api_gateway" "api" {
  count = var.functions_deployed ? 1 : 0

  folder_id   = var.folder_id
  name        = "${var.name_prefix}-api"
  description = "Telemedicine API (contracts/openapi.yaml)"
  labels      = var.labels
  spec        = local.gateway_spec

  variables = merge(
    {
      gateway_sa_id = yandex_iam_service_account.app["api-gateway"].id
      jwt_issuer    = var.jwt_issuer
      jwt_audience  = var.jwt_audience
      jwks_uri      = var.jwks_uri
    },
    { for name, function in data.yandex_function.http : "fn_${replace(name, "-", "_")}" => function.id },
  )

  # Request logs carry paths and status codes, no bodies; same short retention as the functions.
  log_options {
    log_group_id = yandex_logging_group.functions.id
  }

  lifecycle {
    precondition {
      condition     = var.jwks_uri != "" && var.jwt_issuer != ""
      error_message = "The API Gateway's JWT authorizer needs jwks_uri and jwt_issuer (the token issuer's JWKS URL and iss)."
    }
  }

  # The gateway's account must be allowed to invoke functions before the first request.
  depends_on = [yandex_resourcemanager_folder_iam_member.app]
}
