#!/usr/bin/env bash
# Validates the Prometheus configuration, the rules and the rules' unit tests with promtool (Debian: prometheus),
# and the Grafana dashboard's JSON. Run from anywhere: infra/monitoring/check.sh
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
command -v promtool >/dev/null || { echo "promtool is missing: apt-get install prometheus" >&2; exit 1; }
promtool check config "$here/prometheus.yml"
promtool check rules "$here"/rules/recording.yml "$here"/rules/alerts.yml
(cd "$here/rules" && promtool test rules alerts-test.yml)
python3 -m json.tool "$here/grafana/platform.json" >/dev/null && echo "grafana/platform.json: valid JSON"
