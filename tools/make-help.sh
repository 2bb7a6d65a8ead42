#!/bin/sh
# make-help.sh MAKEFILE...: the text of `make help`. Lists the targets that
# end their line with `## text` and the variables assigned with `?=` under
# a `## text` line, with their defaults, in the order of the files.
set -e
awk '
    /^[a-z][a-z-]*:.*## / {
        name = $0; sub(/:.*/, "", name)
        text = $0; sub(/^[^#]*## /, "", text)
        targets[nt++] = sprintf("  %-9s %s", name, text)
        next
    }
    /^## / { doc = substr($0, 4); next }
    /^[A-Z_]+ \?=/ && doc != "" {
        name = $1
        value = $0; sub(/^[A-Z_]+ \?= ?/, "", value)
        vars[nv++] = sprintf("  %-29s %s", name "=" value, doc)
    }
    { doc = "" }
    END {
        print "Targets (make TARGET...):"
        for (i = 0; i < nt; i++) print targets[i]
        print ""
        print "Variables (make TARGET NAME=VALUE), shown with their defaults:"
        for (i = 0; i < nv; i++) print vars[i]
    }' "$@"
