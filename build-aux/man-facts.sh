#!/bin/sh
# man-facts.sh -- regenerate the FACTS list of man/tend-scorecard.5 from
# the fact catalog (`tend facts --format csv`), between BEGIN/END FACTS.
# Usage: man-facts.sh TEND MANPAGE   (run by `make update-man`)
set -eu
tend=$1
man=$2
tmp=$(mktemp)
"$tend" facts --format csv | awk -F, '
	NR == 1 { next }
	{
		name = $1; kind = $2; unit = $3
		desc = $0
		sub(/^[^,]*,[^,]*,[^,]*,/, "", desc)
		gsub(/^"|"$/, "", desc)
		gsub(/""/, "\"", desc)
		print ".It Cm " name " Pq " kind ", " unit
		print desc
	}
	BEGIN { print ".Bl -tag -width Ds" }
	END { print ".El" }
' >"$tmp.list"
awk -v list="$tmp.list" '
	/^\.\\" BEGIN FACTS/ { print; while ((getline l < list) > 0) print l; skip = 1; next }
	/^\.\\" END FACTS/ { skip = 0 }
	!skip
' "$man" >"$tmp"
mv "$tmp" "$man"
rm -f "$tmp.list"
