#!/bin/sh
# complaint-desk-hq: the bundled HQ service and its admin verbs. On an HQ server
# (package complaint-desk-hq) the verbs use the service's database and keys from
# /etc/complaint-desk-hq/hq.env unless the environment already names them.
if [ -z "${COMPLAINT_DESK_HQ_DATABASE:-}" ] && [ -r /etc/complaint-desk-hq/hq.env ]; then
    set -a
    . /etc/complaint-desk-hq/hq.env
    set +a
fi
exec /opt/complaint-desk/complaint-desk-hq "$@"
