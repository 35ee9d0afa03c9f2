#!/bin/sh
# Install the nightly harvest: `sudo deploy/install.sh` from the checkout (after `make setup`).
# Copies the settings to /etc/fi-minutes/harvest.env (kept if present; FI_MINUTES_HOME set to this
# checkout), installs the service and timer, and enables the timer. Without systemd: see deploy/crontab.
set -eu
home=$(cd "$(dirname "$0")/.." && pwd)
etc=${FI_MINUTES_ETC:-/etc/fi-minutes}
units=${FI_MINUTES_UNITS:-/etc/systemd/system}
mkdir -p "$etc"
if [ ! -e "$etc/harvest.env" ]; then
    sed "s|^FI_MINUTES_HOME=.*|FI_MINUTES_HOME=$home|" "$home/deploy/harvest.env" > "$etc/harvest.env"
fi
sed "s|/etc/fi-minutes/harvest.env|$etc/harvest.env|" "$home/deploy/fi-minutes-harvest.service" \
    > "$units/fi-minutes-harvest.service"
cp "$home/deploy/fi-minutes-harvest.timer" "$units/"
if command -v systemctl >/dev/null && [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    systemctl enable --now fi-minutes-harvest.timer
else
    echo "installed the units in $units; systemd is not running here: enable fi-minutes-harvest.timer, or use deploy/crontab"
fi
