#!/bin/sh
# man-entities.sh -- regenerate the ENTITIES list of man/tend.1 from the
# entity catalog (`tend help import`), between the BEGIN/END ENTITIES marks.
# Usage: man-entities.sh TEND MANPAGE   (run by `make update-man`)
set -eu
tend=$1
man=$2
tmp=$(mktemp)
"$tend" help import | awk '
	/^Entities and their columns/ { on = 1; next }
	!on { next }
	/^  [a-z_]+ -- / {
		if (open) print ".El"
		name = $1
		sub(/^  [a-z_]+ -- /, "")
		print ".Ss " name
		print toupper(substr($0, 1, 1)) substr($0, 2) "."
		print ".Bl -tag -width Ds -compact"
		open = 1
		next
	}
	/^    [a-z_]+ / {
		req = ($2 == "*")
		line = $0
		sub(/^    [a-z_]+ +\*? */, "", line)
		print ".It Cm " $1 (req ? " Pq required" : "")
		print line
	}
	END { if (open) print ".El" }
' >"$tmp.list"
awk -v list="$tmp.list" '
	/^\.\\" BEGIN ENTITIES/ { print; while ((getline l < list) > 0) print l; skip = 1; next }
	/^\.\\" END ENTITIES/ { skip = 0 }
	!skip
' "$man" >"$tmp"
mv "$tmp" "$man"
rm -f "$tmp.list"
