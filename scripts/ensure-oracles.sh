#!/usr/bin/env bash
# Installs the real programs the tests use as oracles (Debian packages), if they are missing.
# Idempotent and quiet when everything is present. Needs root (or sudo) only when installing.
set -euo pipefail
need=()
command -v nginx >/dev/null 2>&1 || need+=(nginx-light)
# The stream module (stream {} servers: ssl_* and proxy_ssl_* over TCP) is a separate package.
[ -e /usr/lib/nginx/modules/ngx_stream_module.so ] || need+=(libnginx-mod-stream)
command -v openssl >/dev/null 2>&1 || need+=(openssl)
# DHCP servers, for `dhcpd -t`, `kea-dhcp4 -t` and `dnsmasq --test` (config checks only; never started).
[ -x /usr/sbin/dhcpd ] || need+=(isc-dhcp-server)
command -v kea-dhcp4 >/dev/null 2>&1 || [ -x /usr/sbin/kea-dhcp4 ] || need+=(kea-dhcp4-server)
[ -x /usr/sbin/dnsmasq ] || command -v dnsmasq >/dev/null 2>&1 || need+=(dnsmasq-base)
[ ${#need[@]} -eq 0 ] && exit 0
echo "ensure-oracles: installing ${need[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}"
