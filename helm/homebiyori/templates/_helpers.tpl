{{/* Names and labels. */}}
{{- define "homebiyori.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "homebiyori.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := default .Chart.Name .Values.nameOverride -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The name of one service's objects: call with (dict "root" $ "name" $name). */}}
{{- define "homebiyori.serviceName" -}}
{{- printf "%s-%s" (include "homebiyori.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "homebiyori.selectorLabels" -}}
app.kubernetes.io/name: {{ include "homebiyori.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .name }}
{{- end -}}

{{- define "homebiyori.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{ include "homebiyori.selectorLabels" . }}
app.kubernetes.io/version: {{ default .root.Chart.AppVersion .root.Values.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
app.kubernetes.io/part-of: homebiyori
{{- end -}}

{{/* The service account of a service: its own when it has a roleArn, else the shared one. */}}
{{- define "homebiyori.serviceAccountName" -}}
{{- if .svc.roleArn -}}
{{- include "homebiyori.serviceName" . -}}
{{- else if .root.Values.serviceAccount.create -}}
{{- default (include "homebiyori.fullname" .root) .root.Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .root.Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "homebiyori.image" -}}
{{- $tag := default .root.Chart.AppVersion .root.Values.image.tag -}}
{{- printf "%s%s/%s:%s" .root.Values.image.registry .root.Values.image.repository .name $tag -}}
{{- end -}}

{{/*
A MicroProfile Config key as the environment variable that sets it. Most keys take MicroProfile's
mapping (homebiyori.aws.region -> HOMEBIYORI_AWS_REGION), which serves look-ups of a known key. Keys
that are found by listing config names keep their dots (Kubernetes allows dots in variable names):
homebiyori.parameters.<a>.<b> (parameter a/b: the in-process parameter store lists them) and server.sockets.* (Helidon
builds its socket list from the names).
*/}}
{{- define "homebiyori.envName" -}}
{{- if or (regexMatch "^homebiyori[.]parameters[.][^.]+[.][^.]+$" .) (hasPrefix "server.sockets." .) -}}
{{- . -}}
{{- else -}}
{{- regexReplaceAll "[^A-Za-z0-9]" . "_" | upper -}}
{{- end -}}
{{- end -}}

{{/*
The secrets a service may read, by their name in secrets.keys: the config key each becomes and
whether it is a Parameter Store name (then it comes from the Secret only with parameters.source=kubernetes).
Parameter names keep their dots: the in-process parameter store finds its entries by listing config
names that start with homebiyori.parameters., and Kubernetes allows dots in variable names.
*/}}
{{- define "homebiyori.secretCatalogue" -}}
paginationKey: {env: HOMEBIYORI_PAGINATION_KEY, parameter: false}
internalApiKey: {env: homebiyori.parameters.internal.api_key, parameter: true}
stripeApiKey: {env: homebiyori.parameters.stripe.api_key, parameter: true}
stripeWebhookSecret: {env: homebiyori.parameters.stripe.webhook_secret, parameter: true}
{{- end -}}

{{- define "homebiyori.cognitoBase" -}}
{{- printf "https://cognito-idp.%s.amazonaws.com/%s" .region .id -}}
{{- end -}}

{{/*
Every MicroProfile Config key of one service, as a dict: chart-wide settings, then values.config,
then the service's own config (later wins). Call with (dict "root" $ "name" $name "svc" $svc).
*/}}
{{- define "homebiyori.config" -}}
{{- $v := .root.Values -}}
{{- $c := dict -}}
{{- $_ := set $c "homebiyori.env" $v.environment -}}
{{- $_ := set $c "homebiyori.aws.region" $v.aws.region -}}
{{- $_ := set $c "homebiyori.parameters.source" (ternary "ssm" "local" (eq $v.parameters.source "ssm")) -}}
{{- $_ := set $c "homebiyori.parameters.cache-seconds" (toString $v.parameters.cacheSeconds) -}}
{{- if eq $v.parameters.source "kubernetes" -}}
{{- $_ := set $c "homebiyori.parameters.app.version" (default .root.Chart.AppVersion $v.image.tag) -}}
{{- end -}}
{{- range $key, $endpoint := dict "homebiyori.dynamodb.endpoint" $v.aws.endpoints.dynamodb "homebiyori.sqs.endpoint" $v.aws.endpoints.sqs "homebiyori.aws.ssm.endpoint" $v.aws.endpoints.ssm "homebiyori.aws.cognito.endpoint" $v.aws.endpoints.cognito "homebiyori.ai.bedrock.endpoint" $v.aws.endpoints.bedrock -}}
{{- if $endpoint -}}
{{- $_ := set $c $key $endpoint -}}
{{- end -}}
{{- end -}}
{{- range $pool, $p := dict "user-pool" $v.cognito.userPool "admin-pool" $v.cognito.adminPool -}}
{{- $base := include "homebiyori.cognitoBase" (dict "region" $v.aws.region "id" $p.id) -}}
{{- with (default (ternary (printf "%s/.well-known/jwks.json" $base) "" (not (empty $p.id))) $p.jwksUrl) -}}
{{- $_ := set $c (printf "homebiyori.auth.%s.jwks-url" $pool) . -}}
{{- end -}}
{{- with (default (ternary $base "" (not (empty $p.id))) $p.issuer) -}}
{{- $_ := set $c (printf "homebiyori.auth.%s.issuer" $pool) . -}}
{{- end -}}
{{- with $p.clientId -}}
{{- $_ := set $c (printf "homebiyori.auth.%s.client-id" $pool) . -}}
{{- end -}}
{{- end -}}
{{- with $v.cognito.userPool.id -}}
{{- $_ := set $c "homebiyori.auth.user-pool.pool-id" . -}}
{{- end -}}
{{- if $v.sqs.ttlQueueUrl -}}
{{- $_ := set $c "homebiyori.sqs.ttl-queue-url" $v.sqs.ttlQueueUrl -}}
{{- end -}}
{{- if $v.sqs.ttlDlqUrl -}}
{{- $_ := set $c "homebiyori.sqs.ttl-dlq-url" $v.sqs.ttlDlqUrl -}}
{{- end -}}
{{- if $v.cors.allowedOrigins -}}
{{- $_ := set $c "homebiyori.cors.allowed-origins" (join "," $v.cors.allowedOrigins) -}}
{{- end -}}
{{- $_ := set $c "server.port" (toString $v.ports.http) -}}
{{- if .svc.internalApiClient -}}
{{- $_ := set $c "homebiyori.internal.base-url" (printf "http://%s:%v" (include "homebiyori.internalApiHost" .root) $v.ports.internal) -}}
{{- end -}}
{{- if .svc.internalApiServer -}}
{{- $_ := set $c "homebiyori.api.internal.socket" "internal" -}}
{{- $_ := set $c "server.sockets.0.name" "internal" -}}
{{- $_ := set $c "server.sockets.0.port" (toString $v.ports.internal) -}}
{{- $_ := set $c "jp.homebiyori.common.web.ApiApplications$InternalSocketApi.routing-name.name" "internal" -}}
{{- $_ := set $c "jp.homebiyori.common.web.ApiApplications$InternalSocketApi.routing-name.required" "true" -}}
{{- end -}}
{{- range $key, $value := $v.config -}}
{{- $_ := set $c $key (toString $value) -}}
{{- end -}}
{{- range $key, $value := .svc.config -}}
{{- $_ := set $c $key (toString $value) -}}
{{- end -}}
{{- toYaml $c -}}
{{- end -}}

{{/* The service that serves the internal API (internalApiServer: true), as a cluster DNS name. */}}
{{- define "homebiyori.internalApiHost" -}}
{{- $root := . -}}
{{- range $name, $svc := .Values.services -}}
{{- if $svc.internalApiServer -}}
{{- include "homebiyori.serviceName" (dict "root" $root "name" $name) -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/* The names of the services that call the internal API, a YAML list. */}}
{{- define "homebiyori.internalApiClients" -}}
{{- $clients := list -}}
{{- range $name, $svc := .Values.services -}}
{{- if $svc.internalApiClient -}}
{{- $clients = append $clients $name -}}
{{- end -}}
{{- end -}}
{{- toYaml $clients -}}
{{- end -}}

{{/* Memory limit in MiB: the heap (the design document's Lambda memory) plus the JVM's non-heap. */}}
{{- define "homebiyori.memoryMiB" -}}
{{- add .svc.memoryMb .root.Values.jvm.nonHeapMiB -}}
{{- end -}}

{{/* CPU request in millicores: Lambda's share (1 vCPU per 1769 MB), at least 100m, unless svc.cpu is given. */}}
{{- define "homebiyori.cpu" -}}
{{- if .svc.cpu -}}
{{- .svc.cpu -}}
{{- else -}}
{{- printf "%dm" (max 100 (div (mul .svc.memoryMb 1000) 1769)) -}}
{{- end -}}
{{- end -}}

{{/* An HTTP probe on the http port from one entry of .Values.probes. */}}
{{- define "homebiyori.probe" -}}
httpGet:
  path: {{ .path }}
  port: http
periodSeconds: {{ .periodSeconds }}
timeoutSeconds: {{ .timeoutSeconds }}
failureThreshold: {{ .failureThreshold }}
{{- end -}}

{{/* Where the logging ConfigMap is mounted. */}}
{{- define "homebiyori.loggingDir" -}}
/etc/homebiyori/logging
{{- end -}}
