#!/bin/sh
# @NAME@: the bundled program under /opt/complaint-desk (its own Python runtime).
exec /opt/complaint-desk/@NAME@ "$@"
