#!/bin/sh
# One harvest with the settings of harvest.env (systemd passes them in; cron sources the file).
# The summary line goes to stdout (the journal, or cron's log), the detailed log to FI_MINUTES_LOG.
set -eu
: "${FI_MINUTES_HOME:?set FI_MINUTES_HOME (see deploy/harvest.env)}"
cd "$FI_MINUTES_HOME"
exec "$FI_MINUTES_HOME/.venv/bin/minutes" harvest \
    --config "${FI_MINUTES_CONFIG:-sources.toml}" \
    --db "${FI_MINUTES_DB:-data/processed/minutes.duckdb}" \
    --data-dir "${FI_MINUTES_DATA:-data/raw}" \
    --log-file "${FI_MINUTES_LOG:-data/logs/harvest.log}"
